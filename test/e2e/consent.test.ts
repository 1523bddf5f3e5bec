import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WAIT, login, newContext, withDb, useDemoServer } from './helpers.js';

const demo = useDemoServer();

const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';

describe('consent by link in a real browser', () => {
  it('the candidate opens the link on a 390 px phone and accepts; HR sees "given" with the record', async () => {
    const vacancyId = withDb(demo.app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
    const resume = readFileSync(new URL('../fixtures/resumes/ru_hh_kam_nestle.txt', import.meta.url), 'utf8');
    const candidateId = await demo.hr.postForId(`/vacancies/${vacancyId}/candidates`, {
      full_name: 'Соколова Мария Игоревна',
      email: 'maria.sokolova@example.ru',
      phone: '',
      source: 'hh',
      resume_text: resume,
      consent: '1',
      consent_date: new Date().toISOString().slice(0, 10),
    });
    const asked = await demo.hr.request(`/candidates/${candidateId}/consent/request`, { _csrf: demo.hr.csrf });
    expect(asked.status).toBe(303);
    const body = withDb(
      demo.app,
      (db) =>
        (
          db.prepare("SELECT body_text FROM outbox WHERE kind = 'consent_request' AND candidate_id = ?").get(candidateId) as {
            body_text: string;
          }
        ).body_text,
    );
    const link = /https?:\/\/\S+\/consent\/[A-Za-z0-9_-]+/.exec(body)![0];
    const path = new URL(link).pathname;

    const phone = await demo.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      userAgent: PHONE_UA,
      locale: 'ru-RU',
    });
    const page = await phone.newPage();
    await page.goto(demo.app.url + path);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: WAIT })
      .toContain('Согласие на обработку персональных данных');
    // Phone first: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(() => page.getByText('pd-vacancy-2026-12').count(), { timeout: WAIT }).toBe(1);
    const accept = page.getByRole('button', { name: 'Даю согласие' });
    const box = await accept.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    await accept.click();
    await page.waitForURL(demo.app.url + path, { timeout: WAIT });
    await expect.poll(() => page.locator('.consent-status').textContent(), { timeout: WAIT }).toContain('Вы дали согласие');
    expect(await page.getByRole('button', { name: 'Отозвать моё согласие' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();

    const stored = withDb(
      demo.app,
      (db) =>
        db
          .prepare('SELECT state, source, user_agent, text_version, ip FROM candidate_consents WHERE candidate_id = ?')
          .get(candidateId) as Record<string, string>,
    );
    expect(stored).toMatchObject({ state: 'given', source: 'link', user_agent: PHONE_UA, text_version: 'pd-vacancy-2026-12' });
    expect(stored.ip).toBeTruthy();

    const context = await newContext(demo.browser);
    const hrPage = await context.newPage();
    await login(hrPage, demo.app, 'hr', `/candidates/${candidateId}`);
    await expect.poll(() => hrPage.locator('.consent-given').first().textContent(), { timeout: WAIT }).toBe('given');
    await hrPage.getByRole('link', { name: 'details and actions' }).click();
    await hrPage.waitForURL(`${demo.app.url}/candidates/${candidateId}/consent`, { timeout: WAIT });
    await expect.poll(() => hrPage.locator('dl.facts').textContent(), { timeout: WAIT }).toContain(PHONE_UA);
    await hrPage.goto(`${demo.app.url}/vacancies/${vacancyId}/candidates`);
    await expect
      .poll(() => hrPage.locator('tr', { hasText: 'Соколова Мария Игоревна' }).locator('.consent-given').count(), { timeout: WAIT })
      .toBe(1);
    await context.close();
  });
});
