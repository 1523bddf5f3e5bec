import type { Config } from '../config.js';
import type { DB } from '../db/connection.js';
import { createRepos, type Repos } from '../db/repos.js';
import { runConsentErasure } from './consent.js';
import { runRetention } from './privacy.js';
import { runReminders } from './reminders.js';
import { compactSearchIndex } from './search-index.js';
import { createScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from './scheduler.js';

const MINUTE = 60_000;
/** Candidates erased by the retention job between two turns of the event loop. */
const RETENTION_SLICE = 20;

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
      run: async (now) => {
        // In slices, yielding to the event loop between them: the first run on years of history (thousands due)
        // would otherwise hold every request, and the server's start, until it finished.
        let anonymized = 0;
        let months = 0;
        for (;;) {
          const r = runRetention(db, config.dataDir, now, repos, RETENTION_SLICE);
          anonymized += r.anonymized.length;
          months = r.months;
          if (!r.more) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (anonymized) log(`Retention: ${anonymized} candidate(s) anonymized (${months} months after rejection)`);
        return { anonymized };
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
    {
      // Searches stay fast as candidates arrive one by one (services/search-index.ts); slices yield to requests.
      name: 'search_index',
      everyMs: 60 * MINUTE,
      run: async () => {
        const r = await compactSearchIndex(repos.candidates, () => new Promise((resolve) => setImmediate(resolve)));
        if (r.slices) log(`Search index: ${r.segmentsBefore} segments merged into ${r.segmentsAfter} (${r.slices} slices)`);
        return { segments: r.segmentsAfter };
      },
    },
  ];
}

export function jobScheduler(
  db: DB,
  config: Pick<Config, 'dataDir' | 'publicUrl'>,
  log: (line: string) => void,
  opts: SchedulerOptions = {},
  repos: Repos = createRepos(db),
): Scheduler {
  return createScheduler(repos.jobs, serverJobs(db, config, log, repos), {
    onError: (job, e) => log(`Job ${job} failed: ${e instanceof Error ? e.message : String(e)}`),
    ...opts,
  });
}
