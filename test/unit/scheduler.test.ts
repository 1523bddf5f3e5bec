import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { jobsRepo } from '../../src/db/jobs.js';
import { createScheduler, type ScheduledJob } from '../../src/services/scheduler.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Two processes' worth of connections on one database file. */
function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'kam-sched-'));
  dirs.push(dir);
  const file = join(dir, 'kam-hire.db');
  return [openDatabase(file), openDatabase(file)] as const;
}

const MIN = 60_000;
const T0 = new Date('2026-03-10T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

describe('scheduler lease', () => {
  it('runs a due job once when two schedulers on one database ask at the same moment', async () => {
    const [a, b] = twoConnections();
    const runs: string[] = [];
    const job = (who: string): ScheduledJob => ({
      name: 'count',
      everyMs: 15 * MIN,
      run: async () => {
        runs.push(who);
        // Holds the lease across an await, as a slow job would.
        await new Promise((r) => setTimeout(r, 50));
        return { who };
      },
    });
    const sa = createScheduler(jobsRepo(a), [job('a')], { owner: 'a' });
    const sb = createScheduler(jobsRepo(b), [job('b')], { owner: 'b' });
    const [ra, rb] = await Promise.all([sa.runDue(at(0)), sb.runDue(at(0))]);
    expect(runs).toHaveLength(1);
    expect(ra.length + rb.length).toBe(1);
    // Not due again before its period, whoever asks.
    await Promise.all([sa.runDue(at(10)), sb.runDue(at(10))]);
    expect(runs).toHaveLength(1);
    // Due again after 15 minutes: once more, still by exactly one of them.
    await Promise.all([sb.runDue(at(16)), sa.runDue(at(16))]);
    expect(runs).toHaveLength(2);
    const row = jobsRepo(a).get('count')!;
    expect(row.lease_owner).toBeNull();
    expect(row.next_run_at).toBe(at(31).toISOString());
    expect(JSON.parse(row.last_result!)).toHaveProperty('who');
    a.close();
    b.close();
  });

  it('does not start a job while another process holds a live lease, and takes over an expired one', () => {
    const [a, b] = twoConnections();
    const ja = jobsRepo(a);
    const jb = jobsRepo(b);
    ja.ensure('erase', at(0).toISOString());
    // Process A takes the lease and "dies" without finishing.
    expect(ja.claim('erase', 'a', at(0).toISOString(), at(10).toISOString(), at(0).toISOString())).toBe(true);
    // B: due (next_run_at = now) but leased until minute 10.
    expect(jb.claim('erase', 'b', at(5).toISOString(), at(15).toISOString(), at(60).toISOString())).toBe(false);
    expect(jb.claim('erase', 'b', at(11).toISOString(), at(21).toISOString(), at(60).toISOString())).toBe(true);
    // A coming back late cannot release B's lease.
    expect(ja.finish('erase', 'a', at(12).toISOString(), null, null)).toBe(false);
    expect(jb.finish('erase', 'b', at(12).toISOString(), '{}', null)).toBe(true);
    a.close();
    b.close();
  });

  it('records a failed run, releases the lease and tries again next period', async () => {
    const [a] = twoConnections();
    let n = 0;
    const errors: string[] = [];
    const s = createScheduler(
      jobsRepo(a),
      [
        {
          name: 'flaky',
          everyMs: 5 * MIN,
          run: () => {
            n += 1;
            if (n === 1) throw new Error('mail server away');
            return n;
          },
        },
      ],
      { onError: (job, e) => errors.push(`${job}: ${(e as Error).message}`) },
    );
    expect(await s.runDue(at(0))).toEqual([{ name: 'flaky', ok: false, error: 'mail server away' }]);
    expect(jobsRepo(a).get('flaky')).toMatchObject({ last_error: 'mail server away', lease_owner: null });
    expect(await s.runDue(at(1))).toEqual([]);
    expect(await s.runDue(at(5))).toEqual([{ name: 'flaky', ok: true, result: 2 }]);
    expect(errors).toEqual(['flaky: mail server away']);
    await s.stop();
    a.close();
  });

  it('starts on a timer that a test can stop', async () => {
    const [a] = twoConnections();
    let n = 0;
    const s = createScheduler(jobsRepo(a), [{ name: 'tick', everyMs: MIN, run: () => (n += 1) }], { tickMs: 10_000 });
    s.start();
    await s.stop();
    expect(n).toBe(1);
    a.close();
  });
});
