import { readFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES, type RouteDef } from '../../src/web/routes.js';
import { vacancyForm } from '../helpers/factories.js';
import { buildWorld, type Persona, type PersonaName, type World } from '../helpers/world.js';

// Deterministic fuzzing of every form and API route of one populated app: malformed payloads of
// many families (wrong types, huge strings, unicode edge cases, missing and duplicated fields, SQL
// and HTML fragments, wrong content types...) sent as the persona the route is for, with a valid
// CSRF token (and a few without). Every answer must be a clear one: no 5xx, no stack trace, a
// 4xx carrying a message (field error, error page, JSON error), or an acceptance (2xx/3xx).

// ---- A small deterministic PRNG (mulberry32) --------------------------------------------------

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof prng>;

// ---- Payload model ------------------------------------------------------------------------------

/** A form value: text (percent-encoded here, lone surrogates as WTF-8 bytes) or raw bytes sent verbatim. */
type Val = string | { raw: string };
type Pair = [string, Val];

type Body =
  | { type: 'form'; pairs: Pair[] }
  | { type: 'json'; value: unknown }
  | { type: 'raw'; contentType: string; text: string }
  | { type: 'multipart'; pairs: [string, string][]; files: { field: string; name: string; buf: Buffer }[] };

interface Payload {
  family: string;
  body?: Body;
  /** Raw query string (without '?') for GET routes. */
  query?: string;
  csrf: 'body' | 'header' | 'none' | 'wrong' | 'array';
  /** Overrides for path params (raw, sent verbatim). */
  params?: Record<string, string>;
  accept?: 'html' | 'json';
  /** Exact status the payload must get (e.g. 403 without a CSRF token, 400 for broken JSON). */
  expect?: number;
  /** Sent by someone other than the route's usual persona (e.g. a signed-in user on GET /login?next=). */
  persona?: PersonaName;
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** encodeURIComponent that does not throw on lone surrogates: they go out as their 3-byte (WTF-8) form. */
function enc(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += encodeURIComponent(s.slice(i, i + 2));
        i += 1;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 0x3f)) + hex(0x80 | (c & 0x3f));
      continue;
    }
    out += encodeURIComponent(s[i]!);
  }
  return out;
}

const encodePairs = (pairs: Pair[]) =>
  pairs.map(([k, v]) => `${enc(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${typeof v === 'string' ? enc(v) : v.raw}`).join('&');

// ---- Nasty values -------------------------------------------------------------------------------

const SQL = [
  "' OR 1=1 --",
  '"); DROP TABLE candidates; --',
  "'; DELETE FROM users; --",
  "' UNION SELECT password_hash, username FROM users --",
  "1; UPDATE users SET role = 'admin'",
  "admin'--",
  '" OR ""="',
  '*) OR (1=1',
  'NEAR("a" "b") OR x*', // FTS5 syntax
  '%_%',
];
const HTML = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  '<%= process.env %>',
  '{{constructor.constructor("alert(1)")()}}',
  '</textarea><script>alert(1)</script>',
  '<a href="//evil.example">x</a>',
];
/** What must never come back unescaped in an HTML page. */
const XSS_MARKERS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>'];
const UNICODE = [
  '\u202Eevil.exe\u202C', // RTL override
  '\u200F\u200E\u061C', // RTL/LTR marks
  'a\u200Db\u200Cc\u2060d', // zero-width joiner, non-joiner, word joiner
  '👩‍👩‍👧‍👦🔥🇷🇺', // emoji sequences
  '\ud800', // lone high surrogate
  'x\udc00y', // lone low surrogate
  'nul\u0000byte',
  '\u0000',
  'e\u0301\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  'Z̷̢̛͓̗a̸̢̛l̵g̶o̷',
  '\uFEFFbom',
  '\u2028\u2029',
  '\u0001\u0002\u001b[31m\u007f',
  'Ё'.repeat(300),
  'ＡＢＣ　全角',
  'İıſK', // case-folding oddities
  '\r\n\r\n',
  '   ',
];
const NUMBERS = [
  '-1',
  '0',
  '-0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '9007199254740993',
  '1.5',
  '0x1F',
  '1,5',
  ' 3 ',
  '1e-400',
  '+5',
  '3abc',
  '١٢٣',
];
const DATES = [
  '9999-99-99',
  '2024-02-30',
  '0000-00-00',
  '2024-13-01',
  '+275760-09-13',
  '1970-01-01',
  '2024-1-1',
  '01.02.2024',
  '2024-02-29T25:00',
  '-001-01-01',
];
const RAW_ENCODINGS = ['%ZZ', '%', '%E', '%FF%FE', '%ED%A0%80', '%C0%AF', '%00', '%E2%80%AE', 'a%2', '%%%'];
const EVIL_NEXT = [
  '//evil.example',
  '/\\evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  '/%2F%2Fevil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\\/evil.example',
];
const PATH_JUNK = [
  '0',
  '-1',
  '1e3',
  '99999999999999999999',
  'abc',
  "1'%20OR%20'1'='1",
  '%00',
  '%ZZ',
  '..%2F..%2Fetc%2Fpasswd',
  '1.5',
  '%F0%9F%94%A5',
  'K-AAA',
];

// ---- Routes: who sends what ---------------------------------------------------------------------

const key = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

