import type { NextFunction, Request, Response } from 'express';
import { renderPage } from '../render.js';
import { storageFault } from '../../storage/faults.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** i18n key of the message shown to the user. */
    readonly key: string,
  ) {
    super(key);
    this.name = 'HttpError';
  }
}

function respond(req: Request, res: Response, status: number, key: string) {
  const t = req.ctx?.t ?? ((k: string) => k);
  const message = t(key);
  res.status(status);
  res.format({
    html: () => renderPage(res, 'pages/error', t(`errors.status_${status}`), { status, message }),
    json: () => res.json({ error: message, status }),
    default: () => res.type('txt').send(message),
  });
}

export function notFound(req: Request, res: Response) {
  respond(req, res, 404, 'errors.not_found');
}

/**
 * The last handler. A user's mistake gets its 4xx page; anything else is a 500, and the error goes
 * on the response, where the request log (middleware/log.ts) writes it with the stack, request id, route and user.
 */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  if (res.headersSent) {
    res.err = err instanceof Error ? err : new Error(String(err));
    return;
  }
  if (err instanceof HttpError) return respond(req, res, err.status, err.key);
  // Disk full or DATA_DIR not writable: every write is in a transaction, so nothing was saved.
  const fault = storageFault(err);
  if (fault) {
    req.log?.warn({ err, fault }, 'storage fault');
    res.set('Retry-After', '60');
    return respond(req, res, 503, fault === 'full' ? 'errors.storage_full' : 'errors.storage_not_writable');
  }
  // body-parser's own errors (too large, malformed JSON) are the client's mistake, not ours.
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number((err as { status: unknown }).status) : 500;
  if (status >= 400 && status < 500) {
    return respond(req, res, status, status === 413 ? 'errors.too_large' : 'errors.bad_request');
  }
  res.err = err instanceof Error ? err : new Error(String(err));
  respond(req, res, 500, 'errors.server');
}
