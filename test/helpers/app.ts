import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll } from 'vitest';
import type { Response } from 'superagent';
import type TestAgent from 'supertest/lib/agent.js';
import { openDatabase, type DB } from '../../src/db/connection.js';
import { bankRepo } from '../../src/db/bank.js';
import { loadBank } from '../../src/content/bank-files.js';
import { loadConfig } from '../../src/config.js';
import { createApp, type KamApp } from '../../src/web/app.js';
import type { Logger } from '../../src/web/middleware/log.js';
import type { RouteDef } from '../../src/web/routes.js';
import { seedDemoVacancy } from '../../src/bootstrap.js';
import { makeUser, TEST_PASSWORD } from './factories.js';
import type { Role } from '../../src/domain/roles.js';

// Parsed once per test file: every test gets a fresh database but the same bank content.
const bank = loadBank();

// Removed when the test file is done (a process 'exit' handler never runs in vitest's workers).
const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export interface TestApp {
  app: KamApp;
  db: DB;
  demoVacancyId: number;
  /** The throw-away data folder (uploaded files), removed after the test file. */
  dataDir: string;
}

export function buildApp(
  opts: { seedVacancy?: boolean; logger?: Logger; routes?: RouteDef[]; wrapDb?: (db: DB) => DB; fileDb?: boolean } = {},
): TestApp {
  // Uploaded files go to a throw-away folder, never into the project's data/.
  const dataDir = mkdtempSync(join(tmpdir(), 'kam-test-'));
  tempDirs.push(dataDir);
  // In memory unless a test reads the database file itself.
  const dbFile = opts.fileDb ? join(dataDir, 'kam-hire.db') : ':memory:';
  const db = openDatabase(dbFile);
  bankRepo(db).importBank(bank);
  const demoVacancyId = opts.seedVacancy === false ? 0 : (seedDemoVacancy(db) ?? 0);
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), dbFile };
  const app = createApp(
    {
      db: opts.wrapDb ? opts.wrapDb(db) : db,
      config,
      sessionSecret: 'test-secret-test-secret-test-secret',
      ...(opts.logger ? { logger: opts.logger } : {}),
    },
    opts.routes,
  );
  return { app, db, demoVacancyId, dataDir };
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

export type Agent = TestAgent;

/** An agent with a session; `csrf` is the token the pages carry. */
export async function anonymous(app: KamApp, lang: 'ru' | 'en' = 'en'): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app).set('Accept-Language', lang);
  const page = await agent.get('/login');
  return { agent, csrf: csrfFrom(page.text) };
}

export async function loginAs(
  t: TestApp,
  role: Role,
  opts: { department?: string | null; username?: string; lang?: 'ru' | 'en' } = {},
): Promise<{ agent: Agent; csrf: string; userId: number }> {
  const userId = await makeUser(t.db, { role, department: opts.department ?? null, username: opts.username });
  const { agent, csrf } = await anonymous(t.app, opts.lang ?? 'en');
  const user = (t.db.prepare('SELECT username FROM users WHERE id = ?').get(userId) as { username: string }).username;
  const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: user, password: TEST_PASSWORD });
  if (res.status !== 302) throw new Error(`login failed: ${res.status}`);
  // The session id changes at login, and the CSRF token with it.
  const home = await agent.get('/');
  return { agent, csrf: csrfFrom(home.text), userId };
}

/** For supertest's .buffer(true).parse(…): the body as a Buffer, whatever its content type (CSV, DOCX, text). */
export function binaryBody(r: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => done(null, Buffer.concat(chunks)));
}