interface Ctx {
  w: World;
  gradingCriteria: string[];
  rateable: string[];
}

function flatten(obj: Record<string, unknown>, prefix = ''): Pair[] {
  const out: Pair[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix ? `${prefix}[${k}]` : k;
    if (Array.isArray(v)) for (const x of v) out.push([name, String(x)]);
    else if (v && typeof v === 'object') out.push(...flatten(v as Record<string, unknown>, name));
    else out.push([name, String(v ?? '')]);
  }
  return out;
}

const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');

/** A plausible, mostly valid body per route: the mutations start from it. Unknown routes get a generic one. */
function baseFields(route: RouteDef, c: Ctx): Pair[] {
  const { w } = c;
  const scorecard = (): Pair[] => {
    const row = w.t.db
      .prepare('SELECT version FROM scorecards WHERE interview_id = ? AND interviewer_id = ?')
      .get(w.ids.interviewId, w.personas.interviewer.userId) as { version: number } | undefined;
    return [
      ['version', String(row?.version ?? 0)],
      ['action', 'save'],
      [`notes[k${w.ids.kitItemId}]`, 'Говорит уверенно'],
      ...c.rateable.slice(0, 3).map((r): Pair => [`ratings[${r}]`, '3']),
      ['recommendation', 'yes'],
      ['summary', 'Итог'],
    ];
  };
  switch (key(route)) {
    case 'POST /login':
      return [
        ['username', 'nobody'],
        ['password', 'wrong-password-1'],
        ['next', '/vacancies'],
      ];
    case 'POST /lang':
      return [
        ['lang', 'en'],
        ['next', '/'],
      ];
    case 'POST /vacancies':
    case 'POST /vacancies/:id':
      return flatten(vacancyForm({ title_en: 'Fuzz KAM', title_ru: 'Фазз КАМ', department: 'Логистика' }));
    case 'POST /vacancies/:id/status':
      return [['status', 'open']];
    case 'POST /vacancies/:id/checklist':
    case 'POST /vacancies/:id/checklist/:itemId':
      return [
        ['label_ru', 'Опыт с X5'],
        ['label_en', 'X5 experience'],
        ['hint_ru', ''],
        ['hint_en', ''],
        ['kind', 'nice_to_have'],
        ['weight', '2'],
        ['keywords', 'X5, Пятёрочка'],
      ];
    case 'POST /vacancies/:id/verdict-policy': {
      const rows = w.t.db.prepare('SELECT id, kind FROM vacancy_checklist_items WHERE vacancy_id = ?').all(w.ids.vacancyId) as {
        id: number;
        kind: string;
      }[];
      return [...rows.map((r): Pair => [`kind_${r.id}`, r.kind]), ['min_required', '1']];
    }
    case 'POST /vacancies/:id/checklist/:itemId/move':
    case 'POST /interviews/:id/kit/:kitId/move':
      return [['direction', 'down']];
    case 'POST /vacancies/:id/candidates':
      return [
        ['full_name', 'Иван Фаззов'],
        ['email', 'ivan.fuzz@example.ru'],
        ['phone', '+7 999 111-22-33'],
        ['source', 'hh'],
        ['resume_text', RESUME.slice(0, 3000)],
        ['cover_letter', ''],
        ['consent', '1'],
        ['consent_date', today()],
      ];
    case 'POST /candidates/:id/items/:key':
      return [['status', 'met']];
    case 'POST /candidates/:id/decision':
      return [
        ['decision', 'pass'],
        ['reason', 'Strong background'],
      ];
    case 'POST /candidates/:id/stage':
      return [
        ['stage', 'interview'],
        ['stage_reason', 'Next round'],
      ];
    case 'POST /candidates/:id/interviews':
      return [
        ['stage', 'final'],
        ['date', future(2)],
        ['time', '11:00'],
        ['duration_min', '60'],
        ['location', 'Room 1'],
        ['interviewers', String(w.personas.interviewer.userId)],
      ];
    case 'POST /interviews/:id/kit':
      return [['item', 'case:case-price-undercut']];
    case 'POST /interviews/:id/scorecard':
    case 'POST /interviews/:id/scorecard/draft':
      return scorecard();
    case 'POST /interviews/:id/scorecard/amend':
      return [['reason', 'Перепутал оценки']];
    case 'POST /candidates/:id/assignments':
      return [
        ['item', 'task:task-sales-plan'],
        ['lang', 'en'],
        ['date', future(4)],
        ['time', '18:00'],
        ['grace_hours', '24'],
        ['graders', String(w.personas.grader_head.userId)],
        ['brief', ''],
      ];
    case 'POST /assignments/:id/deadline':
      return [
        ['date', future(5)],
        ['time', '18:00'],
      ];
    case 'POST /assignments/:id/graders':
      return [['user_id', String(w.personas.department_head.userId)]];
    case 'POST /assignments/:id/unblind':
      return [['reason', 'Final discussion']];
    case 'POST /t/:token':
      return [
        ['body', 'Моё решение: план продаж на квартал.'],
        ['link', ''],
        ['idempotency_key', 'fuzzkey-0000000000001'],
      ];
    case 'POST /grading/:code':
      return [...c.gradingCriteria.map((id): Pair => [`scores[${id}]`, '3']), ['comment', 'Хорошая структура']];
    case 'POST /candidates/:id/erase':
      return [['confirm', 'Not the candidate name']];
    case 'POST /mail-templates/:template':
      return [
        ['action', 'preview'],
        ['subject', 'About {{vacancy.title}}'],
        ['body', 'Dear {{candidate.first_name}},\n\nthank you.'],
      ];
    case 'POST /candidates/:id/lang':
      return [['lang', 'en']];
    case 'POST /admin/privacy':
      return [['months', '24']];
    case 'POST /admin/users':
      return [
        ['username', 'fuzz_user'],
        ['display_name', 'Fuzz User'],
        ['email', 'fuzz@example.com'],
        ['role', 'interviewer'],
        ['department', ''],
        ['password', ''],
      ];
    case 'POST /admin/users/:id':
      return [
        ['display_name', 'Target User'],
        ['email', ''],
        ['role', 'interviewer'],
        ['department', ''],
      ];
    case 'POST /admin/users/:id/password':
      return [['password', '']];
    case 'POST /account/password':
      return [
        ['current', 'not-the-current-password'],
        ['password', 'a-new-password-123'],
        ['confirm', 'a-new-password-123'],
      ];
    case 'POST /admin/settings':
      return [
        ['company_ru', 'ООО «Пример»'],
        ['company_en', 'Primer LLC'],
        ['contact_ru', 'Ольга, HR'],
        ['contact_en', 'Olga, HR'],
        ['email', 'hr@example.com'],
        ['phone', '+7 495 000-00-00'],
      ];
    case 'GET /login':
      return [['next', '/vacancies']];
    case 'GET /bank':
      return [
        ['lang', 'en'],
        ['kind', 'question'],
        ['competency', 'negotiation'],
        ['type', 'behavioral'],
        ['q', 'price'],
      ];
    case 'GET /vacancies/:id/candidates':
      return [
        ['stage', 'interview'],
        ['verdict', 'pass'],
        ['source', 'hh'],
        ['q', 'переговоры'],
        ['sort', 'name'],
        ['page', '1'],
      ];
    case 'GET /vacancies/:id/compare':
      return [
        ['ids', `${w.ids.candidateId},2`],
        ['sort', 'fit'],
      ];
    case 'GET /vacancies/:id/export.csv':
      return [['sep', 'comma']];
    case 'GET /api/vacancies/:id/candidates':
      return [['page', '1']];
    case 'GET /admin/audit':
      return [
        ['action', 'login.failed'],
        ['user', '1'],
        ['subject', 'user:nobody'],
        ['from', '2024-01-01'],
        ['to', future(1)],
        ['page', '1'],
      ];
    default:
      return route.method === 'post' ? [['value', 'x']] : [];
  }
}

