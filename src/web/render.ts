import type { Response } from 'express';

/**
 * Every page renders inside layouts/main; the page template gets the view-model plus the
 * request's locals (t, fmt, user, csrfToken). `title` is already translated.
 */
export function renderPage(res: Response, view: string, title: string, vm: object = {}): void {
  res.render('layouts/main', { ...vm, title, bodyView: view }, (err: unknown, html?: string) => {
    if (err) res.req.next?.(err);
    else sendHtml(res, html ?? '');
  });
}

/**
 * Sends a rendered page as it is, a string, for node to encode straight into the socket's buffer. express's
 * res.send first copies a page of 1,000 characters or more into a new Buffer (to hash it for an ETag, which pages
 * do not have here: app.ts): for a 30 KB list page that copy cost more than encoding it, and the garbage it left
 * made collections more frequent. node measures a body passed to end() itself and sends its Content-Length, so
 * the page is measured only once; a HEAD answer, which has no body, is measured here.
 */
function sendHtml(res: Response, html: string): void {
  if (res.getHeader('Content-Type') === undefined) res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (res.req.method === 'HEAD') {
    res.setHeader('Content-Length', Buffer.byteLength(html, 'utf8'));
    res.end();
  } else res.end(html, 'utf8');
}
