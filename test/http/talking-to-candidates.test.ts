import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createRepos } from '../../src/db/repos.js';
import { smtpTransport, startMailDelivery } from '../../src/services/mail-sender.js';
import { runReminders } from '../../src/services/reminders.js';
import { anonymous, buildApp, csrfFrom, loginAs } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { createdId, postCandidate } from '../helpers/intake.js';
import { startSmtp, type Received } from '../helpers/smtp.js';

const HOUR = 3_600_000;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The iCalendar attachment of a received message, parsed as a calendar application would import it. */
function calendarOf(m: Received) {
  const att = m.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!att) throw new Error(`no invitation in the message to ${m.to.join(', ')}`);
  const root = new ICAL.Component(ICAL.parse(att.content.toString('utf8')));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
  return { method: root.getFirstPropertyValue('method'), uid: event.uid, start: event.startDate.toJSDate(), sequence: event.sequence };
}

const linkIn = (m: Received, path: string) => {
  const found = new RegExp(`https?://[^\\s)"<>]+${path}[A-Za-z0-9_-]+`).exec(m.parsed.text ?? '');
  if (!found) throw new Error(`no ${path} link in the message to ${m.to.join(', ')}`);
  return new URL(found[0]).pathname;
};

// Issue 11, "Done when": with SMTP configured, every flow reaches a real SMTP server on 127.0.0.1.
describe('talking to candidates and interviewers through a real SMTP server', () => {
  it('invites by calendar, lets the candidate pick a time, reminds about a missing scorecard, and takes consent by link', async () => {
    const smtp = await startSmtp();
    const t = buildApp();
    const repos = createRepos(t.db);
    const delivery = startMailDelivery(repos, smtpTransport(smtp.url), { from: 'Hiring <hire@example.test>', timer: false });
    try {
      const hr = await loginAs(t, 'hr');
      const ivan = await makeUser(t.db, { role: 'interviewer', username: 'ivan' });
      t.db.prepare("UPDATE users SET email = 'ivan@example.test', time_zone = 'Asia/Novosibirsk' WHERE id = ?").run(ivan);
      const id = createdId(
        await postCandidate(hr, t.demoVacancyId, {
          full_name: 'Орлова Вера Павловна',
          email: 'vera@example.test',
          phone: '+7 916 555-10-10',
        }),
      );

      // 1. HR schedules an interview: the candidate and the interviewer each get an invitation a calendar imports.
      const scheduled = await hr.agent
        .post(`/candidates/${id}/interviews`)
        .type('form')
        .send({
          _csrf: hr.csrf,
          stage: 'competency',
          date: day(2),
          time: '11:00',
          duration_min: '60',
          location: 'Zoom',
          interviewers: [String(ivan)],
          send_to_candidate: '1',
          mail_subject: 'Приглашение: {{vacancy.title}}',
          mail_body: 'Здравствуйте, {{candidate.name}}! Ждём вас {{interview.starts_at}}.',
        });
      expect(scheduled.status).toBe(302);
      const interviewId = Number(scheduled.headers.location!.split('/').pop());
      expect((await delivery.tick())?.delivered).toBe(2);
      const toCandidate = smtp.received.find((m) => m.to.includes('vera@example.test'))!;
      const toIvan = smtp.received.find((m) => m.to.includes('ivan@example.test'))!;
      const a = calendarOf(toCandidate);
      const b = calendarOf(toIvan);
      expect(a).toMatchObject({ method: 'REQUEST', sequence: 0 });
      expect(b.uid).toBe(a.uid);
      // 11:00 in Moscow is 08:00 UTC, whichever zone each copy is written in.
      expect(a.start.toISOString()).toBe(new Date(`${day(2)}T08:00:00.000Z`).toISOString());
      expect(b.start.toISOString()).toBe(a.start.toISOString());
      expect(toIvan.parsed.text).toContain(`/interviews/${interviewId}/scorecard`);

      // 2. Self-scheduling: HR offers two times, the candidate picks one through the link in the mail.
      const offered = await hr.agent
        .post(`/candidates/${id}/slots`)
        .type('form')
        .send({
          _csrf: hr.csrf,
          stage: 'final',
          duration_min: '45',
          location: 'Офис',
          interviewers: [String(ivan)],
          expires_days: '3',
          send_to_candidate: '1',
          mail_subject: 'Выберите время: {{vacancy.title}}',
          mail_body: 'Ссылка: {{slots.link}}\n\n{{slots.list}}',
          slot1_date: day(5),
          slot1_time: '10:00',
          slot2_date: day(5),
          slot2_time: '15:00',
        });
      expect(offered.status).toBe(200);
      expect((await delivery.tick())?.delivered).toBe(1);
      const slotMail = smtp.received.at(-1)!;
      expect(slotMail.to).toEqual(['vera@example.test']);
      const slotPath = linkIn(slotMail, '/s/');
      const candidate = await anonymous(t.app, 'ru');
      const page = await candidate.agent.get(slotPath);
      expect(page.status).toBe(200);
      const slots = [...page.text.matchAll(/name="slot" value="(\d+)"/g)].map((m) => m[1]!);
      expect(slots).toHaveLength(2);
      const picked = await candidate.agent
        .post(slotPath)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), slot: slots[1] });
      expect(picked.status).toBe(303);
      expect((await delivery.tick())?.delivered).toBe(2);
      const pickedInvites = smtp.received.slice(-2).map(calendarOf);
      expect(pickedInvites.map((c) => c.start.toISOString())).toEqual([
        new Date(`${day(5)}T12:00:00.000Z`).toISOString(),
        new Date(`${day(5)}T12:00:00.000Z`).toISOString(),
      ]);

      // 3. The first interview ended a day ago without a scorecard: the interviewer is reminded, once.
      t.db.prepare('UPDATE interviews SET scheduled_at = ? WHERE id = ?').run(new Date(Date.now() - 27 * HOUR).toISOString(), interviewId);
      expect(runReminders(repos, 'http://localhost:3000', new Date()).scorecard).toBe(1);
      expect(runReminders(repos, 'http://localhost:3000', new Date()).scorecard).toBe(0);
      expect((await delivery.tick())?.delivered).toBe(1);
      const reminder = smtp.received.at(-1)!;
      expect(reminder.to).toEqual(['ivan@example.test']);
      expect(reminder.parsed.text).toContain(`/interviews/${interviewId}/scorecard`);

      // 4. Consent by link: requested, given, then withdrawn; the record keeps the text version, address and browser.
      expect((await hr.agent.post(`/candidates/${id}/consent/request`).type('form').send({ _csrf: hr.csrf })).status).toBeLessThan(400);
      expect((await delivery.tick())?.delivered).toBe(1);
      const consentPath = linkIn(smtp.received.at(-1)!, '/consent/');
      const consentPage = await candidate.agent.get(consentPath).set('User-Agent', 'PhoneBrowser/1.0');
      expect(consentPage.status).toBe(200);
      const csrf = csrfFrom(consentPage.text);
      await candidate.agent
        .post(consentPath)
        .set('User-Agent', 'PhoneBrowser/1.0')
        .type('form')
        .send({ _csrf: csrf, action: 'accept' })
        .expect(303);
      const given = t.db.prepare('SELECT * FROM candidate_consents WHERE candidate_id = ?').get(id) as Record<string, unknown>;
      expect(given).toMatchObject({ state: 'given' });
      expect(JSON.stringify(given)).toContain('PhoneBrowser/1.0');
      await candidate.agent.post(consentPath).type('form').send({ _csrf: csrf, action: 'withdraw' }).expect(303);
      expect(t.db.prepare('SELECT state FROM candidate_consents WHERE candidate_id = ?').get(id)).toEqual({ state: 'withdrawn' });
      // HR is told (mail to HR users with an address is queued; this HR has none, so the task list says it).
      expect((await hr.agent.get('/')).text).toMatch(/withdr/i);
    } finally {
      await delivery.stop();
      await smtp.close();
    }
  }, 120_000);
});
