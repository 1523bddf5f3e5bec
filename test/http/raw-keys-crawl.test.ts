import { beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom } from '../helpers/app.js';
import { buildWorld, type PersonaName, type World } from '../helpers/world.js';
import { readMessages } from '../../src/web/i18n.js';

// Signs in as each role, follows same-origin links from the home page (GET only, a cap per role) and
// fails when the visible text of a page shows a message key instead of a message, in both languages.

const AREAS = Object.keys(readMessages('en'));
/** `area.key` for a known area, or the general `word.word_word` shape of a key. */
const RAW_KEY = new RegExp(`(?<![\\w@./-])(?:(?:${AREAS.join('|')})\\.[a-z][a-z0-9_]*|[a-z]+\\.[a-z]+_[a-z0-9_]+)(?![\\w@/-]|\\.\\w)`, 'g');
const CAP = 50;

function visibleText(html: string): string {
  const attrs = [...html.matchAll(/\s(?:title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]).join(' ');
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return `${body} ${attrs}`
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function links(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*href="([^"#]*)(?:#[^"]*)?"/g)) {
    const href = (m[1] ?? '').replace(/&amp;/g, '&');
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, `http://kam.test${from}`);
    } catch {
      continue;
    }
    if (url.host !== 'kam.test') continue;
    out.push(url.pathname + url.search);
  }
  return out;
}

/** Pages that are the same page with another filter or sort: one of each is enough. */
const shape = (path: string) =>
  path.replace(/\d+/g, 'N').replace(/\?.*$/, (q) => `?${[...new URLSearchParams(q)].map(([k]) => k).join('&')}`);

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);

const ROLES: PersonaName[] = ['admin', 'hr', 'interviewer', 'department_head'];

describe('no raw message key on any crawled page', () => {
  for (const lang of ['ru', 'en'] as const) {
    for (const role of ROLES) {
      it(`${role}, ${lang}`, async () => {
        const p = w.personas[role];
        const agent = p.agent;
        const sw = await agent
          .post('/lang')
          .type('form')
          .send({ _csrf: csrfFrom((await agent.get('/')).text), lang, next: '/' });
        expect(sw.status).toBe(302);
        const seen = new Set<string>();
        const shapes = new Map<string, number>();
        const queue = ['/'];
        const found: string[] = [];
        let pages = 0;
        while (queue.length > 0 && pages < CAP) {
          const path = queue.shift() as string;
          if (seen.has(path)) continue;
          seen.add(path);
          const s = shape(path);
          if ((shapes.get(s) ?? 0) >= 2) continue;
          shapes.set(s, (shapes.get(s) ?? 0) + 1);
          const res = await agent.get(path).redirects(0);
          if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
          pages += 1;
          expect(res.headers['content-language'], path).toBe(lang);
          for (const m of visibleText(res.text).matchAll(RAW_KEY)) found.push(`${path}: ${m[0]}`);
          for (const l of links(res.text, path)) if (!seen.has(l)) queue.push(l);
        }
        expect(pages).toBeGreaterThan(role === 'interviewer' ? 3 : 8);
        expect([...new Set(found)]).toEqual([]);
      }, 60_000);
    }
  }
});
