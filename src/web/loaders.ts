import type { Request, Response } from 'express';
import { z } from 'zod';
import { hashToken } from '../security/tokens.js';
import {
  candidateLinksOpen,
  canGrade,
  canSeeDebrief,
  canSeeMail,
  canSeeOffer,
  canSeeVacancy,
  interviewAccess,
  type InterviewAccess,
} from '../domain/policy.js';
import { isBlind } from '../domain/assignment.js';
import type { Offer } from '../db/offers.js';
import type { OutboxRow } from '../db/outbox.js';
import { ASSIGNMENT_CODE } from '../domain/assignment.js';
import { employerFor } from '../domain/employer.js';
import type { Assignment } from '../db/assignments.js';
import type { Candidate } from '../db/candidates.js';
import type { Interview } from '../db/interviews.js';
import type { SlotOffer } from '../db/calendar.js';
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

/** The person is assigned to grade one of the candidate's tasks, has not graded it, and it is still blind. */
export function gradesBlind(req: Request, candidate: Pick<Candidate, 'id' | 'stage'>, userId: number): boolean {
  return req.ctx.repos.debrief.gradingOf(candidate.id, userId).some((a) => !a.graded && isBlind(candidate.stage, a.unblindedAt));
}

/** Whether this user may open the candidate's debrief (domain/policy.ts canSeeDebrief, with the facts read here). */
export function mayOpenDebrief(req: Request, candidate: Pick<Candidate, 'id' | 'stage'>, vacancy: { department: string }): boolean {
  const { repos } = req.ctx;
  const user = userOf(req);
  const own = repos.debrief.ownCards(candidate.id, user.id);
  return canSeeDebrief(user, vacancy, {
    interviewer: repos.debrief.isOnPanel(candidate.id, user.id),
    ownSubmitted: own.total > 0 && own.submitted === own.total,
    gradingBlind: gradesBlind(req, candidate, user.id),
  });
}

/**
 * The candidate `:id` names, for their debrief: HR and admins, the head of the vacancy's department,
 * and panel members whose own scorecards are all submitted; not someone still grading their work blind.
 */
export function loadDebrief(req: Request): { candidate: Candidate; vacancy: Vacancy; isInterviewer: boolean } {
  const id = idOf(req);
  const candidate = found(id === undefined ? undefined : req.ctx.repos.candidates.get(id));
  const vacancy = found(req.ctx.repos.vacancies.findById(candidate.vacancyId));
  allowed(mayOpenDebrief(req, candidate, vacancy));
  return { candidate, vacancy, isInterviewer: req.ctx.repos.debrief.isOnPanel(candidate.id, userOf(req).id) };
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
  if (!candidateLinksOpen({ stage: a.candidateStage, erased: a.candidateErased })) throw new HttpError(410, 'submission.link_closed');
  return a;
}

/** A self-scheduling offer by its private link (token stored hashed); the page speaks the offer's language. */
export function loadOfferByToken(req: Request, res: Response): SlotOffer {
  const token = z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .safeParse(req.params.slotToken);
  const offer = found(token.success ? req.ctx.repos.calendar.offerByTokenHash(hashToken(token.data)) : undefined, 'slots.unknown_link');
  if (!req.ctx.user && !req.session.lang) useLanguage(req, res, offer.lang);
  return offer;
}

/**
 * The candidate `:id` names with their latest offer, for the offer pages: HR, the head of the vacancy's
 * department, and the offer's (or, before one exists, the vacancy's) second approver; 403 for anyone else.
 */
export function loadOfferCase(req: Request): { candidate: Candidate; vacancy: Vacancy; offer: Offer | undefined } {
  const id = idOf(req);
  const { repos } = req.ctx;
  const candidate = found(id === undefined ? undefined : repos.candidates.get(id));
  const vacancy = found(repos.vacancies.findById(candidate.vacancyId));
  const offer = repos.offers.latestOffer(candidate.id);
  const second = offer ? offer.secondApproverId : repos.offers.secondApproverOf(vacancy.id);
  allowed(canSeeOffer(userOf(req), vacancy, second));
  return { candidate, vacancy, offer };
}

/** The outbox message `:id` names, if this user may read it (admins all; HR those about candidates). */
export function loadMail(req: Request): OutboxRow {
  const id = idOf(req);
  const row = found(id === undefined ? undefined : req.ctx.repos.outbox.get(id));
  allowed(canSeeMail(userOf(req), { candidateId: row.candidate_id }));
  return row;
}
