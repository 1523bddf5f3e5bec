// Compact mode of the live scorecard, for a window beside a video call: a one-line status bar, the
// rating anchors folded to one line until opened, the guidance folded, the competency or question
// title kept in view. It turns on by itself in a narrow window (half a laptop screen or a phone); the button in the
// bar switches it either way, and that choice is remembered in this browser.
(() => {
  const form = document.querySelector('form[data-scorecard]');
  const button = document.querySelector('[data-compact-toggle]');
  if (!form || !button) return;
  const KEY = 'kam-scorecard-layout';
  const small = window.matchMedia('(max-width: 760px)');
  const stored = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  };
  const remember = (v) => {
    try {
      localStorage.setItem(KEY, v);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  };
  const bar = document.querySelector('.scorecard-bar');
  const apply = () => {
    const choice = stored();
    const compact = choice ? choice === 'compact' : small.matches;
    document.documentElement.classList.toggle('sc-compact', compact);
    button.setAttribute('aria-pressed', String(compact));
    // The guidance opens by default on a big screen; in compact mode it starts folded.
    for (const d of form.querySelectorAll('details.guide')) {
      if (compact) d.removeAttribute('open');
      else if (d.dataset.openByDefault === '1') d.setAttribute('open', '');
    }
    // Titles stick just below the status bar, whatever its height turns out to be.
    if (bar) document.documentElement.style.setProperty('--sc-bar', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  };
  for (const d of form.querySelectorAll('details.guide')) d.dataset.openByDefault = d.open ? '1' : '0';
  button.hidden = false;
  button.addEventListener('click', () => {
    remember(document.documentElement.classList.contains('sc-compact') ? 'full' : 'compact');
    apply();
  });
  small.addEventListener('change', apply);
  window.addEventListener('resize', () => {
    if (bar) document.documentElement.style.setProperty('--sc-bar', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  });
  apply();
})();
