import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { assignFormSchema, assignmentCode, assignmentStatus, CODE_BYTES, isBlind, rubricOf } from '../../domain/assignment.js';
import { icc21, interpretAlpha, krippendorffAlphaInterval, leniency } from '../../domain/agreement.js';
import { localToIso } from '../../domain/interview.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { StoredItem } from '../../db/bank.js';
import type { Assignment } from '../../db/assignments.js';
import { actorOf, audit, userActorOf } from '../audit.js';
import { advanceForWork } from '../../services/offers.js';
import { candidateVars, composeDefaults, mailDateTime, parseCompose, placeholderHint, renderCompose } from '../mail-view.js';
import { queueMail } from '../../services/mail.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadAssignmentForHr, loadCandidate, loadVacancy } from '../loaders.js';
import { hashToken } from '../../security/tokens.js';
import { canGradeFor } from '../../domain/policy.js';

import { blindGraderCheck, gradeTable, itemOf, sendSubmissionFile } from '../assignment-view.js';

// HR: assigning a take-home task, following it up, and calibrating graders.

const newToken = () => randomBytes(32).toString('base64url');

// ---- HR: assigning --------------------------------------------------------------------------

function graderOptions(req: Request, department: string, candidateId: number) {
  const problem = blindGraderCheck(req, candidateId);
  return req.ctx.repos.users
    .list()
    .filter((u) => canGradeFor(u, department))
    .map((u) => ({ id: u.id, name: u.display_name, role: u.role, notBlind: problem(u.id) }));
}

/** The first chosen grader who cannot grade this candidate blind, as the message shown at the field. */
function notBlindError(options: ReturnType<typeof graderOptions>, chosen: number[]): FieldErrors[string] | null {
  const refused = options.find((g) => g.notBlind !== null && chosen.includes(g.id));
  return refused ? { key: `debrief.grader_not_blind_${refused.notBlind}`, params: { name: refused.name } } : null;
}

function showAssign(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { candidate, vacancy } = loadCandidate(req);
  const { repos, lang } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/assignments/new', req.ctx.t('assignments.new_title'), {
    mailPlaceholders: placeholderHint('take_home_task'),
    errorLinks: Object.entries(errors).map(([f, e]) => ({ href: `#f-${f}`, text: req.ctx.t(e.key, e.params) })),
    candidate: { id: candidate.id, name: candidate.fullName },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, lang) },
    tasks: repos.bank
      .tasks(lang)
      .map((x) => ({ id: x.id, title: x.title, days: x.meta.deadline_days, chosen: vacancy.profile.taskIds.includes(x.id) })),
    cases: repos.bank.cases(lang).map((x) => ({ id: x.id, title: x.title, chosen: vacancy.profile.caseIds.includes(x.id) })),
    graders: graderOptions(req, vacancy.department, candidate.id),
    values,
    errors,
  });
}

export function newAssignment(req: Request, res: Response) {
  const { candidate, vacancy } = loadCandidate(req);
  const first = vacancy.profile.taskIds[0];
  const days = first ? req.ctx.repos.bank.get(first, 'en')?.meta : undefined;
  const deadline = new Date(Date.now() + (days && days.kind === 'task' ? days.deadline_days : 3) * 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 10);
  const heads = graderOptions(req, vacancy.department, candidate.id)
    .filter((g) => g.role === 'department_head' && g.notBlind === null)
    .map((g) => String(g.id));
  showAssign(
    req,
    res,
    {
      item: first ? `task:${first}` : '',
      lang: req.ctx.lang,
      date: deadline,
      time: '18:00',
      grace_hours: '24',
      graders: heads,
      brief: '',
      // The letter with the private link, ready to edit; the link and deadline are filled in at sending.
      ...composeDefaults(req, 'take_home_task', candidate, candidateVars(req, candidate, vacancy), candidate.email !== null),
    },
    {},
  );
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
    const options = graderOptions(req, vacancy.department, candidate.id);
    const allowed = new Set(options.map((g) => g.id));
    if (parsed.data.graders.some((g) => !allowed.has(g))) errors.graders = { key: 'errors.choice' };
    else {
      const notBlind = notBlindError(options, parsed.data.graders);
      if (notBlind) errors.graders = notBlind;
    }
  }
  const compose = parseCompose('take_home_task', body);
  if (compose.send === null) Object.assign(errors, compose.errors);
  if (!parsed.ok || Object.keys(errors).length > 0 || !item || !deadlineAt || compose.send === null)
    return showAssign(req, res, body, errors, 422);

  let code = assignmentCode(randomBytes(CODE_BYTES));
  for (let tries = 1; repos.assignments.isCodeTaken(code); tries++) {
    if (tries >= 10) throw new Error('no free grading code after 10 tries');
    code = assignmentCode(randomBytes(CODE_BYTES));
  }
  const token = newToken();
  const vars = {
    ...candidateVars(req, candidate, vacancy),
    task: {
      title: item.title,
      link: `${req.ctx.config.publicUrl}/t/${token}`,
      deadline: mailDateTime(deadlineAt, candidate.lang),
    },
  };
  const mail = compose.send ? renderCompose(compose, vars) : null;
  const create = {
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
  };
  // The assignment and its letter land together or not at all.
  const graders = parsed.data.graders;
  const id = repos.transaction(() => {
    const newId = repos.assignments.create(create, graders);
    // Assigning the task moves the candidate to the take-home stage (never back).
    advanceForWork(repos, candidate, 'take_home_assigned', userActorOf(req));
    audit(req, 'assignment.create', { type: 'assignment', id: newId }, { candidate: candidate.id, item: create.itemId, graders });
    if (mail && compose.send)
      queueMail(repos, actorOf(req), {
        kind: 'take_home_task',
        lang: candidate.lang,
        to: { address: compose.to, name: candidate.fullName },
        ...mail,
        candidateId: candidate.id,
      });
    return newId;
  });
  showLink(req, res, id, token, mail && compose.send ? compose.to : null);
}

