import type { Request } from 'express';
import type { DB } from '../db/connection.js';
import type { Config } from '../config.js';
import type { UsersRepo, UserRow } from '../db/users.js';
import type { BankRepo } from '../db/bank.js';
import type { VacanciesRepo } from '../db/vacancies.js';
import type { CandidatesRepo } from '../db/candidates.js';
import type { InterviewsRepo } from '../db/interviews.js';
import type { AssignmentsRepo } from '../db/assignments.js';
import type { ScoresRepo } from '../db/scores.js';
import type { ReportsRepo } from '../db/reports.js';
import type { AuditRepo } from '../db/audit.js';
import type { FileStore, PendingUploads } from '../storage/files.js';
import type { LoginThrottle } from '../security/throttle.js';
import type { RateLimit } from '../security/rate-limit.js';
import type { PrivacyService } from '../services/privacy.js';
import type { Lang } from '../domain/bank/schema.js';
import type { Formatters, Translate } from './i18n.js';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    csrf: string;
    lang: Lang;
    flash: { kind: 'ok' | 'error'; key: string }[];
  }
}

export interface AppDeps {
  db: DB;
  config: Config;
  sessionSecret: string;
  /** Tests pass their own to control the clock or limits. */
  throttle?: LoginThrottle;
}

export interface Repos {
  users: UsersRepo;
  bank: BankRepo;
  vacancies: VacanciesRepo;
  candidates: CandidatesRepo;
  interviews: InterviewsRepo;
  assignments: AssignmentsRepo;
  scores: ScoresRepo;
  reports: ReportsRepo;
  audit: AuditRepo;
  system: { schemaVersion: () => number };
}

export type CurrentUser = Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'department' | 'locale'>;

export interface Services {
  repos: Repos;
  files: FileStore;
  pending: PendingUploads;
  throttle: LoginThrottle;
  submissionLimit: RateLimit;
  privacy: PrivacyService;
}

export interface Ctx {
  repos: Repos;
  services: Services;
  config: Config;
  user: CurrentUser | null;
  lang: Lang;
  t: Translate;
  fmt: Formatters;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      ctx: Ctx;
    }
  }
}

export function userOf(req: Request): CurrentUser {
  const user = req.ctx.user;
  // Routes reach handlers only after the access check, which rejects anonymous users.
  if (!user) throw new Error('route requires a signed-in user');
  return user;
}
