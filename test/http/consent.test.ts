import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { createRepos } from '../../src/db/repos.js';
import { jobScheduler } from '../../src/services/jobs.js';

const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);
const DAY = 86_400_000;
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) KamHireTest/1.0';

async function setup() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr', { username: 'hr_anna' });
  t.db.prepare("UPDATE users SET email = 'hr.anna@example.ru' WHERE id = ?").run(hr.userId);
  const add = async (name: string, email: string | null) => {
    const res = await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({
        _csrf: hr.csrf,
        full_name: name,
        email: email ?? '',
        source: 'hh',
        resume_text: RESUME,
        consent: '1',
        consent_date: today(),
      });
    expect(res.status).toBe(302);
    return Number(res.headers.location!.split('/').pop());
  };
  return { t, hr, add };
}

const outbox = (t: TestApp, kind: string) =>
  t.db.prepare('SELECT * FROM outbox WHERE kind = ? ORDER BY id').all(kind) as {
    to_address: string;
    body_text: string;
    subject: string;
    user_id: number | null;
    candidate_id: number | null;
  }[];
const consentRow = (t: TestApp, id: number) =>
  t.db.prepare('SELECT * FROM candidate_consents WHERE candidate_id = ?').get(id) as Record<string, string | null>;

async function requestLink(t: TestApp, hr: Awaited<ReturnType<typeof setup>>['hr'], id: number): Promise<string> {
  const res = await hr.agent.post(`/candidates/${id}/consent/request`).type('form').send({ _csrf: hr.csrf });
  expect(res.status).toBe(303);
  const mail = outbox(t, 'consent_request')
    .filter((m) => m.candidate_id === id)
    .pop()!;
  return /\/consent\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
}

