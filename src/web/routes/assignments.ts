import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CaseMeta, TaskMeta } from '../../domain/bank/schema.js';
import {
  assignFormSchema,
  assignmentCode,
  ASSIGNMENT_CODE,
  CODE_BYTES,
  assignmentStatus,
  gradeFormSchema,
  gradePercent,
  isBlind,
  isLate,
  linkOpen,
  rubricOf,
  submissionFormSchema,
  type RubricCriterion,
} from '../../domain/assignment.js';
import { disagreementFlag, icc21, interpretAlpha, krippendorffAlphaInterval, leniency, spread } from '../../domain/agreement.js';
import { redact } from '../../domain/redact.js';
import { localToIso } from '../../domain/interview.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { Assignment, Grade, Submission } from '../../db/assignments.js';
import type { StoredItem } from '../../db/bank.js';
import { checkSubmissionFiles, SubmissionFileError } from '../../services/submissions.js';
import { graderCopy } from '../../services/grader-files.js';
import { blindFileForm } from '../../domain/blind.js';
import { downloadHeaders } from '../../domain/download.js';
import { refreshScore } from '../../services/scores.js';
import { audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { hasCsrfToken } from '../middleware/csrf.js';
import { flash, useLanguage } from '../middleware/context.js';
import { renderMarkdown } from '../markdown.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadCandidate } from './candidates.js';
import { loadVacancy } from './vacancies.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

function itemOf(req: Request, a: Pick<Assignment, 'itemId' | 'lang' | 'bankVersion'>) {
  const item = req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, a.lang, a.bankVersion);
  if (!item) throw new HttpError(404, 'errors.not_found');
  return item;
}

function briefHtml(a: Assignment, item: { meta: TaskMeta | CaseMeta; body: string }): string {
  return renderMarkdown(a.briefOverride ?? item.body);
}

// ---- HR: assigning --------------------------------------------------------------------------

function graderOptions(req: Request, department: string) {
  return req.ctx.repos.users
    .list()
    .filter((u) => !u.disabled && (u.role === 'department_head' ? (u.department ?? '').toLowerCase() === department.toLowerCase() : u.role === 'interviewer'))
    .map((u) => ({ id: u.id, name: u.display_name, role: u.role }));
}

function showAssign(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { candidate, vacancy } = loadCandidate(req);
  const { repos, lang } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/assignments/new', req.ctx.t('assignments.new_title'), {
    candidate: { id: candidate.id, name: candidate.fullName },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, lang) },
    tasks: repos.bank.tasks(lang).map((x) => ({ id: x.id, title: x.title, days: x.meta.deadline_days, chosen: vacancy.profile.taskIds.includes(x.id) })),
    cases: repos.bank.cases(lang).map((x) => ({ id: x.id, title: x.title, chosen: vacancy.profile.caseIds.includes(x.id) })),
    graders: graderOptions(req, vacancy.department),
    values,
    errors,
  });
}

export function newAssignment(req: Request, res: Response) {
  const { vacancy } = loadCandidate(req);
  const first = vacancy.profile.taskIds[0];
  const days = first ? req.ctx.repos.bank.get(first, 'en')?.meta : undefined;
  const deadline = new Date(Date.now() + ((days && days.kind === 'task' ? days.deadline_days : 3) * 24 * 3600 * 1000)).toISOString().slice(0, 10);
  const heads = graderOptions(req, vacancy.department).filter((g) => g.role === 'department_head').map((g) => String(g.id));
  showAssign(req, res, { item: first ? `task:${first}` : '', lang: req.ctx.lang, date: deadline, time: '18:00', grace_hours: '24', graders: heads, brief: '' }, {});
}

