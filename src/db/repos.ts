import { schemaVersion, type DB } from './connection.js';
import { usersRepo } from './users.js';
import { bankRepo } from './bank.js';
import { vacanciesRepo } from './vacancies.js';
import { candidatesRepo } from './candidates.js';
import { interviewsRepo } from './interviews.js';
import { assignmentsRepo } from './assignments.js';
import { scoresRepo } from './scores.js';
import { reportsRepo } from './reports.js';
import { auditRepo } from './audit.js';
import { privacyRepo } from './privacy.js';
import { outboxRepo } from './outbox.js';
import { debriefRepo } from './debrief.js';
import { calendarRepo } from './calendar.js';
import { offersRepo } from './offers.js';
import { consentRepo } from './consent.js';
import { jobsRepo } from './jobs.js';
import { remindersRepo } from './reminders.js';
import { mailTemplatesRepo } from './mail-templates.js';
import { employerRepo } from './employer.js';

/** Every repository over one connection: what the web app, the services and the CLIs read and write through. */
export function createRepos(db: DB) {
  return {
    users: usersRepo(db),
    bank: bankRepo(db),
    vacancies: vacanciesRepo(db),
    candidates: candidatesRepo(db),
    interviews: interviewsRepo(db),
    assignments: assignmentsRepo(db),
    scores: scoresRepo(db),
    reports: reportsRepo(db),
    audit: auditRepo(db),
    privacy: privacyRepo(db),
    outbox: outboxRepo(db),
    debrief: debriefRepo(db),
    calendar: calendarRepo(db),
    offers: offersRepo(db),
    system: {
      schemaVersion: () => schemaVersion(db),
      /** Moves the write-ahead log into the database file and empties it (best effort: readers may hold it). */
      checkpoint: (): void => {
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A busy or full disk: the next checkpoint does it.
        }
      },
    },
    consent: consentRepo(db),
    jobs: jobsRepo(db),
    reminders: remindersRepo(db),
    mailTemplates: mailTemplatesRepo(db),
    employer: employerRepo(db),
    /** Runs fn in one transaction (a savepoint when already inside one): all of its writes land, or none. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type Repos = ReturnType<typeof createRepos>;
