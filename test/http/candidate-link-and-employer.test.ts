import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { employerFor, parseEmployer } from '../../src/domain/employer.js';
import { postAssignment } from '../helpers/intake.js';

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

async function withAssignment(t: TestApp) {
  const hr = await loginAs(t, 'hr', { lang: 'ru' });
  const add = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: 'Мария Кузнецова',
      email: 'maria@example.com',
      phone: '',
      source: 'hh',
      resume_text: 'Менеджер по работе с ключевыми клиентами, 5 лет в FMCG.',
      consent: '1',
      consent_date: day(0),
    });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const grader = await makeUser(t.db, { role: 'interviewer' });
  const res = await postAssignment(hr, candidateId, [String(grader)]);
  expect(res.status).toBe(200);
  const url = /id="link" type="text" readonly value="(http[^"]+)"/.exec(res.text)![1]!;
  const assignmentId = (t.db.prepare('SELECT id FROM assignments WHERE candidate_id = ?').get(candidateId) as { id: number }).id;
  return { hr, candidateId, assignmentId, res, token: url.split('/t/')[1]! };
}

describe('the private take-home link page for HR', () => {
  it('names the candidate, offers a copy button with a selectable fallback, and says the link is shown only while open', async () => {
    const t = buildApp();
    const { res, candidateId } = await withAssignment(t);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(`<a href="/candidates/${candidateId}">Мария Кузнецова</a>`);
    // The copy button is a real button (keyboard: Tab + Enter), shown by the script; without it the read-only field stays.
    expect(res.text).toMatch(/<p class="copy-row" hidden data-copy-row>\s*<button type="button" data-copy="link"/);
    expect(res.text).toContain('data-select-all');
    expect(res.text).toContain('Ссылка видна только на этой странице, пока она открыта');
  });

  it('shows a fresh link after regenerating; the old one stops working and the task page says when the link was made', async () => {
    const t = buildApp();
    const { hr, assignmentId, token } = await withAssignment(t);
    expect((await request(t.app).get(`/t/${token}`)).status).toBe(200);
    const page = await hr.agent.get(`/assignments/${assignmentId}`);
    expect(page.text).toContain('Текущая ссылка кандидата создана');
    const again = await hr.agent.post(`/assignments/${assignmentId}/link`).type('form').send({ _csrf: hr.csrf });
    expect(again.status).toBe(200);
    const fresh = /id="link" type="text" readonly value="http[^"]+\/t\/([^"]+)"/.exec(again.text)![1]!;
    expect(fresh).not.toBe(token);
    expect(again.text).toContain('Мария Кузнецова');
    expect((await request(t.app).get(`/t/${token}`)).status).toBe(404);
    expect((await request(t.app).get(`/t/${fresh}`)).status).toBe(200);
  });
});

describe('the employer and contact on candidate pages', () => {
  it('admin sets them with validation that keeps every typed word; the task page shows them in the task language', async () => {
    const t = buildApp();
    const admin = await loginAs(t, 'admin', { lang: 'ru' });
    const bad = await admin.agent.post('/admin/settings').type('form').send({
      _csrf: admin.csrf,
      company_ru: '',
      company_en: '',
      contact_ru: 'Ольга Белова, HR',
      contact_en: '',
      email: 'not-an-address',
      phone: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Укажите название компании хотя бы на одном языке.');
    expect(bad.text).toContain('href="#f-company_ru"');
    expect(bad.text).toContain('value="Ольга Белова, HR"');
    expect(bad.text).toContain('value="not-an-address"');
    expect(t.db.prepare("SELECT value FROM settings WHERE key = 'employer'").get()).toBeUndefined();

    const ok = await admin.agent.post('/admin/settings').type('form').send({
      _csrf: admin.csrf,
      company_ru: 'ООО «Северный ветер»',
      company_en: 'Severny Veter LLC',
      contact_ru: 'Ольга Белова, HR',
      contact_en: 'Olga Belova, HR',
      email: 'hr@severny.example',
      phone: '+7 495 123-45-67',
    });
    expect(ok.status).toBe(302);
    expect((await admin.agent.get('/admin/settings')).text).toContain('value="ООО «Северный ветер»"');
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'settings.employer'").get()).toEqual({ n: 1 });

    const { token } = await withAssignment(t);
    const task = await request(t.app).get(`/t/${token}`);
    expect(task.text).toContain('Работодатель: ООО «Северный ветер»');
    expect(task.text).toContain('Ольга Белова, HR');
    expect(task.text).toContain('href="mailto:hr@severny.example"');
    expect(task.text).toContain('href="tel:+74951234567"');
    // An expired link still says whom to ask.
    t.db.prepare("UPDATE assignments SET deadline_at = '2020-01-01T00:00:00.000Z', grace_hours = 0").run();
    const gone = await request(t.app).get(`/t/${token}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('Работодатель: ООО «Северный ветер»');
  });

  it('picks the reader’s language, falls back to the other, and shows nothing when unset', () => {
    const e = parseEmployer(
      JSON.stringify({
        companyRu: 'ООО «Ромашка»',
        companyEn: '',
        contactRu: 'Анна',
        contactEn: 'Anna',
        email: '',
        phone: '8 (812) 000-00-00',
      }),
    );
    expect(employerFor(e, 'en')).toMatchObject({
      company: 'ООО «Ромашка»',
      contact: 'Anna',
      phone: '8 (812) 000-00-00',
      tel: '+78120000000',
    });
    expect(employerFor(parseEmployer(undefined), 'ru')).toBeNull();
    expect(employerFor(parseEmployer('{broken'), 'ru')).toBeNull();
  });
});
