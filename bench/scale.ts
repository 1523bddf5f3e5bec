/**
 * `npm run bench:scale` — do page costs stay flat as a company's history grows?
 *
 *  1. Three databases as `npm start` leaves them (migrations, banks, demo users), with 1,000 / 10,000 / 100,000
 *     candidates over 1 / 10 / 50 vacancies (--quick: 300 / 3,000 / 30,000). The measured vacancy (the demo one) holds
 *     half of them (all with one vacancy), the others share the rest: so both the vacancy and the company grow.
 *     Rows are bulk-inserted with prepared statements into the tables the app writes (bench/lib.ts seedCandidates,
 *     from a pool of generated resumes), with the triggers that keep the list, counts and versions.
 *  2. The compiled server (dist/server.js, NODE_ENV=production) runs on each, all three at once; we log in as hr.
 *  3. Each page is requested in rounds that visit the three servers in turn, so background load hits all sizes alike;
 *     the median of the rounds is reported. Fixed-size pages (home, the list's first and last page, its "Next" link from
 *     the middle page, a search, filters,
 *     the pipeline board, the comparison, the candidate page) must stay within 1.5× from the smallest to the largest;
 *     reports (the pipeline's funnel computed after a change, the CSV export, a backup) may grow with the data.
 *
 * Options: --quick (smaller sizes) --rounds=N (15; 8 with --quick) --keep (keep the temp folders)
 * Loopback only. The last stdout line is one JSON object; exit code 0 even when a target is missed.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../test/helpers/server.js';
import { backupDatabase } from '../src/services/backup.js';
import { openDatabase } from '../src/db/connection.js';
import { candidatesRepo } from '../src/db/candidates.js';
import { compactSearchIndex } from '../src/services/search-index.js';
import { fmtInt, fmtMs, openDemoDb, progress, resumePool, round, seedCandidates, tempDir } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const QUICK = process.argv.includes('--quick');
const KEEP = process.argv.includes('--keep');
const roundsArg = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9));
const ROUNDS = Number.isInteger(roundsArg) && roundsArg > 0 ? roundsArg : QUICK ? 8 : 15;
const SIZES = QUICK
  ? [
      { candidates: 300, vacancies: 1 },
      { candidates: 3_000, vacancies: 10 },
      { candidates: 30_000, vacancies: 50 },
    ]
  : [
      { candidates: 1_000, vacancies: 1 },
      { candidates: 10_000, vacancies: 10 },
      { candidates: 100_000, vacancies: 50 },
    ];
const TARGET_GROWTH = 1.5;
const PAGE_SIZE = 25;
const line = (s = '') => process.stdout.write(`${s}\n`);

// ---- HTTP ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
  firstByteMs: number;
}

function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let firstByteMs = Number.NaN;
      res.on('data', (c: Buffer) => {
        if (chunks.length === 0) firstByteMs = performance.now() - t0;
        chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - t0,
          firstByteMs,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

async function login(base: string, password: string): Promise<string> {
  const page = await send(`${base}/login`);
  const cookies = (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error('no CSRF token on /login');
  const body = new URLSearchParams({ _csrf: csrf, username: 'hr', password }).toString();
  const res = await send(`${base}/login`, {
    method: 'POST',
    headers: { Cookie: cookies, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) },
    body,
  });
  const session = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('kam.sid='))?.split(';')[0];
  if (res.status !== 302 || !session) throw new Error(`login failed: ${res.status}`);
  return session;
}

// ---- data ---------------------------------------------------------------------------------------------

interface Site {
  candidates: number;
  vacancies: number;
  dir: string;
  remove: () => void;
  vacancyId: number;
  inVacancy: number;
  seedMs: number;
  server?: RunningServer;
  base?: string;
  headers?: Record<string, string>;
  ids?: number[];
  /** The list's own "Next" link from its middle page (keyset: continues from that page's last row). */
  nextFromMiddle?: string;
}