/** GET routes whose query string is part of their interface (lists, filters, API). */
const QUERY_ROUTES = new Set([
  'GET /login',
  'GET /bank',
  'GET /vacancies/:id/candidates',
  'GET /vacancies/:id/compare',
  'GET /vacancies/:id/export.csv',
  'GET /api/vacancies/:id/candidates',
  'GET /admin/audit',
]);

/** Routes that hash a password (scrypt, ~60 ms): kept to a few dozen payloads each. */
const SCRYPT_CAP: Record<string, number> = {
  'POST /login': 45,
  'POST /admin/users': 30,
  'POST /admin/users/:id/password': 30,
  'POST /account/password': 30,
  'POST /logout': 6,
};

function personaFor(route: RouteDef): PersonaName {
  if (route.path === '/logout') return 'unassigned_interviewer'; // signs out: a persona nobody else uses
  if (route.access === 'public') return 'anonymous';
  // Row-level: only an assigned interviewer has a scorecard, only an assigned grader reaches a grading page.
  if (route.path.startsWith('/interviews/:id/scorecard')) return 'interviewer';
  if (route.path.startsWith('/grading')) return 'grader_head';
  if (route.access === 'authenticated') return 'hr';
  if (route.access.includes('hr')) return 'hr';
  if (route.access.includes('admin')) return 'admin';
  return 'interviewer';
}

/** Path params: the world's rows; vacancy edits go to the other department's vacancy so access stays as built. */
function fillPath(route: RouteDef, w: World, over: Record<string, string> = {}): string {
  const segs = route.path.split('/');
  return segs
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg;
      const name = seg.slice(1);
      if (name in over) return over[name]!;
      const before = segs[i - 1] ?? '';
      const edit = route.method === 'post' && (route.path === '/vacancies/:id' || route.path === '/vacancies/:id/status');
      const ids: Record<string, number> = {
        vacancies: edit ? w.ids.otherVacancyId : w.ids.vacancyId,
        candidates: w.ids.candidateId,
        interviews: w.ids.interviewId,
        assignments: w.ids.assignmentId,
        users: w.ids.targetUserId,
        'decision-reasons': w.ids.reasonId,
        outbox: w.ids.outboxId,
      };
      const byName: Record<string, () => string | number | undefined> = {
        id: () => (segs[1] === 'bank' ? w.ids.bankId : ids[before]),
        index: () => 0,
        template: () => 'rejection.en',
        lang: () => w.ids.bankLang,
        itemId: () => (route.path.endsWith('/delete') ? w.freshChecklistItem() : w.ids.checklistItemId),
        kitId: () => (route.path.endsWith('/delete') ? (w.freshKitItem() ?? w.ids.kitItemId) : w.ids.kitItemId),
        key: () => w.ids.checklistKey,
        code: () => w.ids.code,
        token: () => (segs[1] === 'consent' ? w.ids.consentToken : w.ids.token),
        feed: () => `${w.ids.feedToken}.ics`,
        slotToken: () => w.ids.slotToken,
        fileId: () => w.ids.submissionFileId,
      };
      const v = byName[name]?.();
      if (v === undefined) throw new Error(`fuzz: no world value for :${name} in ${route.path} — teach test/http/fuzz.test.ts about it`);
      return encodeURIComponent(String(v));
    })
    .join('/');
}

