import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, buildApp, csrfFrom, loginAs, type Agent, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { DEMO_DEPARTMENT } from '../../src/content/demo-vacancy.js';
import { postAssignment } from '../helpers/intake.js';

// Issue 12 (decision day): the debrief, the recommendations count beside every fit, coverage-first
// ranking, blind grading that holds; issue 13 finding 9: an amendment after seeing the others is marked.

const today = () => new Date().toISOString().slice(0, 10);
const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
const resume = (name: string) => readFileSync(`test/fixtures/resumes/${name}.txt`, 'utf8');
const COUNTS_TEXT = 'Recommendations: strong no 1, no 0, yes 2, strong yes 0';

interface Person {
  agent: Agent;
  csrf: string;
  id: number;
}

async function signIn(t: TestApp, username: string, id: number): Promise<Person> {
  const { agent, csrf } = await anonymous(t.app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD }).expect(302);
  return { agent, csrf: csrfFrom((await agent.get('/')).text), id };
}

async function person(t: TestApp, username: string, role: 'interviewer' | 'department_head', department: string | null = null) {
  const id = await makeUser(t.db, { role, username, department });
  // Display name = the username capitalised, so pages can be checked for who said what.
  t.db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(`${username[0]!.toUpperCase()}${username.slice(1)} Testova`, id);
  return signIn(t, username, id);
}

let t: TestApp;
let hr: Person;
let admin: Person;
let ivan: Person; // interviewer, gives a strong no
let petr: Person; // interviewer, yes
let elena: Person; // head of the department, on the panel, yes
let dina: Person; // head of the department, not on the panel: a blind grader
let gleb: Person; // interviewer, not on the panel: a blind grader
let otherHead: Person;
let outsider: Person; // interviewer on no panel
const ids = { a: 0, b: 0, c: 0, interview: 0 };

async function addCandidate(name: string, text: string): Promise<number> {
  const res = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: name,
    email: '',
    phone: '',
    source: 'hh',
    resume_text: text,
    consent: '1',
    consent_date: today(),
  });
  expect(res.status).toBe(302);
  return Number(res.headers.location!.split('/').pop());
}

async function submitCard(p: Person, interviewId: number, rating: string, recommendation: string, extra: Record<string, string> = {}) {
  const page = await p.agent.get(`/interviews/${interviewId}/scorecard`);
  expect(page.status).toBe(200);
  const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
  const body: Record<string, string> = { _csrf: p.csrf, version, action: 'submit', recommendation, ...extra };
  for (const m of new Set([...page.text.matchAll(/name="ratings\[([a-z_]+)\]"/g)].map((x) => x[1]!))) body[`ratings[${m}]`] = rating;
  await p.agent.post(`/interviews/${interviewId}/scorecard`).type('form').send(body).expect(302);
}

async function amend(p: Person, interviewId: number, recommendation: string, summary: string) {
  await p.agent
    .post(`/interviews/${interviewId}/scorecard/amend`)
    .type('form')
    .send({ _csrf: p.csrf, reason: 'Пересмотрел после разговора' })
    .expect(302);
  await submitCard(p, interviewId, '2', recommendation, { summary });
}

const debrief = (p: Person, id = ids.a) => p.agent.get(`/candidates/${id}/debrief`);
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = buildApp();
  hr = { ...(await loginAs(t, 'hr')), id: 0 };
  admin = { ...(await loginAs(t, 'admin')), id: 0 };
  ivan = await person(t, 'ivan', 'interviewer');
  petr = await person(t, 'petr', 'interviewer');
  elena = await person(t, 'elena', 'department_head', DEMO_DEPARTMENT);
  dina = await person(t, 'dina', 'department_head', DEMO_DEPARTMENT);
  gleb = await person(t, 'gleb', 'interviewer');
  otherHead = await person(t, 'oleg', 'department_head', 'Логистика');
  outsider = await person(t, 'olga', 'interviewer');
  ids.a = await addCandidate('Олег Сидоров', resume('ru_junior_unfinished'));
  ids.b = await addCandidate('Мария Кузнецова', resume('ru_hh_kam_nestle'));
  ids.c = await addCandidate('John Walker', resume('en_linkedin_pepsico'));
  const iv = await hr.agent
    .post(`/candidates/${ids.a}/interviews`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage: 'competency',
      date: today(),
      time: '23:30',
      duration_min: '60',
      location: 'Zoom',
      interviewers: [String(ivan.id), String(petr.id), String(elena.id)],
    });
  expect(iv.status).toBe(302);
  ids.interview = Number(iv.headers.location!.split('/').pop());
}, 120_000);

