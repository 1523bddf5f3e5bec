import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';

/** A session ends this long after the visitor's last request. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** How far the end of a session may lag behind the last request: the cookie and the stored expiry move in these steps. */
export const SESSION_RENEW_MS = 10 * 60 * 1000;

/**
 * The session (express-session, stored in the app's SQLite file): `store` keeps it, the cookie `kam.sid` names it.
 *
 * It lasts {@link SESSION_IDLE_MS} after the last request. express-session's `rolling` option does that by signing
 * and sending the cookie again on every response (about 3 % of the candidate list's CPU in a profile). Instead the
 * session is marked as seen once per {@link SESSION_RENEW_MS}: express-session then stores it and sends the cookie
 * with its new expiry, so a session still ends 12 hours after the last request, to within ten minutes.
 */
export function sessions(store: session.Store, secret: string, secureCookie: boolean): RequestHandler[] {
  const base = session({
    name: 'kam.sid',
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: secureCookie, maxAge: SESSION_IDLE_MS },
  });
  const renew = (req: Request, _res: Response, next: NextFunction) => {
    const s = req.session;
    // Only a session that is stored already (it holds something); a new one is saved when something is put in it.
    if (s.userId !== undefined || s.lang !== undefined || s.csrf !== undefined) {
      const step = Math.floor(Date.now() / SESSION_RENEW_MS);
      if (s.renewed !== step) s.renewed = step;
    }
    next();
  };
  return [base, renew];
}
