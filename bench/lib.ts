/**
 * Helpers shared by the benchmarks: timing, percentiles, progress output and a demo database.
 * Benchmarks print human-readable lines first and one JSON object last, so CI can parse the tail.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBank } from '../src/content/bank-files.js';
import { generateResumes, type GeneratedResume, type ResumeProfile, type ResumeStyle } from '../src/content/resume-generator.js';
import { bankRepo } from '../src/db/bank.js';
import { openDatabase, type DB } from '../src/db/connection.js';
import { vacanciesRepo, type ChecklistItem } from '../src/db/vacancies.js';
import type { VerdictPolicy } from '../src/domain/screening/index.js';
import { CONSENT_VERSION, normalizeEmail, normalizePhone, type PipelineStage, type Source } from '../src/domain/candidate.js';
import { searchable, searchScope, searchStems } from '../src/domain/search.js';

const started = performance.now();

/** Progress goes to stderr so stdout stays the report. */
export function progress(msg: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
}

/** Nearest-rank percentile of an ascending array; NaN for an empty one. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? Number.NaN,
    mean: s.length ? sum / s.length : Number.NaN,
  };
}

/** Rounds for the report: enough digits to compare runs, not so many that noise looks like signal. */
export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function fmtMs(n: number): string {
  return `${round(n, n < 10 ? 2 : 1)} ms`;
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Milliseconds spent in `fn`. */
export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export interface DemoDb {
  db: DB;
  vacancyId: number;
  checklist: ChecklistItem[];
  policy: VerdictPolicy;
}

/**
 * A database as `npm start` leaves it: migrations, the question bank and the demo vacancy with its checklist.
 * bootstrap.ts pulls in the whole web app, so it is loaded only here, not by every user of this module.
 */
export async function openDemoDb(file: string): Promise<DemoDb> {
  const { seedDemoVacancy } = await import('../src/bootstrap.js');
  const db = openDatabase(file);
  bankRepo(db).importBank(loadBank());
  const vacancyId = seedDemoVacancy(db);
  if (vacancyId === null) throw new Error('demo vacancy was not created (already seeded?)');
  return { db, vacancyId, checklist: vacanciesRepo(db).checklist(vacancyId), policy: vacanciesRepo(db).verdictPolicy(vacancyId) };
}

/** A fresh folder under the OS temp dir and its cleanup; the cleanup never throws. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    remove: () => {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch (err) {
        progress(`could not remove ${dir}: ${String(err)}`);
      }
    },
  };
}

/** Deterministic shuffle (LCG), so every run issues the same query sequence. */
export function shuffledCopy<T>(items: readonly T[], seed: number): T[] {
  const a = [...items];
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

// ---- bulk candidates ---------------------------------------------------------------------------------------

const SOURCE_BY_STYLE: Readonly<Record<ResumeStyle, readonly Source[]>> = {
  hh: ['hh'],
  ru_free: ['superjob', 'referral', 'career_site', 'agency'],
  linkedin: ['linkedin'],
  us: ['career_site', 'agency', 'referral'],
};
const STAGES: readonly PipelineStage[] = [
  'new',
  'new',
  'new',
  'new',
  'new',
  'new',
  'new',
  'screening',
  'screening',
  'interview',
  'rejected',
  'rejected',
];
const SCORE_RANGE: Readonly<Record<ResumeProfile, readonly [number, number]>> = {
  strong: [70, 100],
  average: [45, 85],
  weak: [20, 60],
  offtrack: [5, 45],
};
const EMPTY_EXPERIENCE = JSON.stringify({ totalYears: 0, relevantYears: 0, jobs: [], shortTenures: 0, declaredTotalYears: null });
const BATCH = 10_000;

export interface SeedStats {
  genMs: number;
  insMs: number;
  textChars: number;
}

/**
 * `rows` generated candidates in one vacancy, written straight into the tables `candidatesRepo.create`
 * fills (candidates, candidates_fts with searchable() text and searchStems(), screenings), 10,000 per transaction: the repo
 * call per candidate adds an event row and a transaction each, which would make seeding the slow part.
 * Scores are synthetic, spread by profile: screening 100,000 resumes would take longer than the rest of
 * the run, and the list query only sorts by and shows score/verdict/relevant_years.
 */
/** Generated resumes with their full-text columns worked out once, for seeding many more rows than are generated. */
export interface ResumePool {
  items: GeneratedResume[];
  fts: { name: string; text: string; stems: string }[];
}

export function resumePool(size: number, seed: number): ResumePool {
  const items = generateResumes(size, seed);
  return {
    items,
    fts: items.map((r) => ({ name: searchable(r.fullName), text: searchable(r.text), stems: searchStems(`${r.fullName}\n${r.text}`) })),
  };
}

/**
 * With a `pool`, row i takes the pool's resume i modulo its size (text, name, contacts; stage, source, date and score
 * still vary by row), so 100,000 rows cost 100,000 inserts, not 100,000 generated and stemmed resumes. `index0` offsets
 * the row numbers (the dates go on back in time) when one database gets several calls.
 */
export function seedCandidates(
  db: DB,
  vacancyId: number,
  rows: number,
  seed: number,
  onBatch?: (done: number) => void,
  opts: { pool?: ResumePool; index0?: number } = {},
): SeedStats {
  const { pool, index0 = 0 } = opts;
  const insCandidate = db.prepare(
    `INSERT INTO candidates (vacancy_id, full_name, email, phone, email_norm, phone_norm, source, stage, stage_changed_at,
       consent_at, consent_version, resume_text, resume_sha256, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insFts = db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems, scope) VALUES (?, ?, ?, ?, ?)');
  const insScreening = db.prepare(
    `INSERT INTO screenings (candidate_id, relevant_years, total_years, experience, proposed_verdict, proposed_score, verdict, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const base = Date.UTC(2026, 9, 1);
  const stats: SeedStats = { genMs: 0, insMs: 0, textChars: 0 };
  for (let from = 0; from < rows; from += BATCH) {
    const n = Math.min(BATCH, rows - from);
    let batch: GeneratedResume[] = [];
    stats.genMs += time(() => {
      batch = pool
        ? Array.from({ length: n }, (_, k) => pool.items[(index0 + from + k) % pool.items.length]!)
        : generateResumes(n, seed + from);
    });
    stats.insMs += time(() => {
      db.transaction(() => {
        batch.forEach((r, k) => {
          const i = index0 + from + k;
          const sources = SOURCE_BY_STYLE[r.style];
          // One application every five minutes, newest first, so "newest" sorting has something to sort.
          const created = new Date(base - i * 5 * 60_000).toISOString();
          const id = Number(
            insCandidate.run(
              vacancyId,
              r.fullName,
              r.email,
              r.phone,
              normalizeEmail(r.email),
              normalizePhone(r.phone),
              sources[i % sources.length] ?? 'other',
              STAGES[i % STAGES.length] ?? 'new',
              created,
              created.slice(0, 10),
              CONSENT_VERSION,
              r.text,
              createHash('sha256').update(r.text).digest('hex'),
              created,
              created,
            ).lastInsertRowid,
          );
          const fts = pool?.fts[i % pool.items.length];
          if (fts) insFts.run(id, fts.name, fts.text, fts.stems, searchScope(vacancyId));
          else insFts.run(id, searchable(r.fullName), searchable(r.text), searchStems(`${r.fullName}\n${r.text}`), searchScope(vacancyId));
          const [lo, hi] = SCORE_RANGE[r.profile];
          const score = lo + ((i * 7919) % (hi - lo + 1));
          // A verdict mix for the list's filters; bench data need not follow the policy.
          const verdict = score >= 60 ? 'pass' : score < 40 ? 'reject' : 'review';
          const years = r.expected.relevantYearsApprox;
          insScreening.run(id, years, years, EMPTY_EXPERIENCE, verdict, score, verdict, score);
          stats.textChars += r.text.length;
        });
      })();
    });
    onBatch?.(from + n);
  }
  return stats;
}
