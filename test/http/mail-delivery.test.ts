import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { createRepos, type Repos } from '../../src/db/repos.js';
import { BACKOFF_MINUTES, LEASE_MS, MAX_TRIES } from '../../src/domain/mail/delivery.js';
import { SYSTEM_ACTOR } from '../../src/services/audit.js';
import { queueMail } from '../../src/services/mail.js';
import { deliverDue, emlName, emlTransport, smtpTransport, startMailDelivery } from '../../src/services/mail-sender.js';
import { startSmtp } from '../helpers/smtp.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kam-mail-'));
  dirs.push(d);
  return d;
};

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
const FROM = 'KAM Hire <hire@example.test>';

function queue(repos: Repos, over: { to?: string; subject?: string } = {}) {
  return queueMail(repos, SYSTEM_ACTOR, {
    kind: 'custom',
    lang: 'ru',
    to: { address: over.to ?? 'anna@example.test', name: 'Анна Смирнова' },
    subject: over.subject ?? 'Тестовое задание — KAM',
    text: 'Здравствуйте, Анна!\n\nСсылка: https://hire.example.test/t/abc',
    html: '<p>Здравствуйте, Анна!</p><p>Ссылка: <a href="https://hire.example.test/t/abc">открыть</a></p>',
    attachments: [
      { filename: 'invite.ics', contentType: 'text/calendar', content: ICS, method: 'REQUEST' },
      { filename: 'notes.txt', contentType: 'text/plain', content: 'Памятка кандидату' },
    ],
  });
}

const memRepos = () => createRepos(openDatabase(':memory:'));
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('delivery through a real SMTP server', () => {
  it('delivers with the stored Message-ID, both bodies and the attachments, and records it sent', async () => {
    const smtp = await startSmtp();
    try {
      const repos = memRepos();
      const id = queue(repos);
      const row = repos.outbox.get(id)!;
      const r = await deliverDue(repos, smtpTransport(smtp.url), new Date(), { from: FROM });
      expect(r).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const m = smtp.received[0]!;
      expect(m.to).toEqual(['anna@example.test']);
      expect(m.from).toBe('hire@example.test');
      expect(m.parsed.messageId).toBe(row.message_id);
      expect(m.parsed.subject).toBe('Тестовое задание — KAM');
      expect(m.parsed.to && !Array.isArray(m.parsed.to) ? m.parsed.to.value[0] : null).toMatchObject({
        name: 'Анна Смирнова',
        address: 'anna@example.test',
      });
      expect(m.parsed.text).toContain('Здравствуйте, Анна!');
      expect(m.parsed.html).toContain('<a href="https://hire.example.test/t/abc">открыть</a>');
      expect(m.parsed.headers.get('auto-submitted')).toBe('auto-generated');
      const names = m.parsed.attachments.map((a) => a.filename ?? a.contentType);
      expect(names).toContain('notes.txt');
      const cal = m.parsed.attachments.find((a) => a.contentType === 'text/calendar');
      expect(cal?.content.toString()).toContain('METHOD:REQUEST');
      expect(m.raw.toString()).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
      const after = repos.outbox.get(id)!;
      expect(after).toMatchObject({ state: 'sent', tries: 1, last_error: null });
      expect(after.sent_at).not.toBeNull();
      // Nothing is due any more: a second pass sends nothing.
      expect(await deliverDue(repos, smtpTransport(smtp.url), new Date(), { from: FROM })).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('a server that refuses for now: queued again with backoff, last error kept, delivered on a later try', async () => {
    let refuse = true;
    const smtp = await startSmtp({ answer: () => (refuse ? { code: 451, message: 'Try again later, mailbox busy' } : undefined) });
    try {
      const repos = memRepos();
      const id = queue(repos);
      const t0 = new Date();
      expect(await deliverDue(repos, smtpTransport(smtp.url), t0, { from: FROM })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      let row = repos.outbox.get(id)!;
      expect(row).toMatchObject({ state: 'queued', tries: 1 });
      expect(row.last_error).toMatch(/^451 .*mailbox busy/);
      expect(row.next_try_at).toBe(at(t0, BACKOFF_MINUTES[0] * 60_000).toISOString());
      // Before the backoff is over nothing is tried.
      expect(await deliverDue(repos, smtpTransport(smtp.url), at(t0, 30_000), { from: FROM })).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });
      const t1 = at(t0, 61_000);
      await deliverDue(repos, smtpTransport(smtp.url), t1, { from: FROM });
      row = repos.outbox.get(id)!;
      expect(row).toMatchObject({ state: 'queued', tries: 2 });
      expect(row.next_try_at).toBe(at(t1, BACKOFF_MINUTES[1] * 60_000).toISOString());
      refuse = false;
      await deliverDue(repos, smtpTransport(smtp.url), at(t1, BACKOFF_MINUTES[1] * 60_000), { from: FROM });
      row = repos.outbox.get(id)!;
      expect(row).toMatchObject({ state: 'sent', tries: 3, last_error: null });
      // Three tries reached the server; the message id never changed.
      expect(new Set(smtp.received.map((m) => m.parsed.messageId))).toEqual(new Set([row.message_id]));
    } finally {
      await smtp.close();
    }
  });

  it(`gives up after ${MAX_TRIES} tries, and at once on a permanent refusal (5xx)`, async () => {
    let code = 421;
    const smtp = await startSmtp({ answer: () => ({ code, message: code === 550 ? 'No such mailbox' : 'Service not available' }) });
    try {
      const repos = memRepos();
      const id = queue(repos);
      let now = new Date();
      for (let i = 1; i <= MAX_TRIES; i++) {
        await deliverDue(repos, smtpTransport(smtp.url), now, { from: FROM });
        now = new Date(repos.outbox.get(id)!.next_try_at);
      }
      expect(repos.outbox.get(id)).toMatchObject({ state: 'failed', tries: MAX_TRIES });
      expect(repos.outbox.get(id)!.last_error).toMatch(/^421 /);
      // Failed rows wait for a person: "retry now" queues it once more.
      expect(repos.outbox.retry(id)).toBe(true);
      expect(repos.outbox.get(id)!.state).toBe('queued');

      code = 550;
      const other = queue(repos, { to: 'nobody@example.test' });
      await deliverDue(repos, smtpTransport(smtp.url), at(now, 3600_000), { from: FROM });
      expect(repos.outbox.get(other)).toMatchObject({ state: 'failed', tries: 1 });
      expect(repos.outbox.get(other)!.last_error).toMatch(/^550 .*No such mailbox/);
    } finally {
      await smtp.close();
    }
  });

  it('an unreachable server is an error to retry, not a crash', async () => {
    const smtp = await startSmtp();
    const url = smtp.url;
    await smtp.close();
    const repos = memRepos();
    const id = queue(repos);
    expect(await deliverDue(repos, smtpTransport(url), new Date(), { from: FROM })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(repos.outbox.get(id)!.last_error).toMatch(/ECONNREFUSED/);
  });

  it('two senders passing at once: each message is tried by exactly one of them', async () => {
    const smtp = await startSmtp();
    try {
      const repos = memRepos();
      const ids = [queue(repos), queue(repos), queue(repos)];
      const now = new Date();
      const [a, b] = await Promise.all([
        deliverDue(repos, smtpTransport(smtp.url), now, { from: FROM }),
        deliverDue(repos, smtpTransport(smtp.url), now, { from: FROM }),
      ]);
      expect(a.delivered + b.delivered).toBe(3);
      expect(smtp.received).toHaveLength(3);
      for (const id of ids) expect(repos.outbox.get(id)).toMatchObject({ state: 'sent', tries: 1 });
    } finally {
      await smtp.close();
    }
  });
});

describe('the delivery loop', () => {
  it('runs one pass at a time, and stopping waits for the pass under way to record its outcome', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const smtp = await startSmtp({ onMessage: () => gate });
    const repos = memRepos();
    const id = queue(repos);
    const loop = startMailDelivery(repos, smtpTransport(smtp.url), { from: FROM, timer: false });
    try {
      const first = loop.tick();
      await vi.waitFor(() => expect(smtp.received).toHaveLength(1));
      expect(await loop.tick()).toBeNull(); // a second pass does not start while one runs
      const stopped = loop.stop();
      expect(repos.outbox.get(id)!.state).toBe('sending');
      release();
      await stopped;
      expect(repos.outbox.get(id)!.state).toBe('sent');
      expect(await first).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(await loop.tick()).toBeNull(); // stopped: no more passes
    } finally {
      await smtp.close();
    }
  });
});

describe('the embedded default: no SMTP server', () => {
  it('writes each message as a private .eml file under DATA_DIR/outbox and marks it kept', async () => {
    const dataDir = tempDir();
    const repos = memRepos();
    const id = queue(repos);
    const r = await deliverDue(repos, emlTransport(dataDir), new Date(), { from: FROM });
    expect(r.delivered).toBe(1);
    expect(repos.outbox.get(id)).toMatchObject({ state: 'kept', tries: 1 });
    const file = join(dataDir, emlName(id));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'outbox')).mode & 0o777).toBe(0o700);
    const parsed = await simpleParser(readFileSync(file));
    expect(parsed.messageId).toBe(repos.outbox.get(id)!.message_id);
    expect(parsed.subject).toBe('Тестовое задание — KAM');
    expect(parsed.text).toContain('Здравствуйте, Анна!');
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(expect.arrayContaining(['text/calendar', 'text/plain']));
  });
});

