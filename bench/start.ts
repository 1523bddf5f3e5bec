/**
 * `npm run bench:start` — how long `npm start` takes to answer its first request on an existing database with
 * 10,000 candidates, next to a bare `node` HTTP server started the same way.
 *
 *  1. A fresh DATA_DIR: the real server is started once (migrations, question banks, demo users and vacancy, as a
 *     first start does), stopped, and 10,000 generated candidates are written into the demo vacancy (bench/lib.ts).
 *  2. dist/ is brought up to date (`node scripts/run.mjs --ensure` builds it when the sources are newer), so the runs measure
 *     a start, not a build.
 *  3. In alternating runs: `node scripts/run.mjs server` (the command `npm start` runs) and the bare server
 *     (bench/bare/hello.mjs, node:http and nothing else) are spawned; the clock runs from the spawn until the first
 *     200 answer to GET /login (the app: a rendered page with its session-less CSRF cookie) or GET / (bare), polled
 *     every 5 ms; then the process is stopped. The median of the runs is reported; the ratio is app / bare.
 *  4. For reference, one start through `npm start` itself (npm's own start-up included) and, when `--tsx` is
 *     given, one start through tsx from the TypeScript sources (how it started before).
 *
 * Options: --candidates=N (10000) --runs=N (5) --seed=N (42) --tsx --keep (keep the temp DATA_DIR)
 * Loopback only. The last stdout line is one JSON object; exit code 0 even when a target is missed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/connection.js';
import { fmtInt, fmtMs, progress, round, seedCandidates, tempDir } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = { first_response_ms: 1000, ratio: 4 } as const;

function arg(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit === undefined ? Number.NaN : Number(hit.slice(name.length + 3));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
const CANDIDATES = arg('candidates', 10_000);
const RUNS = arg('runs', 5);
const SEED = arg('seed', 42);
const KEEP = process.argv.includes('--keep');
const TSX = process.argv.includes('--tsx');
const line = (s = '') => process.stdout.write(`${s}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => req.destroy());
  });
}

function stop(proc: ChildProcess, group: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    // npm runs the server in a child of its own: signal the whole process group.
    if (group && proc.pid !== undefined) process.kill(-proc.pid, 'SIGTERM');
    else proc.kill('SIGTERM');
  });
}

/** CPU time (user + system) a process has used so far, in ms; NaN without /proc. Ticks are 1/100 s. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

let lastCpu = Number.NaN;

/**
 * Spawns `cmd`, polls `path` until it answers 200, stops the process; milliseconds from spawn to that answer.
 * The CPU time the process used up to then is left in `lastCpu` (less sensitive to other load than the wall clock).
 */
async function timeStart(cmd: string, args: string[], env: Record<string, string>, path: string, group = false): Promise<number> {
  const port = await freePort();
  let out = '';
  const t0 = performance.now();
  const proc = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  let ms = Number.NaN;
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited with ${proc.exitCode}:\n${out}`);
      if ((await status(`http://127.0.0.1:${port}${path}`)) === 200) {
        ms = performance.now() - t0;
        lastCpu = cpuMs(proc.pid);
        break;
      }
      if (performance.now() - t0 > 60_000) throw new Error(`${cmd} ${args.join(' ')} did not answer in 60 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await stop(proc, group);
  }
  if (/building it/.test(out)) throw new Error('the start rebuilt dist/: the measurement includes a build');
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const tmp = tempDir('kam-bench-start-');
  const password = randomBytes(12).toString('base64url');
  const env = { DATA_DIR: tmp.dir, DEMO_PASSWORD: password, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  try {
    line(`== Start-up: first answer of \`npm start\` on ${fmtInt(CANDIDATES)} candidates, ${RUNS} runs each, node ${process.version} ==`);
    progress('bringing dist/ up to date');
    const build = spawnSync(process.execPath, ['scripts/run.mjs', '--ensure'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');

    progress('first start: database, migrations, question banks, demo users and vacancy');
    await timeStart(process.execPath, ['scripts/run.mjs', 'server'], env, '/login');
    const dbFile = join(tmp.dir, 'kam-hire.db');
    const db = openDatabase(dbFile);
    const vacancy = db.prepare("SELECT id FROM vacancies WHERE slug = 'kam-middle-fmcg'").get() as { id: number } | undefined;
    if (!vacancy) throw new Error('demo vacancy not found');
    progress(`writing ${fmtInt(CANDIDATES)} candidates`);
    seedCandidates(db, vacancy.id, CANDIDATES, SEED);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    const app: number[] = [];
    const bare: number[] = [];
    const appCpu: number[] = [];
    const bareCpu: number[] = [];
    // One unmeasured start each: the first start after writing lets SQLite and the OS settle their caches.
    await timeStart(process.execPath, ['scripts/run.mjs', 'server'], env, '/login');
    await timeStart(process.execPath, ['bench/bare/hello.mjs'], {}, '/');
    for (let i = 1; i <= RUNS; i++) {
      app.push(await timeStart(process.execPath, ['scripts/run.mjs', 'server'], env, '/login'));
      appCpu.push(lastCpu);
      bare.push(await timeStart(process.execPath, ['bench/bare/hello.mjs'], {}, '/'));
      bareCpu.push(lastCpu);
      progress(`run ${i}/${RUNS}: app ${fmtMs(app.at(-1)!)}, bare ${fmtMs(bare.at(-1)!)}`);
    }
    progress('one start through npm itself');
    const viaNpm = await timeStart('npm', ['start', '--silent'], env, '/login', true);
    const viaTsx = TSX ? await timeStart(process.execPath, ['--import', 'tsx', 'src/server.ts'], env, '/login') : null;

    const first = median(app);
    const base = median(bare);
    const ratio = first / base;
    line(`app  (node scripts/run.mjs server, GET /login): median ${fmtMs(first)}   runs ${app.map((t) => round(t, 0)).join(', ')} ms`);
    line(`bare (node bench/bare/hello.mjs, GET /):        median ${fmtMs(base)}   runs ${bare.map((t) => round(t, 0)).join(', ')} ms`);
    line(`ratio ${round(ratio, 2)} (target ≤ ${TARGETS.ratio}); first response ${fmtMs(first)} (target ≤ ${TARGETS.first_response_ms} ms)`);
    line(
      `CPU time to the first answer: app ${fmtMs(median(appCpu))}, bare ${fmtMs(median(bareCpu))} → ${round(median(appCpu) / median(bareCpu), 2)}×`,
    );
    line(`through \`npm start\` (npm's own start-up included): ${fmtMs(viaNpm)}`);
    if (viaTsx !== null) line(`from the TypeScript sources through tsx (before this build step): ${fmtMs(viaTsx)}`);
    line(
      JSON.stringify({
        first_response_ms: round(first, 1),
        baseline_ms: round(base, 1),
        ratio: round(ratio, 2),
        runs_ms: app.map((t) => round(t, 1)),
        baseline_runs_ms: bare.map((t) => round(t, 1)),
        cpu_ms: median(appCpu),
        baseline_cpu_ms: median(bareCpu),
        cpu_ratio: round(median(appCpu) / median(bareCpu), 2),
        npm_start_ms: round(viaNpm, 1),
        ...(viaTsx === null ? {} : { tsx_ms: round(viaTsx, 1) }),
        candidates: CANDIDATES,
        targets_met: { first_response_le_1000ms: first <= TARGETS.first_response_ms, ratio_le_4: ratio <= TARGETS.ratio },
      }),
    );
  } finally {
    if (KEEP) progress(`kept ${tmp.dir}`);
    else tmp.remove();
  }
}

await main();