// ---- Generating payloads ------------------------------------------------------------------------

// The plausible body goes last (it may change state: a grade given, a submission made), followed by one
// malformed payload against that changed state.
const POST_FAMILIES = [
  'missing-one',
  'missing-all',
  'array',
  'object',
  'deep-object',
  'duplicate',
  'sql',
  'html',
  'unicode',
  'unicode-all',
  'raw-encoding',
  'number-edge',
  'date-edge',
  'huge-100k',
  'huge-1mb',
  'json-typed',
  'json-lone-surrogate',
  'json-invalid',
  'json-form',
  'json-array',
  'text-plain',
  'multipart-junk',
  'multipart-no-boundary',
  'too-many-params',
  'proto-pollution',
  'long-line',
  'no-csrf',
  'wrong-csrf',
  'csrf-array',
  'path-param',
  'accept-json',
  'open-redirect',
  'valid-base',
  'after-valid',
] as const;
const GET_FAMILIES = [
  'valid-base',
  'missing-all',
  'duplicate',
  'bracket-keys',
  'sql',
  'html',
  'unicode',
  'raw-encoding',
  'number-edge',
  'date-edge',
  'huge-8k',
  'huge-64k',
  'proto-pollution',
  'open-redirect',
  'path-param',
  'accept-json',
  'junk',
] as const;

function mutateOne(base: Pair[], rng: Rng, value: (old: string) => Val): Pair[] {
  if (base.length === 0) return [['x', value('')]];
  const i = rng.int(base.length);
  return base.map(([k, v], j): Pair => (j === i ? [k, value(typeof v === 'string' ? v : '')] : [k, v]));
}

/** Fields as a JSON object with their types scrambled (numbers, null, booleans, arrays, objects). */
function scrambledJson(base: Pair[], rng: Rng, lone: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const kinds: (() => unknown)[] = [
    () => 42,
    () => -1,
    () => 1e308,
    () => null,
    () => true,
    () => [],
    () => ['a', 'b'],
    () => ({}),
    () => ({ nested: { deep: [1, { x: null }] } }),
    () => '',
    () => (lone ? '\ud800\udfff\udc00' : 'text'),
  ];
  for (const [k, v] of base)
    out[k.replace(/\[.*$/, '')] = rng.next() < 0.6 ? rng.pick(kinds)() : typeof v === 'string' ? (lone ? `${v}\ud800` : v) : '';
  return out;
}

function jsonOf(base: Pair[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of base) {
    const s = typeof v === 'string' ? v : '';
    const m = /^([^[]+)\[([^\]]+)\](?:\[([^\]]+)\])?$/.exec(k);
    if (m) {
      const top = (out[m[1]!] ??= {}) as Record<string, unknown>;
      if (m[3]) ((top[m[2]!] ??= {}) as Record<string, unknown>)[m[3]] = s;
      else top[m[2]!] = s;
    } else if (k in out) {
      const prev = out[k];
      out[k] = Array.isArray(prev) ? [...(prev as unknown[]), s] : [prev, s];
    } else {
      out[k] = s;
    }
  }
  return out;
}

