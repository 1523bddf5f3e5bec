// The scorecard beside a video call (a ~680×720 window): compact mode keeps the sticky bars small,
// folds the rating anchors to one line, keeps the title being rated in view, and is remembered. Plus the
// scorecard's error summary (links to each field, says the draft is saved) and Back after submitting.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  completeAndSubmit,
  login,
  ratedCompetencies,
  scheduleInterview,
  scorecardOf,
  scorecardReady,
  summary,
  WAIT,
  useDemoServer,
} from './helpers.js';

const CALL = { width: 680, height: 720 };

const demo = useDemoServer();

const isCompact = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('sc-compact'));

/** Heights of the bars that stay on screen (the status bar on top, the buttons at the bottom). */
const barHeights = (page: Page) =>
  page.$$eval('[data-sticky-bar]', (els) =>
    els.map((el) => ({ position: getComputedStyle(el).position, height: el.getBoundingClientRect().height })),
  );

describe('the scorecard in a window beside a video call', () => {
  it('turns compact by itself: bars take at most 15% of the height, anchors fold to one line, the title stays in view', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const context = await demo.browser.newContext({ locale: 'ru-RU', viewport: CALL });
    const page = await context.newPage();
    await login(page, demo.app, 'interviewer', f.scorecardPath);
    await scorecardReady(page);
    expect(await isCompact(page)).toBe(true);
    expect(await page.getAttribute('[data-compact-toggle]', 'aria-pressed')).toBe('true');

    const bars = await barHeights(page);
    expect(bars.map((b) => b.position)).toEqual(['sticky', 'sticky']);
    const total = bars.reduce((s, b) => s + b.height, 0);
    expect(total).toBeLessThanOrEqual(0.15 * CALL.height);

    // Each competency's anchors: folded into one line until opened; the options show the levels only.
    const competency = (await ratedCompetencies(page))[0] as string;
    const details = page.locator(`#rating-${competency} details.anchors-detail`);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const line = await details.locator('summary').evaluate((s) => ({
      height: s.getBoundingClientRect().height,
      lineHeight: Number.parseFloat(getComputedStyle(s).lineHeight),
    }));
    expect(line.height).toBeLessThanOrEqual(line.lineHeight * 1.5);
    expect(await page.isHidden(`label[for="r-${competency}-3"] .anchor`)).toBe(true);
    await details.locator('summary').click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.locator('dl').isVisible()).toBe(true);

    // Scroll the competency's options to just below the status bar: its title is still in view, below
    // the bar and not covered by anything, and bar + title + bottom bar still leave the call most of the room.
    const legend = page.locator(`#rating-${competency} legend`);
    await page.evaluate((id) => {
      const fs = document.getElementById(id) as HTMLElement;
      const options = fs.querySelector('.rating-options') as HTMLElement;
      window.scrollBy(0, options.getBoundingClientRect().top - 60);
    }, `rating-${competency}`);
    const seen = await legend.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const bar = (document.querySelector('.scorecard-bar') as HTMLElement).getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2);
      return { top: r.top, bottom: r.bottom, barBottom: bar.bottom, uncovered: hit !== null && el.contains(hit) };
    });
    expect(seen.top).toBeGreaterThanOrEqual(seen.barBottom - 1);
    expect(seen.bottom).toBeLessThanOrEqual(CALL.height);
    expect(seen.uncovered).toBe(true);
    // The same for a kit question's title further down the page.
    const kitTitle = page.locator('.kit-entry h3').nth(1);
    await page.evaluate(() => {
      const entry = document.querySelectorAll('.kit-entry')[1] as HTMLElement;
      window.scrollBy(0, entry.getBoundingClientRect().top + 200);
    });
    const kitSeen = await kitTitle.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2);
      return { top: r.top, uncovered: hit !== null && el.contains(hit) };
    });
    expect(kitSeen.top).toBeGreaterThanOrEqual(0);
    expect(kitSeen.uncovered).toBe(true);
    const stuck = total + (seen.bottom - seen.top);
    expect(stuck).toBeLessThanOrEqual(0.2 * CALL.height);
    await context.close();
  });

  it('the toggle switches to the full layout and is remembered after a reload; compact is much shorter', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const context = await demo.browser.newContext({ locale: 'ru-RU', viewport: CALL });
    const page = await context.newPage();
    await login(page, demo.app, 'interviewer', f.scorecardPath);
    await scorecardReady(page);
    const compactHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.click('[data-compact-toggle]');
    expect(await isCompact(page)).toBe(false);
    const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(compactHeight).toBeLessThan(fullHeight * 0.8);
    await page.reload();
    await scorecardReady(page);
    expect(await isCompact(page)).toBe(false);
    expect(await page.getAttribute('[data-compact-toggle]', 'aria-pressed')).toBe('false');
    await page.click('[data-compact-toggle]');
    await page.reload();
    await scorecardReady(page);
    expect(await isCompact(page)).toBe(true);
    await context.close();
  });
});

describe('the scorecard keeps what was chosen', () => {
  it('submitting with ratings missing: every choice and word kept, a summary that says the draft is saved and links to each field', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const context = await demo.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await login(page, demo.app, 'interviewer', f.scorecardPath);
    await scorecardReady(page);
    const competencies = await ratedCompetencies(page);
    expect(competencies.length).toBeGreaterThan(1);
    const [first, ...rest] = competencies as [string, ...string[]];
    await page.click(`label[for="r-${first}-4"]`);
    await page.click('label[for="rec-yes"]');
    const words = 'Уверенно ведёт переговоры о промо-бюджете; аналитику проверим на кейсе.';
    await summary(page).fill(words);
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await page.waitForSelector('.error-summary', { timeout: WAIT });

    // Kept: the rating, the recommendation and the words; and the draft holds them too.
    expect(await page.isChecked(`#r-${first}-4`)).toBe(true);
    expect(await page.isChecked('#rec-yes')).toBe(true);
    expect(await summary(page).inputValue()).toBe(words);
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.ratings[first]).toBe(4);
    // The summary has the focus, says the draft is saved, and links to each missing rating.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const box = page.locator('.error-summary');
    expect(await box.textContent()).toMatch(/draft is saved/i);
    const links = box.locator('a');
    expect(await links.count()).toBe(rest.length);
    // Following a link puts the cursor on that competency's options, below the sticky bar.
    await links.first().click();
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    expect(focused).toBe(`ratings[${rest[0]}]`);
    const legendTop = await page.locator(`#rating-${rest[0]} legend`).evaluate((el) => el.getBoundingClientRect().top);
    const barBottom = await page.locator('.scorecard-bar').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(legendTop).toBeGreaterThanOrEqual(barBottom - 1);
    await context.close();
  });

  it('Back after submitting shows the submitted, locked scorecard, not the editable form', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const context = await demo.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await login(page, demo.app, 'interviewer', f.scorecardPath);
    await scorecardReady(page);
    await completeAndSubmit(page, demo.app, f.interviewId, { rating: 4, recommendation: 'yes', summary: 'Сильный кандидат.' });
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').status).toBe('submitted');
    await page.goBack();
    await page.waitForURL(`${demo.app.url}${f.scorecardPath}`, { timeout: WAIT });
    await page.waitForSelector('form[data-scorecard]', { state: 'attached', timeout: WAIT });
    expect(await page.isDisabled('textarea#summary')).toBe(true);
    expect(await page.locator('button[value="submit"]').count()).toBe(0);
    expect(await page.textContent('.info-box')).toMatch(/submitted/i);
    await context.close();
  });
});
