import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { PASSWORD, startApp, WAIT, withDb, type E2eApp } from './helpers.js';

let app: E2eApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

async function login(page: Page) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel(/Username|Имя пользователя/).fill('hr');
  await page.getByLabel(/^(Password|Пароль)/).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${app.url}/`);
}

describe('the verdict policy in a real browser', () => {
  it('is edited with the keyboard on a 390 px screen: the error is announced, the typed value kept, then saved and restated', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    await login(page);
    const vacancyId = withDb(
      app,
      (db) => (db.prepare("SELECT id FROM vacancies WHERE slug = 'kam-middle-fmcg'").get() as { id: number }).id,
    );
    await page.goto(`${app.url}/vacancies/${vacancyId}/checklist`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.textContent('.policy-summary')).toContain('не меньше 2 из 4 обязательных пунктов');

    const field = page.getByLabel('Сколько обязательных пунктов нужно для «Проходит»');
    await field.fill('9');
    await field.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.textContent('#f-min_required-error')).toBe(
      'Введите целое число от 0 до 4 — не больше, чем обязательных пунктов в чек-листе.',
    );
    expect(await page.inputValue('#f-min_required')).toBe('9');
    // The summary's link moves focus to the field.
    await page.getByRole('link', { name: /Сколько обязательных пунктов/ }).press('Enter');
    await page.waitForFunction(() => location.hash === '#f-min_required');

    // CRM made a knockout with the keyboard, and three required items out of the three left.
    const crm = page.getByLabel('Опыт работы в CRM', { exact: true });
    await crm.focus();
    await crm.selectOption('knockout');
    await field.fill('3');
    await field.press('Enter');
    await page.waitForURL(/#policy$/);
    expect(await page.textContent('.policy-summary')).toContain('«Опыт работы в CRM»');
    expect(await page.textContent('.policy-summary')).toContain('не меньше 3 из 3 обязательных пунктов');
    expect(withDb(app, (db) => db.prepare('SELECT min_required_met AS n FROM vacancies WHERE id = ?').get(vacancyId))).toEqual({ n: 3 });
    await context.close();
  });
});
