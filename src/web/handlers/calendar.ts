import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { timeZoneChoices } from '../../domain/calendar/ics.js';
import { messageFields } from '../../domain/calendar/slots.js';
import { interviewTimeFields, localToIso } from '../../domain/interview.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import {
  cancelInterview,
  candidateLang,
  feedFor,
  findOverlaps,
  messageDraft,
  renewFeed,
  rescheduleInterview,
  revokeFeed,
} from '../../services/calendar.js';
import { auditLine } from '../../services/audit.js';
import { actorOf, userActorOf } from '../audit.js';
import {
  UnknownPlaceholderError,
  calendarDeps,
  checkTimeZone,
  timeZoneField,
  messageFromForm,
  overlapView,
  placeholderErrors,
  interviewFieldLabels,
} from '../calendar-view.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { errorLinks, parseForm, type FieldErrors } from '../validation.js';
import { loadInterview } from '../loaders.js';
import { hashToken } from '../../security/tokens.js';

// ---- My calendar: the personal feed and the time zone ---------------------------------------------

function showMyCalendar(
  req: Request,
  res: Response,
  extra: { feedUrl?: string; values?: Record<string, unknown>; errors?: FieldErrors },
  status = 200,
) {
  const user = userOf(req);
  const { repos, t } = req.ctx;
  const errors = extra.errors ?? {};
  res.status(status);
  renderPage(res, 'pages/calendar/mine', t('calendar.title'), {
    feedCreatedAt: repos.calendar.feedCreatedAt(user.id),
    feedUrl: extra.feedUrl ?? null,
    values: extra.values ?? { time_zone: repos.calendar.timeZone(user.id) },
    zones: timeZoneChoices(),
    errors,
    errorLinks: errorLinks(req, errors, { time_zone: t('calendar.time_zone') }),
  });
}

export function myCalendar(req: Request, res: Response) {
  showMyCalendar(req, res, {});
}

const feedActionSchema = z.object({ action: z.enum(['create', 'revoke'], { error: 'errors.choice' }) });

/** Creates or replaces the secret feed address (shown once), or revokes it. */
export function changeFeed(req: Request, res: Response) {
  const parsed = parseForm(feedActionSchema, req.body);
  if (!parsed.ok) return showMyCalendar(req, res, { errors: parsed.errors }, 422);
  const actor = userActorOf(req);
  if (parsed.data.action === 'revoke') {
    revokeFeed(req.ctx.repos, actor);
    flash(req, 'ok', 'calendar.feed_revoked');
    return res.redirect('/calendar');
  }
  const token = randomBytes(32).toString('base64url');
  renewFeed(req.ctx.repos, actor, hashToken(token));
  showMyCalendar(req, res, { feedUrl: `${req.ctx.config.publicUrl}/calendar/${token}.ics` });
}