export function createAssignment(req: Request, res: Response) {
  const { candidate, vacancy } = loadCandidate(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(assignFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const { repos } = req.ctx;
  let deadlineAt: string | null = null;
  let item: StoredItem | undefined;
  if (parsed.ok) {
    deadlineAt = localToIso(parsed.data.date, parsed.data.time);
    if (!deadlineAt) errors.date = { key: 'errors.date' };
    else if (new Date(deadlineAt) <= new Date()) errors.date = { key: 'errors.deadline_past' };
    const [kind, id] = parsed.data.item.split(':') as ['task' | 'case', string];
    item = repos.bank.get(id, parsed.data.lang);
    if (!item || item.kind !== kind || item.retired) errors.item = { key: 'errors.choice' };
    const allowed = new Set(graderOptions(req, vacancy.department).map((g) => g.id));
    if (parsed.data.graders.some((g) => !allowed.has(g))) errors.graders = { key: 'errors.choice' };
  }
  if (!parsed.ok || Object.keys(errors).length > 0 || !item || !deadlineAt) return showAssign(req, res, body, errors, 422);

  let code = assignmentCode(randomBytes(CODE_BYTES));
  for (let tries = 1; repos.assignments.isCodeTaken(code); tries++) {
    if (tries >= 10) throw new Error('no free grading code after 10 tries');
    code = assignmentCode(randomBytes(CODE_BYTES));
  }
  const token = newToken();
  const id = repos.assignments.create(
    {
      candidateId: candidate.id,
      kind: item.kind as 'task' | 'case',
      itemId: item.id,
      lang: parsed.data.lang,
      bankVersion: item.version,
      briefOverride: parsed.data.brief.trim() ? parsed.data.brief : null,
      code,
      tokenHash: hashToken(token),
      deadlineAt,
      graceHours: parsed.data.grace_hours,
      createdBy: userOf(req).id,
    },
    parsed.data.graders,
  );
  audit(req, 'assignment.create', { type: 'assignment', id }, { candidate: candidate.id, item: item.id, graders: parsed.data.graders });
  showLink(req, res, id, token);
}

function showLink(req: Request, res: Response, id: number, token: string) {
  const a = req.ctx.repos.assignments.get(id)!;
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  renderPage(res, 'pages/assignments/link', req.ctx.t('assignments.link_title'), {
    a: { id, code: a.code, deadlineAt: a.deadlineAt },
    url: `${origin}/t/${token}`,
  });
}

// ---- HR: the assignment page ------------------------------------------------------------------

export function loadAssignmentForHr(req: Request): Assignment {
  const p = z.object({ id: z.coerce.number().int().positive() }).safeParse(req.params);
  const a = p.success ? req.ctx.repos.assignments.get(p.data.id) : undefined;
  if (!a) throw new HttpError(404, 'errors.not_found');
  return a;
}

/** Scores side by side, per-criterion spread and the flags where graders differ by 2 or more. */
export function gradeTable(rubric: RubricCriterion[], grades: Grade[]) {
  return {
    rows: rubric.map((c) => {
      const values = grades.map((g) => g.scores[c.id]).filter((v): v is number => v !== undefined);
      return { id: c.id, text: c.text, min: c.min, max: c.max, weight: c.weight, scores: grades.map((g) => g.scores[c.id] ?? null), spread: spread(values), flag: disagreementFlag(values) };
    }),
    percents: grades.map((g) => gradePercent(rubric, g.scores)),
  };
}

export function showAssignment(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  const { repos, lang } = req.ctx;
  const item = itemOf(req, a);
  const rubric = rubricOf(item.meta);
  const submissions = repos.assignments.submissions(a.id);
  const grades = repos.assignments.grades(a.id);
  const candidate = repos.candidates.get(a.candidateId)!;
  const vacancy = repos.vacancies.findById(a.vacancyId)!;
  const graders = repos.assignments.graders(a.id);
  const table = gradeTable(rubric, grades);
  const mean = table.percents.filter((p): p is number => p !== null);
  renderPage(res, 'pages/assignments/show', req.ctx.t('assignments.title_for', { code: a.code }), {
    a: { ...a, title: item.meta.title, status: assignmentStatus(a, submissions[0] ?? null, new Date()), blind: isBlind(candidate.stage, a.unblindedAt) },
    candidate: { id: candidate.id, name: candidate.fullName },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, lang) },
    submissions,
    graders,
    addable: graderOptions(req, vacancy.department).filter((g) => !graders.some((x) => x.id === g.id)),
    grades,
    table,
    meanPercent: mean.length ? Math.round((mean.reduce((s, x) => s + x, 0) / mean.length) * 10) / 10 : null,
    flagged: table.rows.some((r) => r.flag),
  });
}

