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
import * as debrief from './handlers/debrief.js';
import * as calendar from './handlers/calendar.js';
import * as slots from './handlers/slots.js';
import * as offers from './handlers/offers.js';
import * as consent from './handlers/consent.js';
import * as consentLink from './handlers/consent-link.js';
import * as reminders from './handlers/reminders.js';
import * as mail from './handlers/mail.js';
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
// Offers: HR proposes; the department's head and the vacancy's second approver (narrowed by loadOfferCase) approve.
const OFFER_PEOPLE = ['admin', 'hr', 'department_head'] as const;

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
  // The debrief: staff in the table; loadDebrief narrows to HR, the department's head and panel members after their own submit.
  r('get', '/candidates/:id/debrief', STAFF, debrief.showDebrief),

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

  // Calendar: HR moves or cancels an interview (invitations follow); each user's own feed and zone; the
  // feed itself is public-with-token (GET /calendar/<token>.ics, unknown token 404).
  r('get', '/interviews/:id/edit', HR, calendar.editInterview),
  r('post', '/interviews/:id/reschedule', HR, calendar.reschedule),
  r('get', '/interviews/:id/cancel', HR, calendar.confirmCancel),
  r('post', '/interviews/:id/cancel', HR, calendar.cancel),
  r('get', '/calendar', 'authenticated', calendar.myCalendar),
  r('post', '/calendar/feed', 'authenticated', calendar.changeFeed),
  r('post', '/calendar/time-zone', 'authenticated', calendar.saveMyTimeZone),
  r('get', '/calendar/:feed', 'public', calendar.feed),
  // Self-scheduling: HR offers times; the candidate picks one by a private link (no login, token hashed).
  r('get', '/candidates/:id/slots/new', HR, slots.newOffer),
  r('post', '/candidates/:id/slots', HR, slots.createOffer),
  r('get', '/s/:slotToken', 'public', slots.pickPage),
  r('post', '/s/:slotToken', 'public', slots.pick),

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

  r('post', '/candidates/:id/outcome', HR, candidates.recordOutcome),
  r('get', '/candidates/:id/offer', OFFER_PEOPLE, offers.showOffer),
  r('post', '/candidates/:id/offer', HR, offers.createOffer),
  r('post', '/candidates/:id/offer/approval', OFFER_PEOPLE, offers.approveOffer),
  r('post', '/candidates/:id/offer/answer', HR, offers.recordAnswer),
  r('get', '/candidates/:id/offer/letter', OFFER_PEOPLE, offers.offerLetter),
  r('get', '/approvals', OFFER_PEOPLE, offers.approvals),
  r('get', '/vacancies/:id/offer-settings', HR, offers.offerSettings),
  r('post', '/vacancies/:id/offer-settings', HR, offers.saveOfferSettings),
  r('get', '/admin/decision-reasons', ADMIN, offers.listReasons),
  r('post', '/admin/decision-reasons', ADMIN, offers.createReason),
  r('get', '/admin/decision-reasons/:id', ADMIN, offers.editReason),
  r('post', '/admin/decision-reasons/:id', ADMIN, offers.saveReason),
  r('post', '/admin/decision-reasons/:id/retire', ADMIN, offers.retireReason),
  r('post', '/admin/decision-reasons/:id/restore', ADMIN, offers.restoreReason),
  r('post', '/admin/decision-reasons/:id/delete', ADMIN, offers.removeReason),

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

  // Consent to personal-data processing: HR asks or records; the candidate answers through a private link
  // (no login, its token stored hashed); the destruction act lists what erasure destroyed.
  r('get', '/candidates/:id/consent', HR, consent.showConsent),
  r('post', '/candidates/:id/consent/request', HR, consent.requestConsent),
  r('post', '/candidates/:id/consent/record', HR, consent.recordConsentByHr),
  r('get', '/consent/:token', 'public', consentLink.consentPage),
  r('post', '/consent/:token', 'public', consentLink.consentAnswer),
  r('get', '/privacy/destruction', HR, consent.destructionAct),

  // Reminders: each user's own switch and time zone; each vacancy's reminder periods.
  r('get', '/account/notifications', 'authenticated', reminders.showNotifications),
  r('post', '/account/notifications', 'authenticated', reminders.saveNotifications),
  r('get', '/vacancies/:id/reminders', HR, reminders.showVacancyReminders),
  r('post', '/vacancies/:id/reminders', HR, reminders.saveVacancyReminders),
  // Mail: the outbox (admins all of it; HR the messages about candidates, narrowed by loadMail), the templates, a candidate's language.
  r('get', '/outbox', HR, mail.listOutbox),
  r('get', '/outbox/:id', HR, mail.showMail),
  r('get', '/outbox/:id/attachments/:index', HR, mail.downloadAttachment),
  r('post', '/outbox/:id/retry', HR, mail.retryMail),
  r('get', '/mail-templates', HR, mail.listTemplates),
  r('get', '/mail-templates/:template', HR, mail.editTemplate),
  r('post', '/mail-templates/:template', HR, mail.postTemplate),
  r('post', '/mail-templates/:template/reset', HR, mail.resetTemplateToDefault),
  r('post', '/candidates/:id/lang', HR, mail.setCandidateLang),

  r('get', '/admin/users', ADMIN, users.listUsers),
  r('get', '/admin/users/new', ADMIN, users.newUser),
  r('post', '/admin/users', ADMIN, users.createUser),
  r('get', '/admin/users/:id', ADMIN, users.editUser),
  r('post', '/admin/users/:id', ADMIN, users.updateUser),
  r('post', '/admin/users/:id/password', ADMIN, users.resetPassword),
];