export function saveMyTimeZone(req: Request, res: Response) {
  const parsed = parseForm(z.object({ time_zone: timeZoneField }), req.body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  checkTimeZone(errors, parsed.ok ? parsed.data.time_zone : undefined);
  if (!parsed.ok || Object.keys(errors).length > 0)
    return showMyCalendar(req, res, { values: req.body as Record<string, unknown>, errors }, 422);
  const { repos } = req.ctx;
  const actor = userActorOf(req);
  repos.transaction(() => {
    repos.calendar.setTimeZone(actor.userId, parsed.data.time_zone);
    auditLine(repos, actor, 'user.time_zone', { type: 'user', id: actor.userId }, { timeZone: parsed.data.time_zone });
  });
  flash(req, 'ok', 'calendar.time_zone_saved');
  res.redirect('/calendar');
}

/** GET /calendar/<token>.ics — no login: the token is the key; an unknown or revoked one is 404. */
export function feed(req: Request, res: Response) {
  const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(String(req.params.feed ?? ''));
  const userId = m ? req.ctx.repos.calendar.feedUser(hashToken(m[1] as string)) : undefined;
  const body = userId === undefined ? undefined : feedFor(req.ctx.repos, calendarDeps(req), userId);
  if (body === undefined) throw new HttpError(404, 'calendar.unknown_feed');
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.setHeader('Content-Disposition', 'inline; filename="interviews.ics"');
  res.send(body);
}

// ---- Changing or cancelling an interview (HR) ------------------------------------------------------

const rescheduleSchema = z.object({
  ...interviewTimeFields,
  confirm_overlap: z.literal('1').optional(),
  ...messageFields,
});

const cancelSchema = z.object({ confirm: z.literal('1').optional(), ...messageFields });

function loadManaged(req: Request) {
  const a = loadInterview(req);
  if (!a.canManage) throw new HttpError(403, 'errors.forbidden');
  if (a.interview.status !== 'scheduled') throw new HttpError(409, 'calendar.already_cancelled');
  const candidate = req.ctx.repos.candidates.get(a.interview.candidateId);
  if (!candidate) throw new HttpError(404, 'errors.not_found');
  return { ...a, candidate };
}

function showEdit(
  req: Request,
  res: Response,
  mode: 'change' | 'cancel',
  form: Record<string, unknown> | null,
  errors: FieldErrors,
  status = 200,
  overlaps: ReturnType<typeof overlapView> = [],
) {
  const { interview, vacancy, candidate } = loadManaged(req);
  const { t, repos } = req.ctx;
  const draft = messageDraft(
    repos,
    mode === 'change' ? 'interview_changed' : 'interview_cancelled',
    candidateLang(req.ctx.repos, candidate),
  );
  // The form shows Moscow wall time, as the scheduling form takes it.
  const local = new Date(new Date(interview.scheduledAt).getTime() + 3 * 3600_000).toISOString();
  const send = candidate.email ? '1' : undefined;
  res.status(status);
  renderPage(res, `pages/calendar/${mode === 'change' ? 'edit-interview' : 'cancel-interview'}`, t(`calendar.${mode}_title`), {
    i: interview,
    candidate: { id: candidate.id, name: candidate.fullName, email: candidate.email },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, req.ctx.lang) },
    values: form ?? {
      date: local.slice(0, 10),
      time: local.slice(11, 16),
      duration_min: String(interview.durationMin),
      location: interview.location ?? '',
      send_to_candidate: send,
      mail_subject: draft.subject,
      mail_body: draft.body,
    },
    errors,
    overlaps,
    errorLinks: errorLinks(req, errors, {
      ...interviewFieldLabels(t),
      confirm: t('calendar.confirm_cancel'),
    }),
  });
}

export function editInterview(req: Request, res: Response) {
  showEdit(req, res, 'change', null, {});
}

export function confirmCancel(req: Request, res: Response) {
  showEdit(req, res, 'cancel', null, {});
}

export function reschedule(req: Request, res: Response) {
  const { interview, candidate } = loadManaged(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(rescheduleSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const scheduledAt = parsed.ok ? localToIso(parsed.data.date, parsed.data.time) : null;
  if (parsed.ok && !scheduledAt) errors.date = { key: 'errors.date' };
  const m = parsed.ok ? messageFromForm(parsed.data, candidate.email) : null;
  Object.assign(errors, m?.errors);
  if (!parsed.ok || !m || !scheduledAt || Object.keys(errors).length > 0) return showEdit(req, res, 'change', body, errors, 422);
  const { repos } = req.ctx;
  const panel = repos.interviews.scorecards(interview.id).map((s) => s.interviewerId);
  const clash = findOverlaps(repos, panel, scheduledAt, parsed.data.duration_min, interview.id);
  if (clash.length > 0 && parsed.data.confirm_overlap !== '1') return showEdit(req, res, 'change', body, {}, 409, overlapView(req, clash));
  try {
    rescheduleInterview(
      repos,
      actorOf(req),
      calendarDeps(req),
      interview.id,
      { scheduledAt, durationMin: parsed.data.duration_min, location: parsed.data.location || null },
      m.message,
    );
  } catch (e) {
    if (e instanceof UnknownPlaceholderError && m.message) return showEdit(req, res, 'change', body, placeholderErrors(e, m.message), 422);
    throw e;
  }
  flash(req, 'ok', 'calendar.rescheduled');
  res.redirect(`/interviews/${interview.id}`);
}

export function cancel(req: Request, res: Response) {
  const { interview, candidate } = loadManaged(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(cancelSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && parsed.data.confirm !== '1') errors.confirm = { key: 'calendar.error_confirm_cancel' };
  const m = parsed.ok ? messageFromForm(parsed.data, candidate.email) : null;
  Object.assign(errors, m?.errors);
  if (!parsed.ok || !m || Object.keys(errors).length > 0) return showEdit(req, res, 'cancel', body, errors, 422);
  try {
    cancelInterview(req.ctx.repos, actorOf(req), calendarDeps(req), interview.id, m.message);
  } catch (e) {
    if (e instanceof UnknownPlaceholderError && m.message) return showEdit(req, res, 'cancel', body, placeholderErrors(e, m.message), 422);
    throw e;
  }
  flash(req, 'ok', 'calendar.cancelled');
  res.redirect(`/interviews/${interview.id}`);
}
