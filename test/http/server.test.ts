import { mkdtempSync, mkdirSync, rmSync, existsSync, cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kam-hire-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function login(url: string, username: string, password: string): Promise<number> {
  const page = await fetch(`${url}/login`);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username, password }),
    redirect: 'manual',
  });
  return res.status;
}

describe('the real server', () => {
  it('creates and migrates the database on first start, prints how to log in, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: '' });
    try {
      expect(existsSync(join(dataDir, 'kam-hire.db'))).toBe(true);
      const password = /shown only this once\): (\S+)/.exec(server.output())?.[1];
      expect(password).toBeTruthy();
      expect(server.output()).toContain('Demo users: admin, hr, interviewer, head');
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      for (const u of ['admin', 'hr', 'interviewer', 'head']) expect(await login(server.url, u, password!)).toBe(302);
      expect(await login(server.url, 'hr', 'wrong-password')).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    // Second start: same data, no new demo users or vacancy, password not printed again.
    const again = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: '' });
    try {
      expect(again.output()).not.toContain('shown only this once');
      expect(again.output()).toMatch(/0 added, 0 updated, 0 retired/);
    } finally {
      await again.stop();
    }
  });

  it('says the port is taken and exits with an error, instead of claiming to run', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startServer({ DATA_DIR: tempDir(), DEMO_PASSWORD: 'port-test-password', PORT: String(port) })).rejects.toThrow(
        /exited with 1[\s\S]*Cannot listen on port \d+: listen EADDRINUSE/,
      );
    } finally {
      taken.close();
    }
  });

  it('runs the bundle npm start runs, writes its code cache on the first start, and replaces a damaged one', async () => {
    const cache = join(process.cwd(), 'dist', 'bundle', 'server.cache');
    const waitForCache = async () => {
      for (let i = 0; i < 100 && !(existsSync(cache) && statSync(cache).size > 100_000); i++) await new Promise((r) => setTimeout(r, 50));
      return existsSync(cache) ? readFileSync(cache) : null;
    };
    const dataDir = tempDir();
    rmSync(cache, { force: true });
    const first = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: 'cache-test-password' });
    try {
      expect(first.output()).not.toMatch(/building it/);
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
      expect((await waitForCache())?.length).toBeGreaterThan(100_000);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    // A cache V8 cannot use (another build, another Node): rejected, the server starts all the same, and a new one is written.
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const second = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: 'cache-test-password' });
    try {
      expect(await login(second.url, 'hr', 'cache-test-password')).toBe(302);
      const rewritten = await waitForCache();
      expect(rewritten?.length).toBeGreaterThan(100_000);
      expect(rewritten?.subarray(0, 4096).equals(Buffer.alloc(4096, 7))).toBe(false);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('writes one JSON log line per request, without the query string, and none is lost at shutdown', async () => {
    const server = await startServer({ DATA_DIR: tempDir(), DEMO_PASSWORD: 'log-test-password', NODE_ENV: 'development' });
    let code: number | null;
    try {
      expect((await fetch(`${server.url}/health?name=Anna`)).status).toBe(200);
      expect((await fetch(`${server.url}/no-such-page`)).status).toBe(404);
      expect(await login(server.url, 'hr', 'log-test-password')).toBe(302);
    } finally {
      // Lines are written in batches; stopping right away shows the last batch is flushed on exit.
      code = await server.stop();
    }
    expect(code).toBe(0);
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    type Line = {
      level: number;
      reqId: string;
      method: string;
      path: string;
      status: number;
      ms: number;
      route: string | null;
      userId: number | null;
    };
    const find = (method: string, path: string) =>
      (lines as unknown as Line[]).find((l) => l.method === method && l.path === path && l.status !== undefined);
    expect(find('GET', '/health')).toMatchObject({ level: 30, status: 200, route: '/health', userId: null });
    expect(find('GET', '/no-such-page')).toMatchObject({ status: 404, route: null });
    const loginLine = find('POST', '/login');
    expect(loginLine).toMatchObject({ status: 302 });
    expect(typeof loginLine?.ms).toBe('number');
    expect(loginLine?.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.output()).not.toContain('Anna');
  });

  it('refuses to start on a malformed bank file and names the file and field', async () => {
    const banks = tempDir();
    cpSync('question-banks', banks, { recursive: true });
    writeFileSync(
      join(banks, 'en/questions/q-negotiation-01.md'),
      '---\nid: q-negotiation-01\nkind: question\ncompetency: negotiation\ntype: nonsense\n---\nBody',
    );
    const dataDir = tempDir();
    await expect(startServer({ DATA_DIR: dataDir, BANKS_DIR: banks })).rejects.toThrow(
      /exited with 1[\s\S]*en\/questions\/q-negotiation-01\.md: field "type"/,
    );
    // The banks are checked before the database is touched.
    expect(existsSync(join(dataDir, 'kam-hire.db'))).toBe(false);
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/banks-check.ts', banks], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('en/questions/q-negotiation-01.md: field "type"');
  });

  it('explains in one line, without a stack trace, when DATA_DIR or the database cannot be used', async () => {
    const parent = tempDir();
    const notAFolder = join(parent, 'data');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    const first = await startServer({ DATA_DIR: notAFolder }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(first).toMatch(
      /exited with 1:\nCannot start: DATA_DIR .*data is not usable \((EEXIST|ENOTDIR)\): part of the path is a file, not a folder/,
    );
    expect(first).not.toMatch(/\n\s+at /);
    // The database's own file cannot be opened (here: a folder stands in its place).
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'kam-hire.db'));
    const second = await startServer({ DATA_DIR: dataDir }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(second).toMatch(/exited with 1:\nCannot start: the database .*kam-hire\.db is not usable \(SQLITE_CANTOPEN\)/);
    expect(second).not.toMatch(/\n\s+at /);
  });
});
