import type { Request, Response } from 'express';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../../security/password.js';
import { audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import type { UserRow } from '../../db/users.js';
import { userOf } from '../types.js';
import { isTimeZone, timeZoneChoices } from '../../domain/calendar/ics.js';
import { timeZoneField } from '../calendar-view.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.too_long')
    .transform((v) => (v === '' ? null : v));
const password = z
  .string()
  .max(200, 'errors.too_long')
  .refine((v) => v === '' || v.length >= MIN_PASSWORD_LENGTH, 'errors.password_short');

const profileFields = {
  display_name: z.string().trim().min(1, 'errors.required').max(120, 'errors.too_long'),
  email: z
    .string()
    .trim()
    .max(200, 'errors.too_long')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'errors.email')
    .transform((v) => (v === '' ? null : v)),
  role: z.enum(ROLES, { error: 'errors.choice' }),
  department: optionalText(120),
};

const createSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, 'errors.required')
      .max(60, 'errors.too_long')
      .regex(/^[a-zA-Z0-9._-]+$/, 'errors.username'),
    ...profileFields,
    password,
  })
  .superRefine((u, ctx) => {
    if (u.role === 'department_head' && !u.department)
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'errors.department_required' });
  });

const updateSchema = z
  .object({ ...profileFields, disabled: z.literal('1').optional(), time_zone: timeZoneField.optional() })
  .superRefine((u, ctx) => {
    if (u.role === 'department_head' && !u.department)
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'errors.department_required' });
  });

const resetSchema = z.object({ password });

const idParam = z.object({ id: z.coerce.number().int().positive() });

function loadUser(req: Request): UserRow {
  const p = idParam.safeParse(req.params);
  const user = p.success ? req.ctx.repos.users.findById(p.data.id) : undefined;
  if (!user) throw new HttpError(404, 'errors.not_found');
  return user;
}

function userView(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    role: u.role,
    department: u.department,
    disabled: u.disabled === 1,
    createdAt: u.created_at,
  };
}

export function listUsers(req: Request, res: Response) {
  renderPage(res, 'pages/admin/users', req.ctx.t('users.title'), {
    users: req.ctx.repos.users.list().map(userView),
    newPassword: null,
  });
}

function showNew(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  res.status(status);
  renderPage(res, 'pages/admin/user-new', req.ctx.t('users.new_title'), {
    values,
    errors,
    roles: ROLES,
    departments: req.ctx.repos.vacancies.departments(),
  });
}

export function newUser(req: Request, res: Response) {
  showNew(req, res, { username: '', display_name: '', email: '', role: 'interviewer', department: '' }, {});
}

function showCreated(req: Request, res: Response, username: string, generated: string | null) {
  renderPage(res, 'pages/admin/user-password', req.ctx.t('users.password_title'), { username, generated });
}

export async function createUser(req: Request, res: Response) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(createSchema, body);
  const values = { ...body, password: '' };
  if (!parsed.ok) return showNew(req, res, values, parsed.errors, 422);
  const { users } = req.ctx.repos;
  if (users.findByUsername(parsed.data.username)) return showNew(req, res, values, { username: { key: 'errors.username_taken' } }, 422);
  const generated = parsed.data.password ? null : generatePassword();
  const passwordHash = await hashPassword(parsed.data.password || generated!);
  users.create({
    username: parsed.data.username,
    displayName: parsed.data.display_name,
    email: parsed.data.email,
    role: parsed.data.role,
    department: parsed.data.department,
    passwordHash,
  });
  audit(req, 'user.create', { type: 'user', id: parsed.data.username }, { role: parsed.data.role, department: parsed.data.department });
  flash(req, 'ok', 'users.created');
  showCreated(req, res, parsed.data.username, generated);
}

function showEdit(req: Request, res: Response, user: UserRow, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  res.status(status);
  renderPage(res, 'pages/admin/user-edit', req.ctx.t('users.edit_title'), {
    user: userView(user),
    values,
    errors,
    roles: ROLES,
    departments: req.ctx.repos.vacancies.departments(),
    isSelf: user.id === userOf(req).id,
    zones: timeZoneChoices(),
  });
}

export function editUser(req: Request, res: Response) {
  const u = loadUser(req);
  showEdit(
    req,
    res,
    u,
    {
      display_name: u.display_name,
      email: u.email ?? '',
      role: u.role,
      department: u.department ?? '',
      disabled: u.disabled ? '1' : undefined,
      time_zone: req.ctx.repos.calendar.timeZone(u.id),
    },
    {},
  );
}

export function updateUser(req: Request, res: Response) {
  const u = loadUser(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(updateSchema, body);
  if (parsed.ok && parsed.data.time_zone !== undefined && !isTimeZone(parsed.data.time_zone))
    return showEdit(req, res, u, body, { time_zone: { key: 'calendar.error_time_zone' } }, 422);
  if (!parsed.ok) return showEdit(req, res, u, body, parsed.errors, 422);
  const self = u.id === userOf(req).id;
  // An admin who demotes or disables themselves could leave nobody able to manage users.
  if (self && (parsed.data.role !== 'admin' || parsed.data.disabled)) {
    return showEdit(req, res, u, body, { role: { key: 'errors.self_lockout' } }, 422);
  }
  req.ctx.repos.users.update(u.id, {
    displayName: parsed.data.display_name,
    email: parsed.data.email,
    role: parsed.data.role,
    department: parsed.data.department,
    disabled: parsed.data.disabled === '1',
  });
  if (parsed.data.time_zone) req.ctx.repos.calendar.setTimeZone(u.id, parsed.data.time_zone);
  audit(
    req,
    'user.update',
    { type: 'user', id: u.username },
    {
      role: u.role === parsed.data.role ? undefined : { from: u.role, to: parsed.data.role },
      department: (u.department ?? null) === parsed.data.department ? undefined : { from: u.department, to: parsed.data.department },
      disabled: (u.disabled === 1) === (parsed.data.disabled === '1') ? undefined : parsed.data.disabled === '1',
    },
  );
  flash(req, 'ok', 'users.saved');
  res.redirect('/admin/users');
}

export async function resetPassword(req: Request, res: Response) {
  const u = loadUser(req);
  const parsed = parseForm(resetSchema, req.body ?? {});
  if (!parsed.ok) {
    return showEdit(
      req,
      res,
      u,
      {
        display_name: u.display_name,
        email: u.email ?? '',
        role: u.role,
        department: u.department ?? '',
        disabled: u.disabled ? '1' : undefined,
        time_zone: req.ctx.repos.calendar.timeZone(u.id),
      },
      parsed.errors,
      422,
    );
  }
  const generated = parsed.data.password ? null : generatePassword();
  req.ctx.repos.users.setPassword(u.id, await hashPassword(parsed.data.password || generated!));
  if (u.id !== userOf(req).id) req.ctx.repos.users.endSessions(u.id);
  audit(req, 'user.password_reset', { type: 'user', id: u.username });
  flash(req, 'ok', 'users.password_reset');
  showCreated(req, res, u.username, generated);
}
