import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anonymous, binaryBody, buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { postCandidate } from '../helpers/intake.js';

const today = () => new Date().toISOString().slice(0, 10);

const score = (t: TestApp, id: number) =>
  t.db.prepare('SELECT fit, completed_stages AS done, grade FROM candidate_scores WHERE candidate_id = ?').get(id) as {
    fit: number | null;
    done: number;
    grade: string | null;
  };

async function as(t: TestApp, username: string) {
  const { agent, csrf } = await anonymous(t.app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD }).expect(302);
  return { agent, csrf: csrfFrom((await agent.get('/')).text) };
}

let seq = 0;
async function addCandidate(t: TestApp, hr: { agent: request.Agent; csrf: string }, name: string, file: string) {
  seq += 1;
  const res = await postCandidate(hr, t.demoVacancyId, {
    full_name: name,
    email: `candidate${seq}@example.com`,
    resume_text: readFileSync(`test/fixtures/resumes/${file}`, 'utf8'),
  });
  return Number(res.headers.location!.split('/').pop());
}

async function interviewAndSubmit(t: TestApp, hr: { agent: request.Agent; csrf: string }, candidateId: number, rating: string) {
  const iv = await makeUser(t.db, { role: 'interviewer' });
  const username = (t.db.prepare('SELECT username FROM users WHERE id = ?').get(iv) as { username: string }).username;
  const res = await hr.agent
    .post(`/candidates/${candidateId}/interviews`)
    .type('form')
    .send({ _csrf: hr.csrf, stage: 'competency', date: today(), time: '10:00', duration_min: '60', interviewers: [String(iv)] });
  const interviewId = Number(res.headers.location!.split('/').pop());
  const who = await as(t, username);
  const page = await who.agent.get(`/interviews/${interviewId}/scorecard`);
  const comps = [...new Set([...page.text.matchAll(/name="ratings\[([a-z_]+)\]"/g)].map((m) => m[1]!))];
  const body: Record<string, string> = { _csrf: who.csrf, version: '0', action: 'submit', summary: 'Итог', recommendation: 'yes' };
  for (const c of comps) body[`ratings[${c}]`] = rating;
  await who.agent.post(`/interviews/${interviewId}/scorecard`).type('form').send(body).expect(302);
  return interviewId;
}

describe('scores kept current on write', () => {
  it('scores at intake, after an override and after a submitted scorecard, with coverage', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const id = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const first = score(t, id);
    expect(first.done).toBe(1);
    expect(first.fit).toBe(100);
    await hr.agent.post(`/candidates/${id}/items/crm`).type('form').send({ _csrf: hr.csrf, status: 'not_met' }).expect(302);
    expect(score(t, id).fit!).toBeLessThan(100);
    await interviewAndSubmit(t, hr, id, '4');
    const after = score(t, id);
    expect(after.done).toBe(2);
    expect(after.grade).toBe('senior');
    const page = await hr.agent.get(`/candidates/${id}`);
    expect(page.text).toContain('Based on 2 of 4 stages');
    // The radar's view box is the chart plus room for its whole labels (domain/charts.ts).
    expect(page.text).toMatch(/<svg viewBox="-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+" width="[\d.]+" height="[\d.]+" role="img"/);
    expect(page.text).toContain('How the score was computed');
    expect(page.text).toMatch(/Case \/ take-home|Situational cases: not done yet/);
  });

  it('recomputes every candidate when the vacancy weights change', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const id = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    t.db.prepare('UPDATE candidate_scores SET fit = -1').run();
    const edit = await hr.agent.get(`/vacancies/${t.demoVacancyId}/edit`);
    expect(edit.status).toBe(200);
    const { vacancyForm } = await import('../helpers/factories.js');
    await hr.agent
      .post(`/vacancies/${t.demoVacancyId}`)
      .type('form')
      .send({ ...vacancyForm({ slug: 'kam-middle-fmcg' }), _csrf: hr.csrf })
      .expect(302);
    expect(score(t, id).fit).not.toBe(-1);
  });
});

