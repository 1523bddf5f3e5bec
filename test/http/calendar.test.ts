import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { anonymous, buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { calendarRepo } from '../../src/db/calendar.js';

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const today = () => day(0);

interface OutRow {
  kind: string;
  to_address: string;
  user_id: number | null;
  candidate_id: number | null;
  subject: string;
  body_text: string;
  attachments: string;
}
const outbox = (t: TestApp) => t.db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutRow[];
const count = (t: TestApp, table: string) => (t.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function ics(row: OutRow) {
  const [a] = JSON.parse(row.attachments) as { filename: string; contentType: string; content: string; method: string }[];
  if (!a) throw new Error(`no attachment on the message to ${row.to_address}`);
  const root = new ICAL.Component(ICAL.parse(a.content));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const vevent = root.getFirstSubcomponent('vevent')!;
  return { a, root, vevent, event: new ICAL.Event(vevent) };
}

async function setup(opts: { email?: string | null } = {}) {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  t.db.prepare("UPDATE users SET email = 'hr@example.ru' WHERE id = ?").run(hr.userId);
  const add = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: 'Олег Сидоров',
      email: opts.email === undefined ? 'oleg@example.ru' : (opts.email ?? ''),
      phone: '',
      source: 'hh',
      resume_text: 'Менеджер по работе с ключевыми клиентами, 5 лет, FMCG, сети X5 и Магнит.',
      consent: '1',
      consent_date: today(),
    });
  expect(add.status).toBe(302);
  const candidateId = Number(add.headers.location!.split('/').pop());
  const ivan = await makeUser(t.db, { role: 'interviewer', username: 'ivan' });
  const elena = await makeUser(t.db, { role: 'department_head', username: 'elena', department: 'Коммерческий отдел' });
  t.db.prepare("UPDATE users SET email = 'ivan@example.ru', time_zone = 'Asia/Novosibirsk' WHERE id = ?").run(ivan);
  t.db.prepare("UPDATE users SET email = 'elena@example.ru', locale = 'ru' WHERE id = ?").run(elena);
  return { t, hr, candidateId, ivan, elena };
}

const scheduleForm = (csrf: string, over: Record<string, unknown> = {}) => ({
  _csrf: csrf,
  stage: 'competency',
  date: day(2),
  time: '11:00',
  duration_min: '60',
  location: 'Zoom',
  send_to_candidate: '1',
  mail_subject: 'Приглашение: {{vacancy.title}}',
  mail_body: 'Здравствуйте, {{candidate.name}}! Ждём вас {{interview.starts_at}}. Отдельное слово от HR.',
  ...over,
});

