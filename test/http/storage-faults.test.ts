import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildWorld } from '../helpers/world.js';
import { faultyDatabase } from '../helpers/faulty-disk.js';
import { anonymous, buildApp, loginAs } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';

// ENOSPC for files written under DATA_DIR while `disk.full` is set: the file is created (as on a
// real full disk, where open() succeeds and write() fails), then the write fails.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof actual.writeFileSync = (file, data, options) => {
    if (disk.full && typeof file === 'string' && /kam-test-/.test(file)) {
      actual.writeFileSync(file, '');
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', errno: -28 });
    }
    return actual.writeFileSync(file, data, options);
  };
  return { ...actual, default: { ...actual, writeFileSync }, writeFileSync };
});

const state = { full: false };
const setup = () => buildWorld({ wrapDb: (db) => faultyDatabase(db, state) });
const setupApp = () => buildApp({ wrapDb: (db) => faultyDatabase(db, state) });

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

afterEach(() => {
  state.full = false;
  disk.full = false;
  vi.useRealTimers();
});

describe('a full disk', () => {
  it('answers a login with a clear 503 instead of a CSRF error, and logs in once space returns', async () => {
    const t = setupApp();
    await makeUser(t.db, { role: 'hr', username: 'w_hr' });
    const { agent, csrf } = await anonymous(t.app, 'ru');
    state.full = true;
    const refused = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'w_hr', password: TEST_PASSWORD });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.text).toContain('Хранилище сервера заполнено, поэтому ничего не сохранено');
    state.full = false;
    const ok = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'w_hr', password: TEST_PASSWORD });
    expect(ok.status).toBe(302);
  });

  it('keeps serving pages when the session store cannot push an expiry forward', async () => {
    const t = setupApp();
    const hr = await loginAs(t, 'hr');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 60_000 });
    state.full = true;
    // The session's expiry is due to be extended (more than a minute since the last touch); that
    // write fails inside res.end, where a throw used to end the process.
    const page = await hr.agent.get('/');
    expect(page.status).toBe(200);
    const again = await hr.agent.get(`/vacancies/${t.demoVacancyId}`);
    expect(again.status).toBe(200);
  });

  it('answers autosave with 503 (the browser keeps the words and retries) and saves once space returns', { timeout: 60_000 }, async () => {
    const w = await setup();
    const ivan = w.personas.interviewer;
    const save = (summary: string) =>
      ivan.agent
        .post(`/interviews/${w.ids.interviewId}/scorecard/draft`)
        .set('Accept', 'application/json')
        .set('X-CSRF-Token', ivan.csrf)
        .type('form')
        .send({ version: '0', summary });
    state.full = true;
    const refused = await save('Сильные переговоры с сетями');
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatch(/storage is full, so nothing was saved/);
    state.full = false;
    const saved = await save('Сильные переговоры с сетями');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, version: 1 });
  });

  it('refuses an upload with 503, saves no candidate and leaves no file behind', async () => {
    const t = setupApp();
    const hr = await loginAs(t, 'hr');
    const before = filesUnder(t.dataDir).sort();
    const count = () => (t.db.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;
    const n = count();
    // Bytes never stored before, so the store has to write them.
    const resume = Buffer.from(
      `Соколов Игорь Петрович\nKey Account Manager, ООО «Молочные продукты», 2017–2024\nРабота с федеральными сетями. ${Date.now()}\n`,
    );
    const intake = () =>
      hr.agent
        .post(`/vacancies/${t.demoVacancyId}/candidates`)
        .field('_csrf', hr.csrf)
        .field('full_name', 'Соколов Игорь Петрович')
        .field('email', 'i.sokolov@example.ru')
        .field('source', 'hh')
        .field('resume_text', '')
        .field('consent', '1')
        .field('consent_date', new Date().toISOString().slice(0, 10))
        .attach('file', resume, 'sokolov.txt');
    disk.full = true;
    const refused = await intake();
    expect(refused.status).toBe(503);
    expect(count()).toBe(n);
    expect(filesUnder(t.dataDir).sort()).toEqual(before);
    disk.full = false;
    const ok = await intake();
    expect(ok.status).toBe(302);
    expect(count()).toBe(n + 1);
    expect(filesUnder(join(t.dataDir, 'files'))).toHaveLength(1);
  });
});