export async function downloadOriginal(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  await sendSubmissionFile(req, res, a, false);
}

/**
 * A submitted file: the original for HR; for graders under a neutral name, the scrubbed copy or,
 * while grading is blind, the clean copy (or masked text) graderCopy() makes.
 */
async function sendSubmissionFile(req: Request, res: Response, a: Assignment, forGrader: boolean) {
  const p = z.object({ fileId: z.coerce.number().int().positive() }).safeParse(req.params);
  if (!p.success) throw new HttpError(404, 'errors.not_found');
  for (const s of req.ctx.repos.assignments.submissions(a.id)) {
    const f = s.files.find((x) => x.id === p.data.fileId);
    if (!f) continue;
    const candidate = forGrader ? req.ctx.repos.candidates.get(a.candidateId) : undefined;
    const who = candidate && isBlind(candidate.stage, a.unblindedAt) ? { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone } : null;
    const copy = forGrader ? await graderCopy(req.ctx.services.files, f, who) : { bytes: req.ctx.services.files.read(f.storageName), kind: f.kind };
    const body = copy.bytes;
    // Graders get a neutral name: the candidate's own file name may carry their name.
    res.set(downloadHeaders(forGrader ? `${a.code}-v${s.version}-${f.position}` : f.originalName, copy.kind));
    return res.send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  }
  throw new HttpError(404, 'errors.not_found');
}

const deadlineSchema = z.object({ date: z.iso.date(), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) });

export function extendDeadline(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  const parsed = deadlineSchema.safeParse(req.body);
  const at = parsed.success ? localToIso(parsed.data.date, parsed.data.time) : null;
  if (!at || new Date(at) <= new Date()) {
    flash(req, 'error', 'assignments.deadline_invalid');
    return res.redirect(`/assignments/${a.id}`);
  }
  req.ctx.repos.assignments.setDeadline(a.id, at);
  flash(req, 'ok', 'assignments.deadline_extended');
  res.redirect(`/assignments/${a.id}`);
}

export function regenerateLink(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  const token = newToken();
  req.ctx.repos.assignments.setTokenHash(a.id, hashToken(token));
  audit(req, 'assignment.link_reissued', { type: 'assignment', id: a.id });
  showLink(req, res, a.id, token);
}

const graderSchema = z.object({ user_id: z.coerce.number().int().positive() });

export function addGrader(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  const parsed = graderSchema.safeParse(req.body);
  const vacancy = req.ctx.repos.vacancies.findById(a.vacancyId)!;
  if (!parsed.success || !graderOptions(req, vacancy.department).some((g) => g.id === parsed.data.user_id)) {
    flash(req, 'error', 'assignments.choose_grader');
    return res.redirect(`/assignments/${a.id}#graders`);
  }
  req.ctx.repos.assignments.addGrader(a.id, parsed.data.user_id, userOf(req).id);
  flash(req, 'ok', 'assignments.grader_added');
  res.redirect(`/assignments/${a.id}#graders`);
}

const unblindSchema = z.object({ reason: z.string().trim().min(1).max(1000) });

export function unblind(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  const parsed = unblindSchema.safeParse(req.body);
  if (!parsed.success) {
    flash(req, 'error', 'assignments.unblind_reason_required');
    return res.redirect(`/assignments/${a.id}`);
  }
  req.ctx.repos.assignments.unblind(a.id, userOf(req).id, parsed.data.reason);
  audit(req, 'assignment.unblind', { type: 'assignment', id: a.id }, { reason: parsed.data.reason });
  flash(req, 'ok', 'assignments.unblinded');
  res.redirect(`/assignments/${a.id}`);
}

