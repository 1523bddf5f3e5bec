import type { RequestHandler } from 'express';
import type { Access } from '../domain/roles.js';
import * as auth from './handlers/auth.js';
import * as home from './handlers/home.js';
import * as bank from './handlers/bank.js';
import * as vacancies from './handlers/vacancies.js';
import * as users from './handlers/users.js';
import * as health from './handlers/health.js';
import * as candidates from './handlers/candidates.js';
import * as checklist from './handlers/checklist.js';
import * as interviews from './handlers/interviews.js';
import * as assignments from './handlers/assignments.js';
import * as assignmentLink from './handlers/assignment-link.js';
import * as grading from './handlers/grading.js';
import * as reports from './handlers/reports.js';
import * as privacy from './handlers/privacy.js';
import * as account from './handlers/account.js';
import * as settings from './handlers/settings.js';
import { multiUpload, singleUpload } from './upload.js';
import { MAX_SUBMISSION_FILES, MAX_SUBMISSION_FILE_BYTES } from '../domain/assignment.js';

export type Method = 'get' | 'post';

export interface RouteDef {
  method: Method;
  path: string;
  /** Who may use it. The app refuses to start with a route that does not say. */
  access: Access;
  /** Route-specific body parsing (multipart), placed before the CSRF check. */
  parse?: RequestHandler[];
  handlers: RequestHandler[];
}

const STAFF = ['admin', 'hr', 'interviewer', 'department_head'] as const;
const HR = ['admin', 'hr'] as const;
const VACANCY_READERS = ['admin', 'hr', 'department_head'] as const;
// The vacancy profile: also interviewers, of the vacancies where they interview (loadVacancy asks domain/policy.ts).
const VACANCY_PROFILE_READERS = STAFF;
const ADMIN = ['admin'] as const;

const r = (method: Method, path: string, access: Access, ...handlers: RequestHandler[]): RouteDef => ({ method, path, access, handlers });

