import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneChoices } from '../../domain/calendar/ics.js';
import { INTERVIEW_STAGES } from '../../domain/interview.js';
import { formatInZone, offerState, offeredTimes, SLOT_ROWS, slotOfferFormSchema } from '../../domain/calendar/slots.js';
import { canInterview } from '../../domain/policy.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { SlotOffer } from '../../db/calendar.js';
import { availableSlots, candidateLang, messageDraft, offerSlots, pickSlot } from '../../services/calendar.js';
import { actorOf, userActorOf } from '../audit.js';
import { UnknownPlaceholderError, calendarDeps, messageFromForm, placeholderErrors } from '../calendar-view.js';
import { HttpError } from '../middleware/errors.js';
import { renderPage } from '../render.js';
import { errorLinks, parseForm, type FieldErrors } from '../validation.js';
import { loadCandidate, loadOfferByToken } from '../loaders.js';
import { hashToken } from '../../security/tokens.js';

// ---- HR offers times ---------------------------------------------------------------------------

function people(req: Request) {
  return req.ctx.repos.users
    .list()
    .filter(canInterview)
    .map((u) => ({ id: u.id, name: u.display_name, role: u.role }));
}

function showOffer(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { candidate, vacancy } = loadCandidate(req);
  const { t } = req.ctx;
  const labels: Record<string, string> = {
    duration_min: t('interviews.duration'),
    location: t('interviews.location'),
    interviewers: t('interviews.interviewers'),
    expires_days: t('slots.expires_days'),
    send_to_candidate: t('calendar.send_to_candidate'),
    mail_subject: t('calendar.mail_subject'),
    mail_body: t('calendar.mail_body'),
  };
  for (let n = 1; n <= SLOT_ROWS; n += 1) {
    labels[`slot${n}_date`] = t('slots.slot_date', { n });
    labels[`slot${n}_time`] = t('slots.slot_time', { n });
  }
  res.status(status);
  renderPage(res, 'pages/slots/new', t('slots.new_title'), {
    candidate: { id: candidate.id, name: candidate.fullName, email: candidate.email },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, req.ctx.lang) },
    stages: INTERVIEW_STAGES,
    people: people(req),
    rows: SLOT_ROWS,
    values,
    errors,
    errorLinks: errorLinks(req, errors, labels),
    offers: req.ctx.repos.calendar.offersFor(candidate.id).map((o) => ({
      id: o.id,
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
      state: offerState(o, o.candidateStage, new Date()),
      interviewId: o.interviewId,
      slots: req.ctx.repos.calendar.slots(o.id).length,
    })),
  });
}

export function newOffer(req: Request, res: Response) {
  const { candidate } = loadCandidate(req);
  const draft = messageDraft(req.ctx.repos, 'slot_offer', candidateLang(req.ctx.repos, candidate));
  const day = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10);
  showOffer(
    req,
    res,
    {
      stage: 'competency',
      duration_min: '60',
      location: '',
      interviewers: [],
      expires_days: '3',
      slot1_date: day(2),
      slot1_time: '11:00',
      slot2_date: day(2),
      slot2_time: '15:00',
      slot3_date: day(3),
      slot3_time: '11:00',
      send_to_candidate: candidate.email ? '1' : undefined,
      mail_subject: draft.subject,
      mail_body: draft.body,
    },
    {},
  );
}