// ---- The candidate's private link -----------------------------------------------------------

function loadByToken(req: Request, res: Response): Assignment {
  const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).safeParse(req.params.token);
  const a = token.success ? req.ctx.repos.assignments.byTokenHash(hashToken(token.data)) : undefined;
  if (!a) throw new HttpError(404, 'submission.unknown_link');
  if (!req.ctx.user && !req.session.lang) useLanguage(req, res, a.lang);
  return a;
}

/**
 * Runs before a candidate's upload is read: the link must exist and be open, this browser must
 * have opened the page (its session holds the form's token), and the address must be under the
 * submission limit. Anything else is answered without buffering a byte of the body.
 */
export function candidateUploadGate(req: Request, res: Response, next: (err?: unknown) => void) {
  try {
    const a = loadByToken(req, res);
    if (!linkOpen(a, new Date())) throw new HttpError(410, 'submission.link_expired');
    if (!hasCsrfToken(req)) throw new HttpError(403, 'errors.csrf');
    const ip = req.ip ?? 'unknown';
    const wait = req.ctx.services.submissionLimit.retryAfter(ip);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'submission.too_many_submissions');
    }
    req.ctx.services.submissionLimit.hit(ip);
    next();
  } catch (e) {
    next(e);
  }
}

function showCandidatePage(req: Request, res: Response, a: Assignment, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const item = itemOf(req, a);
  const submissions = req.ctx.repos.assignments.submissions(a.id);
  const open = linkOpen(a, new Date());
  res.status(status);
  renderPage(res, 'pages/assignments/candidate', item.meta.title, {
    token: req.params.token,
    a: { deadlineAt: a.deadlineAt, open, late: isLate(a, new Date()) },
    item: { title: item.meta.title, deliverables: item.meta.kind === 'task' ? item.meta.deliverables : [], task: item.meta.kind === 'case' ? item.meta.task : null },
    briefHtml: briefHtml(a, item),
    submissions: submissions.map((s) => ({ version: s.version, submittedAt: s.submittedAt, late: s.late, files: s.files.map((f) => f.originalName), hasText: s.body.trim() !== '', link: s.link })),
    values: { body: '', link: '', ...values, idempotency_key: randomBytes(16).toString('base64url') },
    errors,
  });
}

export function candidatePage(req: Request, res: Response) {
  const a = loadByToken(req, res);
  if (!linkOpen(a, new Date())) throw new HttpError(410, 'submission.link_expired');
  req.ctx.repos.assignments.markOpened(a.id);
  showCandidatePage(req, res, a, {}, {});
}

