// No page scrolls sideways on a phone: for each role, sign in at 390 px wide, follow every same-origin
// link (GET only; no sign-out, no downloads), and fail on any page wider than the window, naming the
// elements that stick out. The candidate's private task link is crawled the same way, without a login.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { type E2eApp, login, startApp, WAIT, withDb } from './helpers.js';
import { type LayoutWorld, seedLongContent } from './layout-seed.js';

const WIDTH = 390;
const MAX_PAGES = 150;
/** Pages of one shape (ids replaced) to visit: enough to meet different content, bounded in time. */
const PER_SHAPE = 2;

let app: E2eApp;
let browser: Browser;
let world: LayoutWorld;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  world = await seedLongContent(app);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

/** Files and actions a link may lead to that are not pages (or must not be followed). */
const SKIP = [/\/logout\b/, /\/resume$/, /\/files\/\d+$/, /\.csv$/, /\.json$/, /^\/api\//, /\/health$/];

/** A path with its ids replaced: numbers, the bank's /<lang>/<item>, the task link's token. */
const shapeOf = (path: string) =>
  path
    .replace(/\/\d+(?=\/|$)/g, '/:id')
    .replace(/\/(ru|en)\/[^/]+/, '/:lang/:id')
    .replace(/\/t\/[^/]+/, '/t/:token');

interface Overflow {
  path: string;
  width: number;
  offenders: string[];
}

/** The document's width and, when too wide, the deepest elements whose right edge passes the window. */
function measure(page: Page): Promise<{ width: number; offenders: string[] }> {
  return page.evaluate((limit) => {
    const doc = document.scrollingElement ?? document.documentElement;
    const width = doc.scrollWidth;
    if (width <= limit) return { width, offenders: [] };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const cls = [...e.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join('');
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    // An element that scrolls inside its own box hides what is inside it from the page (but not an
    // absolutely placed one whose containing block lies outside that box).
    const clipped = (el: Element): boolean => {
      if (['absolute', 'fixed'].includes(getComputedStyle(el).position)) return false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' && s.overflowX !== 'clip') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right + window.scrollX > limit + 0.5 && !clipped(el);
    });
    // Deepest first: an element none of whose descendants also sticks out is the cause.
    const leaves = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return {
      width,
      offenders: leaves.slice(0, 8).map((el) => `${describe(el)} (${Math.round(el.getBoundingClientRect().right + window.scrollX)}px)`),
    };
  }, WIDTH);
}

/** Follows links breadth-first from `start`; returns the pages wider than the window. */
async function crawl(context: BrowserContext, start: string, visitedOut: string[], extra: string[] = []): Promise<Overflow[]> {
  const page = await context.newPage();
  const origin = new URL(app.url).origin;
  const seen = new Set<string>([start, ...extra]);
  const perShape = new Map<string, number>();
  // Pages reached by a GET form rather than a link (a comparison, a search) are added by hand.
  const queue = [start, ...extra];
  const problems: Overflow[] = [];
  while (queue.length > 0 && visitedOut.length < MAX_PAGES) {
    const path = queue.shift() as string;
    const response = await page.goto(origin + path, { waitUntil: 'load', timeout: WAIT });
    const type = response?.headers()['content-type'] ?? '';
    if (!response || !type.includes('text/html')) continue;
    const landed = new URL(page.url());
    if (landed.origin !== origin) continue;
    visitedOut.push(path);
    const { width, offenders } = await measure(page);
    if (width > WIDTH) problems.push({ path, width, offenders });
    const hrefs = await page.$$eval('a[href]:not([download])', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== origin) continue;
      const next = u.pathname + u.search;
      if (seen.has(next) || SKIP.some((re) => re.test(u.pathname))) continue;
      seen.add(next);
      const shape = shapeOf(u.pathname) + (u.search ? '?' : '');
      const n = perShape.get(shape) ?? 0;
      if (n >= PER_SHAPE) continue;
      perShape.set(shape, n + 1);
      queue.push(next);
    }
  }
  await page.close();
  return problems;
}

/** HR's pages behind GET forms: the comparison of three candidates (one with long content) and a search. */
function formPages(): string[] {
  const ids = withDb(app, (db) =>
    (db.prepare('SELECT id FROM candidates WHERE vacancy_id = ? ORDER BY id DESC LIMIT 3').all(world.vacancyId) as { id: number }[]).map(
      (r) => r.id,
    ),
  );
  const v = world.vacancyId;
  return [
    `/vacancies/${v}/compare?${ids.map((id) => `ids=${id}`).join('&')}`,
    `/vacancies/${v}/candidates?q=${encodeURIComponent('переговоры')}&sort=name`,
  ];
}

const report = (problems: Overflow[]) =>
  problems.map((p) => `${p.path}: ${p.width}px wide; sticking out: ${p.offenders.join(' | ') || '(none found)'}`).join('\n');

describe(`no page scrolls sideways at ${WIDTH} px`, () => {
  for (const [role, username] of [
    ['admin', 'admin'],
    ['hr', 'hr'],
    ['interviewer', 'interviewer'],
    ['department_head', 'head'],
  ] as const) {
    it(`as ${role}: every page a crawl reaches fits`, async () => {
      const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: WIDTH, height: 800 } });
      const page = await context.newPage();
      await login(page, app, username);
      await page.close();
      const visited: string[] = [];
      const problems = await crawl(context, '/', visited, role === 'hr' ? formPages() : []);
      await context.close();
      console.log(`${role}: ${visited.length} pages crawled at ${WIDTH} px`);
      // The crawl really went somewhere: the home page and the pages it links to.
      expect(visited.length).toBeGreaterThan(3);
      expect(report(problems)).toBe('');
    }, 180_000);
  }

  it("the candidate's private task page fits a phone, before and after a validation error", async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: WIDTH, height: 800 } });
    const path = new URL(world.taskLink).pathname;
    const visited: string[] = [];
    const problems = await crawl(context, path, visited);
    expect(visited).toContain(path);
    expect(report(problems)).toBe('');
    // An empty form: the error summary and the messages next to the fields must fit too.
    const page = await context.newPage();
    await page.goto(world.taskLink);
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await page.waitForSelector('.error-summary', { timeout: WAIT });
    const after = await measure(page);
    expect(after.offenders).toEqual([]);
    expect(after.width).toBeLessThanOrEqual(WIDTH);
    await context.close();
  });
});
