import type { Request } from 'express';
import type { DB } from '../db/connection.js';
import type { Config } from '../config.js';
import type { UserRow } from '../db/users.js';
import type { Repos } from '../db/repos.js';
import type { FileStore, PendingUploads } from '../storage/files.js';
import type { LoginThrottle } from '../security/throttle.js';
import type { RateLimit } from '../security/rate-limit.js';
import type { PrivacyService } from '../services/privacy.js';
import type { Lang } from '../domain/bank/schema.js';
import type { Formatters, Translate } from './i18n.js';
import type { Logger } from './middleware/log.js';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    csrf: string;
    lang: Lang;
    flash: { kind: 'ok' | 'error'; key: string }[];
    /** The ten-minute step in which the session was last extended (middleware/session.ts). */
    renewed: number;
  }
}

export interface AppDeps {
  db: DB;
  config: Config;
  sessionSecret: string;
  /** Tests pass their own to control the clock or limits. */
  throttle?: LoginThrottle;
  /** Structured log (pino); tests pass one writing to memory. */
  logger?: Logger;
  /** The repositories bound to `db`, when the caller made them already (the server shares one set with its jobs). */
  repos?: Repos;
}

export type { Repos };

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