export async function candidateSubmit(req: Request, res: Response) {
  const a = loadByToken(req, res);
  const now = new Date();
  if (!linkOpen(a, now)) throw new HttpError(410, 'submission.link_expired');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const keep = { body: typeof body.body === 'string' ? body.body : '', link: typeof body.link === 'string' ? body.link : '' };
  const parsed = parseForm(submissionFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (req.uploadError) errors.files = { key: `submission.upload_${req.uploadError}` };
  const uploads = (Array.isArray(req.files) ? req.files : []).filter((f) => f.originalname || f.size > 0);
  let checked: Awaited<ReturnType<typeof checkSubmissionFiles>> | null = null;
  if (!errors.files) {
    try {
      checked = await checkSubmissionFiles(uploads.map((f) => ({ buf: f.buffer, name: f.originalname })));
    } catch (e) {
      if (!(e instanceof SubmissionFileError)) throw e;
      errors.files = { key: e.key, params: { name: e.fileName } };
    }
  }
  if (parsed.ok && !parsed.data.body.trim() && !parsed.data.link && uploads.length === 0 && !errors.files) errors.body = { key: 'submission.empty' };
  if (!parsed.ok || Object.keys(errors).length > 0) return showCandidatePage(req, res, a, keep, errors, 422);
  // Written only now that the whole form passed: a refused submission leaves no files behind.
  const prepared = checked?.store(req.ctx.services.files) ?? [];
  const r = req.ctx.repos.assignments.submit(a.id, { body: parsed.data.body, link: parsed.data.link, late: isLate(a, now), key: parsed.data.idempotency_key }, prepared);
  if (!r.duplicate) audit(req, 'submission.create', { type: 'assignment', id: a.id }, { version: r.version, files: prepared.length });
  flash(req, 'ok', r.duplicate ? 'submission.already_received' : 'submission.received');
  res.redirect(303, `/t/${String(req.params.token)}#submitted`);
}

// ---- Graders ---------------------------------------------------------------------------------

/** A grader reaches an assignment only by its code, only if assigned, and a head only within their department. */
function loadForGrader(req: Request): Assignment {
  const code = z.string().regex(ASSIGNMENT_CODE).safeParse(req.params.code);
  const a = code.success ? req.ctx.repos.assignments.byCode(code.data) : undefined;
  const user = userOf(req);
  // Unknown and not-yours answer alike, so codes cannot be probed.
  if (!a || !req.ctx.repos.assignments.isGrader(a.id, user.id)) throw new HttpError(404, 'errors.not_found');
  if (user.role === 'department_head' && (user.department ?? '').toLowerCase() !== a.department.toLowerCase()) throw new HttpError(404, 'errors.not_found');
  return a;
}

export function gradingList(req: Request, res: Response) {
  const user = userOf(req);
  const list = req.ctx.repos.assignments
    .forGrader(user.id)
    .filter((a) => user.role !== 'department_head' || (user.department ?? '').toLowerCase() === a.department.toLowerCase())
    .map((a) => {
      const subs = req.ctx.repos.assignments.submissions(a.id);
      const item = req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, req.ctx.lang, a.bankVersion) ?? req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, a.lang, a.bankVersion);
      return { code: a.code, title: item?.meta.title ?? a.itemId, deadlineAt: a.deadlineAt, submitted: subs.length > 0, graded: a.graded };
    });
  renderPage(res, 'pages/grading/list', req.ctx.t('grading.title'), { list });
}

function redactSubmission(s: Submission, who: { fullName: string; email: string | null; phone: string | null }, blind: boolean) {
  const r = (text: string) => (blind ? redact(text, who) : text);
  return {
    version: s.version,
    submittedAt: s.submittedAt,
    late: s.late,
    body: r(s.body),
    link: s.link ? r(s.link) : null,
    files: s.files.map((f) => {
      const asText = blind && blindFileForm(f.kind, f.extractedText, who) === 'text';
      return { id: f.id, label: `${f.position}.${asText ? 'txt' : f.kind}`, kind: f.kind, asText, size: f.size, text: f.extractedText ? r(f.extractedText) : null };
    }),
  };
}

function showGrading(req: Request, res: Response, a: Assignment, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { repos } = req.ctx;
  const user = userOf(req);
  const item = repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, req.ctx.lang, a.bankVersion) ?? itemOf(req, a);
  const rubric = rubricOf(item.meta);
  const candidate = repos.candidates.get(a.candidateId)!;
  const blind = isBlind(candidate.stage, a.unblindedAt);
  const latest = repos.assignments.submissions(a.id)[0] ?? null;
  const grades = repos.assignments.grades(a.id);
  const mine = grades.find((g) => g.graderId === user.id) ?? null;
  const who = { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone };
  res.status(status);
  renderPage(res, 'pages/grading/show', req.ctx.t('grading.title_for', { code: a.code }), {
    a: { code: a.code, title: item.meta.title, deadlineAt: a.deadlineAt },
    blind,
    candidateName: blind ? null : candidate.fullName,
    briefHtml: renderMarkdown(a.briefOverride ?? item.body),
    submission: latest ? redactSubmission(latest, who, blind) : null,
    rubric,
    mine: mine ? { ...mine, percent: gradePercent(rubric, mine.scores) } : null,
    // Independence: the others' grades appear only after this grader has submitted.
    others: mine ? gradeTable(rubric, grades) : null,
    otherNames: mine ? grades.map((g) => g.graderName) : [],
    values,
    errors,
  });
}

