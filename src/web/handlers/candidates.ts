import type { Request, Response } from 'express';
import { z } from 'zod';
import { CONSENT_VERSION, PIPELINE, SOURCES, candidateFormSchema, consentDateProblem } from '../../domain/candidate.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import { fillContacts, proposeContacts, type ContactField } from '../../domain/contacts.js';
import { assignmentStatus } from '../../domain/assignment.js';
import type { Vacancy } from '../../db/vacancies.js';
import { ExtractError } from '../../extract/errors.js';
import { prepareResume, type PreparedResume } from '../../services/screening.js';
import {
  addCandidate,
  decide as decideCandidate,
  moveStage as moveCandidateStage,
  screenAgain,
  setScreeningItem,
} from '../../services/candidates.js';
import { screeningReasons } from '../../services/verdict-policy.js';
import { recordRejection } from '../../services/offers.js';
import { finalDecisionSchema } from '../../domain/offer.js';
import { decisionDayView } from '../offer-view.js';
import { downloadHeaders, storedKind } from '../../domain/download.js';
import { scoreView } from '../score-view.js';
import { actorOf, audit, userActorOf } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { candidateTimeline } from '../timeline.js';
import { candidateVars, composeDefaults, parseCompose, placeholderHint, renderCompose } from '../mail-view.js';
import type { OutgoingMail } from '../../domain/mail/message.js';
import { loadCandidate, loadVacancy, loadVacancySummary } from '../loaders.js';
import { candidateListView, listFilter, listQuery } from '../candidate-list-view.js';
import { VERDICTS } from '../../domain/screening/types.js';

const STATUSES = ['met', 'not_met', 'unknown'] as const;

const today = () => new Date().toISOString().slice(0, 10);

// ---- Intake -----------------------------------------------------------------------------

interface IntakeView {
  values: Record<string, unknown>;
  errors: FieldErrors;
  pendingName: string | null;
  duplicate: { id: number; name: string; reason: string } | null;
  /** Contact fields filled from the resume on this render, for HR to check before saving. */
  proposed?: ContactField[];
  /** After "fill from resume": whether anything was found. */
  proposal?: 'filled' | 'nothing' | null;
}

function showIntake(req: Request, res: Response, v: Vacancy, view: IntakeView, status = 200) {
  res.status(status);
  renderPage(res, 'pages/candidates/new', req.ctx.t('candidates.new_title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, req.ctx.lang) },
    sources: SOURCES,
    proposed: [],
    proposal: null,
    ...view,
  });
}

export function newCandidate(req: Request, res: Response) {
  const v = loadVacancy(req);
  showIntake(req, res, v, {
    values: {
      full_name: '',
      email: '',
      phone: '',
      city: '',
      source: 'hh',
      resume_text: '',
      cover_letter: '',
      consent: '',
      consent_date: today(),
    },
    errors: {},
    pendingName: null,
    duplicate: null,
  });
}

