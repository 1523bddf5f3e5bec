import { randomUUID } from 'node:crypto';
import type { JobsRepo } from '../db/jobs.js';

/**
 * Periodic jobs inside the server (no external cron). Each job has a lease row in `jobs`: a run
 * starts only after a conditional UPDATE takes the lease (the job is due and no live lease is
 * held), so with two processes on one database exactly one of them runs it. A process that dies
 * mid-run leaves a lease that expires after `leaseMs`. Jobs get `now`, so tests control time.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** How long a run may hold the lease before another process may take over; default 10 minutes. */
  leaseMs?: number;
  run: (now: Date) => unknown;
}

export interface JobRun {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface Scheduler {
  readonly owner: string;
  /** Runs every job that is due at `now` and whose lease this scheduler gets; resolves with what ran. */
  runDue: (now?: Date) => Promise<JobRun[]>;
  /** Checks for due jobs every `tickMs` (the timer never keeps the process alive). */
  start: () => void;
  /** Stops the timer and waits for a run in progress. */
  stop: () => Promise<void>;
}

export interface SchedulerOptions {
  owner?: string;
  tickMs?: number;
  clock?: () => Date;
  onError?: (job: string, error: unknown) => void;
}

export function createScheduler(jobs: JobsRepo, list: ScheduledJob[], opts: SchedulerOptions = {}): Scheduler {
  const owner = opts.owner ?? `${process.pid}-${randomUUID()}`;
  const clock = opts.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<JobRun[]> | null = null;

  async function runAll(now: Date): Promise<JobRun[]> {
    const runs: JobRun[] = [];
    for (const job of list) {
      const iso = now.toISOString();
      jobs.ensure(job.name, iso);
      const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? 10 * 60_000)).toISOString();
      const next = new Date(now.getTime() + job.everyMs).toISOString();
      if (!jobs.claim(job.name, owner, iso, leaseUntil, next)) continue;
      try {
        const result = await job.run(now);
        jobs.finish(job.name, owner, clock().toISOString(), result === undefined ? null : JSON.stringify(result), null);
        runs.push({ name: job.name, ok: true, result });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        jobs.finish(job.name, owner, clock().toISOString(), null, message);
        opts.onError?.(job.name, e);
        runs.push({ name: job.name, ok: false, error: message });
      }
    }
    return runs;
  }

  const runDue = (now: Date = clock()): Promise<JobRun[]> => {
    // One run at a time within this process too: a tick that comes during a run waits for it.
    const run = (current ?? Promise.resolve([])).then(() => runAll(now));
    const settled = run.catch(() => [] as JobRun[]);
    current = settled;
    void settled.then(() => {
      if (current === settled) current = null;
    });
    return run;
  };

  return {
    owner,
    runDue,
    start() {
      if (timer) return;
      const tick = () => {
        runDue().catch((e) => opts.onError?.('scheduler', e));
      };
      tick();
      timer = setInterval(tick, opts.tickMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (current) await current;
    },
  };
}
