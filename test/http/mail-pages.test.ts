import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createRepos } from '../../src/db/repos.js';
import { SYSTEM_ACTOR } from '../../src/services/audit.js';
import { queueTemplatedMail, templateFor } from '../../src/services/mail.js';
import { deliverDue, emlTransport } from '../../src/services/mail-sender.js';
import { buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { postAssignment } from '../helpers/intake.js';

const RESUME_RU = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const RESUME_EN = readFileSync('test/fixtures/resumes/en_programmer.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);
const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

async function withCandidate(opts: { email?: string; resume?: string; lang?: 'ru' | 'en' } = {}) {
  const t = buildApp();
  const hr = await loginAs(t, 'hr', { lang: opts.lang ?? 'en' });
  const res = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: 'Анна Петрова',
      email: opts.email ?? 'anna.petrova@example.ru',
      phone: '+7 916 555-12-34',
      source: 'hh',
      resume_text: opts.resume ?? RESUME_RU,
      consent: '1',
      consent_date: today(),
    });
  expect(res.status).toBe(302);
  const id = Number(res.headers.location!.split('/').pop());
  return { t, hr, id, repos: createRepos(t.db) };
}

const outboxRows = (t: TestApp) =>
  t.db.prepare('SELECT * FROM outbox ORDER BY id').all() as {
    id: number;
    kind: string;
    lang: string;
    to_address: string;
    subject: string;
    body_text: string;
    body_html: string;
    candidate_id: number | null;
    state: string;
  }[];

describe('the candidate language', () => {
  it('is taken from the resume, editable on the card, and chooses the letter', async () => {
    const en = await withCandidate({ resume: RESUME_EN });
    expect(en.repos.candidates.get(en.id)!.lang).toBe('en');
    const { t, hr, id, repos } = await withCandidate();
    expect(repos.candidates.get(id)!.lang).toBe('ru');
    let page = await hr.agent.get(`/candidates/${id}`);
    // The rejection letter under the decision form is the Russian template, already addressed.
    expect(decode(page.text)).toContain('Ваш отклик на вакансию «Менеджер по работе с ключевыми клиентами (Middle), FMCG»');
    expect(page.text).toContain('value="anna.petrova@example.ru"');
    const set = await hr.agent.post(`/candidates/${id}/lang`).type('form').send({ _csrf: hr.csrf, lang: 'en' });
    expect(set.status).toBe(302);
    expect(repos.candidates.get(id)!.lang).toBe('en');
    page = await hr.agent.get(`/candidates/${id}`);
    expect(decode(page.text)).toContain('Your application for Key Account Manager');
    // Anything else is refused and changes nothing.
    await hr.agent.post(`/candidates/${id}/lang`).type('form').send({ _csrf: hr.csrf, lang: 'de' }).expect(302);
    expect(repos.candidates.get(id)!.lang).toBe('en');
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'candidate.lang'").get()).toEqual({ n: 1 });
  });
});