export async function createCandidate(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { repos, files, pending } = req.ctx.services;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(candidateFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };

  // The file: a new upload, else the one kept from the previous attempt of this form.
  const token = typeof body.pending === 'string' ? body.pending : undefined;
  let upload: { buf: Uint8Array; originalName: string } | undefined;
  if (req.uploadError) errors.file = { key: `extract.${req.uploadError}` };
  else if (req.file && req.file.size > 0) upload = { buf: req.file.buffer, originalName: req.file.originalname };
  else if (req.file) errors.file = { key: 'extract.empty' };
  else if (token) upload = pending.get(token) ?? undefined;

  if (parsed.ok) {
    const problem = consentDateProblem(parsed.data.consent_date, today());
    if (problem) errors.consent_date = { key: problem };
  }
  const pasted = typeof body.resume_text === 'string' ? body.resume_text : '';
  if (!upload && !pasted.trim() && !errors.file) errors.resume_text = { key: 'errors.resume_required' };

  let resume: PreparedResume | null = null;
  if (!errors.file && (upload || pasted.trim())) {
    try {
      resume = await prepareResume({ text: pasted, file: upload });
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      errors[upload ? 'file' : 'resume_text'] = { key: `extract.${e.code}`, params: { detail: e.detail ?? '' } };
    }
  }

  const keep = (): { token: string | null; name: string | null } => {
    if (!resume?.file) return { token: null, name: null };
    const t = token && upload && !req.file ? token : pending.put(resume.file.buf, resume.file.originalName);
    return { token: t, name: resume.file.originalName };
  };

  // "Fill from resume": propose the contacts into the empty fields and show the form again; nothing is
  // saved and only the resume's own problems are reported, since HR has not finished the form.
  if (body.action === 'propose') {
    const kept = keep();
    const resumeErrors: FieldErrors = {};
    for (const f of ['file', 'resume_text'] as const) if (errors[f]) resumeErrors[f] = errors[f];
    const filled = resume
      ? fillContacts({ ...body, pending: kept.token ?? '' }, proposeContacts(resume.text))
      : { values: { ...body, pending: kept.token ?? '' }, proposed: [] };
    const proposal = resume ? (filled.proposed.length > 0 ? 'filled' : 'nothing') : null;
    return showIntake(
      req,
      res,
      v,
      { values: filled.values, errors: resumeErrors, pendingName: kept.name, duplicate: null, proposed: filled.proposed, proposal },
      resume ? 200 : 422,
    );
  }

  if (Object.keys(errors).length > 0 || !parsed.ok || !resume) {
    const kept = keep();
    // Contact fields left empty are filled from the resume on the way back, for HR to confirm by saving.
    const filled = resume
      ? fillContacts({ ...body, pending: kept.token ?? '' }, proposeContacts(resume.text))
      : { values: { ...body, pending: kept.token ?? '' }, proposed: [] };
    for (const f of filled.proposed) delete errors[f];
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return showIntake(
      req,
      res,
      v,
      {
        values: filled.values,
        errors,
        pendingName: kept.name,
        duplicate: null,
        proposed: filled.proposed,
        proposal: filled.proposed.length > 0 ? 'filled' : null,
      },
      status,
    );
  }

  const d = parsed.data;
  const result = addCandidate(
    repos,
    files,
    {
      vacancyId: v.id,
      checklist: repos.vacancies.checklist(v.id),
      policy: v.verdictPolicy,
      fullName: d.full_name,
      email: d.email,
      phone: d.phone,
      city: d.city,
      source: d.source,
      consentAt: d.consent_date,
      consentVersion: CONSENT_VERSION,
      coverLetter: d.cover_letter,
      resume,
      createdBy: userOf(req).id,
      allowDuplicate: d.confirm_duplicate === '1',
    },
    actorOf(req),
  );
  if (!result.ok) {
    const kept = keep();
    const other = repos.candidates.get(result.duplicate.id);
    return showIntake(
      req,
      res,
      v,
      {
        values: { ...body, pending: kept.token ?? '' },
        errors: {},
        pendingName: kept.name,
        duplicate: { id: result.duplicate.id, name: other?.fullName ?? '', reason: result.duplicate.reason },
      },
      409,
    );
  }
  if (token) pending.drop(token);
  flash(req, 'ok', result.duplicate ? 'candidates.created_duplicate' : 'candidates.created');
  res.redirect(`/candidates/${result.id}`);
}

// ---- The candidate page -----------------------------------------------------------------

