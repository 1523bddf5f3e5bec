// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('[data-print]') : null;
  if (target) window.print();
});
// Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();
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
