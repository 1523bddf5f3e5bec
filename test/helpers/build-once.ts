import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup of the suites that start the real server (`startServer`, helpers/server.ts): dist/ and the
 * server's bundle are brought up to date once, before any test, as `npm start` would (scripts/run.mjs builds only when
 * the sources are newer). So the tests run what `npm start` runs, and no test's clock includes a build.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const r = spawnSync(process.execPath, ['scripts/run.mjs', '--ensure'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building dist/ failed (node scripts/run.mjs --ensure)');
}
