import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, csrfFrom, loginAs, type Agent, type TestApp } from '../helpers/app.js';
import { DEMO_DEPARTMENT } from '../../src/content/demo-vacancy.js';
import { defaultStartDate } from '../../src/domain/offer.js';
import { postAssignment } from '../helpers/intake.js';

// Issue 12, deliver 3: an offer proposed from the vacancy profile, approved by the department's head (and a
// second approver when the vacancy names one), printed in the candidate's language, then accepted or declined.

// A shared machine can be slow: sign-ins hash passwords.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Who = { agent: Agent; csrf: string; userId: number };

const RESUME_RU = `Иванова Мария Петровна
Опыт работы
2019 — настоящее время. Менеджер по работе с ключевыми клиентами, ООО «Вкусные продукты» (FMCG)
Вела федеральные сети: X5, Магнит, Лента. Переговоры по ассортиментной матрице и промо.`;
const RESUME_EN = `Mary Smith
Experience
2018 — present. Key Account Manager, Tasty Foods (FMCG)
Managed national retail chains, negotiated listings, promo calendars and trade terms.`;

const today = () => new Date().toISOString().slice(0, 10);
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
let hr: Who;
let head: Who;
let otherHead: Who;
let second: Who;
let interviewer: Who;

async function addCandidate(name: string, resume: string): Promise<number> {
  const res = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: name,
    email: '',
    phone: '',
    source: 'referral',
    resume_text: resume,
    consent: '1',
    consent_date: today(),
    confirm_duplicate: '1',
  });
  expect(res.status, res.text.slice(0, 300)).toBe(302);
  return Number(String(res.headers.location).split('/').pop());
}

const stageOf = (id: number) => (t.db.prepare('SELECT stage FROM candidates WHERE id = ?').get(id) as { stage: string }).stage;
const offerOf = (id: number) =>
  t.db.prepare('SELECT * FROM offers WHERE candidate_id = ? ORDER BY id DESC LIMIT 1').get(id) as Record<string, unknown> | undefined;
const auditActions = (candidateId: number) =>
  (
    t.db
      .prepare("SELECT action FROM audit_log WHERE subject_type = 'candidate' AND subject_id = ? ORDER BY id")
      .all(String(candidateId)) as { action: string }[]
  ).map((r) => r.action);

function offerForm(over: Record<string, string> = {}) {
  return {
    _csrf: hr.csrf,
    grade: 'middle',
    base_salary: '185 000',
    currency: 'RUB',
    bonus_pct: '15',
    bonus_terms: 'Sell-in plan and numeric distribution in key chains',
    start_date: future(30),
    lang: 'en',
    ...over,
  };
}

async function approve(who: Who, id: number, verdict = 'approve', note = '') {
  const page = await who.agent.get(`/candidates/${id}/offer`);
  return who.agent
    .post(`/candidates/${id}/offer/approval`)
    .type('form')
    .send({ _csrf: page.status === 200 ? csrfFrom(page.text) : who.csrf, verdict, note });
}

beforeAll(async () => {
  t = buildApp();
  hr = await loginAs(t, 'hr');
  head = await loginAs(t, 'department_head', { department: DEMO_DEPARTMENT });
  otherHead = await loginAs(t, 'department_head', { department: 'Логистика' });
  second = await loginAs(t, 'admin');
  interviewer = await loginAs(t, 'interviewer');
});

