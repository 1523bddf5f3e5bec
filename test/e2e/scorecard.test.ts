import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CONFLICT_BOX,
  HttpUser,
  WAIT,
  backups,
  completeAndSubmit,
  deleteSessionsOf,
  firstNotes,
  login,
  newContext,
  noteKey,
  openScorecard,
  saveState,
  scheduleInterview,
  scorecardReady,
  scorecardOf,
  startApp,
  storedText,
  submitLogin,
  summary,
  tabTo,
  visibleText,
  waitSaved,
  useDemoServer,
} from './helpers.js';

const demo = useDemoServer();

const poll = <T>(fn: () => T) => expect.poll(fn, { timeout: WAIT, interval: 200 });

/** Simulates the tab going to the background and back (headless pages never really hide). */
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);

describe('scorecard autosave in a real browser', () => {
  it('saves a note and the summary while typing, and shows them after a reload', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const { context, page } = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    const note = 'Рассказал про JBP с «Магнитом»: +18% за год, без потери маржи.';
    const text = 'Сильный переговорщик; аналитику стоит проверить на кейсе.';
    await firstNotes(page).pressSequentially(note);
    await summary(page).pressSequentially(text);
    await waitSaved(page);
    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.summary).toBe(text);
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[await noteKey(page)]).toBe(note);
    // Nothing is waiting in localStorage, so what the reload shows comes from the server.
    expect(await backups(page)).toEqual([]);

    await page.reload();
    await scorecardReady(page);
    expect(await firstNotes(page).inputValue()).toBe(note);
    expect(await summary(page).inputValue()).toBe(text);
    expect(await page.isHidden('[data-restored]')).toBe(true);
    await context.close();
  });

  it('loses nothing when the server stops mid-sentence: the rest comes back from this computer after a restart and a new sign-in', async () => {
    // Its own server and data folder: this test stops and restarts it.
    const own = await startApp();
    try {
      const f = await scheduleInterview(own, await new HttpUser(own).login('hr'));
      const context = await newContext(demo.browser);
      let page = await context.newPage();
      await login(page, own, 'interviewer', f.scorecardPath);
      const key = await noteKey(page);

      const saved = 'Сохранено до остановки: опыт с X5 и «Магнитом».';
      await firstNotes(page).pressSequentially(saved);
      await waitSaved(page);
      await poll(() => scorecardOf(own, f.interviewId, 'interviewer').data.notes[key]).toBe(saved);

      const typedBefore = 'Набрано перед остановкой сервера.';
      // From here the page's saves do not get through, as once the server is down: on a loaded machine typing and
      // stopping the server took long enough for the 2-second autosave to land first, and then nothing was left to
      // come back from this computer.
      await page.route('**/*', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
      await summary(page).pressSequentially(typedBefore);
      await own.stop(); // SIGTERM
      expect(storedText(own, f.interviewId, 'interviewer')).not.toContain(typedBefore);

      const typedWhileDown = ' И ещё, пока сервер лежал.';
      await summary(page).pressSequentially(typedWhileDown);
      await page.waitForSelector('[data-save-state][data-state="offline"]', { timeout: WAIT });
      // The tab goes too: from now on only localStorage holds these words.
      await page.close();
      const kept = (await context.storageState()).origins.flatMap((o) => o.localStorage.map((e) => e.value)).join('\n');
      expect(kept).toContain(typedWhileDown.trim());

      // Same DATA_DIR and same port: the same demo.browser origin, so the same localStorage.
      await own.start();
      const check = await context.newPage();
      await check.goto(`${own.url}/`);
      expect(check.url()).toBe(`${own.url}/`); // sessions are in SQLite: the old cookie still works…
      await check.close();
      await context.clearCookies(); // …but sign in again anyway, as after a lost session.

      page = await context.newPage();
      await page.goto(`${own.url}${f.scorecardPath}`);
      await page.waitForURL(/\/login\?next=/, { timeout: WAIT });
      await submitLogin(page, own, 'interviewer', f.scorecardPath);
      await scorecardReady(page);
      expect(await page.isVisible('[data-restored]')).toBe(true);
      expect(await firstNotes(page).inputValue()).toBe(saved);
      expect(await summary(page).inputValue()).toBe(typedBefore + typedWhileDown);
      await waitSaved(page);
      await poll(() => scorecardOf(own, f.interviewId, 'interviewer').data.summary).toBe(typedBefore + typedWhileDown);
      expect(scorecardOf(own, f.interviewId, 'interviewer').data.notes[key]).toBe(saved);

      await page.reload();
      await scorecardReady(page);
      expect(await summary(page).inputValue()).toBe(typedBefore + typedWhileDown);
      expect(await page.isHidden('[data-restored]')).toBe(true);
      expect(await backups(page)).toEqual([]);
      await context.close();
    } finally {
      await own.dispose();
    }
  }, 120_000);

  it("shows both texts when another tab saved first, overwrites nothing, and saves this tab's text only when asked", async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const { context, page: a } = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    const b = await context.newPage();
    await b.goto(`${demo.app.url}${f.scorecardPath}`);
    await scorecardReady(b);
    const key = await noteKey(a);

    const textA = 'Вкладка A: уверенно считает маржу по сети.';
    const textB = 'Вкладка B: путается в условиях отсрочки.';
    await firstNotes(a).pressSequentially(textA);
    await waitSaved(a);
    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[key]).toBe(textA);

    // B still holds the version from before A's save.
    await firstNotes(b).pressSequentially(textB);
    await b.waitForSelector(`${CONFLICT_BOX}:not([hidden])`, { timeout: WAIT });
    expect(await saveState(b)).toBe('conflict');
    const cells = await b.locator('[data-conflict-rows] tr').first().locator('td').allTextContents();
    expect(cells).toEqual([textB, textA]); // "yours", then "saved"
    expect(await firstNotes(b).inputValue()).toBe(textB);

    // Nothing was overwritten: the database and a reloaded tab A still have A's words.
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[key]).toBe(textA);
    await a.reload();
    await scorecardReady(a);
    expect(await firstNotes(a).inputValue()).toBe(textA);
    expect(await a.isHidden('[data-restored]')).toBe(true);
    expect(await saveState(a)).not.toBe('conflict');
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[key]).toBe(textA);

    await b.getByRole('button', { name: "Keep this tab's version" }).click();
    await waitSaved(b);
    expect(await b.isHidden(CONFLICT_BOX)).toBe(true);
    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[key]).toBe(textB);
    await context.close();
  });

  it("keeps a second interviewer from seeing the first one's words until they have submitted their own", async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const igor = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    const note = 'Заметка Игоря: назвал конкретные бонусы ретро.';
    const igorSummary = 'Итог Игоря: брать, сильные переговоры.';
    await firstNotes(igor.page).fill(note);
    await completeAndSubmit(igor.page, demo.app, f.interviewId, { rating: 4, recommendation: 'yes', summary: igorSummary });
    const stored = scorecardOf(demo.app, f.interviewId, 'interviewer');
    expect(stored.status).toBe('submitted');
    expect(stored.data.summary).toBe(igorSummary);
    expect(stored.data.recommendation).toBe('yes');
    expect(Object.values(stored.data.ratings).every((r) => r === 4)).toBe(true);

    const elena = await openScorecard(demo.browser, demo.app, 'head', f);
    for (const path of [f.scorecardPath, `/interviews/${f.interviewId}`]) {
      await elena.page.goto(`${demo.app.url}${path}`);
      const seen = await visibleText(elena.page);
      expect(seen.includes(note), `${path} shows the note`).toBe(false);
      expect(seen.includes(igorSummary), `${path} shows the summary`).toBe(false);
    }

    await elena.page.goto(`${demo.app.url}${f.scorecardPath}`);
    await scorecardReady(elena.page);
    await completeAndSubmit(elena.page, demo.app, f.interviewId, { rating: 3, recommendation: 'no', summary: 'Итог Елены: сомневаюсь.' });
    expect(await elena.page.textContent('main')).toContain(igorSummary);
    expect(await visibleText(elena.page)).toContain(note);
    await igor.context.close();
    await elena.context.close();
  });

  it('keeps typing through an expired session and saves from the same tab once signed in again elsewhere', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const { context, page } = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    const before = 'До истечения сессии.';
    await firstNotes(page).pressSequentially(before);
    await waitSaved(page);

    expect(deleteSessionsOf(demo.app, 'interviewer')).toBeGreaterThan(0);
    const after = 'Набрано после истечения сессии — не должно пропасть.';
    await summary(page).pressSequentially(after);
    await page.waitForSelector('[data-session-expired]:not([hidden])', { timeout: WAIT });
    expect(await saveState(page)).toBe('expired');
    expect(storedText(demo.app, f.interviewId, 'interviewer')).not.toContain(after);

    // "Sign in again" opens a new tab of the same demo.browser; the original tab keeps retrying.
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('[data-session-expired] a')]);
    await popup.waitForURL(/\/login\?next=/, { timeout: WAIT });
    await submitLogin(popup, demo.app, 'interviewer', f.scorecardPath);

    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.summary).toBe(after);
    await waitSaved(page);
    expect(await page.isHidden('[data-session-expired]')).toBe(true);
    expect(await summary(page).inputValue()).toBe(after);
    expect(storedText(demo.app, f.interviewId, 'interviewer')).toContain(before);

    // And the tab goes on saving normally.
    await summary(page).pressSequentially(' Дописано потом.');
    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.summary).toBe(`${after} Дописано потом.`);
    await context.close();
  });

  it('works with the keyboard alone: Tab to the notes, type, Tab to a rating, choose it with the arrows', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const { context, page } = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    await tabTo(page, 'textarea[name^="notes["]');
    const notesName = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).name);
    const note = 'Набрано только с клавиатуры.';
    await page.keyboard.type(note);

    await tabTo(page, 'input[type="radio"][name^="ratings["]');
    const group = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
    const competency = /^ratings\[(.+)\]$/.exec(group)?.[1] ?? '';
    // Nothing is chosen yet: Tab lands on the first option; each arrow moves on and chooses.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate((n) => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)?.value, group)).toBe('3');

    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.ratings[competency]).toBe(3);
    await waitSaved(page);
    const key = /^notes\[(k\d+)\]$/.exec(notesName)?.[1] ?? '';
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.notes[key]).toBe(note);

    await page.reload();
    await scorecardReady(page);
    expect(await page.isChecked(`input[name="${group}"][value="3"]`)).toBe(true);
    await context.close();
  });

  it('does not conflict with itself when the tab is hidden and shown again mid-typing', async () => {
    const f = await scheduleInterview(demo.app, demo.hr);
    const { context, page } = await openScorecard(demo.browser, demo.app, 'interviewer', f);
    const first = 'Начало фразы,';
    const second = ' а это дописано после возврата во вкладку.';
    await summary(page).pressSequentially(first);
    // Switching to the video-call tab sends what is typed so far…
    await setVisibility(page, 'hidden');
    await poll(() => scorecardOf(demo.app, f.interviewId, 'interviewer').data.summary).toBe(first);
    await setVisibility(page, 'visible');
    // …and typing on afterwards must not be mistaken for another tab's edit.
    await summary(page).pressSequentially(second);
    await page.waitForSelector('[data-save-state][data-state="saved"], [data-save-state][data-state="conflict"]', { timeout: WAIT });
    expect(await saveState(page)).toBe('saved');
    expect(await page.isHidden(CONFLICT_BOX)).toBe(true);
    expect(scorecardOf(demo.app, f.interviewId, 'interviewer').data.summary).toBe(first + second);
    await context.close();
  });
});
