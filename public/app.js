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
