import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES, type RouteDef } from '../../src/web/routes.js';
import { createApp } from '../../src/web/app.js';
import { openDatabase } from '../../src/db/connection.js';
import { loadConfig } from '../../src/config.js';
import { isAllowed, ROLES, type Role } from '../../src/domain/roles.js';
import { buildWorld, ROLE_PERSONAS, type Persona, type PersonaName, type World } from '../helpers/world.js';

// The access table in src/web/routes.ts is walked route by route, persona by persona: what each
// persona may do is derived from the route's declared access, narrowed by the row-level rules listed
// below (loaders: loadVacancy, loadInterview, loadForGrader...). A new route is exercised
// automatically; one whose path names something the world cannot fill fails fillPath, and one
// without a declared access makes createApp throw.

const key = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

/** The routes anyone may use. Declaring a route public is a decision: add it here on purpose. */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /login',
  'POST /login',
  'POST /lang',
  'GET /t/:token',
  'POST /t/:token',
  'GET /calendar/:feed',
  'GET /s/:slotToken',
  'POST /s/:slotToken',
  'GET /consent/:token',
  'POST /consent/:token',
];

type Params = Record<string, string | number>;

/** Fills :params with the world's rows: the entity is the one the path segment before the param names. */
function fillPath(path: string, w: World, override: Params = {}): string {
  const { ids } = w;
  const segments = path.split('/');
  return segments
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg;
      const name = seg.slice(1);
      if (name in override) return encodeURIComponent(String(override[name]));
      const before = segments[i - 1] ?? '';
      const value = ((): string | number | undefined => {
        switch (name) {
          case 'id':
            if (segments[1] === 'bank') return ids.bankId;
            return (
              {
                vacancies: ids.vacancyId,
                candidates: ids.candidateId,
                interviews: ids.interviewId,
                assignments: ids.assignmentId,
                users: ids.targetUserId,
                'decision-reasons': ids.reasonId,
                outbox: ids.outboxId,
              } as Record<string, number>
            )[before];
          case 'lang':
            return segments[1] === 'bank' ? ids.bankLang : undefined;
          case 'itemId':
            return before === 'checklist' ? (path.endsWith('/delete') ? w.freshChecklistItem() : ids.checklistItemId) : undefined;
          case 'kitId':
            return before === 'kit' ? (path.endsWith('/delete') ? w.freshKitItem() : ids.kitItemId) : undefined;
          case 'key':
            return before === 'items' ? ids.checklistKey : undefined;
          case 'code':
            return ids.code;
          case 'token':
            return segments[1] === 'consent' ? ids.consentToken : ids.token;
          case 'feed':
            return `${ids.feedToken}.ics`;
          case 'slotToken':
            return ids.slotToken;
          case 'index':
            return before === 'attachments' ? 0 : undefined;
          case 'template':
            return segments[1] === 'mail-templates' ? 'rejection.en' : undefined;
          case 'fileId':
            return segments[1] === 'assignments' || segments[1] === 'grading' ? ids.submissionFileId : undefined;
          default:
            return undefined;
        }
      })();
      if (value === undefined)
        throw new Error(
          `fillPath: the world has no value for :${name} in ${path} — teach test/http/access-control.test.ts (and test/helpers/world.ts) about it`,
        );
      return encodeURIComponent(String(value));
    })
    .join('/');
}

async function send(p: Persona, method: RouteDef['method'], url: string, accept: 'html' | 'json' = 'html'): Promise<Response> {
  const a = accept === 'json' ? 'application/json' : 'text/html';
  if (method === 'get') return p.agent.get(url).set('Accept', a);
  // A minimal, intentionally empty form with this persona's valid CSRF token.
  return p.agent.post(url).set('Accept', a).type('form').send({ _csrf: p.csrf });
}

interface RowCase {
  persona: PersonaName;
  method: RouteDef['method'];
  path: string;
  params?: (w: World) => Params;
  status: number;
  why: string;
  /** Extra check on an allowed response (e.g. nothing of the candidate leaks to a blind grader). */
  check?: (res: Response, w: World) => void;
}

const SCORECARD = [
  ['get', '/interviews/:id/scorecard'],
  ['post', '/interviews/:id/scorecard'],
  ['post', '/interviews/:id/scorecard/draft'],
  ['post', '/interviews/:id/scorecard/amend'],
] as const;
const GRADING = [
  ['get', '/grading/:code'],
  ['post', '/grading/:code'],
  ['get', '/grading/:code/files/:fileId'],
] as const;

