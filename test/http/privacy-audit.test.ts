import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { runRetention } from '../../src/services/privacy.js';
import { jobScheduler } from '../../src/services/jobs.js';
import { seedCandidates } from '../../bench/lib.js';

const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);

async function withCandidate() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const res = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: 'Анна Петрова',
    email: 'anna@example.ru',
    phone: '+7 916 555-12-34',
    source: 'hh',
    resume_text: RESUME,
    consent: '1',
    consent_date: today(),
  });
  return { t, hr, id: Number(res.headers.location!.split('/').pop()) };
}

const actions = (t: TestApp) =>
  (t.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('audit log', () => {
  it('records views of personal data, decisions, exports and user changes, and cannot be edited', async () => {
    const { t, hr, id } = await withCandidate();
    await hr.agent.get(`/candidates/${id}`).expect(200);
    await hr.agent.post(`/candidates/${id}/items/crm`).type('form').send({ _csrf: hr.csrf, status: 'not_met' }).expect(302);
    await hr.agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: hr.csrf, decision: 'reject', reason: 'Нет CRM' })
      .expect(302);
    await hr.agent.get(`/vacancies/${t.demoVacancyId}/export.csv`).expect(200);
    const admin = await loginAs(t, 'admin');
    const victim = await makeUser(t.db, { role: 'interviewer' });
    await admin.agent
      .post(`/admin/users/${victim}`)
      .type('form')
      .send({ _csrf: admin.csrf, display_name: 'X', email: '', role: 'hr', department: '' })
      .expect(302);
    const a = actions(t);
    for (const x of [
      'candidate.create',
      'candidate.view',
      'screening.item',
      'screening.decision',
      'candidate.stage',
      'export.csv',
      'user.update',
      'login.success',
    ])
      expect(a).toContain(x);
    const roleChange = t.db.prepare("SELECT detail FROM audit_log WHERE action = 'user.update'").get() as { detail: string };
    expect(JSON.parse(roleChange.detail).role).toEqual({ from: 'interviewer', to: 'hr' });
    expect(() => t.db.prepare('UPDATE audit_log SET action = ?').run('x')).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);

    const page = await admin.agent.get('/admin/audit?action=screening');
    expect(page.status).toBe(200);
    expect(page.text).toContain('screening.decision');
    expect(page.text).not.toContain('<code>export.csv</code>');
    const bySubject = await admin.agent.get(`/admin/audit?subject=candidate:${id}`);
    expect(bySubject.text).toContain('candidate.view');
    expect((await hr.agent.get('/admin/audit')).status).toBe(403);
  });
});

describe('personal data', () => {
  it('exports everything held about one candidate', async () => {
    const { t, hr, id } = await withCandidate();
    t.db.prepare("UPDATE candidates SET city = 'Москва' WHERE id = ?").run(id);
    const res = await hr.agent.get(`/candidates/${id}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`candidate-${id}.json`);
    const data = JSON.parse(res.text);
    expect(data.candidate).toMatchObject({
      fullName: 'Анна Петрова',
      email: 'anna@example.ru',
      city: 'Москва',
      consent: { version: 'pd-consent-2026-01' },
    });
    expect(data.screening.items.length).toBe(9);
    expect(actions(t)).toContain('candidate.export');
  });

  it('erases on request after the name is typed, keeping scores for statistics', async () => {
    const { t, hr, id } = await withCandidate();
    t.db.prepare("UPDATE candidates SET city = 'Москва' WHERE id = ?").run(id);
    const wrong = await hr.agent.post(`/candidates/${id}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'Someone else' });
    expect(wrong.status).toBe(422);
    expect(t.db.prepare('SELECT email FROM candidates WHERE id = ?').get(id)).toEqual({ email: 'anna@example.ru' });
    await hr.agent.post(`/candidates/${id}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'анна петрова' }).expect(302);
    const row = t.db
      .prepare('SELECT full_name, email, phone, city, resume_text, anonymized_at FROM candidates WHERE id = ?')
      .get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ full_name: `#${id}`, email: null, phone: null, city: null, resume_text: '' });
    expect(row.anonymized_at).toBeTruthy();
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM screening_items WHERE candidate_id = ? AND evidence IS NOT NULL').get(id)).toEqual({
      n: 0,
    });
    expect(t.db.prepare('SELECT fit FROM candidate_scores WHERE candidate_id = ?').get(id)).toEqual({ fit: expect.any(Number) });
    const search = await hr.agent.get(`/vacancies/${t.demoVacancyId}/candidates?q=Петрова`);
    expect(search.text).toContain('0 candidates');
    expect(actions(t)).toContain('candidate.erase');
  });

  it('anonymizes candidates rejected longer ago than the retention period', async () => {
    const { t, hr, id } = await withCandidate();
    await hr.agent.post(`/candidates/${id}/decision`).type('form').send({ _csrf: hr.csrf, decision: 'reject', reason: 'x' }).expect(302);
    const admin = await loginAs(t, 'admin');
    const bad = await admin.agent.post('/admin/privacy').type('form').send({ _csrf: admin.csrf, months: '0' });
    expect(bad.status).toBe(422);
    await admin.agent.post('/admin/privacy').type('form').send({ _csrf: admin.csrf, months: '6' }).expect(302);
    expect(runRetention(t.db, '/nonexistent', new Date()).anonymized).toEqual([]);
    const later = new Date(Date.now() + 200 * 86_400_000);
    expect(runRetention(t.db, '/nonexistent', later).anonymized).toEqual([id]);
    expect(t.db.prepare('SELECT email FROM candidates WHERE id = ?').get(id)).toEqual({ email: null });
    const page = await admin.agent.get('/admin/privacy');
    expect(page.text).toContain('1 anonymized');
  });

  it('erases a backlog (the first run over years of history) in slices, letting other work run in between', async () => {
    const t = buildApp();
    seedCandidates(t.db, t.demoVacancyId, 70, 5);
    t.db.prepare("UPDATE candidates SET stage = 'rejected', stage_changed_at = '2019-01-01T00:00:00.000Z'").run();
    const due = () => t.db.prepare("SELECT COUNT(*) FROM candidates WHERE stage = 'rejected' AND anonymized_at IS NULL").pluck().get();
    expect(due()).toBe(70);
    const log: string[] = [];
    let turns = 0;
    let done = false;
    const other = () => {
      turns += 1;
      if (!done) setImmediate(other);
    };
    setImmediate(other);
    const runs = await jobScheduler(t.db, { dataDir: t.dataDir, publicUrl: 'http://localhost:3000' }, (l) => log.push(l)).runDue(
      new Date(),
    );
    done = true;
    expect(runs.find((r) => r.name === 'retention')).toMatchObject({ ok: true, result: { anonymized: 70 } });
    expect(due()).toBe(0);
    expect(log.some((l) => l.startsWith('Retention: 70 candidate(s) anonymized'))).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(3); // 70 in slices of 20: the event loop turned between them
  });
});

describe('login protection and headers', () => {
  it('locks a username after repeated failures and says so', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const { agent, csrf } = await anonymous(t.app);
    for (let i = 0; i < 5; i += 1)
      await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anna', password: 'wrong' }).expect(401);
    const locked = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anna', password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeTruthy();
    expect(locked.text).toContain('Too many failed attempts');
    expect(actions(t)).toContain('login.locked');
  });

  it('sends a Content-Security-Policy without inline scripts, and no X-Powered-By', async () => {
    const t = buildApp();
    const res = await request(t.app).get('/login');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });
});
