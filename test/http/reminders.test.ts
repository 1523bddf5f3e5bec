import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { createRepos } from '../../src/db/repos.js';
import { runReminders } from '../../src/services/reminders.js';
import { openDatabase } from '../../src/db/connection.js';
import { jobScheduler } from '../../src/services/jobs.js';
import { postCandidate, postAssignment } from '../helpers/intake.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);
const HOUR = 3_600_000;
const URL_BASE = 'http://hire.example.ru';

/** A candidate with one interview (the interviewer has an e-mail address), its time set by the test. */
async function setup() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const add = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: 'Орлов Павел',
    email: 'pavel@example.ru',
    source: 'hh',
    resume_text: RESUME,
    consent: '1',
    consent_date: today(),
  });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const iv = await loginAs(t, 'interviewer', { username: 'ivan' });
  t.db.prepare("UPDATE users SET email = 'ivan@example.ru' WHERE id = ?").run(iv.userId);
  const res = await hr.agent
    .post(`/candidates/${candidateId}/interviews`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage: 'competency',
      date: today(),
      time: '15:00',
      duration_min: '60',
      location: 'Zoom',
      interviewers: [String(iv.userId)],
    });
  expect(res.status).toBe(302);
  const interviewId = Number(res.headers.location!.split('/').pop());
  const at = (iso: string) => t.db.prepare('UPDATE interviews SET scheduled_at = ? WHERE id = ?').run(iso, interviewId);
  return { t, hr, iv, candidateId, interviewId, at };
}

const reminders = (t: TestApp, kind = 'scorecard_reminder') =>
  t.db.prepare('SELECT to_address, subject, body_text, user_id FROM outbox WHERE kind = ? ORDER BY id').all(kind) as {
    to_address: string;
    subject: string;
    body_text: string;
    user_id: number;
  }[];