const blindCheck = (res: Response, w: World) => {
  const c = w.candidate;
  for (const secret of [...c.fullName.split(' '), c.email, c.phone, '555-12-34', c.fileName.replace('.pdf', '')]) {
    expect(res.text, `blind grading page leaks «${secret}»`).not.toContain(secret);
  }
};

/**
 * Row-level rules: the table says yes, the loader says no (403; 404 for grading codes, which answer
 * an unknown code and one that is not yours alike) — plus the allowed counterparts as controls.
 */
const ROW_LEVEL: RowCase[] = [
  // An interviewer not assigned to this candidate's interview.
  {
    persona: 'unassigned_interviewer',
    method: 'get',
    path: '/interviews/:id',
    status: 403,
    why: 'interviewer not assigned to the interview',
  },
  ...SCORECARD.map(
    ([method, path]): RowCase => ({
      persona: 'unassigned_interviewer',
      method,
      path,
      status: 403,
      why: 'interviewer not assigned: no scorecard',
    }),
  ),
  ...GRADING.map(
    ([method, path]): RowCase => ({
      persona: 'unassigned_interviewer',
      method,
      path,
      status: 404,
      why: 'interviewer not a grader of the assignment',
    }),
  ),
  {
    persona: 'unassigned_interviewer',
    method: 'get',
    path: '/candidates/:id',
    status: 403,
    why: 'interviewers never open candidate records',
  },

  // The assigned interviewer: their interview and scorecard yes, the candidate record no.
  { persona: 'interviewer', method: 'get', path: '/interviews/:id', status: 200, why: 'assigned interviewer opens the interview' },
  {
    persona: 'interviewer',
    method: 'get',
    path: '/interviews/:id/scorecard',
    status: 200,
    why: 'assigned interviewer opens their scorecard',
  },
  { persona: 'interviewer', method: 'get', path: '/candidates/:id', status: 403, why: 'interviewer on the candidate record' },
  { persona: 'interviewer', method: 'get', path: '/candidates/:id/resume', status: 403, why: 'interviewer on the resume file' },
  { persona: 'interviewer', method: 'get', path: '/candidates/:id/report', status: 403, why: 'interviewer on the candidate report' },
  { persona: 'interviewer', method: 'get', path: '/api/candidates/:id', status: 403, why: 'interviewer on the candidate API' },
  { persona: 'interviewer', method: 'get', path: '/assignments/:id', status: 403, why: 'a grader on the HR assignment page' },
  // The vacancy profile: an interviewer reads it where they interview, nowhere else.
  { persona: 'interviewer', method: 'get', path: '/vacancies/:id', status: 200, why: 'interviewer on the vacancy of their interview' },
  { persona: 'interviewer', method: 'get', path: '/vacancies/:id/job-description', status: 200, why: 'interviewer on its job description' },
  {
    persona: 'unassigned_interviewer',
    method: 'get',
    path: '/vacancies/:id',
    status: 403,
    why: 'interviewer without an interview on the vacancy',
  },
  {
    persona: 'unassigned_interviewer',
    method: 'get',
    path: '/vacancies/:id/job-description',
    status: 403,
    why: 'interviewer without an interview on its job description',
  },

  // A department head of another department.
  { persona: 'other_head', method: 'get', path: '/vacancies/:id', status: 403, why: 'head of another department on the vacancy' },
  {
    persona: 'other_head',
    method: 'get',
    path: '/vacancies/:id/job-description',
    status: 403,
    why: 'head of another department on the job description',
  },
  {
    persona: 'other_head',
    method: 'get',
    path: '/interviews/:id',
    status: 403,
    why: "head of another department on the vacancy's interview",
  },
  ...SCORECARD.map(
    ([method, path]): RowCase => ({
      persona: 'other_head',
      method,
      path,
      status: 403,
      why: "head of another department on the interview's scorecard",
    }),
  ),
  ...GRADING.map(
    ([method, path]): RowCase => ({
      persona: 'other_head',
      method,
      path,
      status: 404,
      why: 'head of another department on the grading page',
    }),
  ),
  {
    persona: 'other_head',
    method: 'get',
    path: '/vacancies/:id',
    params: (w) => ({ id: w.ids.otherVacancyId }),
    status: 200,
    why: 'head of that department on their own vacancy',
  },
  {
    persona: 'department_head',
    method: 'get',
    path: '/vacancies/:id',
    params: (w) => ({ id: w.ids.otherVacancyId }),
    status: 403,
    why: "head on another department's vacancy",
  },
  {
    persona: 'department_head',
    method: 'get',
    path: '/vacancies/:id/job-description',
    params: (w) => ({ id: w.ids.otherVacancyId }),
    status: 403,
    why: "head on another department's job description",
  },

  // A grader head assigned while in the department, since moved to another one.
  { persona: 'moved_head', method: 'get', path: '/interviews/:id', status: 403, why: 'head moved to another department on the interview' },
  ...GRADING.map(
    ([method, path]): RowCase => ({
      persona: 'moved_head',
      method,
      path,
      status: 404,
      why: 'assigned grader, but now head of another department',
    }),
  ),

  // A grader (head of the department) before unblinding: the blind grading page only.
  {
    persona: 'grader_head',
    method: 'get',
    path: '/grading/:code',
    status: 200,
    why: 'assigned grader opens the blind grading page',
    check: blindCheck,
  },
  { persona: 'grader_head', method: 'get', path: '/grading', status: 200, why: 'assigned grader lists what to grade', check: blindCheck },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/grading/:code/files/:fileId',
    status: 200,
    why: 'assigned grader downloads the scrubbed file',
    check: (res, w) => expect(String(res.headers['content-disposition'])).not.toContain(w.candidate.fileName.replace('.pdf', '')),
  },
  { persona: 'grader_head', method: 'get', path: '/assignments/:id', status: 403, why: 'grader on the HR assignment page (HR only)' },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/assignments/:id/files/:fileId',
    status: 403,
    why: 'grader on the original, unscrubbed file',
  },
  { persona: 'grader_head', method: 'get', path: '/candidates/:id', status: 403, why: 'grader before unblinding on the candidate record' },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/candidates/:id/resume',
    status: 403,
    why: 'grader before unblinding on the resume file',
  },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/candidates/:id/report',
    status: 403,
    why: 'grader before unblinding on the candidate report',
  },
  { persona: 'grader_head', method: 'get', path: '/api/candidates/:id', status: 403, why: 'grader before unblinding on the candidate API' },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/vacancies/:id/candidates',
    status: 403,
    why: 'grader before unblinding on the candidate list',
  },
  { persona: 'grader_head', method: 'get', path: '/interviews/:id', status: 200, why: "the department's head sees its interviews" },
  ...SCORECARD.map(
    ([method, path]): RowCase => ({
      persona: 'grader_head',
      method,
      path,
      status: 403,
      why: 'head not assigned to the interview has no scorecard',
    }),
  ),

  // The debrief (issue 12): HR, admins and the department's head; panel members only after their own submit;
  // never someone still grading the candidate's work blind.
  {
    persona: 'interviewer',
    method: 'get',
    path: '/candidates/:id/debrief',
    status: 403,
    why: 'panel member before their own scorecard is submitted',
  },
  {
    persona: 'department_head',
    method: 'get',
    path: '/candidates/:id/debrief',
    status: 403,
    why: 'head on the panel judges independently: not before their own scorecard is submitted',
  },
  {
    persona: 'unassigned_interviewer',
    method: 'get',
    path: '/candidates/:id/debrief',
    status: 403,
    why: 'interviewer not on the panel',
  },
  { persona: 'other_head', method: 'get', path: '/candidates/:id/debrief', status: 403, why: 'head of another department' },
  {
    persona: 'grader_head',
    method: 'get',
    path: '/candidates/:id/debrief',
    status: 403,
    why: "head grading the candidate's work blind (the debrief names the candidate)",
  },
  { persona: 'moved_head', method: 'get', path: '/candidates/:id/debrief', status: 403, why: 'head moved to another department' },
  {
    persona: 'other_head',
    method: 'get',
    path: '/candidates/:id/debrief',
    params: () => ({ id: 999999 }),
    status: 404,
    why: 'a candidate that does not exist',
  },
  // Offers: the head of the vacancy's department approves; the head of another department may not see or approve.
  { persona: 'other_head', method: 'get', path: '/candidates/:id/offer', status: 403, why: 'head of another department on the offer' },
  {
    persona: 'other_head',
    method: 'post',
    path: '/candidates/:id/offer/approval',
    status: 403,
    why: 'head of another department approving an offer',
  },
  {
    persona: 'other_head',
    method: 'get',
    path: '/candidates/:id/offer/letter',
    status: 403,
    why: 'head of another department on the offer letter',
  },
  { persona: 'department_head', method: 'get', path: '/candidates/:id/offer', status: 200, why: "the department's head opens the offer" },
  { persona: 'other_head', method: 'get', path: '/approvals', status: 200, why: 'any head lists the offers awaiting them (none here)' },
  // Mail to users (reminders) is the admins' to read; HR reads the messages about candidates.
  ...(['get /outbox/:id', 'get /outbox/:id/attachments/:index', 'post /outbox/:id/retry'] as const).flatMap((mp): RowCase[] => {
    const [method, path] = mp.split(' ') as ['get' | 'post', string];
    return [
      { persona: 'hr', method, path, params: (w) => ({ id: w.ids.userMailId, index: 0 }), status: 403, why: 'HR on mail to a user' },
      {
        persona: 'admin',
        method,
        path,
        params: (w) => ({ id: w.ids.userMailId, index: 0 }),
        status: path.endsWith(':index') ? 404 : method === 'get' ? 200 : 302,
        why: 'admin reads all mail (that one has no attachment)',
      },
    ];
  }),

  // People the table lets in but who have no row of their own: managers are not interviewers or graders.
  ...(['admin', 'hr'] as const).flatMap((persona) => [
    ...SCORECARD.map(
      ([method, path]): RowCase => ({
        persona,
        method,
        path,
        status: 403,
        why: `${persona} is not an interviewer of this interview: no own scorecard`,
      }),
    ),
    ...GRADING.map(
      ([method, path]): RowCase => ({ persona, method, path, status: 404, why: `${persona} is not a grader of this assignment` }),
    ),
  ]),
];

