import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createRepos } from '../../src/db/repos.js';
import { smtpTransport, startMailDelivery } from '../../src/services/mail-sender.js';
import { buildApp, loginAs } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { startSmtp } from '../helpers/smtp.js';
import { postAssignment } from '../helpers/intake.js';

const RESUME_EN = readFileSync('test/fixtures/resumes/en_programmer.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);

describe('with an SMTP server: the take-home link and a rejection go out from their pages', () => {
  it('HR sends the default letters; the server receives them in the candidate language and the link opens the task', async () => {
    const smtp = await startSmtp();
    const t = buildApp();
    const repos = createRepos(t.db);
    // The server's delivery loop, without its timer: each tick is one pass.
    const delivery = startMailDelivery(repos, smtpTransport(smtp.url), { from: 'Hiring team <hire@example.test>', timer: false });
    try {
      const hr = await loginAs(t, 'hr', { lang: 'ru' });
      const add = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
        _csrf: hr.csrf,
        full_name: 'John Smith',
        email: 'john.smith@example.test',
        phone: '+44 20 7946 0958',
        source: 'hh',
        resume_text: RESUME_EN,
        consent: '1',
        consent_date: today(),
      });
      const id = Number(add.headers.location!.split('/').pop());
      const head = await makeUser(t.db, { role: 'department_head', department: 'Коммерческий отдел' });

      // The form's letter is taken as offered: HR works in Russian, the candidate gets English.
      const form = await hr.agent.get(`/candidates/${id}/assignments/new`);
      const field = (name: string) => {
        const m = new RegExp(`name="${name}"[^>]*value="([^"]*)"|name="${name}"[^>]*>([^<]*)</textarea>`).exec(form.text);
        return (m?.[1] ?? m?.[2] ?? '')
          .replace(/&#34;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>');
      };
      const assigned = await postAssignment(hr, id, [String(head)], {
        lang: 'en',
        send_mail: '1',
        mail_to: field('mail_to'),
        mail_subject: field('mail_subject'),
        mail_body: field('mail_body'),
      });
      expect(assigned.status).toBe(200);
      const page = await hr.agent.get(`/candidates/${id}`);
      const rejection = { subject: /name="mail_subject"[^>]*value="([^"]*)"/.exec(page.text)![1]!.replace(/&#39;/g, "'") };
      const rejected = await hr.agent.post(`/candidates/${id}/decision`).type('form').send({
        _csrf: hr.csrf,
        decision: 'reject',
        reason: 'Profile does not match',
        send_mail: '1',
        mail_to: 'john.smith@example.test',
        mail_subject: rejection.subject,
        mail_body:
          'Hello {{candidate.first_name}},\n\nthank you for your interest in {{vacancy.title}}. We will not be making you an offer.\n\n{{sender.name}}',
      });
      expect(rejected.status).toBe(302);

      expect(await delivery.tick()).toEqual({ delivered: 2, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(2);
      const [task, no] = smtp.received.map((m) => m.parsed);
      expect(smtp.received[0]!.to).toEqual(['john.smith@example.test']);
      expect(task!.subject).toBe('Take-home task: Key Account Manager (Middle), FMCG');
      expect(task!.text).toContain('Hello John,');
      expect(task!.text).toMatch(/Please submit by \*\*.+ \(Moscow time\)\*\*/);
      expect(task!.html).toMatch(/<strong>.+\(Moscow time\)<\/strong>/);
      const link = /(http:\/\/localhost:\d+\/t\/[A-Za-z0-9_-]+)/.exec(task!.text!)![1]!;
      expect((await request(t.app).get(new URL(link).pathname)).status).toBe(200);
      expect(no!.subject).toBe('Your application for Key Account Manager (Middle), FMCG');
      expect(no!.text).toContain('We will not be making you an offer.');
      expect(no!.from?.value[0]).toMatchObject({ name: 'Hiring team', address: 'hire@example.test' });
      expect(t.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all()).toEqual([{ state: 'sent', n: 2 }]);
      // The card shows both letters as sent.
      const card = await hr.agent.get(`/candidates/${id}`);
      expect(card.text.match(/Отправлено/g)?.length).toBeGreaterThanOrEqual(2);
    } finally {
      await delivery.stop();
      await smtp.close();
    }
  }, 60_000);
});
