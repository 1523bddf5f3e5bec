#!/usr/bin/env node
/**
 * Runs the compiled app: `node scripts/run.mjs server` (what `npm start` does) or `node scripts/run.mjs cli/import …`.
 *
 * `npm install` compiles src/ into dist/ once (the `prepare` script: `node scripts/run.mjs --prepare`). Before running an
 * entry point this checks, by file times only (a few milliseconds), that dist/ was built from the sources as they are
 * now; when it is missing or older (new code pulled without `npm install`), it is rebuilt first. If it cannot be built
 * (no TypeScript installed, e.g. `npm install --omit=dev`), the sources run through tsx instead, slower to start.
 *
 * The entry point is imported into this process (no second Node start), with `process.argv[1]` set to its file, so a
 * tool sees its arguments and its own path exactly as under `node dist/<entry>.js`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleOf, bundleServer, runBundle } from './bundle.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build.json');
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'].map((f) => join(ROOT, f));

/** The newest modification time among the sources, their folders (a deleted file changes its folder) and the configs. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(SRC);
  for (const f of CONFIGS) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

function isFresh() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return typeof stamp.sources === 'number' && stamp.sources >= newestSource();
  } catch {
    return false;
  }
}

/** A clean build of src/ into dist/; true when it succeeded. */
function build(quiet) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    if (!quiet) console.error('TypeScript is not installed, so dist/ cannot be built (run `npm install`).');
    return false;
  }
  const sources = newestSource(); // before compiling: an edit made meanwhile makes the next start rebuild
  rmSync(DIST, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(DIST, { recursive: true, force: true });
    return false;
  }
  bundleServer(DIST, quiet); // the server's one-file bundle (scripts/bundle.mjs); without it, dist/server.js runs
  writeFileSync(STAMP, `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
  return true;
}

const [entry, ...rest] = process.argv.slice(2);
if (entry === '--build') process.exit(build(false) ? 0 : 1);
// `npm install --omit=dev` runs `prepare` too, without TypeScript: the install goes on, and the app runs from the sources.
if (entry === '--prepare') {
  if (existsSync(join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'))) process.exit(build(false) ? 0 : 1);
  console.error('TypeScript is not installed (dev dependencies omitted): dist/ is not built; npm start runs the sources through tsx.');
  process.exit(0);
}
// Build only when dist/ is missing or stale (the benchmarks use it, so they measure a start, not a build).
if (entry === '--ensure') process.exit(isFresh() || build(false) ? 0 : 1);
if (!entry || !/^[a-z][\w/-]*$/.test(entry) || !existsSync(join(SRC, `${entry}.ts`))) {
  console.error(`usage: node scripts/run.mjs <server | cli/<tool>> [arguments]${entry ? ` (no src/${entry}.ts)` : ''}`);
  process.exit(2);
}

let file = join(DIST, `${entry}.js`);
if (!isFresh()) {
  console.error('dist/ is missing or older than src/: building it (npm run build)…');
  if (!build(false)) {
    console.error('Build failed: running the TypeScript sources through tsx instead.');
    const { register } = await import('tsx/esm/api');
    register();
    file = join(SRC, `${entry}.ts`);
  }
}
const bundle = entry === 'server' && file.startsWith(DIST) ? bundleOf(DIST) : null;
process.argv = [process.argv[0], bundle ?? file, ...rest];
if (bundle) runBundle(bundle);
else await import(pathToFileURL(file).href);