/** Splits the resume into plain and highlighted runs, so evidence can be marked without raw HTML. */
export function highlight(text: string, quotes: string[]): { text: string; mark: boolean }[] {
  const ranges: [number, number][] = [];
  for (const q of quotes) {
    if (!q) continue;
    const at = text.indexOf(q);
    if (at >= 0) ranges.push([at, at + q.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: { text: string; mark: boolean }[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const start = Math.max(s, pos);
    if (start > pos) out.push({ text: text.slice(pos, start), mark: false });
    out.push({ text: text.slice(start, e), mark: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: false });
  return out;
}

/** A form on the candidate page sent back with its problems: messages next to the fields, every choice kept. */
interface CandidateForm {
  errors: FieldErrors;
  values: Record<string, unknown>;
  /** The section the form is in: its error summary is shown there, and the page is addressed to it. */
  form: 'decision' | 'outcome';
}

export function showCandidate(req: Request, res: Response) {
  renderCandidate(req, res);
}

function renderCandidate(req: Request, res: Response, sent?: CandidateForm, status = 200) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const { repos, lang } = req.ctx;
  const s = repos.candidates.screening(c.id);
  const checklist = repos.vacancies.checklist(v.id);
  const byKey = new Map(s?.items.map((i) => [i.key, i]) ?? []);
  const items = checklist.map((ci) => {
    const it = byKey.get(ci.key);
    return {
      key: ci.key,
      label: lang === 'ru' ? ci.labelRu : ci.labelEn,
      hint: lang === 'ru' ? ci.hintRu : ci.hintEn,
      kind: ci.kind,
      weight: ci.weight,
      proposed: it?.proposedStatus ?? 'unknown',
      status: it?.status ?? 'unknown',
      evidence: it?.evidence ?? null,
      // Shown instead of a quote: why nothing in the resume supports the item.
      reason: it?.reason ? it.reason[lang] : null,
      confirmed: it?.confirmedBy !== null && it?.confirmedBy !== undefined,
      overridden: it !== undefined && it.confirmedBy !== null && it.status !== it.proposedStatus,
      missing: it === undefined,
    };
  });
  const reasons = s ? screeningReasons(s, checklist, v.verdictPolicy, lang, req.ctx.t) : null;
  const labels = repos.vacancies.itemLabels(v.id);
  const labelOf = new Map([...labels].map(([key, l]) => [key, l[lang]]));
  audit(req, 'candidate.view', { type: 'candidate', id: c.id });
  const dup = c.duplicateOf ? repos.candidates.get(c.duplicateOf) : undefined;
  const file = c.fileId ? repos.candidates.file(c.fileId) : undefined;
  const rejectionMail = composeDefaults(req, 'rejection', c, candidateVars(req, c, v), false);
  res.status(status);
  renderPage(res, 'pages/candidates/show', c.fullName, {
    c: {
      lang: c.lang,
      id: c.id,
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      city: c.city,
      source: c.source,
      stage: c.stage,
      consentAt: c.consentAt,
      consentVersion: c.consentVersion,
      consentState: repos.consent.get(c.id)?.state ?? 'not_requested',
      createdAt: c.createdAt,
      coverLetter: c.coverLetter,
    },
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    duplicate: dup ? { id: dup.id, name: dup.fullName, reason: c.duplicateReason } : null,
    file: file ? { name: file.originalName, size: file.size } : null,
    screening: s
      ? {
          relevantYears: s.relevantYears,
          totalYears: s.totalYears,
          declaredYears: s.experience.declaredTotalYears,
          jobs: s.experience.jobs,
          proposedVerdict: s.proposedVerdict,
          proposedScore: s.proposedScore,
          proposedReason: reasons?.proposed ?? '',
          verdict: s.verdict,
          score: s.score,
          reason: reasons?.current ?? '',
          decision: s.decision,
          decisionReason: s.decisionReason,
          decidedAt: s.decidedAt,
          screenedAt: s.screenedAt,
        }
      : null,
    checklistChanged: s
      ? checklist.some((ci) => !byKey.has(ci.key)) || s.items.some((i) => !checklist.some((ci) => ci.key === i.key))
      : false,
    items,
    statuses: STATUSES,
    verdicts: VERDICTS,
    stages: PIPELINE,
    resume: highlight(
      c.resumeText,
      items.flatMap((i) => (i.evidence ? [i.evidence] : [])),
    ),
    // Item events name the item by its label (its key only when the item is no longer on the checklist);
    // mail about the candidate joins them, newest first.
    events: candidateTimeline(
      repos.candidates
        .events(c.id)
        .map((e) => ({ ...e, subjectLabel: e.kind === 'item' && e.subject ? (labelOf.get(e.subject) ?? e.subject) : e.subject })),
      repos.outbox.timeline(c.id),
    ),
    interviews: repos.interviews.forCandidate(c.id).map((iv) => {
      const cards = repos.interviews.scorecards(iv.id);
      return { ...iv, submitted: cards.filter((x) => x.status === 'submitted').length, total: cards.length };
    }),
    score: scoreView(req, v, repos.scores.get(c.id)),
    vacancyGrade: v.targetGrade,
    assignments: repos.assignments.forCandidate(c.id).map((a) => {
      const subs = repos.assignments.submissions(a.id);
      return {
        id: a.id,
        code: a.code,
        title: repos.bank.get(a.itemId, lang)?.title ?? a.itemId,
        deadlineAt: a.deadlineAt,
        status: assignmentStatus(a, subs[0] ?? null, new Date()),
        grades: repos.assignments.grades(a.id).length,
      };
    }),
    errors: sent?.errors ?? {},
    errorForm: sent?.form ?? null,
    errorLinks: sent ? Object.entries(sent.errors).map(([field, e]) => ({ href: `#f-${field}`, text: req.ctx.t(e.key, e.params) })) : [],
    values: {
      decision: s?.decision ?? s?.verdict ?? '',
      reason: '',
      stage: c.stage,
      stage_reason: '',
      outcome_reason: '',
      outcome_note: '',
      ...rejectionMail,
      ...(sent ? textValues(sent.values) : {}),
    },
    decisionDay: decisionDayView(req, c),
    rejectionPlaceholders: placeholderHint('rejection'),
  });
}

/** Typed values as sent, for the form to show again (anything not a string, a tampered form, is dropped). */
function textValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'));
}

export function downloadResume(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  const file = c.fileId ? req.ctx.repos.candidates.file(c.fileId) : undefined;
  if (!file) throw new HttpError(404, 'errors.not_found');
  const buf = req.ctx.services.files.read(file.storageName);
  audit(req, 'candidate.resume_download', { type: 'candidate', id: c.id });
  res.set(downloadHeaders(file.originalName, storedKind(file.storageName)));
  res.send(buf);
}

// ---- Decisions ----------------------------------------------------------------------------

const itemSchema = z.object({ status: z.enum(STATUSES) });
const keyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .max(60),
});

