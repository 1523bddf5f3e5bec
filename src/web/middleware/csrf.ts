import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors.js';

/** Synchronizer token kept in the session; every page gets it in res.locals for its forms. */
export function issueCsrfToken(req: Request, res: Response, next: NextFunction) {
  req.session.csrf ??= randomBytes(24).toString('base64url');
  res.locals.csrfToken = req.session.csrf;
  next();
}

function sent(req: Request): string | undefined {
  const header = req.get('x-csrf-token');
  if (header) return header;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && '_csrf' in body) {
    const v = (body as { _csrf: unknown })._csrf;
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** Placed in every state-changing route's chain, after that route's body parser. */
export function verifyCsrf(req: Request, _res: Response, next: NextFunction) {
  const expected = req.session.csrf;
  const got = sent(req);
  if (expected && got) {
    const a = Buffer.from(expected);
    const b = Buffer.from(got);
    if (a.length === b.length && timingSafeEqual(a, b)) return next();
  }
  next(new HttpError(403, 'errors.csrf'));
}