export function createOffer(req: Request, res: Response) {
  const { candidate, vacancy } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(slotOfferFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const now = new Date();
  const picked = parsed.ok ? offeredTimes(parsed.data, now) : null;
  for (const p of picked?.problems ?? []) errors[p.field] ??= { key: p.key };
  const allowed = new Set(people(req).map((p) => p.id));
  if (parsed.ok && parsed.data.interviewers.some((id) => !allowed.has(id))) errors.interviewers = { key: 'errors.choice' };
  if (candidate.stage === 'rejected') errors._form = { key: 'slots.error_rejected' };
  const m = parsed.ok ? messageFromForm(parsed.data, candidate.email) : null;
  Object.assign(errors, m?.errors);
  if (!parsed.ok || !m || !picked || Object.keys(errors).length > 0) return showOffer(req, res, body, errors, 422);

  const token = randomBytes(32).toString('base64url');
  const link = `${req.ctx.config.publicUrl}/s/${token}`;
  const expiresAt = new Date(now.getTime() + parsed.data.expires_days * 24 * 3600_000).toISOString();
  try {
    offerSlots(req.ctx.repos, userActorOf(req), calendarDeps(req), {
      candidate,
      vacancy,
      stage: parsed.data.stage,
      durationMin: parsed.data.duration_min,
      location: parsed.data.location || null,
      interviewerIds: parsed.data.interviewers,
      times: picked.times,
      expiresAt,
      tokenHash: hashToken(token),
      link,
      message: m.message,
    });
  } catch (e) {
    if (e instanceof UnknownPlaceholderError && m.message) return showOffer(req, res, body, placeholderErrors(e, m.message), 422);
    throw e;
  }
  // The link is shown once, here: only its hash is kept.
  renderPage(res, 'pages/slots/created', req.ctx.t('slots.created_title'), {
    candidate: { id: candidate.id, name: candidate.fullName },
    link,
    sent: m.message !== null,
    expiresAt,
  });
}

// ---- The candidate's private link ---------------------------------------------------------------

function zoneOf(req: Request): string {
  const tz = typeof req.query.tz === 'string' ? req.query.tz : '';
  return tz && isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

function showPick(req: Request, res: Response, offer: SlotOffer, extra: { error?: string; status?: number; zone?: string } = {}) {
  const { repos, lang, t } = req.ctx;
  const now = new Date();
  const state = offerState(offer, offer.candidateStage, now);
  const zone = extra.zone ?? zoneOf(req);
  const slots =
    state === 'open'
      ? availableSlots(repos, offer.id, now).map((s) => ({
          id: s.id,
          there: formatInZone(s.startsAt, lang, zone),
          moscow: formatInZone(s.startsAt, lang, DEFAULT_TIME_ZONE),
        }))
      : [];
  const booked = state === 'booked' && offer.interviewId ? repos.interviews.get(offer.interviewId) : undefined;
  res.status(extra.status ?? (state === 'open' ? 200 : 410));
  renderPage(res, 'pages/slots/pick', t('slots.pick_title'), {
    token: req.params.slotToken,
    state,
    slots,
    zone,
    zones: timeZoneChoices(),
    zoneLabel: t('calendar.zone_label', { zone, offset: formatInZone(now.toISOString(), lang, zone).offset }),
    durationMin: offer.durationMin,
    location: offer.location,
    booked: booked
      ? { there: formatInZone(booked.scheduledAt, lang, zone), moscow: formatInZone(booked.scheduledAt, lang, DEFAULT_TIME_ZONE) }
      : null,
    error: extra.error ?? null,
    errors: {},
  });
}

export function pickPage(req: Request, res: Response) {
  showPick(req, res, loadOfferByToken(req, res));
}

const pickSchema = z.object({ slot: z.coerce.number().int().positive(), tz: z.string().max(64).optional() });

export function pick(req: Request, res: Response) {
  const offer = loadOfferByToken(req, res);
  const parsed = parseForm(pickSchema, req.body);
  const tz = parsed.ok && parsed.data.tz && isTimeZone(parsed.data.tz) ? parsed.data.tz : DEFAULT_TIME_ZONE;
  if (!parsed.ok) return showPick(req, res, offer, { error: 'slots.error_choose', status: 422, zone: tz });
  const result = pickSlot(req.ctx.repos, actorOf(req), calendarDeps(req), offer.id, parsed.data.slot, new Date());
  if (!result.ok) {
    const fresh = req.ctx.repos.calendar.offer(offer.id);
    if (!fresh) throw new HttpError(404, 'slots.unknown_link');
    return showPick(req, res, fresh, { error: result.reason === 'taken' ? 'slots.error_taken' : undefined, status: 409, zone: tz });
  }
  res.redirect(303, `/s/${String(req.params.slotToken)}?tz=${encodeURIComponent(tz)}`);
}