export function setItem(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  const parsed = itemSchema.safeParse(req.body);
  const key = keyParam.safeParse(req.params);
  if (!parsed.success || !key.success) throw new HttpError(400, 'errors.bad_request');
  if (!setScreeningItem(req.ctx.repos, c, key.data.key, parsed.data.status, userActorOf(req))) throw new HttpError(404, 'errors.not_found');
  res.redirect(`/candidates/${c.id}#item-${key.data.key}`);
}

const decisionSchema = z.object({
  decision: z.enum(VERDICTS, { error: 'errors.choice' }),
  reason: z.string().trim().min(1, 'errors.reason_required').max(2000, 'errors.too_long'),
});

export function decide(req: Request, res: Response) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(decisionSchema, body);
  // The page comes back with the message next to the field and the choice and the text kept (a redirect lost both).
  if (!parsed.ok) return renderCandidate(req, res, { errors: parsed.errors, values: body, form: 'decision' }, 422);
  // A rejection may send the letter HR edited under the form; both land in one transaction or neither.
  const compose = parsed.data.decision === 'reject' ? parseCompose('rejection', body) : ({ send: false } as const);
  if (compose.send === null) return renderCandidate(req, res, { errors: compose.errors, values: body, form: 'decision' }, 422);
  const mail: OutgoingMail | undefined = compose.send
    ? {
        kind: 'rejection',
        lang: c.lang,
        to: { address: compose.to, name: c.fullName },
        ...renderCompose(compose, candidateVars(req, c, v)),
        candidateId: c.id,
      }
    : undefined;
  if (!decideCandidate(req.ctx.repos, c, parsed.data, userActorOf(req), mail)) throw new HttpError(404, 'errors.not_found');
  flash(req, 'ok', mail ? 'mail.decided_and_queued' : 'candidates.decided');
  res.redirect(`/candidates/${c.id}`);
}

/** The final decision: a reason from the list the admin keeps (its kind says who said no) and a note. */
export function recordOutcome(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(finalDecisionSchema, { reason: body.outcome_reason, note: body.outcome_note });
  const back = (errors: FieldErrors, status: number) => renderCandidate(req, res, { errors, values: body, form: 'outcome' }, status);
  if (!parsed.ok) return back(outcomeFields(parsed.errors), 422);
  const done = recordRejection(req.ctx.repos, c, { reasonId: parsed.data.reason, note: parsed.data.note }, userActorOf(req));
  if (!done.ok) return back(outcomeFields({ [done.field]: { key: done.key } }), 422);
  flash(req, 'ok', 'offers.outcome_saved');
  res.redirect(`/candidates/${c.id}#outcome`);
}

/** The final-decision form names its fields outcome_*, apart from the screening decision's on the same page. */
const outcomeFields = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, e]) => [k === '_form' ? '_form' : `outcome_${k}`, e]));

const stageSchema = z.object({
  stage: z.enum(PIPELINE, { error: 'errors.choice' }),
  stage_reason: z.string().trim().max(2000).default(''),
});

export function moveStage(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  const parsed = parseForm(stageSchema, req.body ?? {});
  if (!parsed.ok) throw new HttpError(400, 'errors.bad_request');
  if (moveCandidateStage(req.ctx.repos, c, parsed.data.stage, parsed.data.stage_reason || null, userActorOf(req))) {
    flash(req, 'ok', 'candidates.stage_moved');
  }
  res.redirect(`/candidates/${c.id}`);
}

export function rescreenCandidate(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  screenAgain(req.ctx.repos, c, actorOf(req));
  flash(req, 'ok', 'candidates.rescreened');
  res.redirect(`/candidates/${c.id}`);
}

// ---- The list -----------------------------------------------------------------------------

export function listCandidates(req: Request, res: Response) {
  const v = loadVacancySummary(req);
  const f = listQuery.parse(req.query);
  const { repos, lang } = req.ctx;
  const filter = listFilter(v.id, f);
  const view = candidateListView({ id: v.id, title: vacancyTitle(v, lang) }, f, filter, repos.candidates.list(filter));
  renderPage(res, 'pages/candidates/list', req.ctx.t('candidates.title'), view);
}
