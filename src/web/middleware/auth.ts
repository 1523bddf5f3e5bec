import type { NextFunction, Request, Response } from 'express';
import { isAllowed, type Access } from '../../domain/roles.js';
import { HttpError } from './errors.js';

/** Only same-site paths may be returned to after login, so the parameter cannot redirect elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

export function requireAccess(access: Access) {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = req.ctx.user;
    if (isAllowed(access, user?.role ?? null)) return next();
    if (!user) {
      if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html') {
        return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
      }
      return next(new HttpError(401, 'errors.login_required'));
    }
    next(new HttpError(403, 'errors.forbidden'));
  };
}