describe('calendar invitations on schedule, change and cancel', () => {
  it('queues the edited message to the candidate and an invitation to each interviewer, each with a parsable .ics', async () => {
    const { t, hr, candidateId, ivan, elena } = await setup();
    const form = await hr.agent.get(`/candidates/${candidateId}/interviews/new`);
    expect(form.text).toContain('name="send_to_candidate" value="1" checked');
    expect(form.text).toContain('{{interview.starts_at}}'); // the template, ready to edit
    const res = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: [String(ivan), String(elena)] }));
    expect(res.status).toBe(302);
    const interviewId = Number(res.headers.location!.split('/').pop());
    const rows = outbox(t);
    expect(rows.map((r) => [r.kind, r.to_address]).sort()).toEqual([
      ['interview_invitation', 'elena@example.ru'],
      ['interview_invitation', 'ivan@example.ru'],
      ['interview_invitation', 'oleg@example.ru'],
    ]);
    const cand = rows.find((r) => r.to_address === 'oleg@example.ru')!;
    expect(cand.body_text).toContain('Отдельное слово от HR');
    expect(cand.body_text).toContain('11:00');
    expect(cand.user_id).toBeNull();
    const c = ics(cand);
    expect(c.a.method).toBe('REQUEST');
    expect(c.a.contentType).toContain('method=REQUEST');
    expect(c.root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(c.event.uid).toBe(`interview-${interviewId}@localhost:3000`);
    expect(c.event.sequence).toBe(0);
    expect(c.event.startDate.zone?.tzid).toBe('Europe/Moscow');
    expect(c.event.startDate.toJSDate().toISOString()).toBe(`${day(2)}T08:00:00.000Z`);

    // Ivan works from Novosibirsk: his copy says 15:00 there, with links to his scorecard and the kit.
    const iv = rows.find((r) => r.to_address === 'ivan@example.ru')!;
    expect(iv.user_id).toBe(ivan);
    expect(iv.body_text).toContain(`/interviews/${interviewId}/scorecard`);
    expect(iv.body_text).toContain(`/interviews/${interviewId})`.slice(0, -1));
    expect(iv.body_text).toContain('15:00');
    const i = ics(iv);
    expect(i.event.uid).toBe(c.event.uid);
    expect(i.event.startDate.zone?.tzid).toBe('Asia/Novosibirsk');
    expect(i.event.startDate.utcOffset()).toBe(7 * 3600);
    expect(i.event.startDate.toJSDate().toISOString()).toBe(`${day(2)}T08:00:00.000Z`);
    expect(String(i.vevent.getFirstPropertyValue('url'))).toContain(`/interviews/${interviewId}/scorecard`);
    expect(rows.find((r) => r.to_address === 'elena@example.ru')!.subject).toContain('Собеседование'); // her locale
    expect((t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'interview.create'").get() as { n: number }).n).toBe(1);

    // Moved: SEQUENCE 1, the same UID, interview_changed to everyone.
    const edit = await hr.agent.get(`/interviews/${interviewId}/edit`);
    expect(edit.status).toBe(200);
    const moved = await hr.agent
      .post(`/interviews/${interviewId}/reschedule`)
      .type('form')
      .send({
        _csrf: hr.csrf,
        date: day(3),
        time: '12:30',
        duration_min: '45',
        location: 'Офис',
        send_to_candidate: '1',
        mail_subject: 'Новое время',
        mail_body: 'Теперь {{interview.starts_at}}.',
      });
    expect(moved.status).toBe(302);
    const changed = outbox(t).filter((r) => r.kind === 'interview_changed');
    expect(changed).toHaveLength(3);
    for (const r of changed) {
      const p = ics(r);
      expect(p.event.uid).toBe(c.event.uid);
      expect(p.event.sequence).toBe(1);
      expect(p.root.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(p.event.startDate.toJSDate().toISOString()).toBe(`${day(3)}T09:30:00.000Z`);
    }

    // Cancelled: METHOD:CANCEL, SEQUENCE 2; the interviewers always, the candidate only when HR sends it.
    const noConfirm = await hr.agent.post(`/interviews/${interviewId}/cancel`).type('form').send({ _csrf: hr.csrf });
    expect(noConfirm.status).toBe(422);
    expect(noConfirm.text).toContain('Tick the box to confirm the cancellation.');
    const cancelled = await hr.agent.post(`/interviews/${interviewId}/cancel`).type('form').send({ _csrf: hr.csrf, confirm: '1' });
    expect(cancelled.status).toBe(302);
    const cancels = outbox(t).filter((r) => r.kind === 'interview_cancelled');
    expect(cancels.map((r) => r.to_address).sort()).toEqual(['elena@example.ru', 'ivan@example.ru']);
    for (const r of cancels) {
      const p = ics(r);
      expect(p.a.method).toBe('CANCEL');
      expect(p.root.getFirstPropertyValue('method')).toBe('CANCEL');
      expect(p.event.sequence).toBe(2);
      expect(p.event.uid).toBe(c.event.uid);
    }
    expect((await hr.agent.get(`/interviews/${interviewId}`)).text).toContain('This interview is cancelled.');
    expect((await hr.agent.get(`/interviews/${interviewId}/edit`)).status).toBe(409);
  });

  it('stops at a broken placeholder or a missing address with the message at the field, saving nothing', async () => {
    const { t, hr, candidateId, ivan } = await setup({ email: null });
    const broken = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: String(ivan), send_to_candidate: undefined, mail_body: 'Ждём {{interview.start}}' }));
    // Not sending: the message is not checked, the interview is scheduled and the interviewer invited.
    expect(broken.status).toBe(302);
    expect(outbox(t).map((r) => r.to_address)).toEqual(['ivan@example.ru']);

    const noAddress = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: String(ivan), date: day(4) }));
    expect(noAddress.status).toBe(422);
    expect(noAddress.text).toContain('The candidate has no e-mail address: untick this');
    expect(noAddress.text).toContain('href="#f-send_to_candidate"');

    t.db.prepare("UPDATE candidates SET email = 'oleg@example.ru' WHERE id = ?").run(candidateId);
    const interviews = count(t, 'interviews');
    const mails = count(t, 'outbox');
    const hole = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: String(ivan), date: day(4), mail_body: 'Ждём вас {{interview.start}} — с уважением' }));
    expect(hole.status).toBe(422);
    expect(hole.text).toContain('Unknown placeholder: {{interview.start}}');
    expect(hole.text).toContain('id="f-mail_body-error"');
    expect(hole.text).toContain('Ждём вас {{interview.start}} — с уважением');
    expect(count(t, 'interviews')).toBe(interviews);
    expect(count(t, 'outbox')).toBe(mails);
  });

  it('warns when an interviewer is already booked then, keeps every value, and schedules only on confirmation', async () => {
    const { t, hr, candidateId, ivan, elena } = await setup();
    await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: String(ivan) }))
      .expect(302);
    const before = count(t, 'interviews');
    const clash = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { time: '11:30', location: 'Переговорная 5', interviewers: [String(ivan), String(elena)] }));
    expect(clash.status).toBe(409);
    expect(clash.text).toContain('An interviewer already has an interview then');
    expect(clash.text).toContain('Олег Сидоров');
    expect(clash.text).toContain('value="Переговорная 5"');
    expect(clash.text).toContain('value="11:30"');
    expect(clash.text).toContain('name="confirm_overlap" value="1"');
    expect(count(t, 'interviews')).toBe(before);
    // Back to back is no overlap.
    await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { time: '12:00', interviewers: String(ivan) }))
      .expect(302);
    const confirmed = await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { time: '11:30', interviewers: [String(ivan), String(elena)], confirm_overlap: '1' }));
    expect(confirmed.status).toBe(302);
    expect(count(t, 'interviews')).toBe(before + 2);
  });
});