describe('the offer flow', () => {
  it('proposes from the vacancy profile, waits for the head and the second approver, prints, is accepted: hired', async () => {
    const id = await addCandidate('Иванова Мария Петровна', RESUME_RU);

    // The vacancy names a second approver.
    const settings = await hr.agent.get(`/vacancies/${t.demoVacancyId}/offer-settings`);
    expect(settings.status).toBe(200);
    const saved = await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/offer-settings`)
      .type('form')
      .send({ _csrf: hr.csrf, second_approver: String(second.userId) });
    expect(saved.status).toBe(302);
    // The department's own head cannot be the second approver.
    const self = await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/offer-settings`)
      .type('form')
      .send({ _csrf: hr.csrf, second_approver: String(head.userId) });
    expect(self.status).toBe(422);
    expect(self.text).toContain('f-second_approver-error');

    // The form starts from the profile: the middle of 150,000–220,000, the top bonus, a Monday four weeks on, the resume's language.
    const form = await hr.agent.get(`/candidates/${id}/offer`);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/name="base_salary" type="text" value="185000"/);
    expect(form.text).toMatch(/name="bonus_pct" type="text" value="15"/);
    expect(form.text).toContain(`value="${defaultStartDate(today())}"`);
    expect(form.text).toMatch(/<option value="ru" selected>/);

    const proposed = await hr.agent
      .post(`/candidates/${id}/offer`)
      .type('form')
      .send(offerForm({ lang: 'ru' }));
    expect(proposed.status).toBe(302);
    expect(stageOf(id)).toBe('offer');
    expect(offerOf(id)).toMatchObject({
      status: 'pending',
      base_salary: 185000,
      bonus_pct: 15,
      second_approver_id: second.userId,
      lang: 'ru',
    });
    // A second offer while one is under way is refused, with the form kept.
    const twice = await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm());
    expect(twice.status).toBe(409);

    // HR proposes but does not approve; a head of another department may neither see nor approve.
    expect((await approve(hr, id)).status).toBe(403);
    expect((await otherHead.agent.get(`/candidates/${id}/offer`)).status).toBe(403);
    const sneaky = await otherHead.agent
      .post(`/candidates/${id}/offer/approval`)
      .type('form')
      .send({ _csrf: otherHead.csrf, verdict: 'approve' });
    expect(sneaky.status).toBe(403);
    expect((await interviewer.agent.get(`/candidates/${id}/offer`)).status).toBe(403);
    // Approving before approval is possible: the answer is refused.
    const early = await hr.agent.post(`/candidates/${id}/offer/answer`).type('form').send({ _csrf: hr.csrf, answer: 'accepted' });
    expect(early.status).toBe(409);

    // The head finds it on their list and approves; the offer still waits for the second approver.
    const list = await head.agent.get('/approvals');
    expect(list.text).toContain(`/candidates/${id}/offer`);
    expect((await approve(head, id)).status).toBe(302);
    expect(offerOf(id)).toMatchObject({ status: 'pending', head_approved_by: head.userId });
    expect((await approve(head, id)).status).toBe(403); // once only
    const secondList = await second.agent.get('/approvals');
    expect(secondList.text).toContain(`/candidates/${id}/offer`);
    expect((await approve(second, id)).status).toBe(302);
    expect(offerOf(id)).toMatchObject({ status: 'approved', second_approved_by: second.userId });

    // The letter speaks the candidate's language (Russian here), whatever the reader's (English), and prints.
    const letter = await hr.agent.get(`/candidates/${id}/offer/letter`);
    expect(letter.status).toBe(200);
    expect(letter.text).toContain('Предложение о работе');
    expect(letter.text).toContain('Иванова Мария Петровна');
    expect(letter.text).toMatch(/185\s000/);
    expect(letter.text).toContain('До 15 % годового оклада');
    expect(letter.text).not.toContain('Черновик');
    expect(letter.text).toContain('/offers.css');
    const css = await hr.agent.get('/offers.css');
    expect(css.text).toContain('@media print');
    expect((await head.agent.get(`/candidates/${id}/offer/letter`)).status).toBe(200);

    const accepted = await hr.agent
      .post(`/candidates/${id}/offer/answer`)
      .type('form')
      .send({ _csrf: hr.csrf, answer: 'accepted', reason: '' });
    expect(accepted.status).toBe(302);
    expect(stageOf(id)).toBe('hired');
    expect(offerOf(id)).toMatchObject({ status: 'accepted' });
    expect(t.db.prepare('SELECT outcome FROM candidate_outcomes WHERE candidate_id = ?').get(id)).toEqual({ outcome: 'hired' });
    expect(auditActions(id)).toEqual(expect.arrayContaining(['offer.propose', 'offer.approve', 'offer.accept', 'candidate.stage']));
    expect(auditActions(id).filter((a) => a === 'offer.approve')).toHaveLength(2);
  });

  it('prints an English letter for an English resume, marked as a draft before approval', async () => {
    await hr.agent.post(`/vacancies/${t.demoVacancyId}/offer-settings`).type('form').send({ _csrf: hr.csrf, second_approver: '' });
    const id = await addCandidate('Mary Smith', RESUME_EN);
    const form = await hr.agent.get(`/candidates/${id}/offer`);
    expect(form.text).toMatch(/<option value="en" selected>/);
    expect((await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm())).status).toBe(302);
    const draft = await hr.agent.get(`/candidates/${id}/offer/letter`);
    expect(draft.text).toContain('Job offer');
    expect(draft.text).toContain('Dear Mary Smith,');
    expect(draft.text).toContain('Draft — not approved yet');
  });

  it('keeps what was typed when the offer form is wrong, and saves nothing', async () => {
    const id = await addCandidate('Петров Павел', RESUME_RU);
    const bad = await hr.agent
      .post(`/candidates/${id}/offer`)
      .type('form')
      .send(offerForm({ base_salary: 'много', start_date: '2020-01-01', bonus_terms: 'Квартальный план' }));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-base_salary-error"');
    expect(bad.text).toContain('id="f-start_date-error"');
    expect(bad.text).toContain('href="#f-base_salary"');
    expect(bad.text).toContain('value="много"');
    expect(bad.text).toContain('Квартальный план');
    expect(offerOf(id)).toBeUndefined();
    expect(stageOf(id)).toBe('new');
  });

  it('declined: needs a reason of the candidate, then closes the candidate as rejected', async () => {
    const id = await addCandidate('Сидорова Ольга', RESUME_RU);
    expect((await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm())).status).toBe(302);
    // The head refuses without a comment: asked for one; then approves.
    const bare = await approve(head, id, 'refuse', '');
    expect(bare.status).toBe(422);
    expect(bare.text).toContain('f-note-error');
    expect(bare.text).toMatch(/id="verdict-refuse" name="verdict" value="refuse"\s+checked/);
    expect((await approve(head, id)).status).toBe(302);
    expect(offerOf(id)).toMatchObject({ status: 'approved' });

    const noReason = await hr.agent
      .post(`/candidates/${id}/offer/answer`)
      .type('form')
      .send({ _csrf: hr.csrf, answer: 'declined', reason: '', note: 'Ушла к конкуренту' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('f-reason-error');
    expect(noReason.text).toMatch(/id="answer-declined" name="answer" value="declined"\s+checked/);
    expect(noReason.text).toContain('Ушла к конкуренту');
    expect(stageOf(id)).toBe('offer');

    const reason = t.db.prepare("SELECT id FROM decision_reasons WHERE kind = 'candidate' ORDER BY position LIMIT 1").get() as {
      id: number;
    };
    const hireReason = t.db.prepare("SELECT id FROM decision_reasons WHERE kind = 'hire' LIMIT 1").get() as { id: number };
    // A hire reason does not explain a refusal.
    const wrongKind = await hr.agent
      .post(`/candidates/${id}/offer/answer`)
      .type('form')
      .send({ _csrf: hr.csrf, answer: 'declined', reason: String(hireReason.id) });
    expect(wrongKind.status).toBe(422);
    const declined = await hr.agent
      .post(`/candidates/${id}/offer/answer`)
      .type('form')
      .send({ _csrf: hr.csrf, answer: 'declined', reason: String(reason.id), note: 'Ушла к конкуренту' });
    expect(declined.status).toBe(302);
    expect(stageOf(id)).toBe('rejected');
    expect(offerOf(id)).toMatchObject({ status: 'declined', outcome_reason_id: reason.id });
    expect(t.db.prepare('SELECT outcome, reason_id AS reasonId, stage FROM candidate_outcomes WHERE candidate_id = ?').get(id)).toEqual({
      outcome: 'declined_by_candidate',
      reasonId: reason.id,
      stage: 'offer',
    });
    expect(auditActions(id)).toContain('offer.decline');
    // Closed: no new offer.
    expect((await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm())).status).toBe(409);
  });

  it('a refused offer ends; HR may propose a new one', async () => {
    const id = await addCandidate('Кузнецов Олег', RESUME_RU);
    expect((await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm())).status).toBe(302);
    expect((await approve(head, id, 'refuse', 'Оклад выше вилки')).status).toBe(302);
    expect(offerOf(id)).toMatchObject({ status: 'refused', refusal_note: 'Оклад выше вилки', refused_by: head.userId });
    expect(auditActions(id)).toContain('offer.refuse');
    expect(
      (
        await hr.agent
          .post(`/candidates/${id}/offer`)
          .type('form')
          .send(offerForm({ base_salary: '200000' }))
      ).status,
    ).toBe(302);
    expect(offerOf(id)).toMatchObject({ status: 'pending', base_salary: 200000 });
    const page = await hr.agent.get(`/candidates/${id}/offer`);
    expect(page.text).toContain('Оклад выше вилки'); // the earlier offer, listed
  });
});