function postPayload(family: (typeof POST_FAMILIES)[number], base: Pair[], rng: Rng, route: RouteDef): Payload {
  const form = (pairs: Pair[], csrf: Payload['csrf'] = 'body', expect?: number): Payload => ({
    family,
    body: { type: 'form', pairs },
    csrf,
    expect,
  });
  switch (family) {
    case 'valid-base':
      return form(base);
    case 'missing-one':
      return form(base.filter((_, i) => i !== rng.int(Math.max(1, base.length))));
    case 'missing-all':
    case 'after-valid':
      return form([]);
    case 'array': {
      const [k] = rng.pick(base.length ? base : [['x', ''] as Pair]);
      return form([...base.filter(([n]) => n !== k), [`${k}[]`, '1'], [`${k}[]`, '2']]);
    }
    case 'object': {
      const [k] = rng.pick(base.length ? base : [['x', ''] as Pair]);
      return form([...base.filter(([n]) => n !== k), [`${k}[b]`, 'c'], [`${k}[length]`, '99']]);
    }
    case 'deep-object': {
      const [k] = rng.pick(base.length ? base : [['x', ''] as Pair]);
      return form([...base.filter(([n]) => n !== k), [`${k}[a][b][c][d][e][f][g][h]`, '1']]);
    }
    case 'duplicate':
      return form([...base, ...base.map(([k]): Pair => [k, rng.pick(['a', 'b', '', '0'])])]);
    case 'sql':
      return form(mutateOne(base, rng, () => rng.pick(SQL)));
    case 'html':
      return form(mutateOne(base, rng, () => rng.pick(HTML)));
    case 'unicode':
      return form(mutateOne(base, rng, (old) => `${old}${rng.pick(UNICODE)}`));
    case 'unicode-all':
      return form(base.map(([k]): Pair => [k, rng.pick(UNICODE)]));
    case 'raw-encoding':
      return form(mutateOne(base, rng, () => ({ raw: rng.pick(RAW_ENCODINGS) })));
    case 'number-edge':
      return form(
        base.map(([k, v]): Pair => [k, /^-?\d/.test(typeof v === 'string' ? v : '') || rng.next() < 0.3 ? rng.pick(NUMBERS) : v]),
      );
    case 'date-edge':
      return form(base.map(([k, v]): Pair => [k, /date|from|to/.test(k) || rng.next() < 0.2 ? rng.pick(DATES) : v]));
    case 'huge-100k':
      return form(mutateOne(base, rng, () => 'Я'.repeat(50_000) + 'x'.repeat(50_000)));
    case 'huge-1mb':
      return form(
        mutateOne(base, rng, () => 'A'.repeat(1024 * 1024)),
        'body',
        413,
      );
    case 'json-typed':
      return { family, body: { type: 'json', value: scrambledJson(base, rng, false) }, csrf: 'body' };
    case 'json-lone-surrogate':
      return { family, body: { type: 'json', value: scrambledJson(base, rng, true) }, csrf: 'body' };
    case 'json-invalid':
      return {
        family,
        body: {
          type: 'raw',
          contentType: 'application/json',
          text: rng.pick(['{"a":', '{"a": 1,}', "{'a': 1}", '{"a": NaN}', '[1, 2', '\u0000', '{"__proto__": ']),
        },
        csrf: 'header',
        expect: 400,
      };
    case 'json-form':
      return { family, body: { type: 'json', value: jsonOf(base) }, csrf: 'body' };
    case 'json-array':
      return { family, body: { type: 'json', value: [jsonOf(base), 1, null] }, csrf: 'header' };
    case 'text-plain':
      return {
        family,
        body: {
          type: 'raw',
          contentType: rng.pick(['text/plain', 'application/xml', 'application/octet-stream']),
          text: encodePairs(base),
        },
        csrf: 'header',
      };
    case 'multipart-junk':
      return {
        family,
        body: {
          type: 'raw',
          contentType: 'multipart/form-data; boundary=XyZ',
          text: `--XyZ\r\nContent-Disposition: form-data; name="${base[0]?.[0] ?? 'x'}"\r\n\r\nvalue\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 junk`,
        },
        csrf: 'header',
      };
    case 'multipart-no-boundary':
      return {
        family,
        body: { type: 'raw', contentType: 'multipart/form-data', text: 'junk without any boundary\r\n\r\n' },
        csrf: 'header',
      };
    case 'too-many-params':
      return form([...base, ...Array.from({ length: 2100 }, (_, i): Pair => [`p${i}`, '1'])], 'body', 413);
    case 'proto-pollution':
      return form([
        ...base,
        ['__proto__[role]', 'admin'],
        ['constructor[prototype][role]', 'admin'],
        ['__proto__', 'x'],
        ['hasOwnProperty', 'x'],
        ['toString', 'x'],
      ]);
    case 'long-line':
      return form(mutateOne(base, rng, () => `${'слово '.repeat(3000)}${'\n'.repeat(3000)}`));
    case 'no-csrf':
      return form(base, 'none', 403);
    case 'wrong-csrf':
      return form(base, 'wrong', 403);
    case 'csrf-array':
      return form(base, 'array', 403);
    case 'path-param': {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (names.length === 0) return form(mutateOne(base, rng, () => rng.pick(SQL)));
      return { family, body: { type: 'form', pairs: base }, csrf: 'body', params: { [rng.pick(names)]: rng.pick(PATH_JUNK) } };
    }
    case 'accept-json':
      return {
        family,
        body: { type: 'form', pairs: mutateOne(base, rng, () => rng.pick([...SQL, ...HTML])) },
        csrf: 'body',
        accept: 'json',
      };
    case 'open-redirect':
      return form([...base.filter(([k]) => k !== 'next'), ['next', rng.pick(EVIL_NEXT)]]);
  }
}

/** Routes with their own multipart parser (file uploads) also get what a browser or a tampered client uploads. */
const MULTIPART_FAMILIES = [
  'multipart-valid',
  'multipart-nested',
  'multipart-unicode',
  'multipart-bad-file',
  'multipart-nul-filename',
  'multipart-many-files',
  'multipart-empty-file',
  'multipart-huge-field',
  'multipart-no-csrf',
] as const;

