import type { Request, Response } from 'express';
import { z } from 'zod';
import type { CaseMeta, CompetencyId, CompetencyMeta, Lang, QuestionMeta } from '../../domain/bank/schema.js';
import {
  INTERVIEW_STAGES,
  RECOMMENDATIONS,
  competenciesToRate,
  differences,
  draftSaveSchema,
  localToIso,
  scheduleFormSchema,
  submitProblems,
  type ScorecardData,
} from '../../domain/interview.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { KitItem, Scorecard } from '../../db/interviews.js';
import { canInterview, panelBlindProblem, seesOthersScorecards } from '../../domain/policy.js';
import { amendScorecard as openAmendment, submitScorecard } from '../../services/scorecards.js';
import { actorOf, userActorOf } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderMarkdown } from '../markdown.js';
import { renderPage } from '../render.js';
import { userOf, type CurrentUser } from '../types.js';
import { errorLinks, parseForm, type FieldErrors } from '../validation.js';
import { gradesBlind, loadCandidate, loadInterview, mayOpenDebrief, type LoadedInterview } from '../loaders.js';
import { messageFields } from '../../domain/calendar/slots.js';
import { candidateLang, findOverlaps, messageDraft, scheduleInterview } from '../../services/calendar.js';
import {
  UnknownPlaceholderError,
  calendarDeps,
  messageFromForm,
  overlapView,
  placeholderErrors,
  interviewFieldLabels,
} from '../calendar-view.js';

type Access = LoadedInterview;

// ---- Scheduling ---------------------------------------------------------------------------

function interviewerOptions(req: Request) {
  return req.ctx.repos.users
    .list()
    .filter(canInterview)
    .map((u) => ({ id: u.id, name: u.display_name, role: u.role }));
}

const scheduleSchema = scheduleFormSchema.extend({ ...messageFields, confirm_overlap: z.literal('1').optional() });

function showSchedule(
  req: Request,
  res: Response,
  candidateId: number,
  values: Record<string, unknown>,
  errors: FieldErrors,
  status = 200,
  overlaps: ReturnType<typeof overlapView> = [],
) {
  const { candidate, vacancy } = loadCandidate(req);
  const { t } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/interviews/new', t('interviews.new_title'), {
    candidate: { id: candidateId, name: candidate.fullName, email: candidate.email },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, req.ctx.lang) },
    stages: INTERVIEW_STAGES,
    people: interviewerOptions(req),
    values,
    errors,
    overlaps,
    errorLinks: errorLinks(req, errors, {
      ...interviewFieldLabels(t),
      interviewers: t('interviews.interviewers'),
    }),
  });
}

export function newInterview(req: Request, res: Response) {
  const { candidate } = loadCandidate(req);
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const draft = messageDraft(req.ctx.repos, 'interview_invitation', candidateLang(req.ctx.repos, candidate));
  showSchedule(
    req,
    res,
    candidate.id,
    {
      stage: 'competency',
      date: tomorrow,
      time: '11:00',
      duration_min: '60',
      location: '',
      interviewers: [],
      send_to_candidate: candidate.email ? '1' : undefined,
      mail_subject: draft.subject,
      mail_body: draft.body,
    },
    {},
  );
}