describe('stages move themselves, never backwards', () => {
  it('an interview scheduled moves to interview, a task assigned to take-home, an offer to offer; later work does not move back', async () => {
    const id = await addCandidate('Морозова Анна', RESUME_RU);
    expect(stageOf(id)).toBe('new');
    const iv = await hr.agent
      .post(`/candidates/${id}/interviews`)
      .type('form')
      .send({
        _csrf: hr.csrf,
        stage: 'competency',
        date: future(1),
        time: '15:00',
        duration_min: '60',
        location: 'Zoom',
        interviewers: [String(interviewer.userId)],
      });
    expect(iv.status).toBe(302);
    expect(stageOf(id)).toBe('interview');
    // Not the interviewer: someone on the panel is refused as a blind grader.
    const asg = await postAssignment(hr, id, [String(head.userId)]);
    expect(asg.status).toBe(200);
    expect(stageOf(id)).toBe('take_home');
    expect((await hr.agent.post(`/candidates/${id}/offer`).type('form').send(offerForm())).status).toBe(302);
    expect(stageOf(id)).toBe('offer');
    // Another interview now does not pull the candidate back.
    const again = await hr.agent
      .post(`/candidates/${id}/interviews`)
      .type('form')
      .send({
        _csrf: hr.csrf,
        stage: 'final',
        date: future(2),
        time: '11:00',
        duration_min: '45',
        location: '',
        interviewers: [String(interviewer.userId)],
      });
    expect(again.status).toBe(302);
    expect(stageOf(id)).toBe('offer');
    const moves = t.db
      .prepare("SELECT old_value AS f, new_value AS t FROM candidate_events WHERE candidate_id = ? AND kind = 'stage' ORDER BY id")
      .all(id);
    expect(moves).toEqual([
      { f: 'new', t: 'interview' },
      { f: 'interview', t: 'take_home' },
      { f: 'take_home', t: 'offer' },
    ]);
    const page = await hr.agent.get(`/candidates/${id}`);
    expect(page.text).toMatch(/class="stage-step reached done"[^>]*>\s*Interview/);
    expect(page.text).toMatch(/class="stage-step reached"[^>]*aria-current="step">\s*Offer/);
  });
});

