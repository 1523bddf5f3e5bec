import type { Request, Response } from 'express';
import { z } from 'zod';
import { msg } from '../../domain/messages.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import { DEFAULT_ZONE, isTimeZone } from '../../domain/zone.js';
import { auditLine } from '../../services/audit.js';
import { userActorOf } from '../audit.js';
import { loadVacancy } from '../loaders.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';

// ---- My reminder mail and time zone ----------------------------------------------------------

const ZONES = (() => {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(DEFAULT_ZONE) ? all : [DEFAULT_ZONE, ...all];
})();

const notificationsSchema = z.object({
  reminders: z.enum(['on', 'off'], { error: 'errors.choice' }),
  time_zone: z.string().refine(isTimeZone, 'errors.choice'),
});

function showNotificationsPage(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { t, repos } = req.ctx;
  const s = repos.reminders.settings(userOf(req).id);
  res.status(status);
  renderPage(res, 'pages/account/notifications', t('tasks.notifications_title'), {
    values,
    errors,
    zones: ZONES,
    hasEmail: Boolean(s?.email?.trim()),
  });
}

export function showNotifications(req: Request, res: Response) {
  const s = req.ctx.repos.reminders.settings(userOf(req).id);
  showNotificationsPage(req, res, { reminders: s?.reminders_off ? 'off' : 'on', time_zone: s?.time_zone ?? DEFAULT_ZONE }, {});
}

export function saveNotifications(req: Request, res: Response) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(notificationsSchema, body);
  if (!parsed.ok) return showNotificationsPage(req, res, { reminders: body.reminders, time_zone: body.time_zone }, parsed.errors, 422);
  const { repos } = req.ctx;
  const actor = userActorOf(req);
  repos.transaction(() => {
    repos.reminders.setSettings(actor.userId, parsed.data.reminders === 'off', parsed.data.time_zone);
    auditLine(repos, actor, 'user.notifications', { type: 'user', id: actor.userId }, { ...parsed.data });
  });
  flash(req, 'ok', 'tasks.notifications_saved');
  res.redirect(303, '/account/notifications');
}

// ---- A vacancy's reminder periods ----------------------------------------------------------

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'errors.number' })
    .int('errors.integer')
    .min(min, msg('errors.range', { min, max }))
    .max(max, msg('errors.range', { min, max }));

const vacancySchema = z.object({ scorecard_hours: int(1, 720), grading_days: int(1, 60) });

function showVacancyPage(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const v = loadVacancy(req);
  const { t, lang } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/account/vacancy-reminders', t('tasks.vacancy_reminders_title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    values,
    errors,
  });
}

export function showVacancyReminders(req: Request, res: Response) {
  const v = loadVacancy(req);
  const s = req.ctx.repos.reminders.vacancySettings(v.id);
  showVacancyPage(req, res, { scorecard_hours: s?.scorecard_reminder_hours ?? 24, grading_days: s?.grading_reminder_days ?? 3 }, {});
}

export function saveVacancyReminders(req: Request, res: Response) {
  const v = loadVacancy(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(vacancySchema, body);
  if (!parsed.ok)
    return showVacancyPage(req, res, { scorecard_hours: body.scorecard_hours, grading_days: body.grading_days }, parsed.errors, 422);
  const { repos } = req.ctx;
  const actor = userActorOf(req);
  repos.transaction(() => {
    repos.reminders.setVacancySettings(v.id, parsed.data.scorecard_hours, parsed.data.grading_days);
    auditLine(repos, actor, 'vacancy.reminders', { type: 'vacancy', id: v.id }, { ...parsed.data });
  });
  flash(req, 'ok', 'tasks.vacancy_reminders_saved');
  res.redirect(303, `/vacancies/${v.id}`);
}
