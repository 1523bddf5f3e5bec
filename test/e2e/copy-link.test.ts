import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { HttpUser, WAIT, login, startApp, tabTo, userId, withDb, type E2eApp, isoDay } from './helpers.js';

// The candidate's private link page for HR: the copy button works by keyboard; without scripts the button is
// not offered and the link stays in a read-only field to select by hand.

let app: E2eApp;
let browser: Browser;
let assignmentId: number;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const hr = await new HttpUser(app).login('hr');
  const vacancyId = withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  const candidateId = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
    full_name: 'Вера Лебедева',
    email: `vera.${Date.now()}@example.ru`,
    phone: '',
    source: 'hh',
    resume_text: 'Менеджер по работе с ключевыми клиентами, 6 лет в FMCG, переговоры с федеральными сетями.',
    consent: '1',
    consent_date: isoDay(-1),
    confirm_duplicate: '1',
  });
  const res = await hr.request(`/candidates/${candidateId}/assignments`, {
    _csrf: hr.csrf,
    item: 'task:task-commercial-proposal',
    lang: 'ru',
    date: isoDay(4),
    time: '18:00',
    grace_hours: '24',
    brief: '',
    graders: [String(userId(app, 'head'))],
  });
  expect(res.status).toBe(200);
  assignmentId = withDb(
    app,
    (db) => (db.prepare('SELECT id FROM assignments WHERE candidate_id = ?').get(candidateId) as { id: number }).id,
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

describe('the private link page', () => {
  it('copies the fresh link with the keyboard', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const page = await context.newPage();
    await login(page, app, 'hr', `/assignments/${assignmentId}`);
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.waitForSelector('input#link', { timeout: WAIT });
    expect(await page.textContent('main')).toContain('Вера Лебедева');
    const link = await page.inputValue('input#link');
    expect(link).toMatch(new RegExp(`^${app.url}/t/[A-Za-z0-9_-]{40,}$`));
    await tabTo(page, 'button[data-copy]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent !== '', undefined, { timeout: WAIT });
    expect(await page.textContent('[data-copy-status]')).toBe('The link is copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await context.close();
  });

  it('without scripts offers no button and keeps the link selectable in a read-only field', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, app, 'hr', `/assignments/${assignmentId}`);
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.waitForSelector('input#link', { timeout: WAIT });
    expect(await page.isVisible('button[data-copy]')).toBe(false);
    expect(await page.getAttribute('input#link', 'readonly')).not.toBeNull();
    expect(await page.inputValue('input#link')).toMatch(/\/t\/[A-Za-z0-9_-]{40,}$/);
    expect(await page.textContent('main')).toContain('The link is shown only on this page, while it is open');
    await context.close();
  });
});
