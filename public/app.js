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