function multipartPayload(family: (typeof MULTIPART_FAMILIES)[number], base: Pair[], rng: Rng, fileField: string): Payload {
  const fields = base.map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : '']);
  const mp = (
    pairs: [string, string][],
    files: { field: string; name: string; buf: Buffer }[] = [],
    csrf: Payload['csrf'] = 'body',
    expect?: number,
  ): Payload => ({
    family,
    body: { type: 'multipart', pairs, files },
    csrf,
    expect,
  });
  switch (family) {
    case 'multipart-valid':
      return mp(fields);
    case 'multipart-nested':
      return mp([...fields, [`${fields[0]?.[0] ?? 'x'}[a][b]`, 'c'], ['__proto__[role]', 'admin'], [fields[0]?.[0] ?? 'x', 'dup']]);
    case 'multipart-unicode':
      return mp(fields.map(([k]): [string, string] => [k, rng.pick(UNICODE)]));
    case 'multipart-bad-file':
      return mp(fields, [
        {
          field: fileField,
          name: rng.pick(['../../etc/passwd.pdf', '<script>alert(1)</script>.pdf', 'résumé 📄.txt', `${'a'.repeat(300)}.pdf`]),
          buf: Buffer.from(rng.pick(['%PDF-1.4 junk', 'PK\u0003\u0004junk', 'MZ\u0090\u0000', '\u0000\u0000\u0000'])),
        },
      ]);
    case 'multipart-nul-filename':
      return mp(fields, [{ field: fileField, name: 'cv\u0000.pdf', buf: Buffer.from('%PDF-1.4 junk') }]);
    case 'multipart-many-files':
      return mp(
        fields,
        Array.from({ length: 7 }, (_, i) => ({ field: fileField, name: `f${i}.txt`, buf: Buffer.from(`file ${i}`) })),
      );
    case 'multipart-empty-file':
      return mp(fields, [{ field: rng.pick([fileField, 'unexpected']), name: 'empty.pdf', buf: Buffer.alloc(0) }]);
    case 'multipart-huge-field':
      return mp(fields.map(([k], i): [string, string] => [k, i === 0 ? 'B'.repeat(1024 * 1024 + 10) : 'x']));
    case 'multipart-no-csrf':
      return mp(fields, [], 'none', 403);
  }
}

function getPayload(family: (typeof GET_FAMILIES)[number], base: Pair[], rng: Rng, route: RouteDef): Payload {
  const q = (pairs: Pair[]): Payload => ({ family, query: encodePairs(pairs), csrf: 'none' });
  switch (family) {
    case 'valid-base':
      return q(base);
    case 'missing-all':
      return q([]);
    case 'duplicate':
      return q([...base, ...base.map(([k]): Pair => [k, rng.pick(['x', '', '0', 'name'])])]);
    case 'bracket-keys':
      return { family, query: `page=-1&sort[]=x&q=%ZZ&${base.map(([k]) => `${k}[]=1&${k}[a]=b`).join('&')}`, csrf: 'none' };
    case 'sql':
      return q(mutateOne(base, rng, () => rng.pick(SQL)));
    case 'html':
      return q(mutateOne(base, rng, () => rng.pick(HTML)));
    case 'unicode':
      return q(base.length ? base.map(([k]): Pair => [k, rng.pick(UNICODE)]) : [['q', rng.pick(UNICODE)]]);
    case 'raw-encoding':
      return q(mutateOne(base, rng, () => ({ raw: rng.pick(RAW_ENCODINGS) })));
    case 'number-edge':
      return q([
        ...base.filter(([k]) => !/page|user|ids/.test(k)),
        ['page', rng.pick(NUMBERS)],
        ['ids', `${rng.pick(NUMBERS)},${rng.pick(NUMBERS)}`],
        ['user', rng.pick(NUMBERS)],
      ]);
    case 'date-edge':
      return q([...base.filter(([k]) => !/from|to/.test(k)), ['from', rng.pick(DATES)], ['to', rng.pick(DATES)]]);
    case 'huge-8k':
      return q(mutateOne(base, rng, () => 'q'.repeat(8000)));
    case 'huge-64k':
      // Beyond Node's header limit: the HTTP server itself answers 431.
      return { ...q(mutateOne(base, rng, () => 'q'.repeat(65_536))), expect: 431 };
    case 'proto-pollution':
      return { family, query: `${encodePairs(base)}&__proto__[x]=1&constructor[prototype][x]=1&toString=1`, csrf: 'none' };
    case 'open-redirect':
      // A signed-in user on /login is sent straight to `next`: that is where an open redirect would be.
      return {
        ...q([...base.filter(([k]) => k !== 'next'), ['next', rng.pick(EVIL_NEXT)]]),
        persona: route.path === '/login' ? 'hr' : undefined,
      };
    case 'path-param': {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (names.length === 0)
        return q([
          ['page', '-1'],
          ['sort', "' OR 1=1 --"],
        ]);
      return { family, query: encodePairs(base), csrf: 'none', params: { [rng.pick(names)]: rng.pick(PATH_JUNK) } };
    }
    case 'accept-json':
      return { ...q(mutateOne(base, rng, () => rng.pick(SQL))), accept: 'json' };
    case 'junk':
      return {
        family,
        query: rng.pick(['page=-1&sort[]=x&q=%ZZ', '&&&==&=', '%', '?????', 'a=1&a=2&a[]=3&a[b]=4', `${'k'.repeat(2000)}=v`]),
        csrf: 'none',
      };
  }
}

// ---- Sending and judging ------------------------------------------------------------------------

/** Counter for the X-Forwarded-For addresses /login and /t/:token payloads come from. */
let fwd = 1;

