import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors.js';

/**
 * Synchronizer tokens. A visitor with a stored session (signed in, or a session holding their
 * language or a message) gets a token kept in that session. An anonymous visitor without one gets
 * a token bound to a small random cookie instead (the cookie's value plus its HMAC), so that a
 * page view, /health or a 404 never creates a stored session: only what really needs one does.
 *
 * The token is made only when a page reads `csrfToken` (a form is rendered); a redirect, JSON or
 * text answer makes none.
 */
const ANON_COOKIE = 'kam.csrf';
const KEY = Symbol('csrf-key');

type WithKey = Request & { [KEY]?: Buffer };

function sign(key: Buffer, nonce: string): string {
  return createHmac('sha256', key).update(nonce).digest('base64url');
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the session holds anything (it is or will be stored), beyond express-session's cookie. */
function hasSessionData(req: Request): boolean {
  return Object.keys(req.session).some((k) => k !== 'cookie');
}

/** Makes res.locals.csrfToken available to every page, created on first read. */
export function csrfTokens(secret: string, opts: { secureCookie: boolean }) {
  const key = createHmac('sha256', secret).update('csrf-token-key').digest();
  return (req: Request, res: Response, next: NextFunction) => {
    (req as WithKey)[KEY] = key;
    let token: string | undefined;
    Object.defineProperty(res.locals, 'csrfToken', {
      enumerable: true,
      configurable: true,
      get() {
        if (token !== undefined) return token;
        if (req.session.csrf !== undefined || hasSessionData(req)) {
          req.session.csrf ??= randomBytes(24).toString('base64url');
          token = req.session.csrf;
          return token;
        }
        let nonce = cookie(req, ANON_COOKIE);
        if (nonce === undefined || !/^[A-Za-z0-9_-]{32}$/.test(nonce)) {
          nonce = randomBytes(24).toString('base64url');
          if (!res.headersSent) res.cookie(ANON_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: opts.secureCookie, path: '/' });
        }
        token = `${nonce}.${sign(key, nonce)}`;
        return token;
      },
    });
    next();
  };
}

/** True when this browser was given a form token (a page was opened): checkable before the body is read. */
export function hasCsrfToken(req: Request): boolean {
  return req.session.csrf !== undefined || cookie(req, ANON_COOKIE) !== undefined;
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

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Placed in every state-changing route's chain, after that route's body parser. */
export function verifyCsrf(req: Request, _res: Response, next: NextFunction) {
  const got = sent(req);
  const expected = req.session.csrf;
  if (got !== undefined && expected !== undefined) {
    if (same(expected, got)) return next();
  } else if (got !== undefined) {
    // No token in the session: the anonymous token, bound to this browser's cookie.
    const key = (req as WithKey)[KEY];
    const nonce = cookie(req, ANON_COOKIE);
    if (key && nonce !== undefined && same(`${nonce}.${sign(key, nonce)}`, got)) return next();
  }
  next(new HttpError(403, 'errors.csrf'));
}
