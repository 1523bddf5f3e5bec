import type { Role } from './roles.js';

/**
 * Row-level access rules, in one place. The route table (web/routes.ts) says which roles may use a
 * route at all; these functions say which records a user may see or change once there. Pure: the
 * web loaders (web/loaders.ts) read the records and ask here.
 */

/** What the rules need to know about the person asking. */
export interface Actor {
  id: number;
  role: Role;
  department: string | null;
}

/**
 * The form a department name is compared in, in SQL (stored as `department_key`) and here alike:
 * Unicode lower case, trimmed, inner white space collapsed to one space, ё read as е.
 * SQLite's NOCASE folds ASCII only, so «Коммерческий отдел» and «коммерческий ОТДЕЛ» differed there.
 */
export function departmentKey(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replace(/ё/gu, 'е');
}

/** Two department names name the same department; an empty name is nobody's department. */
export function sameDepartment(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = departmentKey(a);
  return ka !== '' && ka === departmentKey(b);
}

/** HR and admins manage vacancies, candidates, interviews and assignments. */
export function isHr(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'hr' || actor.role === 'admin';
}

/** The head of the record's department. */
export function isHeadOf(actor: Actor, department: string): boolean {
  return actor.role === 'department_head' && sameDepartment(actor.department, department);
}

/**
 * A department head sees only their department's vacancies; an interviewer only the vacancies where they sit on
 * an interview panel (to prepare: the profile, the competencies, the job description); every other role the route
 * admits sees all.
 */
export function canSeeVacancy(actor: Actor, vacancy: { department: string }, interviewsThere = false): boolean {
  if (actor.role === 'department_head') return isHeadOf(actor, vacancy.department);
  if (actor.role === 'interviewer') return interviewsThere;
  return true;
}

export interface InterviewAccess {
  allowed: boolean;
  canManage: boolean;
  isInterviewer: boolean;
  /** Sees every scorecard at once; an assigned interviewer sees the others' only after submitting their own. */
  seesAll: boolean;
}

/**
 * HR and admins manage an interview; the head of the vacancy's department and the assigned
 * interviewers may open it; nobody else. An assigned interviewer judges independently, even as HR
 * or the department head.
 */
export function interviewAccess(actor: Actor, vacancy: { department: string }, isInterviewer: boolean): InterviewAccess {
  const canManage = isHr(actor);
  const head = isHeadOf(actor, vacancy.department);
  return { allowed: canManage || head || isInterviewer, canManage, isInterviewer, seesAll: !isInterviewer && (canManage || head) };
}

/** Who may be put on an interview panel. */
export function canInterview(user: { role: Role; disabled: boolean | number }): boolean {
  return !user.disabled && (user.role === 'interviewer' || user.role === 'department_head' || user.role === 'hr');
}

/** Who may be asked to grade take-home work for a department: interviewers, and that department's heads. */
export function canGradeFor(user: { role: Role; department: string | null; disabled: boolean | number }, department: string): boolean {
  if (user.disabled) return false;
  return user.role === 'department_head' ? sameDepartment(user.department, department) : user.role === 'interviewer';
}

/** A grader reaches an assignment only if assigned to it, and a head only within their own department. */
export function canGrade(actor: Actor, assignment: { department: string }, isGrader: boolean): boolean {
  return isGrader && (actor.role !== 'department_head' || isHeadOf(actor, assignment.department));
}

/**
 * A candidate's private links (take-home task, and any other link sent to them) work only while
 * they are in the process: once rejected or erased, every such link stops at once.
 */
export function candidateLinksOpen(c: { stage: string; erased: boolean }): boolean {
  return c.stage !== 'rejected' && !c.erased;
}

/**
 * Whether this person sees the other interviewers' scorecards: those who see everything (HR, the
 * department's head, when not on the panel themselves) at once; a panel member only after their own
 * scorecard is submitted, so every judgement is made independently. Used by the interview page and
 * the debrief alike.
 */
export function seesOthersScorecards(access: InterviewAccess, ownSubmitted: boolean): boolean {
  return access.seesAll || (access.isInterviewer && ownSubmitted);
}