describe('a sender killed between handing the message to SMTP and recording it', () => {
  it('leaves the row "sending"; after the lease it is sent again with the same Message-ID (at least once)', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam-hire.db');
    const db = openDatabase(file);
    const repos = createRepos(db);
    const id = queue(repos);
    const messageId = repos.outbox.get(id)!.message_id;

    let child: ReturnType<typeof spawn> | null = null;
    let killedAfterData = false;
    const smtp = await startSmtp({
      // The server has the whole message; before it answers "250", the sender process dies.
      onMessage: async () => {
        if (!child || killedAfterData) return;
        killedAfterData = true;
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      },
    });
    try {
      const started = new Date();
      child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/mail-send-once.ts', file, smtp.url], { stdio: 'pipe' });
      let out = '';
      child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      const code = await new Promise<number | null>((resolve) => child!.once('exit', (c) => resolve(c)));
      expect(killedAfterData, `the sender finished instead of being killed: ${out}`).toBe(true);
      expect(code).toBeNull(); // killed by the signal
      expect(smtp.received).toHaveLength(1);

      // What the crash left: the try was claimed and never recorded.
      const row = repos.outbox.get(id)!;
      expect(row).toMatchObject({ state: 'sending', tries: 1, sent_at: null });
      // A restarted sender leaves it alone while the dead one's lease runs...
      expect(await deliverDue(repos, smtpTransport(smtp.url), new Date(), { from: FROM })).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(1);
      // ...and sends it again when the lease is over: the receiver gets a second copy with the same Message-ID.
      const afterLease = at(started, LEASE_MS + 60_000);
      expect(await deliverDue(repos, smtpTransport(smtp.url), afterLease, { from: FROM })).toEqual({
        delivered: 1,
        retrying: 0,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([messageId, messageId]);
      expect(repos.outbox.get(id)).toMatchObject({ state: 'sent', tries: 2 });
    } finally {
      await smtp.close();
      db.close();
    }
  }, 60_000);
});
