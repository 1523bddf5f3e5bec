import { login, useDemoServer } from './helpers.js';
import { describe, expect, it } from 'vitest';

const demo = useDemoServer();

describe('foundation in a real browser', () => {
  it("signs in as each role and lands on that role's home page", async () => {
    const expected: Record<string, string> = {
      admin: 'Administration',
      hr: 'Open vacancies',
      interviewer: 'Upcoming interviews',
      head: 'Take-home tasks to grade',
    };
    for (const [user, text] of Object.entries(expected)) {
      const context = await demo.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await login(page, demo.app, user);
      expect(await page.textContent('main')).toContain(text);
      await context.close();
    }
  });

  it('switches the language from the header and keeps the page', async () => {
    const context = await demo.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await login(page, demo.app, 'admin'); // the choice is stored on the account; other tests use hr
    await page.goto(`${demo.app.url}/bank`);
    expect(await page.textContent('h1')).toBe('Question bank');
    await page.getByRole('button', { name: 'RU' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${demo.app.url}/bank`);
    expect(await page.textContent('h1')).toBe('Банк вопросов');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await context.close();
  });

  it('creates a vacancy with the keyboard, shows errors next to fields and keeps the input', async () => {
    const context = await demo.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await login(page, demo.app, 'hr');
    await page.goto(`${demo.app.url}/vacancies/new`);
    await page.getByLabel('Title (English)').fill('KAM Senior, dairy');
    await page.getByLabel('Department').fill('Молочная категория');
    await page.getByLabel('Salary from').fill('300000');
    await page.getByLabel('Salary to').fill('200000');
    await page.getByLabel('Salary to').press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('#f-salary_max-error')).toBe('The maximum must not be below the minimum.');
    expect(await page.inputValue('#f-title_en')).toBe('KAM Senior, dairy');
    // The error summary takes focus so keyboard users hear it first.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');

    await page.getByLabel('Salary to').fill('400000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/vacancies\/\d+$/);
    expect(await page.textContent('h1')).toBe('KAM Senior, dairy');
    expect(await page.textContent('main')).toContain('The vacancy is created.');
    await context.close();
  });

  it('prints a clean job description', async () => {
    const context = await demo.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await login(page, demo.app, 'head');
    await page.goto(`${demo.app.url}/vacancies`);
    await page
      .getByRole('link', { name: /Менеджер по работе с ключевыми клиентами/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Описание вакансии' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('header.site-header')).toBe(false);
    expect(await page.isVisible('[data-print]')).toBe(false);
    expect(await page.textContent('article')).toContain('Чем предстоит заниматься');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('reaches the main content with the skip link', async () => {
    const context = await demo.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await login(page, demo.app, 'interviewer');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // A same-page link: the address changes when the demo.browser has handled the key, so wait for it.
    await page.waitForURL(/#main$/, { timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