describe('consent to personal-data processing', () => {
  it('treats candidates added with the form box as given, recorded by HR', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Петрова Анна Сергеевна', 'anna@example.ru');
    expect(consentRow(t, id)).toMatchObject({ state: 'given', source: 'hr_recorded', text_version: 'pd-consent-2026-01' });
    const card = await hr.agent.get(`/candidates/${id}`);
    expect(card.text).toContain('consent-given');
    const list = await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates`);
    expect(list.text).toContain('consent-given');
  });

  it('sends a consent request: an outbox row with a private link whose token is stored only hashed', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Петрова Анна Сергеевна', 'anna@example.ru');
    const token = await requestLink(t, hr, id);
    const [mail] = outbox(t, 'consent_request');
    expect(mail!.to_address).toBe('anna@example.ru');
    expect(mail!.body_text).toContain(`http://localhost:3000/consent/${token}`);
    expect(mail!.body_text).toContain('Анна');
    const row = consentRow(t, id);
    expect(row.state).toBe('requested');
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Date.parse(row.token_expires_at!) - Date.now()).toBeGreaterThan(13 * DAY);
    expect((await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates`)).text).toContain('consent-requested');
  });

  it('records IP address, browser, time and the exact text version when the candidate accepts; HR sees "given"', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Петрова Анна Сергеевна', 'anna@example.ru');
    const token = await requestLink(t, hr, id);
    const { agent } = await anonymous(t.app, 'ru');
    const page = await agent.get(`/consent/${token}`).set('User-Agent', UA);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Согласие на обработку персональных данных');
    expect(page.text).toContain('pd-vacancy-2026-12');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const res = await agent.post(`/consent/${token}`).set('User-Agent', UA).type('form').send({ _csrf: csrf, action: 'accept' });
    expect(res.status).toBe(303);
    const row = consentRow(t, id);
    expect(row).toMatchObject({ state: 'given', source: 'link', text_version: 'pd-vacancy-2026-12', text_lang: 'ru', user_agent: UA });
    expect(row.ip).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    expect(Math.abs(Date.parse(row.decided_at!) - Date.now())).toBeLessThan(60_000);
    expect(row.accepted_text).toContain('Менеджер по работе с ключевыми клиентами');
    const card = await hr.agent.get(`/candidates/${id}/consent`);
    expect(card.text).toContain('consent-given');
    expect(card.text).toContain(UA);
    // Answered: the page now offers withdrawal, not a second acceptance.
    const again = await agent.get(`/consent/${token}`);
    expect(again.text).toContain('value="withdraw"');
    expect(again.text).not.toContain('value="accept"');
  });

  it('records a decline, and the candidate may still accept while the link is valid', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Orlov Pavel', 'pavel@example.ru');
    const token = await requestLink(t, hr, id);
    const { agent, csrf } = await anonymous(t.app, 'en');
    await agent.post(`/consent/${token}`).type('form').send({ _csrf: csrf, action: 'decline' }).expect(303);
    expect(consentRow(t, id).state).toBe('declined');
    expect((await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates`)).text).toContain('consent-declined');
    const page = await agent.get(`/consent/${token}`);
    expect(page.text).toContain('value="accept"');
    expect(page.text).not.toContain('value="decline"');
    await agent.post(`/consent/${token}`).type('form').send({ _csrf: csrf, action: 'accept' }).expect(303);
    expect(consentRow(t, id).state).toBe('given');
  });

  it('refuses an expired link with a clear message and changes nothing', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Orlov Pavel', 'pavel@example.ru');
    const token = await requestLink(t, hr, id);
    t.db.prepare("UPDATE candidate_consents SET token_expires_at = '2020-01-01T00:00:00.000Z' WHERE candidate_id = ?").run(id);
    const { agent, csrf } = await anonymous(t.app, 'en');
    const page = await agent.get(`/consent/${token}`);
    // The candidate reads in their own language (Russian until candidates have one) unless they switch.
    expect(page.text).toContain('Срок действия ссылки истёк');
    const res = await agent.post(`/consent/${token}`).type('form').send({ _csrf: csrf, action: 'accept' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Срок действия ссылки истёк');
    expect(consentRow(t, id).state).toBe('requested');
    expect((await agent.get('/consent/not-a-real-token-at-all-000000')).status).toBe(404);
  });

  it('withdrawal schedules erasure and tells HR; the job erases after the term and the act lists it', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Петрова Анна Сергеевна', 'anna@example.ru');
    const token = await requestLink(t, hr, id);
    const { agent, csrf } = await anonymous(t.app, 'ru');
    await agent.post(`/consent/${token}`).type('form').send({ _csrf: csrf, action: 'accept' }).expect(303);
    await agent.post(`/consent/${token}`).type('form').send({ _csrf: csrf, action: 'withdraw' }).expect(303);
    const row = consentRow(t, id);
    expect(row.state).toBe('withdrawn');
    const due = Date.parse(row.erasure_due_at!);
    const withdrawnAt = Date.parse(row.withdrawn_at!);
    expect(due - withdrawnAt).toBeLessThanOrEqual(30 * DAY);
    expect(due - withdrawnAt).toBeGreaterThanOrEqual(28 * DAY);
    const notice = outbox(t, 'consent_withdrawn');
    expect(notice.map((m) => m.to_address)).toEqual(['hr.anna@example.ru']);
    expect(notice[0]!.body_text).toContain('Петрова Анна Сергеевна');
    // HR's tasks show the withdrawal until the data are gone.
    const home = await hr.agent.get('/');
    expect(home.text).toContain(`/candidates/${id}/consent`);
    expect(home.text).toMatch(/1 candidate withdrew consent/);

    const log: string[] = [];
    const run = (now: Date) =>
      jobScheduler(t.db, { dataDir: t.dataDir, publicUrl: 'http://localhost:3000' }, (l) => log.push(l)).runDue(now);
    await run(new Date(withdrawnAt + 20 * DAY));
    expect(t.db.prepare('SELECT anonymized_at FROM candidates WHERE id = ?').get(id)).toEqual({ anonymized_at: null });
    const runs = await run(new Date(withdrawnAt + 30 * DAY));
    expect(runs.find((r) => r.name === 'consent_erasure')).toMatchObject({ ok: true, result: { erased: 1 } });
    const c = t.db.prepare('SELECT full_name, email, anonymized_at FROM candidates WHERE id = ?').get(id) as Record<string, string | null>;
    expect(c.full_name).toBe(`#${id}`);
    expect(c.email).toBeNull();
    expect(consentRow(t, id)).toMatchObject({ ip: null, user_agent: null });
    const rec = t.db.prepare('SELECT * FROM destruction_records').all() as Record<string, string | null>[];
    expect(rec).toHaveLength(1);
    expect(rec[0]).toMatchObject({ candidate_ref: `#${id}`, grounds: 'consent_withdrawn', performed_by_job: 'consent_erasure' });
    expect(JSON.stringify(rec)).not.toContain('Петрова');
    const act = await hr.agent.get(`/privacy/destruction?from=2000-01-01&to=2100-12-31`);
    expect(act.status).toBe(200);
    expect(act.text).toContain(`candidate #${id}`);
    expect(act.text).toContain('the candidate withdrew consent');
    expect(act.text).not.toContain('Петрова');
    // The link of an erased candidate: a clear message, nothing about the person.
    const after = await agent.get(`/consent/${token}`);
    expect(after.status).toBe(410);
    expect(after.text).toContain('Персональные данные, к которым относилась эта ссылка, уничтожены');
    expect(after.text).not.toContain('Петрова');
    expect(createRepos(t.db).consent.withdrawnPending()).toEqual([]);
  });

  it('records retention erasures in the act too', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Orlov Pavel', 'pavel@example.ru');
    t.db.prepare("UPDATE candidates SET stage = 'rejected', stage_changed_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(id);
    await jobScheduler(t.db, { dataDir: t.dataDir, publicUrl: 'http://localhost:3000' }, () => undefined).runDue(new Date());
    const rec = t.db.prepare('SELECT grounds, candidate_ref, performed_by_job FROM destruction_records').all();
    expect(rec).toEqual([{ grounds: 'retention', candidate_ref: `#${id}`, performed_by_job: 'retention' }]);
    const act = await hr.agent.get('/privacy/destruction?from=2000-01-01&to=2100-12-31');
    expect(act.text).toContain('retention period ended');
    const bad = await hr.agent.get('/privacy/destruction?from=2025-05-01&to=2025-01-01');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('The end date must not be before the start date.');
  });

  it('lets HR record a consent given on paper or a job board, validating the form and keeping what was typed', async () => {
    const { t, hr, add } = await setup();
    const id = await add('Orlov Pavel', '');
    // No e-mail: the request is refused with a message, nothing is queued.
    const refused = await hr.agent.post(`/candidates/${id}/consent/request`).type('form').send({ _csrf: hr.csrf });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('The candidate has no e-mail address');
    expect(outbox(t, 'consent_request')).toHaveLength(0);

    const bad = await hr.agent
      .post(`/candidates/${id}/consent/record`)
      .type('form')
      .send({ _csrf: hr.csrf, source: 'paper', date: '2999-01-01', detail: 'Бланк № 17' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('The date cannot be in the future.');
    expect(bad.text).toContain('href="#f-date"');
    expect(bad.text).toContain('Бланк № 17');
    expect(consentRow(t, id).source).toBe('hr_recorded');

    const ok = await hr.agent
      .post(`/candidates/${id}/consent/record`)
      .type('form')
      .send({ _csrf: hr.csrf, source: 'job_board', date: today(), detail: 'hh.ru, отклик 123' });
    expect(ok.status).toBe(303);
    expect(consentRow(t, id)).toMatchObject({
      state: 'given',
      source: 'job_board',
      source_detail: 'hh.ru, отклик 123',
      decided_at: today(),
    });
    const page = await hr.agent.get(`/candidates/${id}/consent`);
    expect(page.text).toContain('on a job board');
    // A documented consent is not replaced: neither asking again nor recording again is offered.
    expect(page.text).not.toContain(`/candidates/${id}/consent/record"`);
    const again = await hr.agent
      .post(`/candidates/${id}/consent/record`)
      .type('form')
      .send({ _csrf: hr.csrf, source: 'paper', date: today() });
    expect(again.status).toBe(409);
  });
});