describe('the debrief page', () => {
  it('is closed to panel members before their own scorecard is in, to heads of other departments and to outsiders', async () => {
    expect((await debrief(ivan)).status).toBe(403);
    expect((await debrief(elena)).status).toBe(403); // the head on the panel judges independently too
    expect((await debrief(otherHead)).status).toBe(403);
    expect((await debrief(outsider)).status).toBe(403);
    expect((await debrief(otherHead, 987654)).status).toBe(404);
    expect((await hr.agent.get('/candidates/987654/debrief')).status).toBe(404);
    expect((await debrief(hr)).status).toBe(200);
    expect((await debrief(admin)).status).toBe(200);
    // The head of the department who is not on the panel sees it at once.
    expect((await debrief(dina)).status).toBe(200);
    // No link to it on the interview page until the panel member's own card is in.
    expect((await ivan.agent.get(`/interviews/${ids.interview}`)).text).not.toContain(`/candidates/${ids.a}/debrief`);
  });

  it('opens to each panel member once their own scorecard is submitted, with every card side by side', async () => {
    await submitCard(ivan, ids.interview, '1', 'strong_no', {
      summary: 'Не готов к ключевым клиентам',
      open_questions: 'Не выяснили, почему ушёл с последнего места',
    });
    expect((await debrief(ivan)).status).toBe(200);
    expect((await debrief(elena)).status).toBe(403);
    await submitCard(petr, ids.interview, '2', 'yes', { summary: 'Можно взять с наставником' });
    await submitCard(elena, ids.interview, '2', 'yes', { summary: 'Готова рассмотреть' });
    expect((await debrief(elena)).status).toBe(200);
    expect((await ivan.agent.get(`/interviews/${ids.interview}`)).text).toContain(`/candidates/${ids.a}/debrief`);
    expect((await hr.agent.get(`/candidates/${ids.a}`)).text).toContain(`/candidates/${ids.a}/debrief`);

    const page = await debrief(hr);
    expect(page.status).toBe(200);
    for (const s of ['Не готов к ключевым клиентам', 'Можно взять с наставником', 'Готова рассмотреть']) expect(page.text).toContain(s);
    // The open question an interviewer flagged, in its own section.
    expect(page.text).toContain('Open questions');
    expect(page.text).toContain('Не выяснили, почему ушёл с последнего места');
    // Ratings side by side: one column per interviewer, each with the ratings they gave.
    const table = /<table class="data debrief-cards">([\s\S]*?)<\/table>/.exec(page.text)![1]!;
    expect((table.match(/<th scope="col">/g) ?? []).length).toBe(4);
    expect(table).toContain('1 / 5');
    expect(table).toContain('2 / 5');
    // Screening verdict with its reason, the fit with its coverage, the recommended grade.
    expect(page.text).toMatch(/class="verdict-reason small">[^<]+</);
    expect(page.text).toMatch(/of 4 stages/);
    expect(page.text).toContain('Recommended grade');
  });

  it('shows a strong no prominently and counts it on its own, never averaged away', async () => {
    const page = await debrief(elena);
    expect(page.text).toContain('class="strong-no-box"');
    expect(visibleText(page.text)).toContain('A strong no from 1 interviewer');
    expect(page.text).toMatch(/<strong>ivan[^<]*<\/strong>/i);
    expect(page.text).toContain('class="rec-strong-no-cell"');
    expect(page.text).toContain(COUNTS_TEXT);
    expect(page.text).toContain('<strong class="rec-strong-no">✗✗ 1</strong> · ✗ 0 · ✓ 2 · ✓✓ 0');
    // Audited as a view of the candidate's record.
    const audited = t.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'candidate.view' AND detail LIKE '%debrief%'")
      .get() as {
      n: number;
    };
    expect(audited.n).toBeGreaterThan(0);
  });
});

