import type { DB } from './connection.js';

export interface JobRow {
  name: string;
  next_run_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_result: string | null;
  last_error: string | null;
}

/** The scheduler's lease rows: one per periodic job, taken with a conditional UPDATE. */
export function jobsRepo(db: DB) {
  const stmts = {
    ensure: db.prepare('INSERT OR IGNORE INTO jobs (name, next_run_at) VALUES (?, ?)'),
    claim: db.prepare(
      `UPDATE jobs SET lease_owner = @owner, lease_until = @until, next_run_at = @next, last_started_at = @now
       WHERE name = @name AND next_run_at <= @now AND (lease_until IS NULL OR lease_until <= @now)`,
    ),
    finish: db.prepare(
      `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, last_finished_at = @now, last_result = @result, last_error = @error
       WHERE name = @name AND lease_owner = @owner`,
    ),
    get: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE name = ?'),
    all: db.prepare<[], JobRow>('SELECT * FROM jobs ORDER BY name'),
  };
  return {
    ensure: (name: string, firstRunAt: string) => stmts.ensure.run(name, firstRunAt),
    /**
     * Takes the job for one run when it is due and nobody holds a live lease: exactly one caller
     * gets `true`, however many processes ask at once (SQLite serialises the writes).
     */
    claim: (name: string, owner: string, now: string, leaseUntil: string, nextRunAt: string) =>
      stmts.claim.run({ name, owner, now, until: leaseUntil, next: nextRunAt }).changes === 1,
    finish: (name: string, owner: string, now: string, result: string | null, error: string | null) =>
      stmts.finish.run({ name, owner, now, result, error }).changes === 1,
    get: (name: string) => stmts.get.get(name),
    all: () => stmts.all.all(),
  };
}
export type JobsRepo = ReturnType<typeof jobsRepo>;
