// Issue 7: script and HTML payloads in a candidate's name, their resume, an interviewer's note and
// scorecard summary are shown as text on every page that shows them, and nothing runs. The
// assertion is about escaping, not the Content-Security-Policy: the literal text is in the page,
// no element with an event-handler attribute exists, no script carries the payload, and the CSP
// never had to block an inline script or handler.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import {
  CONFLICT_BOX,
  HttpUser,
  WAIT,
  completeAndSubmit,
  firstNotes,
  login,
  newContext,
  noteKey,
  scorecardOf,
  scorecardReady,
  summary,
  userId,
  waitSaved,
  withDb,
  type E2eApp,
  startApp,
  isoDay,
} from './helpers.js';

const NAME = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const RESUME_SVG = '<svg onload="window.__xss=3"></svg>';
const RESUME_BREAKOUT = '"><script>window.__xss=4</script>';
const NOTE = '<img src=x onerror="window.__xss=5">';
const SUMMARY = '</textarea><script>window.__xss=6</script><img src=x onerror="window.__xss=7">';
/** Finds the candidate (words "script", "window", "xss") and is reflected into the search box. */
const SEARCH = '"><script>window.__xss=8</script>';

let app: E2eApp;
let browser: Browser;
let hr: HttpUser;
let vacancyId: number;
let candidateId: number;
let interviewId: number;
let hrContext: BrowserContext;
let igorContext: BrowserContext;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  hr = await new HttpUser(app).login('hr');
  vacancyId = withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  const resume = readFileSync(new URL('../fixtures/resumes/ru_hh_kam_nestle.txt', import.meta.url), 'utf8');
  candidateId = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
    full_name: NAME,
    email: `xss.${Date.now()}@example.ru`,
    phone: '',
    source: 'hh',
    resume_text: `Обо мне: ${RESUME_SVG}\nНавыки: переговоры с сетями ${RESUME_BREAKOUT}\n\n${resume}`,
    consent: '1',
    consent_date: isoDay(-1),
    confirm_duplicate: '1',
  });
  interviewId = await hr.postForId(`/candidates/${candidateId}/interviews`, {
    stage: 'competency',
    date: isoDay(1),
    time: '11:00',
    duration_min: '60',
    location: 'Zoom',
    interviewers: [String(userId(app, 'interviewer'))],
  });
  hrContext = await guardedContext();
  igorContext = await guardedContext();
  await login(await hrContext.newPage(), app, 'hr');
  await login(await igorContext.newPage(), app, 'interviewer');
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

// ---- Watching a page -------------------------------------------------------------------------

/** A context whose pages record CSP violations (before any page script runs) for `probe` to read. */
async function guardedContext(): Promise<BrowserContext> {
  const context = await newContext(browser);
  await context.addInitScript(() => {
    const w = window as Window & { __csp?: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp?.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return context;
}

interface Watch {
  dialogs: string[];
  /** Requests for the payloads' `src=x`: an <img> was built from the markup. */
  payloadRequests: string[];
}

/** Fails the test on any dialog and notes any request an unescaped <img src=x> would make. */
function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], payloadRequests: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/x')) w.payloadRequests.push(r.url());
  });
  return w;
}

interface Probe {
  xss: unknown;
  handlerElements: number;
  payloadScripts: number;
  scriptCspViolations: string[];
  /** The page's text plus the values of its form fields. */
  text: string;
}

function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const w = window as Window & { __xss?: unknown; __csp?: string[] };
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((el) => el.value);
    return {
      xss: w.__xss,
      handlerElements: document.querySelectorAll('img[onerror], svg[onload], [onerror], [onload]').length,
      payloadScripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__xss')).length,
      scriptCspViolations: (w.__csp ?? []).filter((v) => v.startsWith('script-src')),
      text: `${document.documentElement.textContent ?? ''}\n${values.join('\n')}`,
    };
  });
}

/** Opens `path` and checks that each payload in `shown` is there as text and that nothing ran. */
async function expectInert(page: Page, path: string, shown: string[]): Promise<void> {
  const w = watch(page);
  const res = await page.goto(`${app.url}${path}`);
  expect(res?.status(), `${path} status`).toBe(200);
  await page.waitForLoadState('load');
  const p = await probe(page);
  expect(p.xss, `${path}: window.__xss`).toBeUndefined();
  expect(p.handlerElements, `${path}: elements with event-handler attributes`).toBe(0);
  expect(p.payloadScripts, `${path}: <script> elements built from a payload`).toBe(0);
  expect(p.scriptCspViolations, `${path}: the CSP had to block a script`).toEqual([]);
  expect(w.dialogs, `${path}: dialogs`).toEqual([]);
  expect(w.payloadRequests, `${path}: requests for <img src=x>`).toEqual([]);
  for (const s of shown) expect(p.text.includes(s), `${path} shows ${s} as text`).toBe(true);
}

