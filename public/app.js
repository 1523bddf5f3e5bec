// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('[data-print]') : null;
  if (target) window.print();
});
// The error summary: each link names its field (the label or the group's legend) and, when followed,
// puts the cursor in that field with its label in view. On load the summary gets the focus (and the
// scroll), so keyboard and screen-reader users hear what went wrong first.
const FOCUSABLE = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';
const errorTarget = (href) => {
  const id = decodeURIComponent(href.slice(1));
  return id ? document.getElementById(id) : null;
};
const labelOf = (el) => {
  const group = el.closest('fieldset');
  const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const source =
    el.tagName === 'FIELDSET'
      ? el.querySelector('legend')
      : label && !(group && el.type === 'radio')
        ? label
        : group?.querySelector('legend');
  if (!source) return '';
  const copy = source.cloneNode(true);
  for (const x of copy.querySelectorAll('.req, .visually-hidden, .muted')) x.remove();
  return copy.textContent.replace(/\s+/g, ' ').trim();
};
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (!(summary instanceof HTMLElement)) return;
  for (const a of summary.querySelectorAll('a[href^="#"]')) {
    const target = errorTarget(a.getAttribute('href'));
    const name = target ? labelOf(target) : '';
    if (name && !a.textContent.startsWith(name)) a.textContent = `${name}: ${a.textContent}`;
  }
  summary.focus();
});
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('.error-summary a[href^="#"]') : null;
  if (!a) return;
  const target = errorTarget(a.getAttribute('href'));
  if (!target) return;
  e.preventDefault();
  const control = target.matches(FOCUSABLE) ? target : target.querySelector(FOCUSABLE);
  const shown = target.closest('.field, fieldset') ?? target;
  shown.scrollIntoView({ block: 'start' });
  if (control instanceof HTMLElement) control.focus({ preventScroll: true });
  history.replaceState(null, '', a.getAttribute('href'));
});
// Back to a page restored from the back/forward cache shows what the server has now (e.g. a submitted,
// locked scorecard rather than the editable form left behind); pages that opt in hold a [data-reload-on-back] element.
window.addEventListener('pageshow', (e) => {
  if (e.persisted && document.querySelector('[data-reload-on-back]')) location.reload();
});
// A second click on "submit" while the first is on its way would only wait; the server ignores repeats anyway.
document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-once')) return;
  const button = form.querySelector('[data-once-button]');
  if (button instanceof HTMLButtonElement)
    setTimeout(() => {
      button.disabled = true;
    }, 0);
});
// The candidate's private link: a copy button (shown only when scripts run; without them the link stays in a
// read-only field to select and copy by hand), and the whole link selected when the field gets focus.
document.addEventListener('DOMContentLoaded', () => {
  for (const row of document.querySelectorAll('[data-copy-row]')) if (navigator.clipboard) row.hidden = false;
});
document.addEventListener('focusin', (e) => {
  if (e.target instanceof HTMLInputElement && e.target.hasAttribute('data-select-all')) e.target.select();
});
document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('[data-copy]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const field = document.getElementById(button.dataset.copy ?? '');
  const status = button.parentElement?.querySelector('[data-copy-status]');
  if (!(field instanceof HTMLInputElement)) return;
  navigator.clipboard.writeText(field.value).then(
    () => {
      if (status) status.textContent = button.dataset.copied ?? '';
    },
    () => {
      field.focus();
      field.select();
      if (status) status.textContent = button.dataset.copyFailed ?? '';
    },
  );
});
