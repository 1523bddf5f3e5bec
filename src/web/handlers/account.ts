import type { Request, Response } from 'express';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../security/password.js';
import { msg } from '../../domain/messages.js';
import { audit } from '../audit.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { userOf } from '../types.js';

// Every signed-in user changes their own password here: the current one proves it is them, the new one
// follows the same strength rule as at user creation, and every other session of theirs ends.
const changeSchema = z
  .object({
    current: z.string().min(1, 'errors.required').max(200, 'errors.too_long'),
    password: z
      .string()
      .max(200, 'errors.too_long')
      .refine((v) => v.length >= MIN_PASSWORD_LENGTH, msg('account.password_short', { min: MIN_PASSWORD_LENGTH })),
    confirm: z.string().max(200, 'errors.too_long'),
  })
  .superRefine((v, ctx) => {
    if (v.password.length >= MIN_PASSWORD_LENGTH && v.confirm !== v.password)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'account.confirm_mismatch' });
    if (v.password !== '' && v.password === v.current)
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'account.same_password' });
  });

const FIELDS = ['current', 'password', 'confirm'] as const;

function showForm(req: Request, res: Response, errors: FieldErrors, status = 200) {
  const { t } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/account/password', t('account.password_title'), {
    errors,
    errorLinks: FIELDS.filter((f) => errors[f]).map((f) => ({
      href: `#f-${f}`,
      text: `${t(`account.${f}`)}: ${t(errors[f]!.key, errors[f]!.params)}`,
    })),
    minLength: MIN_PASSWORD_LENGTH,
  });
}

export function passwordPage(req: Request, res: Response) {
  showForm(req, res, {});
}

export async function changePassword(req: Request, res: Response) {
  const user = userOf(req);
  const parsed = parseForm(changeSchema, req.body ?? {});
  // Passwords are never sent back into the form: a page that re-fills them would keep them in the browser's history.
  if (!parsed.ok) return showForm(req, res, parsed.errors, 422);
  const row = req.ctx.repos.users.findById(user.id);
  if (!row || !(await verifyPassword(parsed.data.current, row.password_hash))) {
    audit(req, 'user.password_change_failed', { type: 'user', id: user.username });
    return showForm(req, res, { current: { key: 'account.current_wrong' } }, 422);
  }
  const hash = await hashPassword(parsed.data.password);
  const { repos } = req.ctx;
  repos.transaction(() => {
    repos.users.setPassword(user.id, hash);
    // Every session of this user ends (a stolen one elsewhere too); this browser gets a fresh one below.
    repos.users.endSessions(user.id);
    audit(req, 'user.password_change', { type: 'user', id: user.username });
  });
  const lang = req.session.lang;
  req.session.regenerate((err) => {
    if (err) throw err;
    req.session.userId = user.id;
    if (lang) req.session.lang = lang;
    flash(req, 'ok', 'account.password_changed');
    req.session.save(() => res.redirect('/account/password'));
  });
}
