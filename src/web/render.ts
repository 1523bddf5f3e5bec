import type { Response } from 'express';

/**
 * Every page renders inside layouts/main; the page template gets the view-model plus the
 * request's locals (t, fmt, user, csrfToken). `title` is already translated.
 */
export function renderPage(res: Response, view: string, title: string, vm: object = {}): void {
  res.render('layouts/main', { ...vm, title, bodyView: view });
}
