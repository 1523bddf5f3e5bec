// The take-home task page a candidate opens from a private link: no login, the brief in the
// assignment's language, a form that sends text, files and a link, and clear errors when not.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { HttpUser, WAIT, login, newContext, startApp, tabTo, userId, withDb, type E2eApp, isoDay } from './helpers.js';

let app: E2eApp;
let browser: Browser;
let hr: HttpUser;
let candidateId: number;
let tmp: string;

const PDF = fileURLToPath(new URL('../fixtures/files/resume-en.pdf', import.meta.url));
const TASK = 'task-commercial-proposal';
const TASK_TITLE_RU = 'Коммерческое предложение новой сети';

const tokenHash = (link: string) =>
  createHash('sha256')
    .update(link.split('/t/')[1] ?? '')
    .digest('hex');

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  hr = await new HttpUser(app).login('hr');
  tmp = mkdtempSync(join(tmpdir(), 'kam-e2e-upload-'));
  const vacancyId = withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  candidateId = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
    full_name: 'Анна Смирнова',
    email: `anna.${Date.now()}@example.ru`,
    phone: '',
    source: 'hh',
    resume_text: readFileSync(new URL('../fixtures/resumes/ru_hh_kam_nestle.txt', import.meta.url), 'utf8'),
    consent: '1',
    consent_date: isoDay(-1),
    confirm_duplicate: '1',
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---- Set-up helpers --------------------------------------------------------------------------

interface StoredSubmission {
  version: number;
  body: string;
  link: string | null;
  files: string[];
}

function assignmentOf(link: string): { id: number; deadlineAt: string; lang: string } {
  const row = withDb(
    app,
    (db) =>
      db.prepare('SELECT id, deadline_at AS deadlineAt, lang FROM assignments WHERE token_hash = ?').get(tokenHash(link)) as
        | { id: number; deadlineAt: string; lang: string }
        | undefined,
  );
  if (!row) throw new Error(`no assignment for ${link}`);
  return row;
}

function submissionsOf(link: string): StoredSubmission[] {
  const id = assignmentOf(link).id;
  return withDb(app, (db) => {
    const subs = db.prepare('SELECT id, version, body, link FROM submissions WHERE assignment_id = ? ORDER BY version').all(id) as {
      id: number;
      version: number;
      body: string;
      link: string | null;
    }[];
    const files = db.prepare(
      'SELECT f.original_name AS name FROM submission_files sf JOIN files f ON f.id = sf.file_id WHERE sf.submission_id = ? ORDER BY sf.position',
    );
    return subs.map((s) => ({
      version: s.version,
      body: s.body,
      link: s.link,
      files: (files.all(s.id) as { name: string }[]).map((f) => f.name),
    }));
  });
}

/** As HR over HTTP: assigns the task in Russian with Елена Орлова grading; returns the private link. */
async function assignOverHttp(): Promise<string> {
  const res = await hr.request(`/candidates/${candidateId}/assignments`, {
    _csrf: hr.csrf,
    item: `task:${TASK}`,
    lang: 'ru',
    date: isoDay(4),
    time: '18:00',
    grace_hours: '24',
    graders: String(userId(app, 'head')),
    brief: '',
  });
  const html = await res.text();
  const link = /value="(http:\/\/[^"]+\/t\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
  if (res.status !== 200 || !link) throw new Error(`assigning failed: ${res.status}`);
  return link;
}

/** A fresh browser with no login, as the candidate, on the private link. */
async function openAsCandidate(
  link: string,
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page; response: Response | null }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const response = await page.goto(link);
  return { context, page, response };
}

const sendButton = (page: Page) => page.getByRole('button', { name: 'Отправить', exact: true });
const body = (page: Page) => page.locator('textarea#f-body');
const linkField = (page: Page) => page.locator('input#f-link');
const sentItems = (page: Page) => page.locator('#submitted li');

/** Clicks "send" and returns the response to the form's POST. */
async function send(page: Page, how: (p: Page) => Promise<void> = (p) => sendButton(p).click()): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/t/'), { timeout: WAIT }),
    how(page),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response;
}

