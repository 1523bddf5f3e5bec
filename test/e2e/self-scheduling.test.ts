// Self-scheduling end to end: HR offers times in the browser, the candidate opens the private link on a
// phone-sized screen (390 px), picks one with the keyboard, and the interview appears for HR with the
// invitations queued for the candidate and the interviewer.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { HttpUser, WAIT, login, newContext, startApp, userId, withDb, type E2eApp, isoDay } from './helpers.js';

let app: E2eApp;
let browser: Browser;
let candidateId: number;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const hr = await new HttpUser(app).login('hr');
  const vacancyId = withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  withDb(app, (db) => db.prepare("UPDATE users SET email = 'interviewer@example.ru' WHERE username = 'interviewer'").run());
  candidateId = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
    full_name: 'Дарья Волкова',
    email: 'darya.volkova@example.ru',
    phone: '',
    source: 'hh',
    resume_text: 'Дарья Волкова. Менеджер по работе с ключевыми клиентами, 6 лет в FMCG: X5, Магнит, Лента.',
    consent: '1',
    consent_date: isoDay(-1),
    confirm_duplicate: '1',
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

describe('self-scheduling', () => {
  it('HR offers times, the candidate picks one on a phone, and the interview appears with invitations queued', async () => {
    const interviewer = userId(app, 'interviewer');

    // HR: the offer form, with two times already filled in for the day after tomorrow.
    const hrContext = await newContext(browser);
    const hrPage = await hrContext.newPage();
    await login(hrPage, app, 'hr', `/candidates/${candidateId}/slots/new`);
    await hrPage.fill('#f-slot1_date', isoDay(3));
    await hrPage.fill('#f-slot1_time', '10:00');
    await hrPage.fill('#f-slot2_date', isoDay(3));
    await hrPage.fill('#f-slot2_time', '14:30');
    await hrPage.fill('#f-slot3_date', '');
    await hrPage.fill('#f-slot3_time', '');
    await hrPage.fill('#f-location', 'Москва, Ленинградский пр., 15, переговорная 4');
    await hrPage.check(`input[name="interviewers"][value="${interviewer}"]`);
    expect(await hrPage.isChecked('#f-send_to_candidate')).toBe(true);
    expect(await hrPage.inputValue('#f-mail_body')).toContain('{{slots.link}}');
    await Promise.all([hrPage.waitForLoadState('load'), hrPage.getByRole('button', { name: 'Create the link' }).click()]);
    await hrPage.waitForSelector('#link', { timeout: WAIT });
    const link = await hrPage.inputValue('#link');
    expect(link).toContain('/s/');
    const offerMail = withDb(app, (db) => db.prepare("SELECT to_address, body_text FROM outbox WHERE kind = 'slot_offer'").get()) as {
      to_address: string;
      body_text: string;
    };
    expect(offerMail.to_address).toBe('darya.volkova@example.ru');
    expect(offerMail.body_text).toContain(new URL(link).pathname);

    // The candidate, on a phone: no login, Russian, Moscow time shown, nothing wider than the screen.
    const phone = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${app.url}${new URL(link).pathname}`);
    await page.getByRole('heading', { name: 'Выберите время собеседования' }).waitFor({ timeout: WAIT });
    expect(await page.textContent('body')).toContain('Europe/Moscow, UTC+03:00');
    const options = page.getByRole('radio');
    expect(await options.count()).toBe(2);
    expect(await page.textContent('.slot-list')).toContain('14:30');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // They look at the times in their own zone (Yekaterinburg, +2 h), then choose 14:30 Moscow with the keyboard.
    await page.selectOption('#tz', 'Asia/Yekaterinburg');
    await Promise.all([
      page.waitForURL(/tz=Asia%2FYekaterinburg|tz=Asia\/Yekaterinburg/, { timeout: WAIT }),
      page.getByRole('button', { name: 'Показать' }).click(),
    ]);
    expect(await page.textContent('.slot-list')).toContain('16:30');
    expect(await page.textContent('.slot-list')).toContain('по Москве');
    await page.getByRole('radio').nth(1).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio').nth(1).isChecked()).toBe(true);
    await Promise.all([
      page.waitForURL(/\/s\//, { timeout: WAIT }),
      page.getByRole('button', { name: 'Подтвердить время' }).press('Enter'),
    ]);
    await page.getByText('Готово: собеседование назначено').waitFor({ timeout: WAIT });
    expect(await page.textContent('body')).toContain('16:30');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // HR sees the interview on the candidate's card, at 14:30 Moscow time.
    const stored = withDb(app, (db) =>
      db.prepare('SELECT id, scheduled_at AS at, location FROM interviews WHERE candidate_id = ?').all(candidateId),
    ) as { id: number; at: string; location: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.at).toBe(`${isoDay(3)}T11:30:00.000Z`);
    await hrPage.goto(`${app.url}/candidates/${candidateId}`);
    await hrPage.click(`a[href="/interviews/${stored[0]!.id}"]`);
    await hrPage.waitForURL(`${app.url}/interviews/${stored[0]!.id}`, { timeout: WAIT });
    expect(await hrPage.textContent('main')).toContain('14:30');
    expect(await hrPage.textContent('main')).toContain('переговорная 4');

    // Everybody got the invitation with a calendar file.
    const invites = withDb(app, (db) =>
      db.prepare("SELECT to_address, attachments FROM outbox WHERE kind = 'interview_invitation' ORDER BY to_address").all(),
    ) as { to_address: string; attachments: string }[];
    expect(invites.map((r) => r.to_address)).toEqual(['darya.volkova@example.ru', 'interviewer@example.ru']);
    for (const r of invites) expect(r.attachments).toContain('METHOD:REQUEST');

    // The link used again: a clear answer, no second interview.
    await page.goto(`${app.url}${new URL(link).pathname}`);
    expect(await page.textContent('body')).toContain('Готово: собеседование назначено');
    expect(await page.getByRole('radio').count()).toBe(0);

    await phone.close();
    await hrContext.close();
  });
});