export function createInterview(req: Request, res: Response) {
  const { candidate, vacancy } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(scheduleSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const scheduledAt = parsed.ok ? localToIso(parsed.data.date, parsed.data.time) : null;
  if (parsed.ok && !scheduledAt) errors.date = { key: 'errors.date' };
  const allowed = new Set(interviewerOptions(req).map((p) => p.id));
  if (parsed.ok && parsed.data.interviewers.some((id) => !allowed.has(id))) errors.interviewers = { key: 'errors.choice' };
  // Blind grading holds: a person still grading this candidate's work blind would learn whose it is.
  const blindGrader =
    parsed.ok && !errors.interviewers
      ? parsed.data.interviewers.find((id) => panelBlindProblem({ gradingBlind: gradesBlind(req, candidate, id) }) !== null)
      : undefined;
  if (blindGrader !== undefined)
    errors.interviewers = {
      key: 'debrief.interviewer_grades_blind',
      params: { name: interviewerOptions(req).find((p) => p.id === blindGrader)?.name ?? '' },
    };
  const msg = parsed.ok ? messageFromForm(parsed.data, candidate.email) : null;
  Object.assign(errors, msg?.errors);
  if (!parsed.ok || !msg || Object.keys(errors).length > 0 || !scheduledAt) return showSchedule(req, res, candidate.id, body, errors, 422);

  const { repos } = req.ctx;
  const interviewerIds = [...new Set(parsed.data.interviewers)];
  // Someone on the panel already sits on another interview then: say so, and go on only when HR confirms.
  const clash = findOverlaps(repos, interviewerIds, scheduledAt, parsed.data.duration_min);
  if (clash.length > 0 && parsed.data.confirm_overlap !== '1')
    return showSchedule(req, res, candidate.id, body, {}, 409, overlapView(req, clash));
  let id: number;
  try {
    id = scheduleInterview(repos, userActorOf(req), calendarDeps(req), {
      candidate,
      vacancy,
      stage: parsed.data.stage,
      scheduledAt,
      durationMin: parsed.data.duration_min,
      location: parsed.data.location || null,
      interviewerIds,
      message: msg.message,
    });
  } catch (e) {
    if (e instanceof UnknownPlaceholderError && msg.message)
      return showSchedule(req, res, candidate.id, body, placeholderErrors(e, msg.message), 422);
    throw e;
  }
  flash(req, 'ok', 'interviews.created');
  res.redirect(`/interviews/${id}`);
}

// ---- Rendering the kit --------------------------------------------------------------------

interface KitView {
  kitId: number;
  kind: 'question' | 'case';
  itemId: string;
  reason: string;
  title: string;
  bodyHtml: string;
  competencies: CompetencyId[];
  question: QuestionMeta | null;
  case: CaseMeta | null;
  version: number;
}

/** Each kit entry as it was when the kit was built (pinned version), in the reader's language. */
function kitView(req: Request, kit: KitItem[]): KitView[] {
  const { repos, lang } = req.ctx;
  return kit.flatMap((k): KitView[] => {
    const version = k.bankVersions[lang] ?? k.bankVersions[lang === 'ru' ? 'en' : 'ru'];
    const readLang: Lang = k.bankVersions[lang] !== undefined ? lang : lang === 'ru' ? 'en' : 'ru';
    const item = version !== undefined ? repos.bank.atVersion<QuestionMeta | CaseMeta>(k.itemId, readLang, version) : undefined;
    if (!item) return [];
    const m = item.meta;
    return [
      {
        kitId: k.id,
        kind: k.kind,
        itemId: k.itemId,
        reason: k.reason,
        title: m.title,
        bodyHtml: renderMarkdown(item.body),
        competencies: m.kind === 'question' ? [m.competency] : m.kind === 'case' ? [...m.competencies] : [],
        question: m.kind === 'question' ? m : null,
        case: m.kind === 'case' ? m : null,
        version: item.version,
      },
    ];
  });
}

function competencyView(req: Request, ids: CompetencyId[]) {
  const all = new Map(req.ctx.repos.bank.competencies(req.ctx.lang).map((c) => [c.id, c] as const));
  return ids.flatMap((id) => {
    const c = all.get(id);
    if (!c) return [];
    const meta = c.meta as CompetencyMeta;
    return [{ id, title: c.title, anchors: meta.anchors }];
  });
}

function reasonLabel(req: Request, reason: string): string {
  const { t, lang, repos } = req.ctx;
  if (reason.startsWith('gap:')) {
    const key = reason.slice(4);
    const tpl = repos.bank.checklistTemplate(lang)?.meta.items.find((i) => i.key === key);
    return t('interviews.reason_gap', { item: tpl?.label ?? key });
  }
  if (reason.startsWith('competency:'))
    return t('interviews.reason_competency', { name: repos.bank.get(reason.slice(11), lang)?.title ?? reason.slice(11) });
  return t(`interviews.reason_${reason}`);
}

function scorecardSummary(s: Scorecard, rate: CompetencyId[]) {
  return {
    id: s.id,
    interviewer: s.interviewerName,
    status: s.status,
    submittedAt: s.submittedAt,
    recommendation: s.data.recommendation,
    summary: s.data.summary,
    ratings: rate.map((c) => ({ id: c, value: s.data.ratings[c] ?? null })),
    notes: s.data.notes,
    cases: s.data.cases,
    amendReason: s.amendReason,
  };
}

// ---- The interview page (overview, kit editing, all scorecards) -----------------------------

export function showInterview(req: Request, res: Response) {
  const a = loadInterview(req);
  const { repos, lang } = req.ctx;
  const user = userOf(req);
  const kit = kitView(req, repos.interviews.kit(a.interview.id));
  const rate = competenciesToRate(kit, a.vacancy.profile.competencyWeights);
  const scorecards = repos.interviews.scorecards(a.interview.id);
  const mine = scorecards.find((s) => s.interviewerId === user.id);
  const seesOthers = seesOthersScorecards(a, mine?.status === 'submitted');
  const locked = repos.interviews.anySubmitted(a.interview.id);
  const shown = seesOthers ? scorecards.filter((s) => a.seesAll || s.status === 'submitted') : [];
  // A panel member reading the others' scorecards: remembered, so a later amendment is marked.
  if (a.isInterviewer && shown.some((s) => s.interviewerId !== user.id)) repos.debrief.markOthersSeenForInterview(a.interview.id, user.id);
  const flagged = repos.debrief.amendedAfterSeenOnInterview(a.interview.id);
  renderPage(res, 'pages/interviews/show', req.ctx.t('interviews.title_for', { name: a.interview.candidateName }), {
    i: a.interview,
    vacancy: { id: a.vacancy.id, title: vacancyTitle(a.vacancy, lang) },
    canManage: a.canManage,
    canEditKit: a.canManage && !locked,
    mine: mine ? { status: mine.status } : null,
    seesOthers,
    people: scorecards.map((s) => ({ name: s.interviewerName, status: s.status, submittedAt: s.submittedAt })),
    kit: kit.map((k) => ({ ...k, reasonLabel: reasonLabel(req, k.reason) })),
    competencies: competencyView(req, rate),
    scorecards: shown.map((s) => ({
      ...scorecardSummary(s, rate),
      amendedAfterSeen: flagged.has(s.id),
      openQuestions: s.data.open_questions ?? '',
    })),
    debriefHref: seesOthers && debriefOpen(req, a) ? `/candidates/${a.interview.candidateId}/debrief` : null,
    addable: a.canManage && !locked ? addableItems(req, kit) : null,
    recommendations: RECOMMENDATIONS,
  });
}

function debriefOpen(req: Request, a: Access): boolean {
  const candidate = req.ctx.repos.candidates.get(a.interview.candidateId);
  return candidate !== undefined && mayOpenDebrief(req, candidate, a.vacancy);
}

function addableItems(req: Request, kit: KitView[]) {
  const { repos, lang } = req.ctx;
  const inKit = new Set(kit.map((k) => `${k.kind}:${k.itemId}`));
  const comps = new Map(repos.bank.competencies(lang).map((c) => [c.id, c.title]));
  return {
    questions: repos.bank
      .questions(lang)
      .filter((q) => !inKit.has(`question:${q.id}`))
      .map((q) => ({ id: q.id, title: q.title, competency: comps.get(q.meta.competency) ?? q.meta.competency })),
    cases: repos.bank
      .cases(lang)
      .filter((c) => !inKit.has(`case:${c.id}`))
      .map((c) => ({ id: c.id, title: c.title })),
  };
}

const addSchema = z.object({ item: z.string().regex(/^(question|case):[a-z0-9][a-z0-9_-]*$/) });
const kitParam = z.object({ kitId: z.coerce.number().int().positive() });
const moveSchema = z.object({ direction: z.enum(['up', 'down']) });

function editableKit(req: Request): Access {
  const a = loadInterview(req);
  if (!a.canManage) throw new HttpError(403, 'errors.forbidden');
  if (req.ctx.repos.interviews.anySubmitted(a.interview.id)) {
    flash(req, 'error', 'interviews.kit_locked');
    throw new KitLocked(a.interview.id);
  }
  return a;
}

class KitLocked extends Error {
  constructor(readonly interviewId: number) {
    super('kit locked');
  }
}

function withKit(fn: (req: Request, res: Response, a: Access) => void) {
  return (req: Request, res: Response) => {
    try {
      fn(req, res, editableKit(req));
    } catch (e) {
      if (e instanceof KitLocked) return res.redirect(`/interviews/${e.interviewId}`);
      throw e;
    }
  };
}

export const addKitItem = withKit((req, res, a) => {
  const parsed = addSchema.safeParse(req.body);
  if (!parsed.success) {
    flash(req, 'error', 'interviews.choose_item');
    return res.redirect(`/interviews/${a.interview.id}#kit`);
  }
  const [kind, itemId] = parsed.data.item.split(':') as ['question' | 'case', string];
  const item = req.ctx.repos.bank.get(itemId, 'en');
  if (!item || item.kind !== kind || item.retired) throw new HttpError(404, 'errors.not_found');
  req.ctx.repos.interviews.addKitItem(a.interview.id, {
    kind,
    itemId,
    bankVersions: req.ctx.repos.bank.currentVersions(itemId),
    reason: 'added',
  });
  res.redirect(`/interviews/${a.interview.id}#kit`);
});

export const moveKitItem = withKit((req, res, a) => {
  const p = kitParam.safeParse(req.params);
  const m = moveSchema.safeParse(req.body);
  if (!p.success || !m.success || !req.ctx.repos.interviews.hasKitItem(a.interview.id, p.data.kitId))
    throw new HttpError(400, 'errors.bad_request');
  req.ctx.repos.interviews.moveKitItem(a.interview.id, p.data.kitId, m.data.direction);
  res.redirect(`/interviews/${a.interview.id}#kit-${p.data.kitId}`);
});

export const removeKitItem = withKit((req, res, a) => {
  const p = kitParam.safeParse(req.params);
  if (!p.success || !req.ctx.repos.interviews.hasKitItem(a.interview.id, p.data.kitId)) throw new HttpError(404, 'errors.not_found');
  req.ctx.repos.interviews.removeKitItem(a.interview.id, p.data.kitId);
  res.redirect(`/interviews/${a.interview.id}#kit`);
});

// ---- The scorecard ------------------------------------------------------------------------

function ownScorecard(req: Request): { a: Access; s: Scorecard; user: CurrentUser } {
  const a = loadInterview(req);
  const user = userOf(req);
  const s = req.ctx.repos.interviews.scorecardFor(a.interview.id, user.id);
  if (!s) throw new HttpError(403, 'errors.forbidden');
  return { a, s, user };
}

interface ScorecardPageState {
  data: ScorecardData;
  version: number;
  errors: FieldErrors;
  conflict: { field: string; label: string; mine: string; theirs: string }[] | null;
  /** The amendment reason as typed, when the amend form came back with a problem. */
  amendReason?: string;
}

function fieldLabel(req: Request, field: string, kit: KitView[]): string {
  const { t } = req.ctx;
  const [kind, id, crit] = field.split('.');
  const kitTitle = () => kit.find((k) => `k${k.kitId}` === id)?.title ?? id;
  if (kind === 'notes') return t('scorecard.notes_for', { title: kitTitle() });
  if (kind === 'ratings') return t('scorecard.rating_for', { name: req.ctx.repos.bank.get(id ?? '', req.ctx.lang)?.title ?? id });
  if (kind === 'cases') return t('scorecard.case_for', { title: kitTitle(), criterion: crit ?? '' });
  if (kind === 'open_questions') return t('debrief.open_questions');
  return t(`scorecard.${kind}`);
}

function showScorecard(req: Request, res: Response, a: Access, s: Scorecard, state: ScorecardPageState, status = 200) {
  const { repos, lang } = req.ctx;
  const kit = kitView(req, repos.interviews.kit(a.interview.id));
  const rate = competenciesToRate(kit, a.vacancy.profile.competencyWeights);
  const candidateScreening = repos.candidates.screening(a.interview.candidateId);
  const checklist = repos.vacancies.checklist(a.vacancy.id);
  const gaps = (candidateScreening?.items ?? [])
    .filter((i) => i.status !== 'met')
    .map((i) => {
      const c = checklist.find((x) => x.key === i.key);
      return { label: c ? (lang === 'ru' ? c.labelRu : c.labelEn) : i.key, status: i.status };
    });
  res.status(status);
  // Back after submitting must ask again and show the locked card, never a stale editable copy.
  res.set('Cache-Control', 'no-store');
  renderPage(res, 'pages/interviews/scorecard', req.ctx.t('scorecard.title_for', { name: a.interview.candidateName }), {
    i: a.interview,
    vacancy: { id: a.vacancy.id, title: vacancyTitle(a.vacancy, lang) },
    scorecard: { id: s.id, status: s.status, amendReason: s.amendReason, updatedAt: s.updatedAt, submittedAt: s.submittedAt },
    kit: kit.map((k) => ({ ...k, reasonLabel: reasonLabel(req, k.reason) })),
    competencies: competencyView(req, rate),
    gaps,
    data: state.data,
    version: state.version,
    errors: state.errors,
    conflict: state.conflict,
    typedAmendReason: state.amendReason ?? '',
    recommendations: RECOMMENDATIONS,
    revisions: repos.interviews.revisions(s.id),
    seesOthers: seesOthersScorecards(a, s.status === 'submitted'),
  });
}

export function scorecardPage(req: Request, res: Response) {
  const { a, s } = ownScorecard(req);
  showScorecard(req, res, a, s, { data: s.data, version: s.version, errors: {}, conflict: null });
}

/** The form as posted (with or without JavaScript) → version + data. */
function parseScorecardBody(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  return draftSaveSchema.safeParse({
    version: b.version,
    data: {
      notes: b.notes ?? {},
      ratings: b.ratings ?? {},
      cases: b.cases ?? {},
      recommendation: b.recommendation ?? null,
      summary: b.summary ?? '',
      open_questions: b.open_questions ?? '',
    },
  });
}

const actionSchema = z.object({ action: z.enum(['save', 'submit']).default('save') });

/** Autosave: JSON in and out; a stale version gets 409 with the stored text, a submitted card 423. */
export function saveDraft(req: Request, res: Response) {
  const { a, s } = ownScorecard(req);
  const parsed = parseScorecardBody(req.body);
  if (!parsed.success) return res.status(422).json({ error: req.ctx.t('scorecard.invalid') });
  const r = req.ctx.repos.interviews.saveDraft(s.id, parsed.data.version, parsed.data.data);
  if (r.ok) return res.json({ ok: true, version: r.version, savedAt: r.updatedAt });
  // A stale version carrying exactly what is stored (e.g. a beacon already saved it) is no conflict.
  if (r.reason === 'conflict' && differences(parsed.data.data, r.current.data).length === 0) {
    return res.json({ ok: true, version: r.current.version, savedAt: r.current.updatedAt });
  }
  const kit = kitView(req, req.ctx.repos.interviews.kit(a.interview.id));
  res.status(r.reason === 'locked' ? 423 : 409).json({
    ok: false,
    reason: r.reason,
    version: r.current.version,
    current: r.current.data,
    differences: differences(parsed.data.data, r.current.data).map((d) => ({ ...d, label: fieldLabel(req, d.field, kit) })),
  });
}

/** Without JavaScript: the same save, or a submission, from a plain form post. */
export function postScorecard(req: Request, res: Response) {
  const { a, s } = ownScorecard(req);
  const parsed = parseScorecardBody(req.body);
  const action = actionSchema.safeParse(req.body).data?.action ?? 'save';
  if (!parsed.success) throw new HttpError(400, 'errors.bad_request');
  const { interviews } = req.ctx.repos;
  const kit = kitView(req, interviews.kit(a.interview.id));
  if (action === 'submit') {
    const problems = submitProblems(parsed.data.data, competenciesToRate(kit, a.vacancy.profile.competencyWeights));
    if (problems.length > 0) {
      // Keep every word: the draft is saved before the problems are shown.
      const saved = interviews.saveDraft(s.id, parsed.data.version, parsed.data.data);
      const errors: FieldErrors = Object.fromEntries(problems.map((p) => [p.field, { key: p.key }]));
      if (!saved.ok) return conflictPage(req, res, a, parsed.data.data, saved.current, kit);
      return showScorecard(req, res, a, s, { data: parsed.data.data, version: saved.version, errors, conflict: null }, 422);
    }
    const r = submitScorecard(
      req.ctx.repos,
      { scorecard: s, interviewId: a.interview.id, candidateId: a.interview.candidateId },
      parsed.data,
      userActorOf(req),
    );
    if (!r.ok) return conflictPage(req, res, a, parsed.data.data, r.current, kit);
    flash(req, 'ok', 'scorecard.submitted');
    return res.redirect(`/interviews/${a.interview.id}`);
  }
  const r = interviews.saveDraft(s.id, parsed.data.version, parsed.data.data);
  if (!r.ok) return conflictPage(req, res, a, parsed.data.data, r.current, kit);
  flash(req, 'ok', 'scorecard.saved');
  res.redirect(`/interviews/${a.interview.id}/scorecard`);
}

function conflictPage(req: Request, res: Response, a: Access, mine: ScorecardData, current: Scorecard, kit: KitView[]) {
  const diff = differences(mine, current.data).map((d) => ({ ...d, label: fieldLabel(req, d.field, kit) }));
  // The form keeps what this browser sent and takes the stored version, so saving again is a conscious overwrite.
  showScorecard(req, res, a, current, { data: mine, version: current.version, errors: {}, conflict: diff }, 409);
}

const amendSchema = z.object({ reason: z.string().trim().min(1, 'errors.reason_required').max(2000) });

export function amendScorecard(req: Request, res: Response) {
  const { a, s } = ownScorecard(req);
  const parsed = parseForm(amendSchema, req.body ?? {});
  if (!parsed.ok) {
    // The message goes next to the reason box, with what was typed kept (e.g. too long).
    const reason = (req.body as Record<string, unknown> | undefined)?.reason;
    const errors: FieldErrors = { reason: { key: 'scorecard.amend_reason_required' } };
    return showScorecard(
      req,
      res,
      a,
      s,
      { data: s.data, version: s.version, errors, conflict: null, amendReason: typeof reason === 'string' ? reason : '' },
      422,
    );
  }
  // An amendment in progress takes the old ratings out of the score until it is submitted again.
  if (s.status === 'submitted')
    openAmendment(
      req.ctx.repos,
      { scorecard: s, interviewId: a.interview.id, candidateId: a.interview.candidateId },
      parsed.data.reason,
      actorOf(req),
    );
  flash(req, 'ok', 'scorecard.amending');
  res.redirect(`/interviews/${a.interview.id}/scorecard`);
}

export function csrfToken(_req: Request, res: Response) {
  res.json({ token: res.locals.csrfToken as string });
}
