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