describe('the recommendations count wherever the fit is shown', () => {
  it('is kept in the list table by the same write as the scorecard', () => {
    const row = t.db
      .prepare('SELECT rec_strong_no AS sn, rec_no AS n, rec_yes AS y, rec_strong_yes AS sy FROM candidate_list WHERE candidate_id = ?')
      .get(ids.a);
    expect(row).toEqual({ sn: 1, n: 0, y: 2, sy: 0 });
  });

  it('appears on the candidate page, list, comparison, pipeline and report', async () => {
    const v = t.demoVacancyId;
    for (const url of [
      `/candidates/${ids.a}`,
      `/vacancies/${v}/candidates`,
      `/vacancies/${v}/compare?ids=${ids.a},${ids.b}`,
      `/vacancies/${v}/pipeline`,
      `/candidates/${ids.a}/report`,
    ]) {
      const res = await hr.agent.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).toContain(COUNTS_TEXT);
    }
  });

  it('is in the CSV and the JSON API', async () => {
    const csv = await hr.agent.get(`/vacancies/${t.demoVacancyId}/export.csv?sep=comma`).buffer(true);
    const lines = String(csv.text)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const header = lines[0]!.split(',');
    expect(header.slice(-4)).toEqual(['Strong no', 'No', 'Yes', 'Strong yes']);
    const rowA = lines.find((l) => l.includes('Олег Сидоров'))!.split(',');
    expect(rowA.slice(-4)).toEqual(['1', '0', '2', '0']);
    const rowB = lines.find((l) => l.includes('Мария Кузнецова'))!.split(',');
    expect(rowB.slice(-4)).toEqual(['0', '0', '0', '0']);

    const list = await hr.agent.get(`/api/vacancies/${t.demoVacancyId}/candidates`);
    const a = (list.body.candidates as { id: number; recommendations: unknown }[]).find((c) => c.id === ids.a)!;
    expect(a.recommendations).toEqual({ strongNo: 1, no: 0, yes: 2, strongYes: 0 });
    const one = await hr.agent.get(`/api/candidates/${ids.a}`);
    expect(one.body.recommendations).toEqual({ strongNo: 1, no: 0, yes: 2, strongYes: 0 });
  });
});

