import type { Request, Response } from 'express';
import { z } from 'zod';
import { msg } from '../../domain/messages.js';
import { ERASED_CATEGORIES, MANUAL_SOURCES, nextConsentState } from '../../domain/consent.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import { ConsentError, currentText, recordConsent, requestConsent as requestConsentUseCase, stateOf } from '../../services/consent.js';
import { userActorOf } from '../audit.js';
import { loadCandidate } from '../loaders.js';
import { renderMarkdown } from '../markdown.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';

const today = () => new Date().toISOString().slice(0, 10);

const recordSchema = z.object({
  source: z.enum(MANUAL_SOURCES, { error: 'errors.choice' }),
  date: z.iso.date({ error: 'errors.date' }).refine((d) => d <= today(), 'errors.date_future'),
  detail: z
    .string()
    .trim()
    .max(300, msg('errors.too_long', { max: 300 }))
    .default('')
    .transform((v) => (v === '' ? null : v)),
});

interface PageState {
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  problem?: string | null;
}

function showPage(req: Request, res: Response, state: PageState = {}, status = 200) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const { repos, lang, t } = req.ctx;
  const row = repos.consent.get(c.id);
  const s = stateOf(row);
  const shown = currentText(repos, v, lang, row?.text_version);
  res.status(status);
  renderPage(res, 'pages/consent/candidate', t('consent.page_title', { name: c.fullName }), {
    c: { id: c.id, fullName: c.fullName, email: c.email, anonymized: row?.erased_at != null },
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    state: s,
    row: row ?? null,
    canRequest: !row?.erased_at && nextConsentState(s, 'request', row?.source ?? null) !== null,
    canRecord: !row?.erased_at && nextConsentState(s, 'record', row?.source ?? null) !== null,
    events: repos.consent.events(c.id),
    textHtml: renderMarkdown(row?.accepted_text ?? shown.text),
    textVersion: row?.accepted_text ? row.text_version : shown.version,
    sources: MANUAL_SOURCES,
    values: { source: 'paper', date: today(), detail: '', ...state.values },
    errors: state.errors ?? {},
    problem: state.problem ?? null,
  });
}

export function showConsent(req: Request, res: Response) {
  showPage(req, res);
}

export function requestConsent(req: Request, res: Response) {
  const { candidate, vacancy } = loadCandidate(req);
  try {
    requestConsentUseCase(req.ctx.repos, userActorOf(req), {
      candidate,
      vacancy,
      publicUrl: req.ctx.config.publicUrl,
      now: new Date(),
    });
  } catch (e) {
    if (e instanceof ConsentError) return showPage(req, res, { problem: e.key }, 409);
    throw e;
  }
  flash(req, 'ok', 'consent.request_queued');
  res.redirect(303, `/candidates/${candidate.id}/consent`);
}

export function recordConsentByHr(req: Request, res: Response) {
  const { candidate } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(recordSchema, body);
  const values = { source: body.source, date: body.date, detail: body.detail };
  if (!parsed.ok) return showPage(req, res, { values, errors: parsed.errors }, 422);
  try {
    recordConsent(req.ctx.repos, userActorOf(req), candidate.id, { ...parsed.data, now: new Date() });
  } catch (e) {
    if (e instanceof ConsentError) return showPage(req, res, { values, problem: e.key }, 409);
    throw e;
  }
  flash(req, 'ok', 'consent.recorded');
  res.redirect(303, `/candidates/${candidate.id}/consent`);
}

// ---- The destruction act ------------------------------------------------------------------

const actSchema = z.object({
  from: z.iso.date({ error: 'errors.date' }),
  to: z.iso.date({ error: 'errors.date' }),
});

export function destructionAct(req: Request, res: Response) {
  const { repos, lang, t } = req.ctx;
  const q = req.query as Record<string, unknown>;
  const now = new Date();
  const defaults = { from: `${now.getUTCFullYear()}-01-01`, to: today() };
  const values = {
    from: typeof q.from === 'string' && q.from ? q.from : defaults.from,
    to: typeof q.to === 'string' && q.to ? q.to : defaults.to,
  };
  const parsed = parseForm(actSchema, values);
  const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  if (parsed.ok && parsed.data.from > parsed.data.to) errors.to = { key: 'consent.act_to_before_from' };
  const ok = parsed.ok && Object.keys(errors).length === 0;
  const range = ok ? values : defaults;
  const end = new Date(`${range.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const records = repos.consent.destructions(`${range.from}T00:00:00.000Z`, end.toISOString()).map((r) => {
    const v = r.vacancy_id === null ? undefined : repos.vacancies.findById(r.vacancy_id);
    return {
      id: r.id,
      ref: r.candidate_ref,
      vacancy: v ? vacancyTitle(v, lang) : null,
      categories: (JSON.parse(r.categories) as string[]).filter((k) => (ERASED_CATEGORIES as readonly string[]).includes(k)),
      grounds: r.grounds,
      by: r.performed_by_job ? t('consent.by_job', { job: r.performed_by_job }) : (r.performed_by_name ?? '—'),
      at: r.performed_at,
    };
  });
  res.status(ok ? 200 : 422);
  renderPage(res, 'pages/consent/destruction', t('consent.act_title'), { records, values, errors, range, generatedAt: now.toISOString() });
}