async function send(route: RouteDef, p: Persona, w: World, pl: Payload): Promise<Response> {
  const path = fillPath(route, w, pl.params);
  const accept = pl.accept === 'json' || route.path.endsWith('/draft') ? 'application/json' : 'text/html';
  if (route.method === 'get') return p.agent.get(pl.query ? `${path}?${pl.query}` : path).set('Accept', accept);
  let req = p.agent.post(path).set('Accept', accept);
  const token = pl.csrf === 'wrong' ? `${p.csrf.slice(0, -2)}xx` : p.csrf;
  if (pl.csrf === 'header') req = req.set('X-CSRF-Token', token);
  // /login and take-home submissions are limited per address: each payload comes from its own (trusted-proxy) address.
  if (route.path === '/login' || route.path === '/t/:token')
    req = req.set('X-Forwarded-For', `10.${(fwd >> 16) & 255}.${(fwd >> 8) & 255}.${fwd++ & 255}`);
  const body = pl.body ?? { type: 'form', pairs: [] };
  const csrfPairs = (): Pair[] =>
    pl.csrf === 'body' || pl.csrf === 'wrong'
      ? [['_csrf', token]]
      : pl.csrf === 'array'
        ? [
            ['_csrf[]', p.csrf],
            ['_csrf[]', p.csrf],
          ]
        : [];
  switch (body.type) {
    case 'form':
      return req.set('Content-Type', 'application/x-www-form-urlencoded').send(encodePairs([...csrfPairs(), ...body.pairs]));
    case 'json': {
      const v = body.value;
      const withCsrf =
        pl.csrf === 'body' && v && typeof v === 'object' && !Array.isArray(v) ? { _csrf: token, ...(v as Record<string, unknown>) } : v;
      if (pl.csrf === 'body' && Array.isArray(v)) req = req.set('X-CSRF-Token', token);
      return req.set('Content-Type', 'application/json').send(JSON.stringify(withCsrf));
    }
    case 'raw':
      return req.set('Content-Type', body.contentType).send(body.text);
    case 'multipart': {
      for (const [k, v] of [...csrfPairs().map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : '']), ...body.pairs])
        req = req.field(k, v);
      for (const f of body.files) req = req.attach(f.field, f.buf, f.name);
      return req;
    }
  }
}

const LOCALES = ['en', 'ru'].map((l) => JSON.parse(readFileSync(`locales/${l}/errors.json`, 'utf8')) as { errors: Record<string, string> });
const GO_HOME = LOCALES.map((l) => l.errors.go_home!).filter(Boolean);

/** An i18n key shown instead of its text (e.g. "errors.bad_request"): not a clear message. */
const I18N_KEY = /^[a-z_]+\.[a-z0-9_.]+$/;

function isHtml(res: Response) {
  return String(res.headers['content-type'] ?? '').includes('text/html');
}

/** Null when the answer is a clear one; otherwise what is wrong with it. */
function judge(res: Response, pl: Payload): string | null {
  const s = res.status;
  const text = typeof res.text === 'string' ? res.text : '';
  if (s >= 500) return `${s} server error`;
  if (/^\s*at .+:\d+:\d+\)?$/m.test(text) || /\/(?:src|node_modules)\/[\w./-]+\.(?:ts|js):\d+/.test(text)) return 'stack trace in the body';
  if (/(?:^|[^\w])(?:\w*Error): /.test(text.replace(/<[^>]+>/g, ' '))) return '"Error:" in the body';
  if (isHtml(res)) for (const m of XSS_MARKERS) if (text.includes(m)) return `unescaped ${m} in the HTML`;
  if (pl.expect !== undefined && s !== pl.expect) return `expected ${pl.expect}, got ${s}`;
  if (s >= 300 && s < 400) {
    const to = String(res.headers.location ?? '');
    if (!/^\/(?![/\\])/.test(to)) return `redirect off the site: ${to || '(no location)'}`;
    return null;
  }
  if (s >= 400) {
    if (s === 431 || s === 414) return null; // refused by Node's HTTP parser before the app
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json')) {
      const b = res.body as { error?: unknown; reason?: unknown } | null;
      if (!b || (typeof b.error !== 'string' && typeof b.reason !== 'string')) return `JSON ${s} without an error: ${text.slice(0, 120)}`;
      if (typeof b.error === 'string' && I18N_KEY.test(b.error)) return `JSON ${s} with an untranslated message key: ${b.error}`;
      return null;
    }
    if (isHtml(res)) {
      const key = />\s*((?:errors|auth|submission|grading|privacy|scorecard|candidates|extract)\.[a-z_.]+)\s*</.exec(text);
      if (key) return `HTML ${s} with an untranslated message key: ${key[1]}`;
      const clear =
        text.includes('class="field-error"') ||
        text.includes('class="error-summary"') ||
        text.includes('<section class="conflict-box" role="alert"') ||
        text.includes('<div class="warning-box" role="alert">') ||
        GO_HOME.some((g) => text.includes(g));
      return clear ? null : `HTML ${s} without an error message`;
    }
    return text.trim() ? null : `${s} with an empty body`;
  }
  return null;
}

// ---- The run --------------------------------------------------------------------------------------

