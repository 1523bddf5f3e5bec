// Shared set-up for browser tests: a real server on a throw-away DATA_DIR (restartable on the same
// port, so the browser origin and its localStorage survive a restart), HTTP set-up through a tiny
// cookie-keeping client, direct reads of the SQLite file, and sign-in helpers for Playwright pages.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

export const PASSWORD = 'e2e-demo-password';
/** Generous but bounded: a 2-core machine running Chromium and the server side by side. */
export const WAIT = 15_000;

// ---- The server -------------------------------------------------------------------------------

export interface E2eApp {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly dbFile: string;
  running: () => boolean;
  /** SIGTERM, like a deploy or a crash-restart would send; resolves when the process has exited. */
  stop: () => Promise<void>;
  /** A new process on the same DATA_DIR and the same port (same browser origin). */
  start: () => Promise<void>;
  output: () => string;
  /** Stops the server and removes the data folder. */
  dispose: () => Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

async function startOnPort(env: Record<string, string>, port: number): Promise<RunningServer> {
  // The old process has exited, so the port is normally free at once; retry briefly in case not.
  for (let attempt = 0; ; attempt++) {
    try {
      return await startServer({ ...env, PORT: String(port) });
    } catch (e) {
      if (attempt >= 20 || !/EADDRINUSE/.test(String(e))) throw e;
      await sleep(250);
    }
  }
}

export async function startApp(): Promise<E2eApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kam-e2e-'));
  const env = { DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD };
  let server: RunningServer | null;
  try {
    server = await startServer(env);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const url = server.url;
  const port = portOf(url);
  let log = '';
  return {
    url,
    port,
    dataDir,
    dbFile: join(dataDir, 'kam-hire.db'),
    running: () => server !== null,
    output: () => log + (server?.output() ?? ''),
    stop: async () => {
      if (!server) return;
      const s = server;
      server = null;
      log += s.output();
      await s.stop();
    },
    start: async () => {
      if (server) throw new Error('the server is already running');
      server = await startOnPort(env, port);
      if (server.url !== url) throw new Error(`restarted at ${server.url}, expected ${url}`);
    },
    dispose: async () => {
      if (server) await server.stop();
      server = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a browser test file works with: the demo server, a browser, and HR signed in over HTTP. */
export interface DemoWorld {
  app: E2eApp;
  browser: Browser;
  hr: HttpUser;
}

/**
 * Starts a demo server on a throw-away DATA_DIR and a browser before the file's tests, signs HR in over HTTP,
 * and stops and removes them all after the tests. Read the fields inside tests (they are set in beforeAll).
 */
export function useDemoServer(): DemoWorld {
  const world = {} as DemoWorld;
  beforeAll(async () => {
    world.app = await startApp();
    world.browser = await launchBrowser();
    world.hr = await new HttpUser(world.app).login('hr');
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.app?.dispose();
  });
  return world;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---- The database -----------------------------------------------------------------------------

export interface StoredScorecard {
  id: number;
  status: 'draft' | 'submitted';
  version: number;
  data: {
    notes: Record<string, string>;
    ratings: Record<string, number | null>;
    recommendation: string | null;
    summary: string;
  };
}

/** Opens the app's SQLite file for one operation (WAL: reading next to the server is safe). */
export function withDb<T>(app: E2eApp, fn: (db: Database.Database) => T): T {
  const db = new Database(app.dbFile);
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

export function userId(app: E2eApp, username: string): number {
  const row = withDb(app, (db) => db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number } | undefined);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export function scorecardOf(app: E2eApp, interviewId: number, username: string): StoredScorecard {
  const row = withDb(
    app,
    (db) =>
      db
        .prepare(
          `SELECT s.id, s.status, s.version, s.data FROM scorecards s JOIN users u ON u.id = s.interviewer_id
         WHERE s.interview_id = ? AND u.username = ?`,
        )
        .get(interviewId, username) as { id: number; status: 'draft' | 'submitted'; version: number; data: string } | undefined,
  );
  if (!row) throw new Error(`no scorecard of ${username} for interview ${interviewId}`);
  return { id: row.id, status: row.status, version: row.version, data: JSON.parse(row.data) as StoredScorecard['data'] };
}

/** Everything an interviewer wrote, as one string, for "is this text stored" checks. */
export function storedText(app: E2eApp, interviewId: number, username: string): string {
  const d = scorecardOf(app, interviewId, username).data;
  return [...Object.values(d.notes), d.summary].join('\n');
}

/** The session expires: its rows go, as if the server had cleaned them up. */
export function deleteSessionsOf(app: E2eApp, username: string): number {
  const id = userId(app, username);
  return withDb(app, (db) => db.prepare("DELETE FROM sessions WHERE json_extract(data, '$.userId') = ?").run(id).changes);
}

// ---- HTTP set-up (no browser) -----------------------------------------------------------------

const csrfIn = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
};

/** fetch with a cookie jar and the page's CSRF token: enough to drive the forms as a browser would. */
export class HttpUser {
  private readonly jar = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: E2eApp) {}

  async request(path: string, form?: Record<string, string | string[]>): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'text/html', 'Accept-Language': 'en' };
    if (this.jar.size > 0) headers.Cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      body = p.toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.app.url + path, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  async login(username: string): Promise<this> {
    this.csrf = csrfIn(await (await this.request('/login')).text());
    const res = await this.request('/login', { _csrf: this.csrf, username, password: PASSWORD, next: '/' });
    if (res.status !== 302) throw new Error(`login of ${username} failed: ${res.status}`);
    // The session id changes at login, and the CSRF token with it.
    this.csrf = csrfIn(await (await this.request('/')).text());
    return this;
  }

  /** Posts a form and returns the id at the end of the redirect, or explains what went wrong. */
  async postForId(path: string, form: Record<string, string | string[]>): Promise<number> {
    const res = await this.request(path, { _csrf: this.csrf, ...form });
    const location = res.headers.get('location');
    const id = Number(location?.split('/').pop());
    if (res.status !== 302 || !Number.isInteger(id) || id <= 0) {
      const text = await res.text();
      const errors = [...text.matchAll(/class="field-error"[^>]*>([^<]+)</g)].map((m) => m[1]).join('; ');
      throw new Error(`POST ${path} → ${res.status} ${location ?? ''} ${errors}`);
    }
    return id;
  }
}

/** A calendar day (YYYY-MM-DD, UTC) this many days from today. */
export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
let candidateSeq = 0;

export interface Fixture {
  candidateId: number;
  interviewId: number;
  candidateName: string;
  scorecardPath: string;
}

/** What a test may set of the candidate and interview it seeds (the rest: a fresh name and address, the demo resume). */
export interface InterviewSeed {
  vacancyId?: number;
  fullName?: string;
  email?: string;
  phone?: string;
  resumeText?: string;
  location?: string;
  /** Usernames on the panel. */
  interviewers?: string[];
}

/**
 * As HR: adds a candidate to the demo vacancy (a pasted resume, consent ticked) and schedules a
 * competency interview tomorrow at 11:00 with `interviewer` (Игорь Петров) and `head` (Елена Орлова), unless told otherwise.
 */
export async function scheduleInterview(app: E2eApp, hr: HttpUser, seed: InterviewSeed = {}): Promise<Fixture> {
  candidateSeq += 1;
  const candidateName = seed.fullName ?? `Кандидат E2E ${candidateSeq} ${Date.now().toString(36)}`;
  const vacancyId = seed.vacancyId ?? withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  const resume = seed.resumeText ?? readFileSync(new URL('../fixtures/resumes/ru_hh_kam_nestle.txt', import.meta.url), 'utf8');
  const candidateId = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
    full_name: candidateName,
    email: seed.email ?? `e2e${candidateSeq}.${Date.now()}@example.ru`,
    phone: seed.phone ?? '',
    source: 'hh',
    resume_text: resume,
    consent: '1',
    consent_date: isoDay(-1),
    // The same resume text every time: confirm it is a different person.
    confirm_duplicate: '1',
  });
  const interviewId = await hr.postForId(`/candidates/${candidateId}/interviews`, {
    stage: 'competency',
    date: isoDay(1),
    time: '11:00',
    duration_min: '60',
    location: seed.location ?? 'Zoom',
    interviewers: (seed.interviewers ?? ['interviewer', 'head']).map((u) => String(userId(app, u))),
    // Every seeded interview is at the same hour: the overlap warning is confirmed, as HR would.
    confirm_overlap: '1',
  });
  return { candidateId, interviewId, candidateName, scorecardPath: `/interviews/${interviewId}/scorecard` };
}

// ---- The browser ------------------------------------------------------------------------------

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-GB' });
}