const RECEIVED = 'Спасибо, ваша работа получена.';
const ALREADY = 'Эта отправка уже получена; повторно ничего не отправлено.';

async function expectReceived(page: Page, link: string, repeatAllowed = false): Promise<void> {
  await page.waitForURL(`${link}#submitted`, { timeout: WAIT });
  await page.waitForSelector('.flash-ok', { timeout: WAIT });
  const flashes = await page.locator('.flash-ok').allTextContents();
  if (repeatAllowed) expect(flashes.every((f) => f === RECEIVED || f === ALREADY) && flashes.length > 0).toBe(true);
  else expect(flashes).toEqual([RECEIVED]);
}

// ---- The tests -------------------------------------------------------------------------------

describe("the candidate's take-home task page", () => {
  it('HR assigns a task in Russian; the candidate opens the link without a login, sees the brief and deadline, gets an error for an empty form and then sends a PDF, text and a link', async () => {
    // HR, in the browser and in English: the assignment form.
    const hrContext = await newContext(browser);
    const hrPage = await hrContext.newPage();
    await login(hrPage, app, 'hr', `/candidates/${candidateId}/assignments/new`);
    await hrPage.selectOption('#f-item', `task:${TASK}`);
    await hrPage.selectOption('#f-lang', 'ru');
    const date = isoDay(4);
    await hrPage.fill('#f-date', date);
    await hrPage.fill('#f-time', '18:00');
    await hrPage.getByRole('checkbox', { name: /Елена Орлова/ }).check();
    await hrPage.getByRole('checkbox', { name: /Игорь Петров/ }).uncheck();
    await hrPage.getByRole('button', { name: 'Assign and get the link' }).click();
    await hrPage.waitForSelector('h1:has-text("The candidate\'s private link")', { timeout: WAIT });
    const link = await hrPage.inputValue('input#link');
    expect(link).toMatch(new RegExp(`^${app.url}/t/[A-Za-z0-9_-]{40,}$`));
    await hrContext.close();

    const a = assignmentOf(link);
    expect(a.lang).toBe('ru');
    const graders = withDb(app, (db) =>
      (db.prepare('SELECT user_id FROM assignment_graders WHERE assignment_id = ?').all(a.id) as { user_id: number }[]).map(
        (g) => g.user_id,
      ),
    );
    expect(graders).toEqual([userId(app, 'head')]);

    // The candidate: a browser that prefers English and has never signed in.
    const { context, page, response } = await openAsCandidate(link);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('nav[aria-label]').count()).toBe(0); // no staff navigation
    expect((await page.textContent('h1'))?.trim()).toBe(TASK_TITLE_RU);
    expect(await page.locator('.task-brief .prose').isVisible()).toBe(true);
    expect(await page.textContent('.task-brief .prose')).toContain('Вы — КАМ компании «Золотое поле»');
    // The deadline, as the server formats it (Moscow time, Russian).
    const fmt = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Moscow' });
    expect(await page.textContent('.deadline')).toBe(`Срок: ${fmt.format(new Date(a.deadlineAt))} (по Москве)`);
    expect(await page.isVisible('.deadline')).toBe(true);
    expect(await page.textContent('h2#send')).toBe('Отправить работу');
    expect(await page.locator('#submitted').count()).toBe(0);

    // Nothing typed, nothing attached: an error next to the text field, nothing stored.
    const empty = await send(page);
    expect(empty.status()).toBe(422);
    await page.waitForSelector('#f-body-error', { timeout: WAIT });
    expect(await page.textContent('#f-body-error')).toBe('Напишите ответ, приложите файл или дайте ссылку.');
    const bodyField = page.locator('.field.has-error', { has: page.locator('textarea#f-body') });
    expect(await bodyField.locator('.field-error').textContent()).toBe('Напишите ответ, приложите файл или дайте ссылку.');
    expect(await body(page).getAttribute('aria-invalid')).toBe('true');
    expect(await body(page).getAttribute('aria-describedby')).toContain('f-body-error');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(submissionsOf(link)).toEqual([]);

    // A real PDF, a text and a link.
    const text = 'Коммерческое предложение и расчёт экономики во вложении. Фронт-маржа сети — 38%.';
    const url = 'https://disk.example.ru/kp-severny-bereg';
    await page.setInputFiles('#f-files', PDF);
    await body(page).fill(text);
    await linkField(page).fill(url);
    const ok = await send(page);
    expect(ok.status()).toBe(303);
    await expectReceived(page, link);
    expect(await page.textContent('#submitted-title')).toBe('Что вы отправили');
    expect(await sentItems(page).count()).toBe(1);
    const item = (await sentItems(page).first().textContent()) ?? '';
    expect(item).toContain('Версия 1');
    expect(item).toContain('resume-en.pdf');
    expect(item).toContain(url);
    // The form is ready for a new version and empty again.
    expect(await page.textContent('h2#send')).toBe('Отправить новую версию');
    expect(await body(page).inputValue()).toBe('');

    expect(submissionsOf(link)).toEqual([{ version: 1, body: text, link: url, files: ['resume-en.pdf'] }]);
    await context.close();
  });

  it('creates exactly one version on a double click, and one per rendered form even when the same form is posted twice at once', async () => {
    const link = await assignOverHttp();
    const { context, page } = await openAsCandidate(link);
    await page.setInputFiles('#f-files', PDF);
    await body(page).fill('Первая версия: отправлена двойным щелчком.');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST') posts += 1;
    });
    await send(page, (p) => sendButton(p).dblclick());
    // The button's guard normally stops the second request; if one slips through it is "already received".
    await expectReceived(page, link, true);
    expect(posts).toBeGreaterThanOrEqual(1);
    expect(posts).toBeLessThanOrEqual(2);
    expect(await sentItems(page).count()).toBe(1);
    expect(submissionsOf(link).map((s) => s.version)).toEqual([1]);

    // Past the button's own guard: the same form data (same idempotency key) sent twice in parallel.
    await body(page).fill('Вторая версия: один и тот же запрос дважды.');
    await page.setInputFiles('#f-files', PDF);
    const statuses = await page.evaluate(async () => {
      const form = document.querySelector<HTMLFormElement>('form[data-once]');
      if (!form) throw new Error('no form');
      const data = new FormData(form);
      const post = () => fetch(form.action, { method: 'POST', body: data, redirect: 'manual' }).then((r) => r.type);
      return Promise.all([post(), post()]);
    });
    expect(statuses).toEqual(['opaqueredirect', 'opaqueredirect']);
    const stored = submissionsOf(link);
    expect(stored.map((s) => s.version)).toEqual([1, 2]);
    expect(stored[1]?.files).toEqual(['resume-en.pdf']);

    await page.goto(link);
    expect(await sentItems(page).count()).toBe(2);
    expect(await sentItems(page).allTextContents()).toEqual([expect.stringContaining('Версия 2'), expect.stringContaining('Версия 1')]);
    await context.close();
  });

  it('refuses a file that is not what its name says, names it, keeps what was typed and stores nothing', async () => {
    const link = await assignOverHttp();
    const fake = join(tmp, 'deck-for-buyer.pptx');
    const garbage = randomBytes(4096);
    garbage[0] = 0x00; // not text, not a ZIP package, not a PDF
    garbage[1] = 0xff;
    writeFileSync(fake, garbage);

    const { context, page } = await openAsCandidate(link);
    const text = 'Слайды во вложении, расчёт — по ссылке.';
    const url = 'https://disk.example.ru/raschet';
    await body(page).fill(text);
    await linkField(page).fill(url);
    await page.setInputFiles('#f-files', fake);
    const res = await send(page);
    expect(res.status()).toBe(422);
    await page.waitForSelector('#f-files-error', { timeout: WAIT });
    expect(await page.textContent('#f-files-error')).toBe('Файл deck-for-buyer.pptx — не PDF, DOCX, PPTX, XLSX и не TXT.');
    expect(
      await page
        .locator('.field.has-error', { has: page.locator('#f-files') })
        .locator('.field-error')
        .count(),
    ).toBe(1);
    expect(await page.getAttribute('#f-files', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-files', 'aria-describedby')).toContain('f-files-error');
    expect(await body(page).inputValue()).toBe(text);
    expect(await linkField(page).inputValue()).toBe(url);
    expect(submissionsOf(link)).toEqual([]);

    // Attaching the right file then goes through with the kept text.
    await page.setInputFiles('#f-files', PDF);
    await send(page);
    await expectReceived(page, link);
    expect(submissionsOf(link)).toEqual([{ version: 1, body: text, link: url, files: ['resume-en.pdf'] }]);
    await context.close();
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const link = await assignOverHttp();
    const named = join(tmp, 'proposal-keyboard.pdf');
    writeFileSync(named, readFileSync(PDF));
    const { context, page } = await openAsCandidate(link);

    await tabTo(page, 'textarea#f-body');
    const text = 'Набрано только с клавиатуры.';
    await page.keyboard.type(text);
    // Listening before moving focus: Playwright turns on file-chooser interception asynchronously,
    // and a Space pressed before that opens a native dialog that headless Chromium never reports.
    const chooserOpened = page.waitForEvent('filechooser', { timeout: WAIT });
    await tabTo(page, 'input#f-files', 5);
    await page.keyboard.press('Space');
    const chooser = await chooserOpened;
    await chooser.setFiles(named);
    const url = 'https://disk.example.ru/klaviatura';
    await tabTo(page, 'input#f-link', 5);
    await page.keyboard.type(url);
    await tabTo(page, 'button[data-once-button]', 5);
    await send(page, (p) => p.keyboard.press('Enter'));
    await expectReceived(page, link);
    expect((await sentItems(page).first().textContent()) ?? '').toContain('proposal-keyboard.pdf');
    expect(submissionsOf(link)).toEqual([{ version: 1, body: text, link: url, files: ['proposal-keyboard.pdf'] }]);
    await context.close();
  });

  // Candidates in Russia name their files in Russian; the browser sends the name as UTF-8.
  it('keeps Cyrillic file names: in the error that names a wrong file and in the list of what was sent', async () => {
    const link = await assignOverHttp();
    const fake = join(tmp, 'Презентация для сети.pptx');
    writeFileSync(fake, Buffer.concat([Buffer.from([0x00, 0xff, 0xfe]), randomBytes(2048)]));
    const good = join(tmp, 'КП Северный берег.pdf');
    writeFileSync(good, readFileSync(PDF));

    const { context, page } = await openAsCandidate(link);
    await body(page).fill('Файлы с русскими именами.');
    await page.setInputFiles('#f-files', fake);
    await send(page);
    await page.waitForSelector('#f-files-error', { timeout: WAIT });
    expect(await page.textContent('#f-files-error')).toBe('Файл Презентация для сети.pptx — не PDF, DOCX, PPTX, XLSX и не TXT.');

    await page.setInputFiles('#f-files', good);
    await send(page);
    await expectReceived(page, link);
    expect(submissionsOf(link)[0]?.files).toEqual(['КП Северный берег.pdf']);
    expect((await sentItems(page).first().textContent()) ?? '').toContain('КП Северный берег.pdf');
    await context.close();
  });

  it('shows a clear "link not valid" page with 404 for an unknown or malformed token', async () => {
    const { context, page, response } = await openAsCandidate(`${app.url}/t/${'A'.repeat(43)}`, 'ru-RU');
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.textContent('main')).toContain(
      'Ссылка недействительна. Проверьте, что она скопирована целиком, или попросите рекрутера прислать новую.',
    );
    expect(await page.locator('form[data-once]').count()).toBe(0);

    const short = await page.goto(`${app.url}/t/abc`);
    expect(short?.status()).toBe(404);
    expect(await page.textContent('main')).toContain('Ссылка недействительна');
    await context.close();

    const en = await openAsCandidate(`${app.url}/t/${'B'.repeat(43)}`, 'en-GB');
    expect(en.response?.status()).toBe(404);
    expect(await en.page.textContent('main')).toContain('This link is not valid.');
    await en.context.close();
  });
});