/** What the debrief rule needs to know about the person's own part in this candidate's assessment. */
export interface DebriefFacts {
  /** On the panel of any of the candidate's interviews. */
  interviewer: boolean;
  /** Every one of their own scorecards for the candidate is submitted (and there is at least one). */
  ownSubmitted: boolean;
  /** Assigned to grade one of the candidate's take-home tasks blind and has not graded it yet. */
  gradingBlind: boolean;
}

/**
 * The debrief (every scorecard, the graders' scores, the candidate's name) is for HR and admins, the
 * head of the vacancy's department, and panel members once their own scorecards are in (the same
 * rule as the interview page). Never for someone still grading the candidate's work blind.
 */
export function canSeeDebrief(actor: Actor, vacancy: { department: string }, facts: DebriefFacts): boolean {
  const access = interviewAccess(actor, vacancy, facts.interviewer);
  return access.allowed && !facts.gradingBlind && seesOthersScorecards(access, facts.ownSubmitted);
}

/** Why a person cannot grade a candidate's work blind, or null when they can. */
export type BlindGraderProblem = 'interviewed' | 'unblinded';

/**
 * A blind grader must not know whose work it is: not someone on the panel of any of the candidate's
 * interviews (they met the candidate and see the name on their interview page), nor someone who
 * lifted the blinding of one of the candidate's tasks.
 */
export function blindGraderProblem(facts: { interviewed: boolean; unblinded: boolean }): BlindGraderProblem | null {
  if (facts.interviewed) return 'interviewed';
  if (facts.unblinded) return 'unblinded';
  return null;
}

/** The same rule the other way round: someone still grading the candidate's work blind is not put on their panel. */
export function panelBlindProblem(facts: { gradingBlind: boolean }): 'grading_blind' | null {
  return facts.gradingBlind ? 'grading_blind' : null;
}
// ---- Offers -------------------------------------------------------------------------------------

/** Who may be named a vacancy's second approver of offers: an active administrator, HR or department head. */
export function canApproveOffers(user: { role: Role; disabled: boolean | number }): boolean {
  return !user.disabled && (user.role === 'admin' || user.role === 'hr' || user.role === 'department_head');
}

/**
 * Who may open a candidate's offer: HR and admins, the head of the vacancy's department, and the user the
 * offer (or, before there is one, the vacancy) names as its second approver. Nobody else.
 */
export function canSeeOffer(actor: Actor, vacancy: { department: string }, secondApproverId: number | null): boolean {
  return isHr(actor) || isHeadOf(actor, vacancy.department) || (secondApproverId !== null && actor.id === secondApproverId);
}

export type ApprovalStep = 'head' | 'second';

/**
 * The approval this actor may give an offer now, or null: the head of the vacancy's department gives the
 * head's, the named second approver the second; each once, and only while the offer waits for approval.
 * HR proposes offers and cannot approve them unless named the second approver.
 */
export function approvalStep(
  actor: Actor,
  vacancy: { department: string },
  offer: { status: string; headApprovedAt: string | null; secondApproverId: number | null; secondApprovedAt: string | null },
): ApprovalStep | null {
  if (offer.status !== 'pending') return null;
  if (offer.headApprovedAt === null && isHeadOf(actor, vacancy.department)) return 'head';
  if (offer.secondApproverId !== null && offer.secondApprovedAt === null && actor.id === offer.secondApproverId) return 'second';
  return null;
}

/** Whose decision queue (screened candidates waiting for a decision) a user's "my tasks" shows: HR all, a head their department's. */
export function seesDecisionQueue(actor: Actor, vacancy: { department: string }): boolean {
  return isHr(actor) || isHeadOf(actor, vacancy.department);
}

/**
 * Outgoing mail: admins read every message; HR reads the messages about candidates (HR sees every
 * candidate), not mail addressed to users (reminders); nobody else reads the outbox.
 */
export function mailScope(actor: Pick<Actor, 'role'>): 'all' | 'candidates' | null {
  if (actor.role === 'admin') return 'all';
  return actor.role === 'hr' ? 'candidates' : null;
}

export function canSeeMail(actor: Pick<Actor, 'role'>, mail: { candidateId: number | null }): boolean {
  const scope = mailScope(actor);
  return scope === 'all' || (scope === 'candidates' && mail.candidateId !== null);
}
