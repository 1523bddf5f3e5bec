import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

const RESUME = readFileSync('test/fixtures/resumes/ru_junior_unfinished.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);

async function setup(stage = 'competency') {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const add = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: 'Олег Сидоров',
    email: 'oleg@example.ru',
    phone: '',
    source: 'hh',
    resume_text: RESUME,
    consent: '1',
    consent_date: today(),
  });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const a = await makeUser(t.db, { role: 'interviewer', username: 'ivan' });
  const b = await makeUser(t.db, { role: 'department_head', username: 'elena', department: 'Коммерческий отдел' });
  const res = await hr.agent
    .post(`/candidates/${candidateId}/interviews`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage,
      date: today(),
      time: '15:00',
      duration_min: '60',
      location: 'Zoom',
      interviewers: [String(a), String(b)],
    });
  expect(res.status).toBe(302);
  const interviewId = Number(res.headers.location!.split('/').pop());
  return { t, hr, candidateId, interviewId, a, b };
}

async function as(t: TestApp, username: string) {
  const { anonymous } = await import('../helpers/app.js');
  const { TEST_PASSWORD } = await import('../helpers/factories.js');
  const { csrfFrom } = await import('../helpers/app.js');
  const { agent, csrf } = await anonymous(t.app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD }).expect(302);
  return { agent, csrf: csrfFrom((await agent.get('/')).text) };
}

const kitRows = (t: TestApp, id: number) =>
  t.db
    .prepare('SELECT id, kind, item_id AS itemId, reason, bank_versions AS v FROM kit_items WHERE interview_id = ? ORDER BY position')
    .all(id) as { id: number; kind: string; itemId: string; reason: string; v: string }[];