describe('honest ranking', () => {
  const fitOf = (id: number) =>
    t.db.prepare('SELECT fit, completed_stages AS done FROM candidate_scores WHERE candidate_id = ?').get(id) as {
      fit: number;
      done: number;
    };

  it('ranks the interviewed candidate above higher fits from screening alone, and says so', async () => {
    const a = fitOf(ids.a);
    const b = fitOf(ids.b);
    // The case the issue describes: more stages done, a lower fit.
    expect(a.done).toBeGreaterThan(b.done);
    expect(a.fit).toBeLessThan(b.fit);

    const list = await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates`);
    expect(list.text.indexOf('Олег Сидоров')).toBeLessThan(list.text.indexOf('Мария Кузнецова'));
    expect(list.text).toContain('Sorted by the number of completed stages first, then by fit');
    const api = await hr.agent.get(`/api/vacancies/${t.demoVacancyId}/candidates`);
    expect((api.body.candidates as { id: number }[])[0]!.id).toBe(ids.a);

    const cmp = await hr.agent.get(`/vacancies/${t.demoVacancyId}/compare?ids=${ids.b},${ids.c},${ids.a}`);
    const heads = [...cmp.text.matchAll(/<th scope="col"><a href="\/candidates\/(\d+)">/g)].map((m) => Number(m[1]));
    expect(heads[0]).toBe(ids.a);
    expect(cmp.text).toContain('Sorted by the number of completed stages first, then by fit');
  });

  it('averages fits per source only among candidates assessed on as many stages, with count and range', async () => {
    const a = fitOf(ids.a);
    const total = (t.db.prepare('SELECT total_stages AS n FROM candidate_scores WHERE candidate_id = ?').get(ids.a) as { n: number }).n;
    const page = visibleText((await hr.agent.get(`/vacancies/${t.demoVacancyId}/pipeline`)).text);
    expect(page).toContain('Fit by completed stages');
    expect(page).toMatch(new RegExp(`${a.done} of ${total}: [\\d.,]+ \\(n = 1\\)`));
    expect(page).toMatch(new RegExp(`1 of ${total}: [\\d.,]+ \\(n = 2, [\\d.,]+–[\\d.,]+\\)`));
    expect(page).not.toContain('Average fit');
  });
});

describe('amended after seeing other scorecards', () => {
  it('marks an amendment made after its author read the others, and only that one', async () => {
    // Ivan reads the others' cards on the interview page, then changes his recommendation.
    const seen = await ivan.agent.get(`/interviews/${ids.interview}`);
    expect(seen.text).toContain('Можно взять с наставником');
    const at = t.db
      .prepare('SELECT others_seen_at AS at FROM scorecards WHERE interview_id = ? AND interviewer_id = ?')
      .get(ids.interview, ivan.id) as {
      at: string | null;
    };
    expect(at.at).not.toBeNull();
    await amend(ivan, ids.interview, 'no', 'После обсуждения: скорее нет');
    // Petr never opened the others' cards (his submit only redirected): his amendment is not marked.
    await amend(petr, ids.interview, 'yes', 'Уточнил итог');

    const flags = t.db
      .prepare(
        `SELECT u.username, r.revision, r.kind, r.after_seen_others AS flag FROM scorecard_revisions r JOIN scorecards s ON s.id = r.scorecard_id
         JOIN users u ON u.id = s.interviewer_id WHERE s.interview_id = ? ORDER BY u.username, r.revision`,
      )
      .all(ids.interview);
    expect(flags).toEqual([
      { username: 'elena', revision: 1, kind: 'submit', flag: 0 },
      { username: 'ivan', revision: 1, kind: 'submit', flag: 0 },
      { username: 'ivan', revision: 2, kind: 'amend', flag: 1 },
      { username: 'petr', revision: 1, kind: 'submit', flag: 0 },
      { username: 'petr', revision: 2, kind: 'amend', flag: 0 },
    ]);

    for (const page of [await debrief(hr), await hr.agent.get(`/interviews/${ids.interview}`)]) {
      expect((page.text.match(/amended after seeing other scorecards/g) ?? []).length).toBe(1);
      const header = /<th scope="col">([^<]*ivan[\s\S]*?)<\/th>/i.exec(page.text)![1]!;
      expect(header).toContain('amended after seeing other scorecards');
    }
    // The strong no became a no: the count follows the amendment in the same write.
    const row = t.db.prepare('SELECT rec_strong_no AS sn, rec_no AS n, rec_yes AS y FROM candidate_list WHERE candidate_id = ?').get(ids.a);
    expect(row).toEqual({ sn: 0, n: 1, y: 2 });
  });
});

describe('blind grading holds', () => {
  const assign = (graders: number[]) => postAssignment(hr, ids.a, graders);
  let assignmentId = 0;
  let code = '';
  let link = '';

  it('refuses a panel member as grader, with the reason at the field and the choices kept', async () => {
    const form = await hr.agent.get(`/candidates/${ids.a}/assignments/new`);
    // The head on the panel is no longer proposed as a grader; the one who is not still is.
    expect(form.text).toMatch(new RegExp(`id="g-${elena.id}" name="graders" value="${elena.id}" >`));
    expect(form.text).toMatch(new RegExp(`id="g-${dina.id}" name="graders" value="${dina.id}" checked>`));
    expect(form.text).toContain('interviews this candidate — cannot grade blind');

    const refused = await assign([dina.id, elena.id]);
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/<p class="field-error" id="f-graders-error">[^<]*elena[^<]*interview panel[^<]*<\/p>/i);
    expect(refused.text).toMatch(new RegExp(`value="${dina.id}" checked`));
    expect((t.db.prepare('SELECT COUNT(*) AS n FROM assignments').get() as { n: number }).n).toBe(0);

    const ok = await assign([dina.id, gleb.id]);
    expect(ok.status).toBe(200);
    link = /value="(http[^"]+\/t\/[^"]+)"/.exec(ok.text)![1]!;
    ({ id: assignmentId, code } = t.db.prepare('SELECT id, code FROM assignments WHERE candidate_id = ?').get(ids.a) as {
      id: number;
      code: string;
    });
  });

  it('refuses adding a panel member on the assignment page, at the field', async () => {
    const res = await hr.agent
      .post(`/assignments/${assignmentId}/graders`)
      .type('form')
      .send({ _csrf: hr.csrf, user_id: String(ivan.id) });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<p class="field-error" id="add-grader-error">[^<]*ivan[^<]*interview panel[^<]*<\/p>/i);
    expect(res.text).toContain('href="#add-grader"');
    expect(t.db.prepare('SELECT user_id FROM assignment_graders WHERE assignment_id = ? ORDER BY user_id').all(assignmentId)).toEqual(
      [{ user_id: dina.id }, { user_id: gleb.id }].sort((x, y) => x.user_id - y.user_id),
    );
  });

  it('keeps the debrief from a head who still grades the work blind, until the blind is lifted', async () => {
    expect((await debrief(dina)).status).toBe(403);
    await hr.agent
      .post(`/assignments/${assignmentId}/unblind`)
      .type('form')
      .send({ _csrf: hr.csrf, reason: 'Нужно сверить с резюме' })
      .expect(302);
    expect((await debrief(dina)).status).toBe(200);
  });

  it('refuses someone who saw the candidate on unblinded work as a blind grader of another task', async () => {
    const res = await postAssignment(hr, ids.a, [String(gleb.id)], {
      lang: 'en',
      date: future(4),
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<p class="field-error" id="f-graders-error">[^<]*gleb[^<]*identity[^<]*<\/p>/i);
  });

  it("never shows a grading code beside the candidate's name on a grader's home page", async () => {
    // A head put on the panel and, before this rule, as a grader of the same candidate (as in the issue).
    t.db.prepare('INSERT INTO assignment_graders (assignment_id, user_id) VALUES (?, ?)').run(assignmentId, elena.id);
    const cand = (await import('supertest')).default.agent(t.app);
    const page = await cand.get(new URL(link).pathname);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
    await cand
      .post(new URL(link).pathname)
      .field('_csrf', csrfFrom(page.text))
      .field('idempotency_key', key)
      .field('body', 'Коммерческое предложение для сети')
      .field('link', '')
      .expect(303);
    // Dina does not interview this candidate: her home page lists the code.
    expect((await dina.agent.get('/')).text).toContain(code);
    // Elena interviews them (the name is on her home page): the code is left to the grading list.
    const home = await elena.agent.get('/');
    expect(home.text).toContain('Олег Сидоров');
    expect(home.text).not.toContain(code);
    expect(home.text).toContain('1 more task to grade is in the grading list');
    const list = await elena.agent.get('/grading');
    expect(list.text).toContain(code);
    expect(list.text).not.toContain('Олег Сидоров');
  });

  it('refuses putting a blind grader of the candidate on their interview panel, the other way round', async () => {
    const given = await postAssignment(hr, ids.b, [String(gleb.id)]);
    expect(given.status).toBe(200);
    const schedule = (people: number[]) =>
      hr.agent
        .post(`/candidates/${ids.b}/interviews`)
        .type('form')
        .send({
          _csrf: hr.csrf,
          stage: 'competency',
          date: future(2),
          time: '11:00',
          duration_min: '60',
          location: 'Офис',
          interviewers: people.map(String),
        });
    const refused = await schedule([petr.id, gleb.id]);
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/<p class="field-error" id="f-interviewers-error">[^<]*Gleb[^<]*blind[^<]*<\/p>/);
    expect(refused.text).toContain('value="Офис"');
    expect((await schedule([petr.id])).status).toBe(302);
  });
});