describe('rejecting with a letter', () => {
  const reject = (over: Record<string, string> = {}) => ({
    decision: 'reject',
    reason: 'Not enough key account experience',
    send_mail: '1',
    mail_to: 'anna.petrova@example.ru',
    mail_subject: 'Ваш отклик',
    mail_body: 'Здравствуйте, {{candidate.first_name}}!\n\nСпасибо за интерес к вакансии «{{vacancy.title}}».',
    ...over,
  });

  it('a wrong or missing address, or a broken placeholder: errors at the fields, typed text kept, nothing saved', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const before = repos.candidates.screening(id)!.decision;
    for (const [over, field, message] of [
      [{ mail_to: 'anna@' }, 'mail_to', 'Enter the candidate&#39;s e-mail address like name@example.com.'],
      [{ mail_to: '' }, 'mail_to', 'The candidate has no e-mail address'],
      [{ mail_body: 'Здравствуйте, {{candidate.salary}}!' }, 'mail_body', 'Unknown placeholder: {{candidate.salary}}'],
      [{ mail_subject: 'Привет {{task.link}}' }, 'mail_subject', 'Unknown placeholder: {{task.link}}'],
    ] as const) {
      const res = await hr.agent
        .post(`/candidates/${id}/decision`)
        .type('form')
        .send({ _csrf: hr.csrf, ...reject(over) });
      expect(res.status, field).toBe(422);
      expect(res.text).toContain(`id="f-${field}-error"`);
      expect(res.text).toContain(message);
      expect(res.text).toContain(`href="#f-${field}"`);
      expect(res.text).toContain('Not enough key account experience');
      expect(repos.candidates.screening(id)!.decision).toBe(before);
      expect(repos.candidates.get(id)!.stage).not.toBe('rejected');
      expect(outboxRows(t)).toHaveLength(0);
    }
  });

  it('queues the edited letter in the same transaction as the decision, shown on the timeline', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const res = await hr.agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: hr.csrf, ...reject() });
    expect(res.status).toBe(302);
    expect(repos.candidates.screening(id)!.decision).toBe('reject');
    const [m] = outboxRows(t);
    expect(m).toMatchObject({
      kind: 'rejection',
      lang: 'ru',
      to_address: 'anna.petrova@example.ru',
      subject: 'Ваш отклик',
      candidate_id: id,
      state: 'queued',
    });
    expect(m!.body_text).toBe(
      'Здравствуйте, Анна!\n\nСпасибо за интерес к вакансии «Менеджер по работе с ключевыми клиентами (Middle), FMCG».',
    );
    expect(m!.body_html).toContain('<p>Здравствуйте, Анна!</p>');
    const page = await hr.agent.get(`/candidates/${id}`);
    const history = page.text.slice(page.text.indexOf('id="history"'));
    expect(history).toContain(`href="/outbox/${m!.id}"`);
    expect(history).toContain('Rejection to anna.petrova@example.ru');
    expect(history).toContain('Queued');
    // Newest first: the letter and the decision come before the candidate's creation.
    expect(history.indexOf('Rejection to')).toBeLessThan(history.lastIndexOf('Added'));
  });

  it('no letter unless asked, and none for a decision that is not a rejection', async () => {
    const { t, hr, id } = await withCandidate();
    await hr.agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: hr.csrf, ...reject({ send_mail: '' }) })
      .expect(302);
    await hr.agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: hr.csrf, ...reject({ decision: 'pass', mail_to: 'bad' }) })
      .expect(302);
    expect(outboxRows(t)).toHaveLength(0);
  });
});

describe('assigning a take-home task with its letter', () => {
  async function assign(
    t: TestApp,
    hr: { agent: ReturnType<typeof request.agent>; csrf: string },
    id: number,
    over: Record<string, string> = {},
  ) {
    const head = await makeUser(t.db, { role: 'department_head', department: 'Коммерческий отдел' });
    return postAssignment(hr, id, [String(head)], {
      send_mail: '1',
      mail_to: 'anna.petrova@example.ru',
      mail_subject: 'Тестовое задание',
      mail_body: 'Здравствуйте, {{candidate.first_name}}!\n\nСсылка: {{task.link}}\n\nСрок: {{task.deadline}}',
      ...over,
    });
  }

  it('the form offers the template in the candidate language with the link left to fill', async () => {
    const { hr, id } = await withCandidate();
    const page = await hr.agent.get(`/candidates/${id}/assignments/new`);
    expect(page.status).toBe(200);
    const text = decode(page.text);
    expect(text).toContain('Тестовое задание: Менеджер по работе с ключевыми клиентами (Middle), FMCG');
    expect(text).toContain('Здравствуйте, Анна!');
    expect(text).toContain('{{task.link}}');
    expect(page.text).toMatch(/name="send_mail" value="1"\s+checked/);
  });

  it('queues the letter with the private link that opens the task; a bad address saves nothing', async () => {
    const { t, hr, id } = await withCandidate();
    const bad = await assign(t, hr, id, { mail_to: 'not-an-address' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id="f-mail_to-error"');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM assignments').get()).toEqual({ n: 0 });
    expect(outboxRows(t)).toHaveLength(0);

    const ok = await assign(t, hr, id);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('The letter to anna.petrova@example.ru is queued for sending.');
    const [m] = outboxRows(t);
    expect(m).toMatchObject({ kind: 'take_home_task', subject: 'Тестовое задание', candidate_id: id });
    const link = /Ссылка: (\S+)/.exec(m!.body_text)![1]!;
    expect(link).toMatch(/^http:\/\/localhost:\d+\/t\/[A-Za-z0-9_-]{20,}$/);
    expect(m!.body_text).toMatch(/Срок: .*(МСК)/);
    // The link in the letter is the one the candidate uses.
    const candidatePage = await request(t.app).get(new URL(link).pathname);
    expect(candidatePage.status).toBe(200);
  });
});