describe('personal calendar feed', () => {
  it('shows a secret address once, serves the interviews without login, and stops serving it when renewed or revoked', async () => {
    const { t, hr, candidateId } = await setup();
    const ivanLogin = await loginAs(t, 'interviewer', { username: 'pavel' });
    t.db.prepare("UPDATE users SET time_zone = 'Europe/London' WHERE id = ?").run(ivanLogin.userId);
    await hr.agent
      .post(`/candidates/${candidateId}/interviews`)
      .type('form')
      .send(scheduleForm(hr.csrf, { interviewers: String(ivanLogin.userId) }))
      .expect(302);

    const page = await ivanLogin.agent.get('/calendar');
    expect(page.text).toContain('No subscription address yet.');
    const bad = await ivanLogin.agent.post('/calendar/feed').type('form').send({ _csrf: ivanLogin.csrf, action: 'drop' });
    expect(bad.status).toBe(422);
    const made = await ivanLogin.agent.post('/calendar/feed').type('form').send({ _csrf: ivanLogin.csrf, action: 'create' });
    expect(made.status).toBe(200);
    const url = /value="(http[^"]+\/calendar\/[^"]+\.ics)"/.exec(made.text)![1]!;
    const path = new URL(url).pathname;
    const token = path.split('/').pop()!.replace('.ics', '');
    // Only the hash is stored.
    expect(JSON.stringify(t.db.prepare('SELECT * FROM calendar_feeds').all())).not.toContain(token);
    expect((await ivanLogin.agent.get('/calendar')).text).not.toContain(token);

    const feed = await request(t.app).get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const root = new ICAL.Component(ICAL.parse(feed.text));
    expect(root.getFirstPropertyValue('method')).toBeNull();
    const events = root.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(String(events[0]!.getFirstPropertyValue('summary'))).toContain('Олег Сидоров');
    expect(feed.text).toContain('DTSTART;TZID=Europe/London:');

    expect((await request(t.app).get('/calendar/not-a-real-token-at-all-0000000.ics')).status).toBe(404);
    expect((await request(t.app).get(`/calendar/${token}`)).status).toBe(404);

    const renewed = await ivanLogin.agent.post('/calendar/feed').type('form').send({ _csrf: ivanLogin.csrf, action: 'create' });
    const path2 = new URL(/value="(http[^"]+\.ics)"/.exec(renewed.text)![1]!).pathname;
    expect((await request(t.app).get(path)).status).toBe(404);
    expect((await request(t.app).get(path2)).status).toBe(200);
    await ivanLogin.agent.post('/calendar/feed').type('form').send({ _csrf: ivanLogin.csrf, action: 'revoke' }).expect(302);
    expect((await request(t.app).get(path2)).status).toBe(404);
  });

  it('lets a user set their own zone, checked against the known zones', async () => {
    const { t } = await setup();
    const me = await loginAs(t, 'interviewer', { username: 'zoe' });
    const bad = await me.agent.post('/calendar/time-zone').type('form').send({ _csrf: me.csrf, time_zone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Choose a time zone from the list');
    await me.agent.post('/calendar/time-zone').type('form').send({ _csrf: me.csrf, time_zone: 'Asia/Vladivostok' }).expect(302);
    expect((t.db.prepare('SELECT time_zone FROM users WHERE id = ?').get(me.userId) as { time_zone: string }).time_zone).toBe(
      'Asia/Vladivostok',
    );
  });

  it('lets an admin edit a user zone where users are edited', async () => {
    const { t } = await setup();
    const admin = await loginAs(t, 'admin');
    const target = await makeUser(t.db, { role: 'interviewer', username: 'target' });
    const page = await admin.agent.get(`/admin/users/${target}`);
    expect(page.text).toContain('<option value="Europe/Moscow" selected>');
    const form = { _csrf: admin.csrf, display_name: 'Target', email: '', role: 'interviewer', department: '' };
    const bad = await admin.agent
      .post(`/admin/users/${target}`)
      .type('form')
      .send({ ...form, time_zone: 'Nowhere/City' });
    expect(bad.status).toBe(422);
    await admin.agent
      .post(`/admin/users/${target}`)
      .type('form')
      .send({ ...form, time_zone: 'Europe/Samara' })
      .expect(302);
    expect((t.db.prepare('SELECT time_zone FROM users WHERE id = ?').get(target) as { time_zone: string }).time_zone).toBe('Europe/Samara');
  });
});

async function offer(
  hr: { agent: import('../helpers/app.js').Agent; csrf: string },
  candidateId: number,
  interviewers: number[],
  rows: Record<string, string>,
) {
  const res = await hr.agent
    .post(`/candidates/${candidateId}/slots`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage: 'competency',
      duration_min: '60',
      location: 'Zoom',
      interviewers: interviewers.map(String),
      expires_days: '3',
      send_to_candidate: '1',
      mail_subject: 'Выберите время: {{vacancy.title}}',
      mail_body: 'Ссылка: {{slots.link}}\n\n{{slots.list}}',
      ...rows,
    });
  expect(res.status).toBe(200);
  return new URL(/value="(http[^"]+\/s\/[^"]+)"/.exec(res.text)![1]!).pathname;
}