export function gradingPage(req: Request, res: Response) {
  showGrading(req, res, loadForGrader(req), { scores: {}, comment: '' }, {});
}

export function submitGrade(req: Request, res: Response) {
  const a = loadForGrader(req);
  const { repos } = req.ctx;
  const item = itemOf(req, a);
  const latest = repos.assignments.submissions(a.id)[0];
  if (!latest) throw new HttpError(409, 'grading.nothing_submitted');
  if (repos.assignments.grades(a.id).some((g) => g.graderId === userOf(req).id)) {
    flash(req, 'ok', 'grading.already');
    return res.redirect(303, `/grading/${a.code}`);
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(gradeFormSchema(rubricOf(item.meta)), body);
  if (!parsed.ok) return showGrading(req, res, a, body, parsed.errors, 422);
  const created = repos.assignments.grade({ assignmentId: a.id, graderId: userOf(req).id, version: latest.version, scores: parsed.data.scores, comment: parsed.data.comment });
  if (created) {
    refreshScore(repos, a.candidateId);
    audit(req, 'grade.submit', { type: 'assignment', id: a.id }, { code: a.code, scores: parsed.data.scores });
  }
  flash(req, 'ok', created ? 'grading.saved' : 'grading.already');
  res.redirect(303, `/grading/${a.code}`);
}

export async function downloadForGrader(req: Request, res: Response) {
  await sendSubmissionFile(req, res, loadForGrader(req), true);
}

// ---- Calibration -------------------------------------------------------------------------------

export function calibration(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { repos, lang } = req.ctx;
  const assignments = repos.assignments.forVacancy(v.id);
  const itemIds = [...new Set(assignments.map((a) => a.itemId))];
  const items = itemIds.map((itemId) => {
    const mine = new Set(assignments.filter((a) => a.itemId === itemId).map((a) => a.id));
    const grades = repos.assignments.gradesForItem(itemId).filter((g) => mine.has(g.assignmentId));
    const graders = [...new Set(grades.map((g) => g.graderId))];
    const names = new Map(grades.map((g) => [g.graderId, g.graderName]));
    const units = new Map<string, (number | null)[]>();
    const flat: { unit: string; rater: string; score: number }[] = [];
    for (const g of grades) {
      for (const [crit, score] of Object.entries(g.scores)) {
        const unit = `${g.assignmentId}:${crit}`;
        const row = units.get(unit) ?? graders.map(() => null);
        row[graders.indexOf(g.graderId)] = score;
        units.set(unit, row);
        flat.push({ unit, rater: String(g.graderId), score });
      }
    }
    const matrix = [...units.values()];
    const alpha = krippendorffAlphaInterval(matrix);
    const complete = matrix.filter((r) => r.every((x) => x !== null)) as number[][];
    const title = repos.bank.get(itemId, lang)?.title ?? itemId;
    return {
      itemId,
      title,
      submissions: mine.size,
      units: matrix.filter((r) => r.filter((x) => x !== null).length >= 2).length,
      alpha,
      alphaLabel: interpretAlpha(alpha),
      icc: complete.length === matrix.length ? icc21(complete) : null,
      leniency: leniency(flat).map((l) => ({ ...l, name: names.get(Number(l.rater)) ?? l.rater })),
    };
  });
  renderPage(res, 'pages/assignments/calibration', req.ctx.t('calibration.title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    items,
    assignments: assignments.map((a) => {
      const subs = repos.assignments.submissions(a.id);
      return { id: a.id, code: a.code, candidateId: a.candidateId, status: assignmentStatus(a, subs[0] ?? null, new Date()), graded: repos.assignments.grades(a.id).length };
    }),
  });
}
