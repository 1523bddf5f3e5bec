// Every form, sent with a mistake: shown again (4xx, never a 500 or a redirect that forgets), with a
// summary whose every link leads to a control on the page, the message next to the field, and every
// choice (radio, select, checkbox) and typed word kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { vacancyForm } from '../helpers/factories.js';
import { buildWorld, type PersonaName, type World } from '../helpers/world.js';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
}, 60_000);

interface Case {
  name: string;
  persona: PersonaName;
  path: () => string;
  body: () => Record<string, string | string[]>;
  /** Fragments of the re-rendered form that prove a choice or a word was kept. */
  kept: () => RegExp[];
}

const LONG_WORDS = 'Переговоры с «Магнитом» и «Пятёрочкой»';
const uid = (p: PersonaName) => String(w.personas[p].userId);

const CASES: Case[] = [
  {
    name: 'screening decision without a reason',
    persona: 'hr',
    path: () => `/candidates/${w.ids.candidateId}/decision`,
    body: () => ({ decision: 'reject', reason: '' }),
    kept: () => [/id="d-reject" name="decision" value="reject"\s+checked/],
  },
  {
    name: 'an interview without a date',
    persona: 'hr',
    path: () => `/candidates/${w.ids.candidateId}/interviews`,
    body: () => ({ stage: 'final', date: '', time: '11:00', duration_min: '90', location: LONG_WORDS, interviewers: [uid('interviewer')] }),
    kept: () => [
      /value="final"\s+selected/,
      new RegExp(`value="${uid('interviewer')}"\\s+checked`),
      new RegExp(LONG_WORDS.replace(/[«»]/g, '.')),
      /value="90"/,
    ],
  },
  {
    name: 'a take-home task without graders',
    persona: 'hr',
    path: () => `/candidates/${w.ids.candidateId}/assignments`,
    body: () => ({ item: 'task:task-commercial-proposal', lang: 'en', date: '', time: '18:00', grace_hours: '12', brief: LONG_WORDS }),
    kept: () => [/value="task:task-commercial-proposal"\s+selected/, /value="en"\s+selected/, /value="12"/],
  },
  {
    name: 'a new user without a name',
    persona: 'admin',
    path: () => '/admin/users',
    body: () => ({ username: 'new_person', display_name: '', email: 'x@example.ru', role: 'department_head', department: 'Продажи' }),
    kept: () => [/value="department_head"\s+selected/, /value="new_person"/, /value="Продажи"/],
  },
  {
    name: 'a user edit with a bad e-mail',
    persona: 'admin',
    path: () => `/admin/users/${w.ids.targetUserId}`,
    body: () => ({ display_name: 'Пётр Ильич', email: 'not-an-email', role: 'hr', department: '' }),
    kept: () => [/value="hr"\s+selected/, /value="Пётр Ильич"/, /value="not-an-email"/],
  },
  {
    name: 'erasing with the wrong name typed',
    persona: 'hr',
    path: () => `/candidates/${w.ids.candidateId}/erase`,
    body: () => ({ confirm: 'Иванов Иван' }),
    kept: () => [/value="Иванов Иван"/],
  },
  {
    name: 'retention months out of range',
    persona: 'admin',
    path: () => '/admin/privacy',
    body: () => ({ months: '999' }),
    kept: () => [/value="999"/],
  },
  {
    name: 'a checklist item without a label',
    persona: 'hr',
    path: () => `/vacancies/${w.ids.vacancyId}/checklist`,
    body: () => ({ label_ru: '', label_en: '', hint_en: 'Federal chains only', kind: 'required', weight: '4' }),
    kept: () => [/value="required"\s+(selected|checked)/, /Federal chains only/, /value="4"\s+selected|value="4"/],
  },
  {
    name: 'a vacancy without a department',
    persona: 'hr',
    path: () => '/vacancies',
    body: () =>
      vacancyForm({ title_ru: LONG_WORDS, department: '', target_grade: 'junior', currency: 'EUR' }) as Record<string, string | string[]>,
    kept: () => [/value="junior"\s+selected/, /value="EUR"\s+selected/, /id="q-[^"]+" name="questions" value="[^"]+"\s+checked/],
  },
  {
    name: 'a grade without scores',
    persona: 'grader_head',
    path: () => `/grading/${w.ids.code}`,
    body: () => ({ comment: LONG_WORDS }),
    kept: () => [new RegExp(LONG_WORDS.replace(/[«»]/g, '.'))],
  },
];

/** The ids every link in the page's error summary points to. */
function summaryTargets(html: string): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] as string);
}

describe('forms shown again after a mistake keep everything and link to each problem', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const p = w.personas[c.persona];
      const res = await p.agent
        .post(c.path())
        .type('form')
        .send({ _csrf: p.csrf, ...c.body() });
      expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.text).toContain('class="error-summary"');
      expect(res.text).toContain('class="field-error"');
      const targets = summaryTargets(res.text);
      expect(targets.length).toBeGreaterThan(0);
      for (const id of targets) expect(res.text, `no element #${id} for a summary link`).toContain(`id="${id}"`);
      for (const re of c.kept()) expect(res.text).toMatch(re);
    });
  }
});

describe('the scorecard page after submitting', () => {
  it('is never kept by the browser: Back asks the server again and shows the locked card', async () => {
    const p = w.personas.interviewer;
    const res = await p.agent.get(`/interviews/${w.ids.interviewId}/scorecard`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // And a page restored from the back/forward cache reloads itself (app.js, pageshow).
    expect(res.text).toContain('data-reload-on-back');
  });
});