/**
 * The candidate's link, right after it was made. Only its hash is stored, so this response is the one place the
 * link exists: it is never cached, and the page says that a lost link is replaced by making a new one.
 */
function showLink(req: Request, res: Response, id: number, token: string, mailedTo: string | null = null) {
  const { repos, lang } = req.ctx;
  const a = repos.assignments.get(id)!;
  const candidate = repos.candidates.get(a.candidateId)!;
  const vacancy = repos.vacancies.findSummaryById(a.vacancyId)!;
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  res.setHeader('Cache-Control', 'no-store');
  renderPage(res, 'pages/assignments/link', req.ctx.t('assignments.link_title'), {
    a: { id, code: a.code, deadlineAt: a.deadlineAt, title: repos.bank.get(a.itemId, a.lang)?.title ?? a.itemId },
    candidate: { id: candidate.id, name: candidate.fullName },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, lang) },
    url: `${origin}/t/${token}`,
    mailedTo,
    candidateId: a.candidateId,
  });
}

// ---- HR: the assignment page ------------------------------------------------------------------

export function showAssignment(req: Request, res: Response) {
  assignmentPage(req, res, loadAssignmentForHr(req), {}, {});
}

function assignmentPage(req: Request, res: Response, a: Assignment, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
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
  res.status(status);
  renderPage(res, 'pages/assignments/show', req.ctx.t('assignments.title_for', { code: a.code }), {
    a: {
      ...a,
      title: item.meta.title,
      status: assignmentStatus(a, submissions[0] ?? null, new Date()),
      blind: isBlind(candidate.stage, a.unblindedAt),
    },
    candidate: { id: candidate.id, name: candidate.fullName },
    vacancy: { id: vacancy.id, title: vacancyTitle(vacancy, lang) },
    submissions,
    graders,
    addable: graderOptions(req, vacancy.department, candidate.id).filter((g) => !graders.some((x) => x.id === g.id)),
    values,
    errors,
    errorLinks: errors.user_id ? [{ href: '#add-grader', text: req.ctx.t(errors.user_id.key, errors.user_id.params) }] : [],
    grades,
    table,
    meanPercent: mean.length ? Math.round((mean.reduce((s, x) => s + x, 0) / mean.length) * 10) / 10 : null,
    flagged: table.rows.some((r) => r.flag),
    // When the current link was made (the audit log has it; the link itself is stored only as a hash).
    linkIssuedAt:
      repos.audit
        .list({ subjectType: 'assignment', subjectId: String(a.id), action: 'assignment', limit: 100, offset: 0 })
        .rows.find((r) => r.action === 'assignment.create' || r.action === 'assignment.link_reissued')?.at ?? null,
  });
}

export async function downloadOriginal(req: Request, res: Response) {
  const a = loadAssignmentForHr(req);
  await sendSubmissionFile(req, res, a, false);
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
  const options = graderOptions(req, vacancy.department, a.candidateId);
  if (!parsed.success || !options.some((g) => g.id === parsed.data.user_id)) {
    flash(req, 'error', 'assignments.choose_grader');
    return res.redirect(`/assignments/${a.id}#graders`);
  }
  // Refused at the field, with the reason: this person knows whose work it is.
  const notBlind = notBlindError(options, [parsed.data.user_id]);
  if (notBlind) return assignmentPage(req, res, a, { user_id: String(parsed.data.user_id) }, { user_id: notBlind }, 422);
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
      return {
        id: a.id,
        code: a.code,
        candidateId: a.candidateId,
        status: assignmentStatus(a, subs[0] ?? null, new Date()),
        graded: repos.assignments.grades(a.id).length,
      };
    }),
  });
}