async function buildSite(size: { candidates: number; vacancies: number }, password: string, pool: ReturnType<typeof resumePool>) {
  const tmp = tempDir('kam-bench-scale-');
  const t0 = performance.now();
  const { seedDemoUsers, seedDemoVacancy } = await import('../src/bootstrap.js');
  const file = join(tmp.dir, 'kam-hire.db');
  const { db, vacancyId } = await openDemoDb(file);
  await seedDemoUsers(db, password);
  // The other vacancies are further copies of the demo vacancy (its seeding flag cleared between them).
  const others: number[] = [];
  for (let i = 1; i < size.vacancies; i++) {
    db.prepare("DELETE FROM settings WHERE key = 'demo_vacancy_seeded'").run();
    const id = seedDemoVacancy(db);
    if (id === null) throw new Error('could not create a vacancy');
    others.push(id);
  }
  const inVacancy = size.vacancies === 1 ? size.candidates : Math.floor(size.candidates / 2);
  let done = 0;
  seedCandidates(db, vacancyId, inVacancy, 42, undefined, { pool, index0: done });
  done += inVacancy;
  const rest = size.candidates - inVacancy;
  others.forEach((id, k) => {
    const n = Math.floor(rest / others.length) + (k < rest % others.length ? 1 : 0);
    seedCandidates(db, id, n, 42, undefined, { pool, index0: done });
    done += n;
  });
  // The generated history reaches back years; with the default retention (12 months) the server's first retention run
  // would erase thousands of them in the background while the pages are timed. The company here keeps ten years.
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('retention_months', '120') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run();
  // The search index as `npm run import` and the server's hourly job leave it (services/search-index.ts); else the
  // server's first run of that job would merge it while the pages are timed.
  await compactSearchIndex(candidatesRepo(db));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  const seedMs = performance.now() - t0;
  progress(`${fmtInt(size.candidates)} candidates over ${size.vacancies} vacancies written in ${fmtMs(seedMs)}`);
  return { ...size, dir: tmp.dir, remove: tmp.remove, vacancyId, inVacancy, seedMs } satisfies Site;
}

// ---- pages --------------------------------------------------------------------------------------------