describe('scheduling and the kit', () => {
  it('validates the schedule form and keeps the input', async () => {
    const { t, hr, candidateId } = await setup();
    const res = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send({ _csrf: hr.csrf, stage: 'competency', date: 'завтра', time: '25:99', duration_min: '5', location: 'Room 5' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Enter a date.');
    expect(res.text).toContain('Enter a time like 14:30.');
    expect(res.text).toContain('Enter a number from 15 to 240.');
    expect(res.text).toContain('Choose at least one interviewer.');
    expect(res.text).toContain('value="Room 5"');
    expect((t.db.prepare('SELECT COUNT(*) AS n FROM interviews').get() as { n: number }).n).toBe(1);
  });

  it('proposes questions for the screening gaps first, then the weighted competencies, with pinned versions', async () => {
    const { t, interviewId } = await setup();
    const kit = kitRows(t, interviewId);
    expect(kit.length).toBeGreaterThan(5);
    const gaps = kit.filter((k) => k.reason.startsWith('gap:'));
    expect(gaps.length).toBeGreaterThan(0);
    expect(kit.indexOf(gaps[0]!)).toBe(0);
    expect(kit.some((k) => k.reason === 'competency:client_relationships')).toBe(true);
    expect(JSON.parse(kit[0]!.v)).toEqual({ ru: 1, en: 1 });
  });

  it('lets HR add, reorder and remove kit items before any scorecard is submitted', async () => {
    const { t, hr, interviewId } = await setup();
    await hr.agent
      .post(`/interviews/${interviewId}/kit`)
      .type('form')
      .send({ _csrf: hr.csrf, item: 'case:case-price-undercut' })
      .expect(302);
    let kit = kitRows(t, interviewId);
    const added = kit.at(-1)!;
    expect(added).toMatchObject({ kind: 'case', itemId: 'case-price-undercut', reason: 'added' });
    await hr.agent
      .post(`/interviews/${interviewId}/kit/${added.id}/move`)
      .type('form')
      .send({ _csrf: hr.csrf, direction: 'up' })
      .expect(302);
    kit = kitRows(t, interviewId);
    expect(kit.at(-2)!.itemId).toBe('case-price-undercut');
    await hr.agent.post(`/interviews/${interviewId}/kit/${added.id}/delete`).type('form').send({ _csrf: hr.csrf }).expect(302);
    expect(kitRows(t, interviewId).some((k) => k.itemId === 'case-price-undercut')).toBe(false);
  });

  it('shows upcoming interviews on the interviewer home page', async () => {
    const { t } = await setup();
    const ivan = await as(t, 'ivan');
    const home = await ivan.agent.get('/');
    expect(home.text).toContain('Олег Сидоров');
    expect(home.text).toContain('Open my scorecard');
  });
});

describe('the scorecard', () => {
  it('saves drafts with a version check: a stale save gets 409 with both texts, never a silent overwrite', async () => {
    const { t, interviewId } = await setup();
    const ivan = await as(t, 'ivan');
    const page = await ivan.agent.get(`/interviews/${interviewId}/scorecard`);
    expect(page.status).toBe(200);
    const kitId = kitRows(t, interviewId)[0]!.id;
    const save = (version: number, note: string) =>
      ivan.agent
        .post(`/interviews/${interviewId}/scorecard/draft`)
        .set('Accept', 'application/json')
        .set('X-CSRF-Token', ivan.csrf)
        .type('form')
        .send({ version: String(version), [`notes[k${kitId}]`]: note, 'ratings[negotiation]': '4', summary: '' });
    const first = await save(0, 'Говорит уверенно');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, version: 1 });
    const second = await save(1, 'Говорит уверенно, приводит цифры');
    expect(second.body.version).toBe(2);
    const stale = await save(1, 'Текст из второй вкладки');
    expect(stale.status).toBe(409);
    expect(stale.body.differences).toEqual([
      expect.objectContaining({ mine: 'Текст из второй вкладки', theirs: 'Говорит уверенно, приводит цифры' }),
    ]);
    const stored = t.db.prepare('SELECT data, version FROM scorecards WHERE interview_id = ? AND version = 2').get(interviewId) as {
      data: string;
    };
    expect(JSON.parse(stored.data).notes[`k${kitId}`]).toBe('Говорит уверенно, приводит цифры');
    // The same text with an old version is not a conflict.
    expect((await save(1, 'Говорит уверенно, приводит цифры')).status).toBe(200);
  });

  it('answers an expired session with 401 JSON, so the page can keep the text and ask to sign in', async () => {
    const { t, interviewId } = await setup();
    const ivan = await as(t, 'ivan');
    t.db.prepare('DELETE FROM sessions').run();
    const res = await ivan.agent
      .post(`/interviews/${interviewId}/scorecard/draft`)
      .set('Accept', 'application/json')
      .set('X-CSRF-Token', ivan.csrf)
      .type('form')
      .send({ version: '0', summary: 'x' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401 });
  });

  it('refuses a submission with missing ratings but keeps the draft, then locks once submitted', async () => {
    const { t, interviewId } = await setup();
    const ivan = await as(t, 'ivan');
    const incomplete = await ivan.agent
      .post(`/interviews/${interviewId}/scorecard`)
      .type('form')
      .send({ _csrf: ivan.csrf, version: '0', action: 'submit', summary: 'Хороший кандидат' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.text).toContain('Rate this competency before submitting.');
    expect(incomplete.text).toContain('Хороший кандидат');
    const card = t.db
      .prepare("SELECT s.id, s.version, s.data FROM scorecards s JOIN users u ON u.id = s.interviewer_id WHERE u.username = 'ivan'")
      .get() as { id: number; version: number; data: string };
    expect(JSON.parse(card.data).summary).toBe('Хороший кандидат');

    const page = await ivan.agent.get(`/interviews/${interviewId}/scorecard`);
    const ratings = [...new Set([...page.text.matchAll(/name="ratings\[([a-z_]+)\]"/g)].map((m) => m[1]!))];
    const body: Record<string, string> = {
      _csrf: ivan.csrf,
      version: String(card.version),
      action: 'submit',
      summary: 'Хороший кандидат',
      recommendation: 'yes',
    };
    for (const r of ratings) body[`ratings[${r}]`] = '3';
    const ok = await ivan.agent.post(`/interviews/${interviewId}/scorecard`).type('form').send(body);
    expect(ok.status).toBe(302);
    const locked = await ivan.agent
      .post(`/interviews/${interviewId}/scorecard/draft`)
      .set('Accept', 'application/json')
      .set('X-CSRF-Token', ivan.csrf)
      .type('form')
      .send({ version: String(card.version + 1), summary: 'changed' });
    expect(locked.status).toBe(423);
    const revs = t.db.prepare('SELECT revision, kind FROM scorecard_revisions WHERE scorecard_id = ?').all(card.id);
    expect(revs).toEqual([{ revision: 1, kind: 'submit' }]);

    // An amendment needs a reason (the message next to the box, the page shown again) and becomes a new revision.
    const noReason = await ivan.agent
      .post(`/interviews/${interviewId}/scorecard/amend`)
      .type('form')
      .send({ _csrf: ivan.csrf, reason: '   ' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toMatch(/<a href="#f-reason">/);
    expect(noReason.text).toMatch(/id="f-reason-error"/);
    expect(t.db.prepare('SELECT status FROM scorecards WHERE id = ?').get(card.id)).toEqual({ status: 'submitted' });
    await ivan.agent
      .post(`/interviews/${interviewId}/scorecard/amend`)
      .type('form')
      .send({ _csrf: ivan.csrf, reason: 'Перепутал оценки' })
      .expect(302);
    const v = (t.db.prepare('SELECT version FROM scorecards WHERE id = ?').get(card.id) as { version: number }).version;
    await ivan.agent
      .post(`/interviews/${interviewId}/scorecard`)
      .type('form')
      .send({ ...body, version: String(v), recommendation: 'strong_yes' })
      .expect(302);
    expect(
      t.db.prepare('SELECT revision, kind, reason FROM scorecard_revisions WHERE scorecard_id = ? ORDER BY revision').all(card.id),
    ).toEqual([
      { revision: 1, kind: 'submit', reason: null },
      { revision: 2, kind: 'amend', reason: 'Перепутал оценки' },
    ]);
  });
});

describe('independent judgement', () => {
  it('hides other scorecards from an interviewer until they submit their own; HR and the head see all', async () => {
    const { t, hr, interviewId } = await setup();
    const ivan = await as(t, 'ivan');
    const elena = await as(t, 'elena');
    const kitId = kitRows(t, interviewId)[0]!.id;
    const secret = 'Секретная заметка Елены';
    await elena.agent
      .post(`/interviews/${interviewId}/scorecard/draft`)
      .set('Accept', 'application/json')
      .set('X-CSRF-Token', elena.csrf)
      .type('form')
      .send({ version: '0', [`notes[k${kitId}]`]: secret, summary: 'Итог Елены' })
      .expect(200);
    // Elena submits.
    const page = await elena.agent.get(`/interviews/${interviewId}/scorecard`);
    const ratings = [...new Set([...page.text.matchAll(/name="ratings\[([a-z_]+)\]"/g)].map((m) => m[1]!))];
    const body: Record<string, string> = {
      _csrf: elena.csrf,
      version: '1',
      action: 'submit',
      summary: 'Итог Елены',
      recommendation: 'no',
      [`notes[k${kitId}]`]: secret,
    };
    for (const r of ratings) body[`ratings[${r}]`] = '2';
    await elena.agent.post(`/interviews/${interviewId}/scorecard`).type('form').send(body).expect(302);

    const ivanView = await ivan.agent.get(`/interviews/${interviewId}`);
    expect(ivanView.status).toBe(200);
    expect(ivanView.text).not.toContain(secret);
    expect(ivanView.text).not.toContain('Итог Елены');
    expect((await ivan.agent.get(`/interviews/${interviewId}/scorecard`)).text).not.toContain(secret);

    const hrView = await hr.agent.get(`/interviews/${interviewId}`);
    expect(hrView.text).toContain('Итог Елены');
    expect(hrView.text).toContain('not submitted yet');
  });

  it('keeps interviews away from people not assigned to them', async () => {
    const { t, interviewId } = await setup();
    const other = await loginAs(t, 'interviewer');
    expect((await other.agent.get(`/interviews/${interviewId}`)).status).toBe(403);
    expect((await other.agent.get(`/interviews/${interviewId}/scorecard`)).status).toBe(403);
    const head = await loginAs(t, 'department_head', { department: 'Логистика' });
    expect((await head.agent.get(`/interviews/${interviewId}`)).status).toBe(403);
    const ownHead = await loginAs(t, 'department_head', { department: 'Коммерческий отдел' });
    expect((await ownHead.agent.get(`/interviews/${interviewId}`)).status).toBe(200);
    expect((await ownHead.agent.get(`/interviews/${interviewId}/scorecard`)).status).toBe(403);
  });
});
