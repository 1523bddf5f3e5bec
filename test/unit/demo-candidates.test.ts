import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/content/bank-files.js';
import {
  buildGrades,
  buildScorecard,
  DAY_MS,
  DemoRng,
  planApplicant,
  planJourney,
  WINDOW_DAYS,
  type JourneyStep,
} from '../../src/content/demo-candidates.js';
import { seedDemoVacancy } from '../../src/bootstrap.js';
import { seedDemoCandidates, type SeedSummary } from '../../src/cli/seed-demo.js';
import { bankRepo } from '../../src/db/bank.js';
import { openDatabase, type DB } from '../../src/db/connection.js';
import { scorecardDataSchema, submitProblems } from '../../src/domain/interview.js';

const bank = loadBank();
const NOW = Date.UTC(2026, 10, 20, 12);
const dataDir = mkdtempSync(join(tmpdir(), 'kam-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Mostly strong resumes, so that a small run gets through the whole funnel (the default mix needs thousands).
const STRONG = { strong: 8, average: 1, weak: 1, offtrack: 0 };

async function seeded(count: number, seed: number): Promise<{ db: DB; vacancyId: number; summary: SeedSummary }> {
  const db = openDatabase(':memory:');
  bankRepo(db).importBank(bank);
  const vacancyId = seedDemoVacancy(db)!;
  const summary = await seedDemoCandidates(db, {
    vacancyId,
    count,
    seed,
    dataDir,
    password: 'demo-password-1',
    now: NOW,
    profiles: STRONG,
  });
  return { db, vacancyId, summary };
}

const stepTimes = (s: JourneyStep): number[] =>
  s.kind === 'interview' ? [s.at, ...s.submittedAt] : s.kind === 'assignment' ? [s.at, s.openedAt, s.submittedAt, ...s.gradedAt] : [s.at];

describe('demo funnel (pure)', () => {
  it('is deterministic per applicant and keeps every step in the past, in order', () => {
    expect(planApplicant(42, 7, NOW)).toEqual(planApplicant(42, 7, NOW));
    expect(planApplicant(42, 7, NOW)).not.toEqual(planApplicant(43, 7, NOW));
    const stages = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const a = planApplicant(42, i, NOW);
      expect(a.appliedAt).toBeGreaterThan(NOW - WINDOW_DAYS * DAY_MS - 1);
      const verdict = a.profile === 'strong' ? 'pass' : a.profile === 'average' ? 'review' : 'reject';
      const j = planJourney(
        DemoRng.for(42, i, 1),
        { ability: a.ability, lang: a.lang, appliedAt: a.appliedAt, verdict, now: NOW },
        { interviewers: 8, heads: 2 },
        3,
      );
      stages.add(j.stage);
      let last = a.appliedAt;
      for (const s of j.steps) {
        expect(s.at).toBeGreaterThanOrEqual(last);
        for (const t of stepTimes(s)) expect(t).toBeLessThanOrEqual(NOW);
        last = s.kind === 'interview' ? Math.max(s.at, ...s.submittedAt) : s.kind === 'assignment' ? Math.max(...s.gradedAt) : s.at;
        if (s.kind === 'interview') expect(new Set(s.panel).size).toBe(s.panel.length);
        if (s.kind === 'assignment') expect(s.graders).toHaveLength(2);
      }
      // Anyone at the interview or later was interviewed; anyone past it did a graded take-home task.
      if (['interview', 'take_home', 'offer', 'hired'].includes(j.stage)) expect(j.steps.some((s) => s.kind === 'interview')).toBe(true);
      if (['take_home', 'offer', 'hired'].includes(j.stage)) expect(j.steps.some((s) => s.kind === 'assignment')).toBe(true);
    }
    expect([...stages].sort()).toEqual(['hired', 'interview', 'new', 'offer', 'rejected', 'screening', 'take_home']);
  });

  it('builds complete scorecards and grades with occasional 2-point disagreements', () => {
    const rng = new DemoRng(1);
    const kit = [
      { id: 3, kind: 'question' as const, criteria: [] },
      {
        id: 4,
        kind: 'case' as const,
        criteria: [
          { id: 'a', points: 3 },
          { id: 'b', points: 2 },
        ],
      },
    ];
    const card = buildScorecard(rng, { lang: 'ru', perf: 0.5, raterBias: 0.1, skew: {}, rate: ['negotiation', 'communication'], kit });
    expect(scorecardDataSchema.parse(card.final)).toEqual(card.final);
    expect(submitProblems(card.final, ['negotiation', 'communication'])).toEqual([]);
    expect(card.draft.recommendation).toBeNull();
    for (const [c, v] of Object.entries(card.final.cases.k4 ?? {})) expect(v).toBeLessThanOrEqual(c === 'a' ? 3 : 2);
    const rubric = [
      { id: 'x', text: 'x', min: 1, max: 5, weight: 50 },
      { id: 'y', text: 'y', min: 1, max: 5, weight: 50 },
    ];
    let disagreements = 0;
    for (let i = 0; i < 200; i++) {
      const g = buildGrades(rng, rubric, { perf: 0, graderBiases: [0, 0], disagreement: 0.2 });
      for (const s of g.scores) for (const v of Object.values(s)) expect(v >= 1 && v <= 5).toBe(true);
      if (g.disagreement) {
        disagreements += 1;
        expect(rubric.some((c) => Math.abs((g.scores[0]![c.id] ?? 0) - (g.scores[1]![c.id] ?? 0)) >= 2)).toBe(true);
      }
    }
    expect(disagreements).toBeGreaterThan(10);
  });
});

describe('seedDemoCandidates', () => {
  let run: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    run = await seeded(100, 42);
  });

  it('adds screened, scored candidates at several stages with stage history', () => {
    const { db, vacancyId, summary } = run;
    expect(summary.added).toBe(100);
    const stages = db.prepare('SELECT stage, COUNT(*) AS n FROM candidates WHERE vacancy_id = ? GROUP BY stage').all(vacancyId) as {
      stage: string;
      n: number;
    }[];
    expect(stages.length).toBeGreaterThanOrEqual(4);
    expect(stages.map((s) => s.stage)).toEqual(expect.arrayContaining(['new', 'screening', 'interview', 'rejected']));
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(one('SELECT COUNT(*) AS n FROM screenings')).toBe(100);
    expect(one('SELECT COUNT(*) AS n FROM candidate_scores')).toBe(100);
    // Moved candidates have their moves on record, and nothing is dated before the application or after `now`.
    expect(
      one(
        "SELECT COUNT(*) AS n FROM candidates c WHERE stage <> 'new' AND NOT EXISTS (SELECT 1 FROM candidate_events e WHERE e.candidate_id = c.id AND e.kind = 'stage')",
      ),
    ).toBe(0);
    expect(
      one('SELECT COUNT(*) AS n FROM candidate_events e JOIN candidates c ON c.id = e.candidate_id WHERE e.created_at < c.created_at'),
    ).toBe(0);
    expect(one(`SELECT COUNT(*) AS n FROM candidate_events WHERE created_at > '${new Date(NOW).toISOString()}'`)).toBe(0);
    expect(one(`SELECT COUNT(*) AS n FROM candidates WHERE created_at < '${new Date(NOW - WINDOW_DAYS * DAY_MS).toISOString()}'`)).toBe(0);
    expect(
      new Set((db.prepare('SELECT DISTINCT source FROM candidates').all() as { source: string }[]).map((r) => r.source)).size,
    ).toBeGreaterThanOrEqual(4);
  });

  it('interviews with submitted scorecards and grades feed the stored scores', () => {
    const { db } = run;
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(one("SELECT COUNT(*) AS n FROM scorecards WHERE status = 'submitted'")).toBeGreaterThan(0);
    expect(one("SELECT COUNT(*) AS n FROM scorecards WHERE status <> 'submitted'")).toBe(0);
    expect(one('SELECT COUNT(*) AS n FROM scorecard_revisions')).toBe(one('SELECT COUNT(*) AS n FROM scorecards'));
    expect(one('SELECT COUNT(*) AS n FROM grades')).toBeGreaterThanOrEqual(2);
    expect(one('SELECT COUNT(*) AS n FROM grades')).toBe(2 * one('SELECT COUNT(*) AS n FROM assignments'));
    expect(one('SELECT COUNT(*) AS n FROM submissions')).toBe(one('SELECT COUNT(*) AS n FROM assignments'));
    // Everyone interviewed has a fit that counts the interview; at take-home or later, the task too.
    expect(
      one(
        "SELECT COUNT(*) AS n FROM candidates c WHERE c.stage IN ('interview', 'take_home', 'offer', 'hired') AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.candidate_id = c.id)",
      ),
    ).toBe(0);
    const interviewed = db
      .prepare(
        `SELECT s.fit, s.completed_stages AS completed, json_extract(s.result, '$.stages[1].complete') AS interview
       FROM candidate_scores s WHERE s.candidate_id IN (SELECT candidate_id FROM interviews)`,
      )
      .all() as { fit: number | null; completed: number; interview: number }[];
    expect(interviewed.length).toBeGreaterThan(0);
    for (const r of interviewed) {
      expect(r.fit).not.toBeNull();
      expect(r.interview).toBe(1);
      expect(r.completed).toBeGreaterThanOrEqual(2);
    }
    const graded = db
      .prepare(
        `SELECT json_extract(s.result, '$.stages[3].complete') AS takeHome FROM candidate_scores s
       WHERE s.candidate_id IN (SELECT candidate_id FROM assignments)`,
      )
      .all() as { takeHome: number }[];
    expect(graded.length).toBeGreaterThan(0);
    expect(graded.every((g) => g.takeHome === 1)).toBe(true);
  });

  it('creates the demo users once and reuses them on the next run', async () => {
    const { db, vacancyId, summary } = run;
    expect(summary.users.created).toEqual(expect.arrayContaining(['admin', 'hr', 'demo.interviewer1', 'demo.head2']));
    expect(summary.users.generated).toBe(false);
    const again = await seedDemoCandidates(db, { vacancyId, count: 5, seed: 7, dataDir, password: undefined, now: NOW });
    expect(again.users.created).toEqual([]);
    expect(again.users.password).toBeNull();
    expect(again.vacancyTotal).toBe(105);
  });

  it('is deterministic for a seed', async () => {
    const a = await seeded(40, 5);
    const b = await seeded(40, 5);
    const rows = (db: DB) =>
      db
        .prepare(
          'SELECT c.full_name, c.stage, c.source, c.created_at, s.fit FROM candidates c JOIN candidate_scores s ON s.candidate_id = c.id ORDER BY c.id',
        )
        .all();
    expect(rows(a.db)).toEqual(rows(b.db));
    expect(rows(a.db)).not.toEqual(rows(run.db).slice(0, 40));
  });
});

describe('npm run seed:demo', () => {
  it('exits 2 with the usage on bad arguments', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed-demo.ts', '--candidates', 'many'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--candidates must be a whole number');
    expect(r.stderr).toContain('usage: npm run seed:demo');
  });
});