describe('comparison, pipeline and exports', () => {
  it('are all reachable from the vacancy page (the list leads to comparison, the candidate page to the report)', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const a = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const id = t.demoVacancyId;
    const page = await hr.agent.get(`/vacancies/${id}`);
    for (const href of [
      `/vacancies/${id}/candidates`,
      `/vacancies/${id}/pipeline`,
      `/vacancies/${id}/calibration`,
      `/vacancies/${id}/export.csv`,
      `/api/vacancies/${id}/candidates`,
    ]) {
      expect(page.text).toContain(`href="${href}"`);
      expect((await hr.agent.get(href)).status).toBe(200);
    }
    const list = await hr.agent.get(`/vacancies/${id}/candidates`);
    expect(list.text).toContain(`action="/vacancies/${id}/compare"`);
    const candidate = await hr.agent.get(`/candidates/${a}`);
    expect(candidate.text).toContain(`href="/candidates/${a}/report"`);
  });

  it('compares candidates side by side, sorted, with overlaid profiles', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const a = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const b = await addCandidate(t, hr, 'Alexey Smirnov', 'en_programmer.txt');
    await interviewAndSubmit(t, hr, a, '4');
    await interviewAndSubmit(t, hr, b, '2');
    const res = await hr.agent.get(`/vacancies/${t.demoVacancyId}/compare?ids=${b}&ids=${a}&sort=fit`);
    expect(res.status).toBe(200);
    expect(res.text.indexOf('Анна Петрова')).toBeLessThan(res.text.indexOf('Alexey Smirnov'));
    expect(res.text).toContain('class="series series-1"');
    const byName = await hr.agent.get(`/vacancies/${t.demoVacancyId}/compare?ids=${a},${b}&sort=name`);
    expect(byName.text.indexOf('Alexey Smirnov')).toBeLessThan(byName.text.indexOf('Анна Петрова'));
  });

  it('shows the board, funnel with conversion and results by source', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const a = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    await addCandidate(t, hr, 'Alexey Smirnov', 'en_programmer.txt');
    await hr.agent.post(`/candidates/${a}/decision`).type('form').send({ _csrf: hr.csrf, decision: 'pass', reason: 'ok' }).expect(302);
    const res = await hr.agent.get(`/vacancies/${t.demoVacancyId}/pipeline`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Funnel');
    expect(res.text).toMatch(/<th scope="row">Interview<\/th><td>1<\/td><td>/);
    expect(res.text).toContain('<svg viewBox="0 0 560');
    expect(res.text).toContain('hh.ru');
    // A fit from screening alone says so, on the board and in the list.
    const total = (t.db.prepare('SELECT total_stages AS n FROM candidate_scores WHERE candidate_id = ?').get(a) as { n: number }).n;
    expect(total).toBeGreaterThan(1);
    expect(res.text).toContain(`(1 of ${total} stages)`);
    const list = await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates`);
    expect(list.text).toContain(`(1 of ${total} stages)`);
  });

  it('keeps the list’s fit coverage in step with the score as stages are completed', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const a = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const coverage = () =>
      t.db.prepare('SELECT completed_stages AS done, total_stages AS total FROM candidate_list WHERE candidate_id = ?').get(a);
    const score = () =>
      t.db.prepare('SELECT completed_stages AS done, total_stages AS total FROM candidate_scores WHERE candidate_id = ?').get(a);
    expect(coverage()).toEqual(score());
    await interviewAndSubmit(t, hr, a, '4');
    expect((score() as { done: number }).done).toBe(2);
    expect(coverage()).toEqual(score());
  });

  it('exports CSV that Excel opens with Cyrillic, and no formula injection', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr', { lang: 'ru' });
    await addCandidate(t, hr, '=Иванов Пётр', 'ru_hh_kam_nestle.txt');
    const res = await hr.agent.get(`/vacancies/${t.demoVacancyId}/export.csv`).buffer(true).parse(binaryBody);
    expect(res.headers['content-type']).toContain('text/csv');
    const buf = res.body as Buffer;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text).toContain('ФИО;Эл. почта');
    expect(text).toContain("'=Иванов Пётр");
  });

  it('serves a read-only JSON API behind login', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const id = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const anon = await request(t.app).get(`/api/vacancies/${t.demoVacancyId}/candidates`).set('Accept', 'application/json');
    expect(anon.status).toBe(401);
    const list = await hr.agent.get(`/api/vacancies/${t.demoVacancyId}/candidates`);
    expect(list.body).toMatchObject({ total: 1, candidates: [{ id, name: 'Анна Петрова' }] });
    const one = await hr.agent.get(`/api/candidates/${id}`);
    expect(one.body.score.fit).toBe(100);
    expect(one.body.screening.items.fmcg.status).toBe('met');
    const head = await loginAs(t, 'department_head', { department: 'Коммерческий отдел' });
    expect((await head.agent.get(`/api/candidates/${id}`)).status).toBe(403);
  });

  it('prints a report with the score explanation', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const id = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const res = await hr.agent.get(`/candidates/${id}/report`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Report: Анна Петрова');
    expect(res.text).toContain('How the score was computed');
    expect(res.text).toContain('data-print');
  });
});