describe('reminders', () => {
  it('queues a missing-scorecard reminder N hours after the interview ended, once a day', async () => {
    const { t, iv, interviewId, at } = await setup();
    const repos = createRepos(t.db);
    const start = new Date('2026-03-10T09:00:00.000Z');
    at(start.toISOString());
    // Ended at 10:00 UTC; the default is 24 hours after the end.
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 24 * HOUR)).scorecard).toBe(0);
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 25 * HOUR)).scorecard).toBe(1);
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 26 * HOUR)).scorecard).toBe(0);
    const [mail] = reminders(t);
    expect(mail).toMatchObject({ to_address: 'ivan@example.ru', user_id: iv.userId });
    expect(mail!.body_text).toContain(`${URL_BASE}/interviews/${interviewId}/scorecard`);
    expect(mail!.body_text).toContain('Орлов Павел');
    // The next day (Moscow) brings one more, and only one.
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 49 * HOUR)).scorecard).toBe(1);
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 50 * HOUR)).scorecard).toBe(0);
    expect(reminders(t)).toHaveLength(2);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM reminders_sent WHERE kind = 'scorecard' AND outbox_id IS NOT NULL").get()).toEqual({
      n: 2,
    });
  });

  it('follows the vacancy setting, validated on its form', async () => {
    const { t, hr, at } = await setup();
    const bad = await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/reminders`)
      .type('form')
      .send({ _csrf: hr.csrf, scorecard_hours: '0', grading_days: 'three' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter a number from 1 to 720.');
    expect(bad.text).toContain('Enter a number.');
    expect(bad.text).toContain('value="three"');
    await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/reminders`)
      .type('form')
      .send({ _csrf: hr.csrf, scorecard_hours: '48', grading_days: '5' })
      .expect(303);
    const start = new Date('2026-03-10T09:00:00.000Z');
    at(start.toISOString());
    const repos = createRepos(t.db);
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 30 * HOUR)).scorecard).toBe(0);
    expect(runReminders(repos, URL_BASE, new Date(start.getTime() + 50 * HOUR)).scorecard).toBe(1);
    expect((await hr.agent.get(`/vacancies/${t.demoVacancyId}/reminders`)).text).toContain('value="48"');
  });

  it('respects a user who switched reminders off', async () => {
    const { t, iv, at } = await setup();
    const page = await iv.agent.get('/account/notifications');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="Europe/Moscow" selected');
    const bad = await iv.agent
      .post('/account/notifications')
      .type('form')
      .send({ _csrf: iv.csrf, reminders: 'off', time_zone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose one of the options offered.');
    await iv.agent
      .post('/account/notifications')
      .type('form')
      .send({ _csrf: iv.csrf, reminders: 'off', time_zone: 'Asia/Yekaterinburg' })
      .expect(303);
    const start = new Date('2026-03-10T09:00:00.000Z');
    at(start.toISOString());
    expect(runReminders(createRepos(t.db), URL_BASE, new Date(start.getTime() + 30 * HOUR)).scorecard).toBe(0);
    expect(reminders(t)).toHaveLength(0);
    await iv.agent
      .post('/account/notifications')
      .type('form')
      .send({ _csrf: iv.csrf, reminders: 'on', time_zone: 'Asia/Yekaterinburg' })
      .expect(303);
    expect(runReminders(createRepos(t.db), URL_BASE, new Date(start.getTime() + 30 * HOUR)).scorecard).toBe(1);
  });

  it('reminds a grader after N days without naming the candidate, and the candidate the day before the deadline', async () => {
    const { t, hr, candidateId } = await setup();
    const grader = await makeUser(t.db, { role: 'interviewer', username: 'grader1' });
    t.db.prepare("UPDATE users SET email = 'grader@example.ru' WHERE id = ?").run(grader);
    // Any deadline the form accepts: it is set by hand below. (Today at 18:00 Moscow was refused after 15:00 UTC.)
    const res = await postAssignment(hr, candidateId, [String(grader)]);
    expect(res.status).toBe(200);
    const a = t.db.prepare('SELECT id, code FROM assignments').get() as { id: number; code: string };
    const repos = createRepos(t.db);
    // Deadline 2026-03-11 18:00 Moscow: on the 10th (Moscow) the candidate hears about it, once.
    t.db.prepare("UPDATE assignments SET deadline_at = '2026-03-11T15:00:00.000Z' WHERE id = ?").run(a.id);
    expect(runReminders(repos, URL_BASE, new Date('2026-03-09T20:00:00.000Z')).take_home_deadline).toBe(0);
    expect(runReminders(repos, URL_BASE, new Date('2026-03-10T08:00:00.000Z')).take_home_deadline).toBe(1);
    expect(runReminders(repos, URL_BASE, new Date('2026-03-10T12:00:00.000Z')).take_home_deadline).toBe(0);
    expect(reminders(t, 'take_home_deadline_reminder')[0]!.to_address).toBe('pavel@example.ru');
    // Submitted on the 10th; graded by nobody: after 3 days (the default) the grader is reminded.
    t.db
      .prepare(
        "INSERT INTO submissions (assignment_id, version, body, idempotency_key, submitted_at) VALUES (?, 1, 'Ответ', 'k1', '2026-03-10T10:00:00.000Z')",
      )
      .run(a.id);
    expect(runReminders(repos, URL_BASE, new Date('2026-03-12T10:00:00.000Z')).grading).toBe(0);
    expect(runReminders(repos, URL_BASE, new Date('2026-03-13T11:00:00.000Z')).grading).toBe(1);
    const [mail] = reminders(t, 'grading_reminder');
    expect(mail!.to_address).toBe('grader@example.ru');
    expect(mail!.body_text).toContain(`${URL_BASE}/grading/${a.code}`);
    expect(mail!.body_text).not.toContain('Орлов');
    expect(mail!.subject).not.toContain('Орлов');
  });

  it('lists my tasks on the home page with counts and links to where the work is done', async () => {
    const { t, hr, iv, interviewId, at } = await setup();
    at(new Date(Date.now() - 3 * HOUR).toISOString());
    const home = await iv.agent.get('/');
    expect(home.text).toContain('My tasks');
    expect(home.text).toContain('1 scorecard to submit');
    expect(home.text).toContain(`href="/interviews/${interviewId}/scorecard"`);
    const ru = await loginAs(t, 'interviewer', { username: 'ivan_ru', lang: 'ru' });
    expect((await ru.agent.get('/')).text).toContain('Вас ничего не ждёт.');
    // Moved to noon tomorrow, Moscow time: listed as tomorrow's interview.
    const noonTomorrowMoscow = new Date(`${new Date(Date.now() + 86_400_000 + 3 * HOUR).toISOString().slice(0, 10)}T09:00:00.000Z`);
    at(noonTomorrowMoscow.toISOString());
    const tomorrow = await iv.agent.get('/');
    expect(tomorrow.text).toContain('1 interview tomorrow');
    expect(tomorrow.text).toContain(`href="/interviews/${interviewId}"`);
    // HR: a screened candidate waits for a decision in the demo vacancy (the interviewed one has moved on).
    expect((await postCandidate(hr, t.demoVacancyId, { full_name: 'Белова Ольга', email: 'o.belova@example.ru' })).status).toBe(302);
    const hrHome = await hr.agent.get('/');
    expect(hrHome.text).toMatch(/1 candidate waiting for a decision/);
    expect(hrHome.text).toContain(`href="/vacancies/${t.demoVacancyId}/candidates"`);
  });

  it('sends one reminder when two servers run their schedulers on the same database', async () => {
    const { t, at } = await setup();
    const start = new Date('2026-03-10T09:00:00.000Z');
    at(start.toISOString());
    // The same data as a file that two "processes" (two connections, two schedulers) share.
    const dir = mkdtempSync(join(tmpdir(), 'kam-two-'));
    dirs.push(dir);
    const file = join(dir, 'kam-hire.db');
    writeFileSync(file, t.db.serialize());
    const a = openDatabase(file);
    const b = openDatabase(file);
    const cfg = { dataDir: dir, publicUrl: URL_BASE };
    const sa = jobScheduler(a, cfg, () => undefined, { owner: 'server-a' });
    const sb = jobScheduler(b, cfg, () => undefined, { owner: 'server-b' });
    const now = new Date(start.getTime() + 30 * HOUR);
    const [ra, rb] = await Promise.all([sa.runDue(now), sb.runDue(now)]);
    const ran = [...ra, ...rb].filter((r) => r.name === 'reminders');
    expect(ran).toHaveLength(1);
    expect(ran[0]!.result).toMatchObject({ scorecard: 1 });
    // Fifteen minutes later the job runs again (once), and the reminder is not repeated the same day.
    const later = new Date(now.getTime() + 16 * 60_000);
    const again = [...(await sb.runDue(later)), ...(await sa.runDue(later))].filter((r) => r.name === 'reminders');
    expect(again).toHaveLength(1);
    expect(again[0]!.result).toMatchObject({ scorecard: 0 });
    expect(a.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'scorecard_reminder'").get()).toEqual({ n: 1 });
    a.close();
    b.close();
  });
});