async function addCandidate(t: TestApp, hr: { agent: import('../helpers/app.js').Agent; csrf: string }, name: string, email: string) {
  const add = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: name,
      email,
      phone: '',
      source: 'hh',
      resume_text: `${name}: КАМ, 4 года, федеральные сети.`,
      consent: '1',
      consent_date: today(),
    });
  if (add.status !== 302) throw new Error(`adding a candidate answered ${add.status}: ${/field-error[^>]*>([^<]+)/.exec(add.text)?.[1]}`);
  return Number(add.headers.location!.split('/').pop());
}

async function candidatePage(t: TestApp, path: string) {
  const { agent } = await anonymous(t.app, 'ru');
  const page = await agent.get(path);
  return { agent, page, csrf: page.status === 200 ? csrfFrom(page.text) : '' };
}
const slotIds = (html: string) => [...html.matchAll(/name="slot" value="(\d+)"/g)].map((m) => m[1]!);

describe('self-scheduling', () => {
  it('validates the offer, mails the private link, and books the picked time with invitations to everybody', async () => {
    const { t, hr, candidateId, ivan } = await setup();
    const invalid = await hr.agent
      .post(`/candidates/${candidateId}/slots`)
      .type('form')
      .send({
        _csrf: hr.csrf,
        stage: 'competency',
        duration_min: '60',
        interviewers: String(ivan),
        expires_days: '3',
        slot1_date: day(2),
        slot1_time: '11:00',
        slot2_date: day(-2),
        slot2_time: '10:00',
        location: 'Зал 7',
      });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toContain('This time is in the past.');
    expect(invalid.text).toContain('value="Зал 7"');
    expect(count(t, 'slot_offers')).toBe(0);

    const path = await offer(hr, candidateId, [ivan], { slot1_date: day(2), slot1_time: '11:00', slot2_date: day(2), slot2_time: '15:00' });
    const token = path.split('/').pop()!;
    expect(JSON.stringify(t.db.prepare('SELECT * FROM slot_offers').all())).not.toContain(token);
    const mail = outbox(t).find((r) => r.kind === 'slot_offer')!;
    expect(mail.to_address).toBe('oleg@example.ru');
    expect(mail.body_text).toContain(path);
    expect(mail.body_text).toContain('11:00');

    const { agent, page, csrf } = await candidatePage(t, path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Выберите время собеседования');
    expect(page.text).toContain('Europe/Moscow, UTC+03:00');
    const ids = slotIds(page.text);
    expect(ids).toHaveLength(2);
    // The candidate may look at the times in their own zone, with Moscow time beside them.
    const nsk = await agent.get(`${path}?tz=Asia/Novosibirsk`);
    expect(nsk.text).toContain('15:00');
    expect(nsk.text).toContain('по Москве');

    const none = await agent.post(path).type('form').send({ _csrf: csrf });
    expect(none.status).toBe(422);
    expect(none.text).toContain('Выберите одно из времён.');

    const picked = await agent.post(path).type('form').send({ _csrf: csrf, slot: ids[1], tz: 'Asia/Novosibirsk' });
    expect(picked.status).toBe(303);
    const done = await agent.get(picked.headers.location!);
    expect(done.text).toContain('Готово: собеседование назначено');
    expect(done.text).toContain('19:00'); // 15:00 Moscow in Novosibirsk
    const iv = t.db.prepare('SELECT id, scheduled_at, status FROM interviews WHERE candidate_id = ?').all(candidateId) as {
      id: number;
      scheduled_at: string;
    }[];
    expect(iv).toHaveLength(1);
    expect(iv[0]!.scheduled_at).toBe(`${day(2)}T12:00:00.000Z`);
    const invites = outbox(t).filter((r) => r.kind === 'interview_invitation');
    expect(invites.map((r) => r.to_address).sort()).toEqual(['ivan@example.ru', 'oleg@example.ru']);
    for (const r of invites) expect(ics(r).event.uid).toBe(`interview-${iv[0]!.id}@localhost:3000`);

    // The link used twice: a clear answer, nothing more booked.
    const again = await agent.post(path).type('form').send({ _csrf: csrf, slot: ids[0] });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Готово: собеседование назначено');
    expect(count(t, 'interviews')).toBe(1);
    expect((await hr.agent.get(`/candidates/${candidateId}`)).text).toContain(`/interviews/${iv[0]!.id}`);
  });

  it('lets exactly one of two concurrent picks of the same time win; the other hears so and sees the times left', async () => {
    const { t, hr, candidateId, ivan } = await setup();
    const other = await addCandidate(t, hr, 'Мария Котова', 'maria@example.ru');
    const rows = { slot1_date: day(3), slot1_time: '10:00', slot2_date: day(3), slot2_time: '16:00' };
    const pathA = await offer(hr, candidateId, [ivan], rows);
    const pathB = await offer(hr, other, [ivan], rows);
    const a = await candidatePage(t, pathA);
    const b = await candidatePage(t, pathB);
    const slotA = slotIds(a.page.text)[0];
    const slotB = slotIds(b.page.text)[0];
    const [ra, rb] = await Promise.all([
      a.agent.post(pathA).type('form').send({ _csrf: a.csrf, slot: slotA }),
      b.agent.post(pathB).type('form').send({ _csrf: b.csrf, slot: slotB }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([303, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.text).toContain('Это время только что заняли');
    expect(slotIds(loser.text)).toHaveLength(1); // 16:00 is still free
    expect(count(t, 'interviews')).toBe(1);
    expect(count(t, 'interviewer_bookings')).toBe(1);
    // The constraint under the check: the same interviewer at the same start cannot be claimed twice,
    // whichever process or offer tries.
    const held = t.db.prepare('SELECT * FROM interviewer_bookings').get() as {
      interviewer_id: number;
      starts_at: string;
      interview_id: number;
    };
    expect(() => calendarRepo(t.db).claim(held.interviewer_id, held.starts_at, held.interview_id)).toThrow(/UNIQUE constraint failed/);

    // Two tabs of one candidate picking different times at once: one interview only.
    const third = await addCandidate(t, hr, 'Пётр Орлов', 'petr@example.ru');
    const pathC = await offer(hr, third, [ivan], { slot1_date: day(4), slot1_time: '10:00', slot2_date: day(4), slot2_time: '12:00' });
    const tab1 = await candidatePage(t, pathC);
    const [s1, s2] = slotIds(tab1.page.text);
    const [r1, r2] = await Promise.all([
      tab1.agent.post(pathC).type('form').send({ _csrf: tab1.csrf, slot: s1 }),
      tab1.agent.post(pathC).type('form').send({ _csrf: tab1.csrf, slot: s2 }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([303, 409]);
    expect((t.db.prepare('SELECT COUNT(*) AS n FROM interviews WHERE candidate_id = ?').get(third) as { n: number }).n).toBe(1);
  });

  it('answers an expired link, a rejected or erased candidate and an unknown link clearly, in the offer language', async () => {
    const { t, hr, candidateId, ivan } = await setup();
    const rows = { slot1_date: day(2), slot1_time: '10:00', slot2_date: day(2), slot2_time: '12:00' };
    const path = await offer(hr, candidateId, [ivan], rows);
    t.db.prepare("UPDATE slot_offers SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    const expired = await candidatePage(t, path);
    expect(expired.page.status).toBe(410);
    expect(expired.page.text).toContain('Срок действия ссылки истёк');
    expect(slotIds(expired.page.text)).toHaveLength(0);

    const path2 = await offer(hr, candidateId, [ivan], rows);
    const open = await candidatePage(t, path2);
    t.db.prepare("UPDATE candidates SET stage = 'rejected' WHERE id = ?").run(candidateId);
    const late = await open.agent
      .post(path2)
      .type('form')
      .send({ _csrf: open.csrf, slot: slotIds(open.page.text)[0] });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Эта ссылка больше не действует.');
    expect(count(t, 'interviews')).toBe(0);

    const offerNew = await hr.agent
      .post(`/candidates/${candidateId}/slots`)
      .type('form')
      .send({ _csrf: hr.csrf, stage: 'competency', duration_min: '60', interviewers: String(ivan), expires_days: '3', ...rows });
    expect(offerNew.status).toBe(422);
    expect(offerNew.text).toContain('The candidate is rejected');

    t.db.prepare("UPDATE candidates SET stage = 'interview' WHERE id = ?").run(candidateId);
    const path3 = await offer(hr, candidateId, [ivan], rows);
    const erase = await hr.agent.post(`/candidates/${candidateId}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'Олег Сидоров' });
    expect(erase.status).toBe(302);
    const gone = await candidatePage(t, path3);
    expect(gone.page.status).toBe(410);
    expect(gone.page.text).toContain('Эта ссылка больше не действует.');

    const unknown = await request(t.app).get('/s/unknown-token-unknown-token-unknown');
    expect(unknown.status).toBe(404);
  });
});
