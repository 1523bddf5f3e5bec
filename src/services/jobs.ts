import type { Config } from '../config.js';
import type { DB } from '../db/connection.js';
import { createRepos, type Repos } from '../db/repos.js';
import { runConsentErasure } from './consent.js';
import { runRetention } from './privacy.js';
import { runReminders } from './reminders.js';
import { createScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from './scheduler.js';

const MINUTE = 60_000;

/** The server's periodic jobs; each gets `now` from the scheduler, so tests run them at any time. */
export function serverJobs(
  db: DB,
  config: Pick<Config, 'dataDir' | 'publicUrl'>,
  log: (line: string) => void,
  repos: Repos = createRepos(db),
): ScheduledJob[] {
  return [
    {
      name: 'retention',
      everyMs: 24 * 60 * MINUTE,
      run: (now) => {
        const r = runRetention(db, config.dataDir, now, repos);
        if (r.anonymized.length) log(`Retention: ${r.anonymized.length} candidate(s) anonymized (${r.months} months after rejection)`);
        return { anonymized: r.anonymized.length };
      },
    },
    {
      name: 'consent_erasure',
      everyMs: 60 * MINUTE,
      run: (now) => {
        const r = runConsentErasure(repos, config.dataDir, now);
        if (r.erased.length) log(`Consent withdrawn: ${r.erased.length} candidate(s) erased`);
        return { erased: r.erased.length };
      },
    },
    { name: 'reminders', everyMs: 15 * MINUTE, run: (now) => runReminders(repos, config.publicUrl, now) },
  ];
}

export function jobScheduler(
  db: DB,
  config: Pick<Config, 'dataDir' | 'publicUrl'>,
  log: (line: string) => void,
  opts: SchedulerOptions = {},
): Scheduler {
  const repos = createRepos(db);
  return createScheduler(repos.jobs, serverJobs(db, config, log, repos), {
    onError: (job, e) => log(`Job ${job} failed: ${e instanceof Error ? e.message : String(e)}`),
    ...opts,
  });
}

/** Starts the jobs in a running server: checked every minute, the timer never keeps a stopping process alive. */
export function startJobs(db: DB, config: Pick<Config, 'dataDir' | 'publicUrl'>, log: (line: string) => void): Scheduler {
  const s = jobScheduler(db, config, log);
  s.start();
  return s;
}