describe('hostile forms', () => {
  it('answer 4xx, never 5xx, to arrays, nested values and junk on every decision-day form', async () => {
    const id = await addCandidate('Юдин Глеб', RESUME_RU);
    const junk = [
      { grade: ['middle', 'senior'], base_salary: { a: 1 }, start_date: '2026-02-30', lang: 'de', bonus_pct: '1e400' },
      { verdict: ['approve'], note: { x: 'y' }, answer: 'maybe', reason: '-1', outcome_reason: ['1', '2'], outcome_note: ['a'] },
      { reason: '99999999999999999999', answer: 'declined', second_approver: 'abc', kind: 'other', label_ru: ['a'], label_en: '' },
    ];
    const posts = [
      `/candidates/${id}/offer`,
      `/candidates/${id}/offer/approval`,
      `/candidates/${id}/offer/answer`,
      `/candidates/${id}/outcome`,
      `/candidates/${id}/decision`,
      `/vacancies/${t.demoVacancyId}/offer-settings`,
    ];
    for (const url of posts)
      for (const body of junk) {
        const res = await hr.agent
          .post(url)
          .type('form')
          .send({ _csrf: hr.csrf, ...body });
        expect(res.status, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(300);
        expect(res.status, `${url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    for (const body of junk) {
      for (const url of ['/admin/decision-reasons', '/admin/decision-reasons/1', '/admin/decision-reasons/abc']) {
        const res = await second.agent
          .post(url)
          .type('form')
          .send({ _csrf: second.csrf, ...body });
        expect(res.status, `${url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    expect(offerOf(id)).toBeUndefined();
    expect(stageOf(id)).toBe('new');
  });
});
