import type { Request, Response } from 'express';
import type { CaseMeta, TaskMeta } from '../../domain/bank/schema.js';
import { gradeFormSchema, gradePercent, isBlind, rubricOf } from '../../domain/assignment.js';
import { redact } from '../../domain/redact.js';
import { blindFileForm } from '../../domain/blind.js';
import type { Assignment, Submission } from '../../db/assignments.js';
import { grade } from '../../services/grading.js';
import { userActorOf } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderMarkdown } from '../markdown.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadForGrader } from '../loaders.js';
import { canGrade } from '../../domain/policy.js';

import { gradeTable, itemOf, sendSubmissionFile } from '../assignment-view.js';

// ---- Graders ---------------------------------------------------------------------------------

export function gradingList(req: Request, res: Response) {
  const user = userOf(req);
  const list = req.ctx.repos.assignments
    .forGrader(user.id)
    .filter((a) => canGrade(user, a, true))
    .map((a) => {
      const subs = req.ctx.repos.assignments.submissions(a.id);
      const item =
        req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, req.ctx.lang, a.bankVersion) ??
        req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, a.lang, a.bankVersion);
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
      return {
        id: f.id,
        label: `${f.position}.${asText ? 'txt' : f.kind}`,
        kind: f.kind,
        asText,
        size: f.size,
        text: f.extractedText ? r(f.extractedText) : null,
      };
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
  const created = grade(repos, a, { version: latest.version, scores: parsed.data.scores, comment: parsed.data.comment }, userActorOf(req));
  flash(req, 'ok', created ? 'grading.saved' : 'grading.already');
  res.redirect(303, `/grading/${a.code}`);
}

export async function downloadForGrader(req: Request, res: Response) {
  await sendSubmissionFile(req, res, loadForGrader(req), true);
}