describe('fuzzing every form and API route', () => {
  let w: World;
  const ctx = {} as Ctx;
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const perRoute = new Map<string, { sent: number; statuses: Map<number, number> }>();
  const problems: string[] = [];
  let total = 0;
  let fiveXX = 0;
  let integrity = 'not checked';

  beforeAll(async () => {
    w = await buildWorld();
    ctx.w = w;
    const grading = await w.personas.grader_head.agent.get(`/grading/${w.ids.code}`);
    ctx.gradingCriteria = [...new Set([...grading.text.matchAll(/name="scores\[([a-z0-9_-]+)\]"/g)].map((m) => m[1]!))];
    const card = await w.personas.interviewer.agent.get(`/interviews/${w.ids.interviewId}/scorecard`);
    ctx.rateable = [...new Set([...card.text.matchAll(/name="ratings\[([a-z_]+)\]"/g)].map((m) => m[1]!))];
    if (ctx.gradingCriteria.length === 0 || ctx.rateable.length === 0)
      throw new Error('fuzz: could not read the grading criteria or the competencies to rate');
  }, 60_000);

  afterAll(() => {
    spy.mockRestore();
    const rows = [...perRoute].map(
      ([k, v]) =>
        `${k} ${v.sent} [${[...v.statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}]`,
    );
    console.log(
      `[fuzz] payloads sent: ${total}; routes fuzzed: ${perRoute.size}; 5xx seen: ${fiveXX}; problems: ${problems.length}; integrity_check: ${integrity}\n  ${rows.join('\n  ')}`,
    );
  });

  it('answers at least 1,000 malformed payloads clearly, never with a 5xx, and leaves the database intact', async () => {
    const rng = prng(0x6b616d); // "kam"
    const posts = ROUTES.filter((r) => r.method === 'post');
    const gets = ROUTES.filter((r) => r.method === 'get');
    // Signing in is throttled and slow: /login goes last, after every persona's session is settled.
    const order = [...gets, ...posts.filter((r) => r.path !== '/login'), ...posts.filter((r) => r.path === '/login')];

    for (const route of order) {
      const k = key(route);
      const stats = { sent: 0, statuses: new Map<number, number>() };
      perRoute.set(k, stats);
      // Built when sent, so a plausible body carries the current state (e.g. the scorecard's version).
      const payloads: (() => Payload)[] = [];
      if (route.method === 'post') {
        const rounds = route.path === '/login' ? 2 : 1;
        for (let r = 0; r < rounds; r += 1)
          for (const f of POST_FAMILIES) payloads.push(() => postPayload(f, baseFields(route, ctx), rng, route));
        if (route.parse) {
          const fileField = route.path === '/t/:token' ? 'files' : 'file';
          for (const f of MULTIPART_FAMILIES) payloads.push(() => multipartPayload(f, baseFields(route, ctx), rng, fileField));
        }
      } else if (QUERY_ROUTES.has(k)) {
        for (let r = 0; r < 2; r += 1) for (const f of GET_FAMILIES) payloads.push(() => getPayload(f, baseFields(route, ctx), rng, route));
      } else {
        // Routes without a query interface still get junk queries and junk path params.
        for (const f of ['junk', 'bracket-keys', 'path-param', 'proto-pollution'] as const)
          payloads.push(() => getPayload(f, [], rng, route));
      }
      // Capped routes get an even spread of the families, not just the first few.
      const cap = Math.min(SCRYPT_CAP[k] ?? Infinity, payloads.length);
      const chosen = Array.from({ length: cap }, (_, i) => payloads[Math.floor((i * payloads.length) / cap)]!);
      for (const make of chosen) {
        const pl = make();
        const personaName = pl.persona ?? personaFor(route);
        if (route.path.includes(':token')) w.renewToken(); // HR may have regenerated the link
        const p = w.personas[personaName];
        const before = spy.mock.calls.length;
        let res: Response;
        try {
          res = await send(route, p, w, pl);
        } catch (e) {
          problems.push(`${k} [${pl.family}] request failed: ${(e as Error).message}`);
          continue;
        }
        total += 1;
        stats.sent += 1;
        stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) fiveXX += 1;
        const problem = judge(res, pl);
        if (problem) {
          const log = spy.mock.calls
            .slice(before)
            .map((args) => args.map((a) => (a instanceof Error ? (a.stack ?? String(a)) : String(a))).join(' '))
            .join('\n')
            .split('\n')
            .slice(0, 8)
            .join('\n      ');
          const sent = pl.body
            ? JSON.stringify(
                pl.body.type === 'form'
                  ? encodePairs(pl.body.pairs)
                  : pl.body.type === 'json'
                    ? pl.body.value
                    : pl.body.type === 'raw'
                      ? `${pl.body.contentType}: ${pl.body.text}`
                      : pl.body.pairs,
              ).slice(0, 200)
            : `?${(pl.query ?? '').slice(0, 200)}`;
          problems.push(
            `${p.name} ${k} [${pl.family}${pl.params ? ` params=${JSON.stringify(pl.params)}` : ''}${pl.csrf !== 'body' ? ` csrf=${pl.csrf}` : ''}] → ${problem}\n    sent: ${sent}${log ? `\n    server: ${log}` : ''}`,
          );
        }
        // A persona signed out by /logout signs in again for the next payload.
        if (route.path === '/logout' && res.status < 400) await w.relogin(personaName);
      }
    }

    integrity = String(w.t.db.pragma('integrity_check', { simple: true }));
    expect(integrity).toBe('ok');
    expect(w.t.db.pragma('foreign_key_check')).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1000);
    for (const r of ROUTES.filter((x) => x.method === 'post' || QUERY_ROUTES.has(key(x)))) {
      expect(perRoute.get(key(r))?.sent ?? 0, `${key(r)} fuzzed`).toBeGreaterThanOrEqual(5);
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