interface Page {
  name: string;
  fixed: boolean;
  path: (s: Site) => string;
  /** Time to the first byte instead of the whole reply (streamed downloads). */
  firstByte?: boolean;
  /** Something to do before each timed request (e.g. a write that invalidates a cache). */
  before?: (s: Site) => Promise<void>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const password = randomBytes(12).toString('base64url');
  const sites: Site[] = [];
  try {
    line(
      `== Growth: ${SIZES.map((s) => `${fmtInt(s.candidates)} / ${s.vacancies}`).join(', ')} candidates / vacancies, ${ROUNDS} rounds ==`,
    );
    const built = spawnSync(process.execPath, ['scripts/run.mjs', '--ensure'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('dist/ could not be built');
    progress('generating a pool of resumes');
    const pool = resumePool(Math.min(5_000, SIZES[SIZES.length - 1]!.candidates), 42);
    for (const size of SIZES) sites.push(await buildSite(size, password, pool));

    for (const s of sites) {
      s.server = await startServer({ DATA_DIR: s.dir, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_PASSWORD: password }, 60_000, [
        'dist/server.js',
      ]);
      s.base = s.server.url.replace('localhost', '127.0.0.1');
      s.headers = { Cookie: await login(s.base, password), 'Accept-Language': 'ru' };
      const first = await send(`${s.base}/vacancies/${s.vacancyId}/candidates`, { headers: s.headers });
      s.ids = [...first.body.matchAll(/<a href="\/candidates\/(\d+)">/g)].map((m) => Number(m[1]));
      if (first.status !== 200 || s.ids.length !== PAGE_SIZE) throw new Error(`list page: ${first.status}, ${s.ids.length} rows`);
      const middle = await send(`${s.base}/vacancies/${s.vacancyId}/candidates?page=${Math.ceil(s.inVacancy / PAGE_SIZE / 2)}`, {
        headers: s.headers,
      });
      const next = /<a href="([^"]+)" rel="next">/.exec(middle.body)?.[1]?.replaceAll('&amp;', '&');
      if (!next?.includes('after=')) throw new Error('the middle page has no keyset "Next" link');
      s.nextFromMiddle = `/vacancies/${s.vacancyId}/candidates${next}`;
    }
    const db0 = (s: Site) => join(s.dir, 'kam-hire.db');
    const lastPage = (s: Site) => Math.max(1, Math.ceil(s.inVacancy / PAGE_SIZE));
    // A write through another connection (as a CLI import would make) before each timed request: the pipeline then
    // computes its funnel again. The candidate keeps its stage; its name is rewritten, which updates its list row.
    const touch = async (s: Site) => {
      const db = openDatabase(db0(s));
      db.prepare("UPDATE candidates SET full_name = full_name || '' , updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?").run(
        s.ids![0]!,
      );
      db.prepare('UPDATE candidate_list SET full_name = full_name WHERE candidate_id = ?').run(s.ids![0]!);
      db.close();
    };
    const v = (s: Site) => `/vacancies/${s.vacancyId}`;
    const pages: Page[] = [
      { name: 'home', fixed: true, path: () => '/' },
      { name: 'list_first', fixed: true, path: (s) => `${v(s)}/candidates` },
      { name: 'list_last', fixed: true, path: (s) => `${v(s)}/candidates?page=${lastPage(s)}` },
      { name: 'list_next_middle', fixed: true, path: (s) => s.nextFromMiddle! },
      { name: 'list_search', fixed: true, path: (s) => `${v(s)}/candidates?q=${encodeURIComponent('переговор')}` },
      { name: 'list_stage', fixed: true, path: (s) => `${v(s)}/candidates?stage=interview` },
      { name: 'list_verdict', fixed: true, path: (s) => `${v(s)}/candidates?verdict=pass&sort=name` },
      { name: 'pipeline', fixed: true, path: (s) => `${v(s)}/pipeline` },
      {
        name: 'compare',
        fixed: true,
        path: (s) =>
          `${v(s)}/compare?${s
            .ids!.slice(0, 3)
            .map((id) => `ids=${id}`)
            .join('&')}`,
      },
      { name: 'candidate', fixed: true, path: (s) => `/candidates/${s.ids![0]}` },
      { name: 'pipeline_after_write', fixed: false, path: (s) => `${v(s)}/pipeline`, before: touch },
      { name: 'export_csv_first_byte', fixed: false, path: (s) => `${v(s)}/export.csv`, firstByte: true },
      { name: 'export_csv', fixed: false, path: (s) => `${v(s)}/export.csv` },
    ];
    const results: Record<string, number[]> = {};
    for (const pg of pages) {
      progress(`${pg.name}`);
      const samples: number[][] = sites.map(() => []);
      for (let r = -2; r < ROUNDS; r++) {
        for (const [k, s] of sites.entries()) {
          await pg.before?.(s);
          const res = await send(`${s.base}${pg.path(s)}`, { headers: s.headers! });
          if (res.status !== 200) throw new Error(`${pg.name} at ${s.candidates}: status ${res.status}`);
          if (r >= 0) samples[k]!.push(pg.firstByte ? res.firstByteMs : res.ms);
        }
      }
      results[pg.name] = samples.map(median);
    }
    // A backup (the online SQLite backup the CLI makes, verified), once per size.
    progress('backup');
    const backupMs: number[] = [];
    for (const s of sites) {
      const db = openDatabase(db0(s));
      const t0 = performance.now();
      await backupDatabase(db, join(s.dir, 'backups'));
      backupMs.push(performance.now() - t0);
      db.close();
    }
    results.backup = backupMs;

    // ---- report ----
    const growth = (xs: number[]) => xs[xs.length - 1]! / xs[0]!;
    line();
    line(`${'page'.padEnd(24)}${sites.map((s) => `${fmtInt(s.candidates)} / ${s.vacancies}`.padStart(16)).join('')}   growth`);
    for (const [name, xs] of Object.entries(results)) {
      const fixed = pages.find((p) => p.name === name)?.fixed ?? false;
      const g = growth(xs);
      const mark = fixed ? (g <= TARGET_GROWTH ? '  ok' : `  over ${TARGET_GROWTH}×`) : '  (report)';
      line(`${name.padEnd(24)}${xs.map((x) => fmtMs(x).padStart(16)).join('')}   ${round(g, 2)}×${mark}`);
    }
    line(`candidates in the measured vacancy: ${sites.map((s) => fmtInt(s.inVacancy)).join(' / ')}`);
    const fixedNames = pages.filter((p) => p.fixed).map((p) => p.name);
    const over = fixedNames.filter((n) => growth(results[n]!) > TARGET_GROWTH);
    const worst = Math.max(...fixedNames.map((n) => growth(results[n]!)));
    line(
      JSON.stringify({
        sizes: sites.map((s) => ({
          candidates: s.candidates,
          vacancies: s.vacancies,
          in_vacancy: s.inVacancy,
          seed_ms: round(s.seedMs, 0),
        })),
        ms: Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, xs.map((x) => round(x, 2))])),
        growth: Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, round(growth(xs), 2)])),
        fixed_pages: fixedNames,
        worst_fixed_growth: round(worst, 2),
        over_target: over,
        rounds: ROUNDS,
        quick: QUICK,
        targets_met: { fixed_pages_within_1_5x: over.length === 0 },
      }),
    );
  } finally {
    for (const s of sites) await s.server?.stop();
    for (const s of sites) {
      if (KEEP) progress(`kept ${s.dir}`);
      else s.remove();
    }
  }
}

await main();