// The whole access policy in one table. Row-level rules (a department head sees only their
// department's vacancies) live in domain/policy.ts, applied by the loaders in web/loaders.ts.
export const ROUTES: RouteDef[] = [
  r('get', '/health', 'public', health.show),
  r('get', '/login', 'public', auth.showLogin),
  r('post', '/login', 'public', auth.login),
  r('post', '/logout', 'authenticated', auth.logout),
  r('post', '/lang', 'public', auth.switchLanguage),

  r('get', '/', 'authenticated', home.showHome),
  r('get', '/account/password', 'authenticated', account.passwordPage),
  r('post', '/account/password', 'authenticated', account.changePassword),

  r('get', '/bank', STAFF, bank.listBank),
  r('get', '/bank/:lang/:id', STAFF, bank.showBankItem),

  r('get', '/vacancies', VACANCY_READERS, vacancies.listVacancies),
  r('get', '/vacancies/new', HR, vacancies.newVacancy),
  r('post', '/vacancies', HR, vacancies.createVacancy),
  r('get', '/vacancies/:id', VACANCY_PROFILE_READERS, vacancies.showVacancy),
  r('get', '/vacancies/:id/edit', HR, vacancies.editVacancy),
  r('post', '/vacancies/:id', HR, vacancies.updateVacancy),
  r('post', '/vacancies/:id/status', HR, vacancies.setVacancyStatus),
  r('get', '/vacancies/:id/job-description', VACANCY_PROFILE_READERS, vacancies.jobDescription),

  r('get', '/vacancies/:id/checklist', HR, checklist.showChecklist),
  r('post', '/vacancies/:id/checklist', HR, checklist.addItem),
  r('post', '/vacancies/:id/checklist/:itemId', HR, checklist.updateItem),
  r('post', '/vacancies/:id/checklist/:itemId/move', HR, checklist.moveItem),
  r('post', '/vacancies/:id/checklist/:itemId/delete', HR, checklist.deleteItem),
  r('post', '/vacancies/:id/verdict-policy', HR, checklist.savePolicy),
  r('post', '/vacancies/:id/rescreen', HR, checklist.rescreenAll),

  r('get', '/vacancies/:id/candidates', HR, candidates.listCandidates),
  r('get', '/vacancies/:id/candidates/new', HR, candidates.newCandidate),
  { method: 'post', path: '/vacancies/:id/candidates', access: HR, parse: [singleUpload('file')], handlers: [candidates.createCandidate] },
  r('get', '/candidates/:id', HR, candidates.showCandidate),
  r('get', '/candidates/:id/resume', HR, candidates.downloadResume),
  r('post', '/candidates/:id/items/:key', HR, candidates.setItem),
  r('post', '/candidates/:id/decision', HR, candidates.decide),
  r('post', '/candidates/:id/stage', HR, candidates.moveStage),
  r('post', '/candidates/:id/rescreen', HR, candidates.rescreenCandidate),

  r('get', '/candidates/:id/interviews/new', HR, interviews.newInterview),
  r('post', '/candidates/:id/interviews', HR, interviews.createInterview),
  // Interviews: staff in the table; loadInterview narrows to HR, the department's head and assigned interviewers.
  r('get', '/interviews/:id', STAFF, interviews.showInterview),
  r('post', '/interviews/:id/kit', HR, interviews.addKitItem),
  r('post', '/interviews/:id/kit/:kitId/move', HR, interviews.moveKitItem),
  r('post', '/interviews/:id/kit/:kitId/delete', HR, interviews.removeKitItem),
  r('get', '/interviews/:id/scorecard', STAFF, interviews.scorecardPage),
  r('post', '/interviews/:id/scorecard', STAFF, interviews.postScorecard),
  r('post', '/interviews/:id/scorecard/draft', STAFF, interviews.saveDraft),
  r('post', '/interviews/:id/scorecard/amend', STAFF, interviews.amendScorecard),
  r('get', '/csrf', 'authenticated', interviews.csrfToken),

  // Take-home tasks: HR assigns and follows up; the candidate's link needs no login (its token is the key);
  // graders reach a submission only by its code (loadForGrader checks assignment and department).
  r('get', '/candidates/:id/assignments/new', HR, assignments.newAssignment),
  r('post', '/candidates/:id/assignments', HR, assignments.createAssignment),
  r('get', '/assignments/:id', HR, assignments.showAssignment),
  r('get', '/assignments/:id/files/:fileId', HR, assignments.downloadOriginal),
  r('post', '/assignments/:id/deadline', HR, assignments.extendDeadline),
  r('post', '/assignments/:id/link', HR, assignments.regenerateLink),
  r('post', '/assignments/:id/graders', HR, assignments.addGrader),
  r('post', '/assignments/:id/unblind', HR, assignments.unblind),
  r('get', '/vacancies/:id/calibration', HR, assignments.calibration),
  r('get', '/t/:token', 'public', assignmentLink.candidatePage),
  {
    method: 'post',
    path: '/t/:token',
    access: 'public',
    parse: [assignmentLink.candidateUploadGate, multiUpload('files', MAX_SUBMISSION_FILES, MAX_SUBMISSION_FILE_BYTES)],
    handlers: [assignmentLink.candidateSubmit],
  },
  r('get', '/grading', STAFF, grading.gradingList),
  r('get', '/grading/:code', STAFF, grading.gradingPage),
  r('post', '/grading/:code', STAFF, grading.submitGrade),
  r('get', '/grading/:code/files/:fileId', STAFF, grading.downloadForGrader),

  r('get', '/candidates/:id/report', HR, reports.candidateReport),
  r('get', '/vacancies/:id/compare', HR, reports.compare),
  r('get', '/vacancies/:id/pipeline', HR, reports.pipeline),
  r('get', '/vacancies/:id/export.csv', HR, reports.exportCsv),
  r('get', '/api/vacancies/:id/candidates', HR, reports.apiCandidates),
  r('get', '/api/candidates/:id', HR, reports.apiCandidate),

  r('get', '/candidates/:id/export.json', HR, privacy.exportCandidate),
  r('get', '/candidates/:id/erase', HR, (req, res) => privacy.showErase(req, res)),
  r('post', '/candidates/:id/erase', HR, privacy.eraseCandidate),
  r('get', '/admin/privacy', ADMIN, privacy.privacySettings),
  r('post', '/admin/privacy', ADMIN, privacy.saveRetention),
  r('post', '/admin/privacy/run', ADMIN, privacy.runRetentionNow),
  r('get', '/admin/audit', ADMIN, privacy.auditLog),
  r('get', '/admin/settings', ADMIN, settings.settingsPage),
  r('post', '/admin/settings', ADMIN, settings.saveSettings),

  r('get', '/admin/users', ADMIN, users.listUsers),
  r('get', '/admin/users/new', ADMIN, users.newUser),
  r('post', '/admin/users', ADMIN, users.createUser),
  r('get', '/admin/users/:id', ADMIN, users.editUser),
  r('post', '/admin/users/:id', ADMIN, users.updateUser),
  r('post', '/admin/users/:id/password', ADMIN, users.resetPassword),
];
