import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canGrade, canSeeVacancy, interviewAccess, type InterviewAccess } from '../domain/policy.js';
import { ASSIGNMENT_CODE } from '../domain/assignment.js';
import { employerFor } from '../domain/employer.js';
import type { Assignment } from '../db/assignments.js';
import type { Candidate } from '../db/candidates.js';
import type { Interview } from '../db/interviews.js';
import type { Vacancy, VacancySummary } from '../db/vacancies.js';
import { HttpError } from './middleware/errors.js';
import { useLanguage } from './middleware/context.js';
import { userOf } from './types.js';

/**
 * Every record a URL names is loaded here and checked against the row-level policy (domain/policy.ts).
 * One rule for the answer: a record that does not exist is 404; one that exists but is not this
 * user's to see is 403. Handlers import these, never each other.
 */

const idParam = z.object({ id: z.coerce.number().int().positive() });

function found<T>(record: T | undefined, key = 'errors.not_found'): T {
  if (record === undefined) throw new HttpError(404, key);
  return record;
}

function allowed(ok: boolean): void {
  if (!ok) throw new HttpError(403, 'errors.forbidden');
}

function idOf(req: Request): number | undefined {
  const p = idParam.safeParse(req.params);
  return p.success ? p.data.id : undefined;
}

function visibleVacancy<V extends VacancySummary>(req: Request, find: (id: number) => V | undefined): V {
  const id = idOf(req);
  const vacancy = found(id === undefined ? undefined : find(id));
  const user = userOf(req);
  allowed(canSeeVacancy(user, vacancy, user.role === 'interviewer' && req.ctx.repos.interviews.interviewsIn(vacancy.id, user.id)));
  return vacancy;
}

/** The vacancy `:id` names, if this user may see it (a department head: only their department's). */
export function loadVacancy(req: Request): Vacancy {
  return visibleVacancy(req, (id) => req.ctx.repos.vacancies.findById(id));
}

/** As loadVacancy, without reading the profile: for pages that show only the vacancy's title. */
export function loadVacancySummary(req: Request): VacancySummary {
  return visibleVacancy(req, (id) => req.ctx.repos.vacancies.findSummaryById(id));
}

/** The candidate `:id` names with their vacancy. Candidates are HR's: the route table admits nobody else. */
export function loadCandidate(req: Request): { candidate: Candidate; vacancy: Vacancy } {
  const id = idOf(req);
  const candidate = found(id === undefined ? undefined : req.ctx.repos.candidates.get(id));
  const vacancy = found(req.ctx.repos.vacancies.findById(candidate.vacancyId));
  return { candidate, vacancy };
}

export type LoadedInterview = InterviewAccess & { interview: Interview; vacancy: Vacancy };

/** The interview `:id` names, if this user manages it, heads its department or sits on its panel. */
export function loadInterview(req: Request): LoadedInterview {
  const id = idOf(req);
  const { repos } = req.ctx;
  const interview = found(id === undefined ? undefined : repos.interviews.get(id));
  const vacancy = found(repos.vacancies.findById(interview.vacancyId));
  const user = userOf(req);
  const access = interviewAccess(user, vacancy, repos.interviews.isInterviewer(interview.id, user.id));
  allowed(access.allowed);
  return { ...access, interview, vacancy };
}

/** The assignment `:id` names, for HR (the route table admits nobody else). */
export function loadAssignmentForHr(req: Request): Assignment {
  const id = idOf(req);
  return found(id === undefined ? undefined : req.ctx.repos.assignments.get(id));
}

/** A grader reaches an assignment only by its code, only if assigned, and a head only within their department. */
export function loadForGrader(req: Request): Assignment {
  const code = z.string().regex(ASSIGNMENT_CODE).safeParse(req.params.code);
  const a = found(code.success ? req.ctx.repos.assignments.byCode(code.data) : undefined);
  const user = userOf(req);
  // Unknown and not-yours answer alike (404), so grading codes cannot be probed.
  if (!canGrade(user, a, req.ctx.repos.assignments.isGrader(a.id, user.id))) throw new HttpError(404, 'errors.not_found');
  return a;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The candidate's private link: its token is the key (stored hashed); the page speaks the assignment's language. */
export function loadByToken(req: Request, res: Response): Assignment {
  const token = z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .safeParse(req.params.token);
  const a = found(token.success ? req.ctx.repos.assignments.byTokenHash(hashToken(token.data)) : undefined, 'submission.unknown_link');
  if (!req.ctx.user && !req.session.lang) useLanguage(req, res, a.lang);
  // Every page the link leads to (the task, an expired link) names the employer and whom to ask.
  res.locals.employer = employerFor(req.ctx.repos.employer.get(), req.ctx.lang);
  return a;
}