const rowKey = (persona: PersonaName, method: string, path: string) => `${persona} ${method.toUpperCase()} ${path}`;
/** Row-level cases on the world's own rows (no param override) also set the matrix expectation. */
const MATRIX_OVERRIDES = new Map(ROW_LEVEL.filter((c) => !c.params).map((c) => [rowKey(c.persona, c.method, c.path), c]));

function serverErrors(spy: { mock: { calls: unknown[][] } }, from: number): string {
  return spy.mock.calls
    .slice(from)
    .map((args) => args.map((a) => (a instanceof Error ? (a.stack ?? String(a)) : String(a))).join(' '))
    .join('\n')
    .split('\n')
    .slice(0, 6)
    .join('\n');
}

describe('the access table itself', () => {
  it('declares access on every route, only known roles, and no method + path twice', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const r of ROUTES) {
      const k = key(r);
      if (seen.has(k)) problems.push(`${k} declared twice`);
      seen.add(k);
      const a: unknown = r.access;
      const ok =
        a === 'public' ||
        a === 'authenticated' ||
        (Array.isArray(a) && a.length > 0 && a.every((x) => (ROLES as readonly unknown[]).includes(x)));
      if (!ok) problems.push(`${k} has access ${JSON.stringify(a)}`);
      if (r.handlers.length === 0) problems.push(`${k} has no handler`);
    }
    expect(problems).toEqual([]);
  });

  it('has exactly the known public routes', () => {
    expect(
      ROUTES.filter((r) => r.access === 'public')
        .map(key)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('refuses to start with a route that declares no access', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-acl-'));
    try {
      const db = openDatabase(':memory:');
      const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }), dbFile: ':memory:' };
      const handler: RequestHandler = (_req, res) => {
        res.send('secret');
      };
      const undeclared = { method: 'get', path: '/undeclared', handlers: [handler] } as unknown as RouteDef;
      const deps = { db, config, sessionSecret: 'test-secret-test-secret-test-secret' };
      expect(() => createApp(deps, [...ROUTES, undeclared])).toThrow(/GET \/undeclared declares no access/);
      // The same table with the route declared starts fine.
      const app = createApp(deps, [...ROUTES, { ...undeclared, access: ['admin'] }]);
      app.close();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every route × every persona', () => {
  let w: World;
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const counts = { routes: ROUTES.length, personas: ROLE_PERSONAS.length, requests: 0, matrixCells: 0, rowLevel: 0, rowLevelForbidden: 0 };

  beforeAll(async () => {
    w = await buildWorld();
  }, 60_000);

  afterAll(() => {
    spy.mockRestore();
    console.log(
      `[access-control] routes: ${counts.routes}; personas: ${counts.personas} (${ROLE_PERSONAS.join(', ')}); ` +
        `route × persona cells checked: ${counts.matrixCells}; row-level cases checked: ${counts.rowLevel} (${counts.rowLevelForbidden} expecting 403); ` +
        `requests sent: ${counts.requests}`,
    );
  });

  // Row-level cases first: the matrix below sends empty forms that could, in principle, change state.
  it('applies the row-level rules (unassigned interviewer, head of another department, grader before unblinding)', async () => {
    const failures: string[] = [];
    for (const c of ROW_LEVEL) {
      const route = ROUTES.find((r) => r.method === c.method && r.path === c.path);
      if (!route) {
        failures.push(`row-level case for unknown route ${c.method.toUpperCase()} ${c.path}`);
        continue;
      }
      const p = w.personas[c.persona];
      const url = fillPath(c.path, w, c.params?.(w));
      const before = spy.mock.calls.length;
      const res = await send(p, c.method, url);
      counts.requests += 1;
      counts.rowLevel += 1;
      if (c.status === 403) counts.rowLevelForbidden += 1;
      if (res.status !== c.status) {
        failures.push(
          `${c.persona} ${c.method.toUpperCase()} ${url}: expected ${c.status}, got ${res.status} — ${c.why}${res.status >= 500 ? `\n${serverErrors(spy, before)}` : ''}`,
        );
        continue;
      }
      try {
        c.check?.(res, w);
      } catch (e) {
        failures.push(`${c.persona} ${c.method.toUpperCase()} ${url}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every route for every role as its declared access says', async () => {
    const failures: string[] = [];
    // Signing out ends the persona's session, so /logout goes last (and the persona signs in again).
    const routes = [...ROUTES.filter((r) => r.path !== '/logout'), ...ROUTES.filter((r) => r.path === '/logout')];
    for (const route of routes) {
      for (const name of ROLE_PERSONAS) {
        const p = w.personas[name];
        if (route.path.includes(':token')) w.renewToken(); // HR routes may have regenerated the link
        const url = fillPath(route.path, w);
        const label = `${name} ${route.method.toUpperCase()} ${url} [${key(route)}]`;
        const before = spy.mock.calls.length;
        const res = await send(p, route.method, url);
        counts.requests += 1;
        counts.matrixCells += 1;
        const s = res.status;
        const fail = (expected: string) =>
          failures.push(`${label}: expected ${expected}, got ${s}${s >= 500 ? `\n${serverErrors(spy, before)}` : ''}`);

        if (s >= 500) {
          fail('no 5xx');
        } else if (p.role === null) {
          if (route.access === 'public') {
            if (s === 401 || s === 403) fail('a public route to let anonymous in');
          } else if (route.method === 'get') {
            const to = String(res.headers.location ?? '');
            if (s !== 302 || !to.startsWith('/login?next=')) fail(`302 to /login (location ${to || 'none'})`);
            // The same GET asked for JSON (fetch, API) gets 401 instead of a redirect.
            const json = await send(p, 'get', url, 'json');
            counts.requests += 1;
            if (json.status !== 401) failures.push(`${label} (Accept: application/json): expected 401, got ${json.status}`);
          } else if (s !== 401) {
            fail('401');
          }
        } else if (!isAllowed(route.access, p.role as Role)) {
          if (s !== 403) fail('403 (role not in the access list)');
        } else {
          const row = MATRIX_OVERRIDES.get(rowKey(name, route.method, route.path));
          if (row) {
            if (s !== row.status) fail(`${row.status} (row-level: ${row.why})`);
          } else if (s === 401 || s === 403) {
            fail('access (role is in the access list and no row-level rule applies)');
          } else if (route.method === 'get' && s >= 400) {
            fail('2xx/3xx (the world has every row a GET can name)');
          }
        }
        if (route.method === 'post' && route.path === '/logout' && s < 400) await w.relogin(name);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