// ---- The tests -------------------------------------------------------------------------------

describe('script and HTML payloads are shown as text and never run', () => {
  it('the checks are not vacuous: they catch unescaped markup, and see the CSP block what it alone would have hidden', async () => {
    const context = await guardedContext();
    const page = await context.newPage();
    const w = watch(page);
    await page.setContent(`<p>${NAME}</p>`);
    await page.waitForFunction(() => (window as Window & { __xss?: unknown }).__xss !== undefined, undefined, { timeout: WAIT });
    const p = await probe(page);
    expect(p.xss).toBeDefined();
    expect(p.handlerElements).toBe(1);
    expect(p.payloadScripts).toBe(1);
    expect(p.text.includes(NAME)).toBe(false); // markup, not text
    expect(w.dialogs).toEqual([]);

    // On the app's own pages the CSP alone would stop the handler — which is why "nothing ran" is
    // not enough, and why the checks above look at the DOM and at the CSP's reports too.
    await page.goto(`${app.url}/login`);
    await page.evaluate((html) => document.querySelector('main')?.insertAdjacentHTML('beforeend', html), NAME);
    await page.waitForFunction(() => ((window as Window & { __csp?: string[] }).__csp ?? []).length > 0, undefined, { timeout: WAIT });
    const blocked = await probe(page);
    expect(blocked.xss).toBeUndefined();
    expect(blocked.handlerElements).toBe(1);
    expect(blocked.scriptCspViolations.length).toBeGreaterThan(0);
    await context.close();
  });

  it("an interviewer's autosaved note, the name and the resume stay text on every page HR and the interviewer open", async () => {
    // The interviewer writes the note in one tab while a second tab of the same scorecard is open.
    const tabA = await igorContext.newPage();
    const tabB = await igorContext.newPage();
    const scorecard = `/interviews/${interviewId}/scorecard`;
    for (const tab of [tabA, tabB]) {
      watch(tab);
      await tab.goto(`${app.url}${scorecard}`);
      await scorecardReady(tab);
    }
    const key = await noteKey(tabA);
    await firstNotes(tabA).pressSequentially(NOTE);
    await waitSaved(tabA);
    await expect.poll(() => scorecardOf(app, interviewId, 'interviewer').data.notes[key], { timeout: WAIT }).toBe(NOTE);
    const a = await probe(tabA);
    expect(a.xss).toBeUndefined();
    expect(a.handlerElements).toBe(0);

    // Tab B saves on top of an older version: the conflict box, filled by scorecard.js, shows the note as text.
    await summary(tabB).pressSequentially('Вкладка B.');
    await tabB.waitForSelector(`${CONFLICT_BOX}:not([hidden])`, { timeout: WAIT });
    const theirs = await tabB.locator('[data-conflict-rows] td').allTextContents();
    expect(theirs).toContain(NOTE);
    const b = await probe(tabB);
    expect(b.xss).toBeUndefined();
    expect(b.handlerElements).toBe(0);
    expect(b.scriptCspViolations).toEqual([]);
    await Promise.all([
      tabB.waitForEvent('load', { timeout: WAIT }),
      tabB.getByRole('button', { name: 'Use the saved version' }).click({ timeout: WAIT }),
    ]);
    await scorecardReady(tabB);
    expect(await firstNotes(tabB).inputValue()).toBe(NOTE);
    await tabA.close();
    await tabB.close();

    const hrPage = await hrContext.newPage();
    const hrPages: [string, string[]][] = [
      [`/candidates/${candidateId}`, [NAME, RESUME_SVG, RESUME_BREAKOUT]],
      [`/vacancies/${vacancyId}/candidates`, [NAME]],
      [`/vacancies/${vacancyId}/candidates?q=${encodeURIComponent(SEARCH)}`, [NAME, SEARCH]],
      [`/candidates/${candidateId}/report`, [NAME]],
      [`/vacancies/${vacancyId}/compare?ids=${candidateId}`, [NAME]],
      [`/vacancies/${vacancyId}/pipeline`, [NAME]],
      [`/interviews/${interviewId}`, [NAME, NOTE]],
      ['/', [NAME]],
    ];
    for (const [path, shown] of hrPages) await expectInert(hrPage, path, shown);

    // Spot checks that the texts sit where a person reads them, not only somewhere in the markup.
    await hrPage.goto(`${app.url}/candidates/${candidateId}`);
    expect(await hrPage.textContent('h1')).toBe(NAME);
    expect(await hrPage.getByText(NAME, { exact: true }).first().isVisible()).toBe(true);
    const resumeText = (await hrPage.textContent('.resume-text')) ?? '';
    expect(resumeText).toContain(RESUME_SVG);
    expect(resumeText).toContain(RESUME_BREAKOUT);
    await hrPage.goto(`${app.url}/vacancies/${vacancyId}/candidates?q=${encodeURIComponent(SEARCH)}`);
    expect(await hrPage.inputValue('#flt-q')).toBe(SEARCH);
    expect(await hrPage.locator(`a[href="/candidates/${candidateId}"]`).textContent()).toBe(NAME);
    expect(await hrPage.getAttribute(`#cmp-${candidateId}`, 'aria-label')).toContain(NAME);
    await hrPage.goto(`${app.url}/candidates/${candidateId}/report`);
    expect(await hrPage.title()).toContain(NAME);
    expect(await hrPage.textContent('h1')).toBe(NAME);
    await hrPage.goto(`${app.url}/vacancies/${vacancyId}/compare?ids=${candidateId}`);
    expect(await hrPage.getByRole('link', { name: NAME, exact: true }).first().isVisible()).toBe(true);
    await hrPage.goto(`${app.url}/interviews/${interviewId}`);
    await hrPage.locator('details.card-notes summary').first().click();
    expect(await hrPage.getByText(NOTE, { exact: true }).first().isVisible()).toBe(true);
    await hrPage.close();

    const igorPage = await igorContext.newPage();
    const igorPages: [string, string[]][] = [
      ['/', [NAME]],
      [`/interviews/${interviewId}`, [NAME]],
      [scorecard, [NAME, NOTE]],
    ];
    for (const [path, shown] of igorPages) await expectInert(igorPage, path, shown);
    await scorecardReady(igorPage);
    expect(await firstNotes(igorPage).inputValue()).toBe(NOTE);
    expect(await igorPage.textContent('h1')).toContain(NAME);
    await igorPage.goto(`${app.url}/`);
    expect(await igorPage.getByText(NAME, { exact: true }).first().isVisible()).toBe(true);
    await igorPage.close();
  });

  it('a submitted scorecard summary that tries to close its textarea stays text on the report, the interview page and the locked scorecard', async () => {
    const igorPage = await igorContext.newPage();
    watch(igorPage);
    await igorPage.goto(`${app.url}/interviews/${interviewId}/scorecard`);
    await scorecardReady(igorPage);
    await completeAndSubmit(igorPage, app, interviewId, { rating: 4, recommendation: 'yes', summary: SUMMARY });
    expect(scorecardOf(app, interviewId, 'interviewer').status).toBe('submitted');
    expect(scorecardOf(app, interviewId, 'interviewer').data.summary).toBe(SUMMARY);

    // Now the interviewer sees the submitted scorecards on the interview page, with their notes.
    for (const [path, shown] of [
      [`/interviews/${interviewId}`, [NAME, NOTE, SUMMARY]],
      [`/interviews/${interviewId}/scorecard`, [NAME, NOTE, SUMMARY]],
    ] as [string, string[]][])
      await expectInert(igorPage, path, shown);
    expect(await summary(igorPage).inputValue()).toBe(SUMMARY);
    await igorPage.close();

    const hrPage = await hrContext.newPage();
    for (const [path, shown] of [
      [`/candidates/${candidateId}/report`, [NAME, SUMMARY]],
      [`/interviews/${interviewId}`, [NAME, NOTE, SUMMARY]],
      [`/candidates/${candidateId}`, [NAME, RESUME_SVG, RESUME_BREAKOUT]],
      [`/vacancies/${vacancyId}/compare?ids=${candidateId}`, [NAME]],
    ] as [string, string[]][])
      await expectInert(hrPage, path, shown);
    await hrPage.goto(`${app.url}/candidates/${candidateId}/report`);
    expect(await hrPage.getByText(SUMMARY, { exact: true }).first().isVisible()).toBe(true);
    await hrPage.close();
  });
});
