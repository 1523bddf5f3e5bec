import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from '../../security/password.js';
import { safeNext } from '../middleware/auth.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { LANGS } from '../../domain/bank/schema.js';
import { audit } from '../audit.js';

const loginSchema = z.object({
  username: z.string().trim().min(1, 'errors.required').max(100, 'errors.too_long'),
  password: z.string().min(1, 'errors.required').max(200, 'errors.too_long'),
  // Where to go after login is never a reason to refuse it; safeNext drops anything odd.
  next: z.unknown().optional(),
});

function showForm(req: Request, res: Response, values: { username: string; next: string }, errors: FieldErrors, status = 200) {
  res.status(status);
  renderPage(res, 'pages/auth/login', req.ctx.t('auth.title'), { values, errors });
}

export function showLogin(req: Request, res: Response) {
  if (req.ctx.user) return res.redirect(safeNext(req.query.next));
  showForm(req, res, { username: '', next: safeNext(req.query.next) }, {});
}

export async function login(req: Request, res: Response) {
  const parsed = parseForm(loginSchema, req.body);
  const next = safeNext((req.body as { next?: unknown } | undefined)?.next);
  if (!parsed.ok) {
    const username = String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 100);
    return showForm(req, res, { username, next }, parsed.errors, 422);
  }
  const { username, password } = parsed.data;
  const throttle = req.ctx.services.throttle;
  const ip = req.ip ?? 'unknown';
  const wait = throttle.retryAfter(username, ip);
  if (wait > 0) {
    res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
    return showForm(req, res, { username, next }, { password: { key: 'auth.locked', params: { minutes: Math.ceil(wait / 60000) } } }, 429);
  }
  const user = req.ctx.repos.users.findByUsername(username);
  // Verify even for unknown users so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    const locked = throttle.fail(username, ip);
    audit(req, locked ? 'login.locked' : 'login.failed', { type: 'user', id: username.slice(0, 60) });
    return showForm(req, res, { username, next }, { password: { key: user?.disabled && ok ? 'auth.disabled' : 'auth.invalid' } }, 401);
  }
  throttle.succeed(username, ip);
  const lang = req.session.lang;
  // A fresh session id at login defeats session fixation. A store that cannot write (disk full)
  // rejects here, and the error page says so; the process never throws from a callback.
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.userId = user.id;
  if (lang) req.session.lang = lang;
  req.ctx.repos.audit.log({ userId: user.id, userName: `${user.display_name} (${user.username})`, action: 'login.success', ip });
  await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
  res.redirect(next);
}

export function logout(req: Request, res: Response, next: NextFunction) {
  const lang = req.ctx.lang;
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.lang = lang;
    res.redirect('/login');
  });
}

const langSchema = z.object({ lang: z.enum(LANGS), next: z.string().max(2000).optional() });

export function switchLanguage(req: Request, res: Response) {
  const parsed = parseForm(langSchema, req.body);
  if (parsed.ok) {
    req.session.lang = parsed.data.lang;
    if (req.ctx.user) req.ctx.repos.users.setLocale(req.ctx.user.id, parsed.data.lang);
  }
  res.redirect(safeNext(parsed.ok ? parsed.data.next : undefined));
}