/** Fills and sends the login form the page shows, and waits to land on `next`. */
export async function submitLogin(page: Page, app: E2eApp, username: string, next: string): Promise<void> {
  await page.getByLabel(/Username|Имя пользователя/).fill(username);
  await page.getByLabel(/^(Password|Пароль)/).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${app.url}${next}`, { timeout: WAIT });
}

/** Signs in through the login form; `next` is where the app sends the user afterwards. */
export async function login(page: Page, app: E2eApp, username: string, next = '/'): Promise<void> {
  await page.goto(`${app.url}/login?next=${encodeURIComponent(next)}`);
  await submitLogin(page, app, username, next);
}

/** A fresh context signed in as `username` with the scorecard open. */
export async function openScorecard(
  browser: Browser,
  app: E2eApp,
  username: string,
  f: Fixture,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await login(page, app, username, f.scorecardPath);
  await scorecardReady(page);
  return { context, page };
}

/** scorecard.js has set up autosave and put back any words kept in localStorage. */
export async function scorecardReady(page: Page): Promise<void> {
  await page.waitForSelector('form[data-scorecard][data-autosave="ready"]', { state: 'attached', timeout: WAIT });
}

/** The conflict box (the hidden messages element also carries a data-conflict attribute). */
export const CONFLICT_BOX = '[data-conflict]:not([data-messages])';

export const saveState = (page: Page) => page.getAttribute('[data-save-state]', 'data-state');

/** Waits for the autosave to report "saved" (the state turns "unsaved" on every keystroke first). */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-save-state][data-state="saved"]', { timeout: WAIT });
}

/** The first kit question's notes box and the summary. */
export const firstNotes = (page: Page) => page.locator('textarea[name^="notes["]').first();
export const summary = (page: Page) => page.locator('textarea#summary');

/** Everything on a page that a person could read, including the values of form fields. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('textarea, input')].map((el) => (el as HTMLInputElement).value);
    return `${document.body.textContent}\n${values.join('\n')}\n${document.documentElement.outerHTML}`;
  });
}

/** Unsaved copies the autosave keeps in this origin's localStorage (any tab's). */
export function backups(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kam-scorecard:')));
}

/** The form key of a notes box, e.g. `k12` for `notes[k12]`. */
export async function noteKey(page: Page): Promise<string> {
  const name = await firstNotes(page).getAttribute('name');
  const m = /^notes\[(k\d+)\]$/.exec(name ?? '');
  if (!m?.[1]) throw new Error(`unexpected notes field ${name}`);
  return m[1];
}

/** Presses Tab until the focused element matches `selector` (bounded), like a keyboard user would. */
export async function tabTo(page: Page, selector: string, maxPresses = 300): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The competencies the open scorecard asks to rate (fieldset ids are "rating-<competency>"). */
export function ratedCompetencies(page: Page): Promise<string[]> {
  return page.$$eval('fieldset.rating', (sets) => sets.map((s) => s.id.replace(/^rating-/, '')));
}

/** Completes a scorecard with the mouse (labels, as the radios are visually hidden) and submits it. */
export async function completeAndSubmit(
  page: Page,
  app: E2eApp,
  interviewId: number,
  o: { rating: number; recommendation: string; summary: string },
): Promise<void> {
  const competencies = await ratedCompetencies(page);
  if (competencies.length === 0) throw new Error('nothing to rate on this scorecard');
  for (const c of competencies) await page.click(`label[for="r-${c}-${o.rating}"]`);
  await page.click(`label[for="rec-${o.recommendation}"]`);
  await summary(page).fill(o.summary);
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await page.waitForURL(`${app.url}/interviews/${interviewId}`, { timeout: WAIT });
}