describe('templates edited by HR', () => {
  it('lists every template in both languages', async () => {
    const { hr } = await withCandidate();
    const page = await hr.agent.get('/mail-templates');
    expect(page.status).toBe(200);
    for (const key of ['consent_request', 'interview_invitation', 'take_home_task', 'rejection', 'offer_invitation', 'grading_reminder'])
      for (const lang of ['ru', 'en']) expect(page.text).toContain(`href="/mail-templates/${key}.${lang}"`);
  });

  it('an unknown placeholder is an error at its field with the allowed list; nothing is saved', async () => {
    const { t, hr } = await withCandidate();
    const res = await hr.agent.post('/mail-templates/rejection.en').type('form').send({
      _csrf: hr.csrf,
      action: 'save',
      subject: 'About {{vacancy.title}}',
      body: 'Dear {{candidate.first_name}}, your score was {{score.total}}.',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="f-body-error"');
    expect(res.text).toContain('Unknown placeholder: {{score.total}}');
    expect(res.text).toContain('<code>{{candidate.first_name}}</code>');
    expect(res.text).toContain('your score was {{score.total}}.');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM mail_templates').get()).toEqual({ n: 0 });
    // A placeholder allowed in another letter is unknown here too: a rejection has no task link.
    const other = await hr.agent
      .post('/mail-templates/rejection.en')
      .type('form')
      .send({ _csrf: hr.csrf, subject: 'x {{task.link}}', body: 'y' });
    expect(other.status).toBe(422);
    expect(other.text).toContain('id="f-subject-error"');
  });

  it('previews with sample values, saves, is used for new mail, and resets to the default', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const form = {
      _csrf: hr.csrf,
      subject: 'Re: {{vacancy.title}}',
      body: 'Dear **{{candidate.first_name}}**,\n\nthank you.\n\n{{sender.name}}',
    };
    const preview = await hr.agent
      .post('/mail-templates/rejection.en')
      .type('form')
      .send({ ...form, action: 'preview' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Re: Key Account Manager');
    expect(decode(preview.text)).toContain('<strong>Anna</strong>');
    expect(preview.text).toContain('<div class="prose mail-preview"><p>Dear <strong>Anna</strong>,</p>');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM mail_templates').get()).toEqual({ n: 0 });

    const save = await hr.agent
      .post('/mail-templates/rejection.en')
      .type('form')
      .send({ ...form, action: 'save' });
    expect(save.status).toBe(302);
    expect(templateFor(repos, 'rejection', 'en')).toEqual({ subject: form.subject, body: form.body });
    repos.candidates.setLang(id, 'en');
    repos.transaction(() =>
      queueTemplatedMail(repos, SYSTEM_ACTOR, {
        template: 'rejection',
        lang: 'en',
        to: { address: 'anna@example.test' },
        vars: { vacancy: { title: 'KAM' }, candidate: { first_name: 'Anna' }, sender: { name: 'Maria' } },
        candidateId: id,
      }),
    );
    expect(outboxRows(t).at(-1)).toMatchObject({ subject: 'Re: KAM', body_text: 'Dear **Anna**,\n\nthank you.\n\nMaria' });
    const list = await hr.agent.get('/mail-templates');
    expect(list.text).toMatch(/rejection\.en">Edit<\/a> · <span class="muted">edited/);

    await hr.agent.post('/mail-templates/rejection.en/reset').type('form').send({ _csrf: hr.csrf }).expect(302);
    expect(templateFor(repos, 'rejection', 'en').subject).toBe('Your application for {{vacancy.title}}');
    expect(await hr.agent.get('/mail-templates/nonsense.en').then((r) => r.status)).toBe(404);
  });
});

describe('the outbox page', () => {
  it('admins see all mail, HR only mail about candidates; a message opens with its preview, attachment and .eml', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const admin = await loginAs(t, 'admin');
    const toCandidate = repos.outbox.add(
      {
        kind: 'rejection',
        lang: 'ru',
        to: { address: 'anna.petrova@example.ru' },
        subject: 'Ваш отклик',
        text: 'Текст',
        html: '<p>Текст</p><script>alert(1)</script>',
        attachments: [
          { filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', method: 'REQUEST' },
        ],
        candidateId: id,
      },
      null,
    );
    const toUser = repos.outbox.add(
      {
        kind: 'scorecard_reminder',
        lang: 'en',
        to: { address: 'interviewer@example.test' },
        subject: 'Scorecard missing',
        text: 'x',
        html: '<p>x</p>',
      },
      null,
    );
    // No SMTP configured: the delivery pass writes .eml files and marks the messages kept.
    await deliverDue(repos, emlTransport(t.dataDir), new Date());

    const all = await admin.agent.get('/outbox');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Scorecard missing');
    expect(all.text).toContain('Ваш отклик');
    expect(all.text).toContain('No SMTP server is set');
    const mine = await hr.agent.get('/outbox');
    expect(mine.text).toContain('Ваш отклик');
    expect(mine.text).not.toContain('Scorecard missing');
    expect((await hr.agent.get(`/outbox/${toUser}`)).status).toBe(403);

    const page = await hr.agent.get(`/outbox/${toCandidate}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Written as outbox/${toCandidate}.eml`);
    expect(page.text).toContain('Kept (.eml)');
    expect(page.text).toContain('<div class="prose mail-preview"><p>Текст</p></div>');
    expect(page.text).not.toContain('alert(1)');
    const file = await hr.agent.get(`/outbox/${toCandidate}/attachments/0`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="invite.ics"/);
    expect((await hr.agent.get(`/outbox/${toCandidate}/attachments/5`)).status).toBe(404);
    const eml = await simpleParser(readFileSync(`${t.dataDir}/outbox/${toCandidate}.eml`));
    expect(eml.subject).toBe('Ваш отклик');
  });

  it('shows a failed message with its last error and retries it on request', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const mid = repos.outbox.add(
      {
        kind: 'rejection',
        lang: 'ru',
        to: { address: 'anna.petrova@example.ru' },
        subject: 'S',
        text: 'T',
        html: '<p>T</p>',
        candidateId: id,
      },
      null,
    );
    const due = repos.outbox.due(new Date(Date.now() + 1000).toISOString(), 10)[0]!;
    repos.outbox.claim(due, new Date(Date.now() + 60_000).toISOString());
    repos.outbox.tryFailed(mid, '550 5.1.1 No such mailbox', null);
    const page = await hr.agent.get(`/outbox/${mid}`);
    expect(page.text).toContain('550 5.1.1 No such mailbox');
    expect(page.text).toContain('Retry now');
    const list = await hr.agent.get('/outbox?state=failed');
    expect(list.text).toContain('550 5.1.1 No such mailbox');
    const retry = await hr.agent.post(`/outbox/${mid}/retry`).type('form').send({ _csrf: hr.csrf });
    expect(retry.status).toBe(302);
    expect(repos.outbox.get(mid)!.state).toBe('queued');
    // Retrying a message that has not failed changes nothing.
    await hr.agent.post(`/outbox/${mid}/retry`).type('form').send({ _csrf: hr.csrf }).expect(302);
    expect(repos.outbox.get(mid)!.state).toBe('queued');
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'mail.retry'").get()).toEqual({ n: 1 });
  });

  it('erasing a candidate takes the personal data out of their letters and the .eml files; an unsent one is never sent', async () => {
    const { t, hr, id, repos } = await withCandidate();
    const mail = {
      kind: 'rejection' as const,
      lang: 'ru' as const,
      to: { address: 'anna.petrova@example.ru', name: 'Анна Петрова' },
      subject: 'Анна, ваш отклик',
      text: 'Анна',
      html: '<p>Анна</p>',
      candidateId: id,
    };
    const kept = repos.outbox.add(mail, null);
    await deliverDue(repos, emlTransport(t.dataDir), new Date());
    const queued = repos.outbox.add(mail, null);
    expect(readFileSync(`${t.dataDir}/outbox/${kept}.eml`).length).toBeGreaterThan(0);
    const res = await hr.agent.post(`/candidates/${id}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'Анна Петрова' });
    expect(res.status).toBe(302);
    for (const row of outboxRows(t)) {
      expect(JSON.stringify(row)).not.toMatch(/Анна|anna\.petrova/);
    }
    expect(repos.outbox.get(kept)!.state).toBe('kept');
    expect(repos.outbox.get(queued)).toMatchObject({ state: 'failed', last_error: 'erased before delivery' });
    expect(() => readFileSync(`${t.dataDir}/outbox/${kept}.eml`)).toThrow(/ENOENT/);
  });
});
