import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Config } from '../config.js';
import type { Repos } from '../db/repos.js';
import { parseAttachments, type OutboxRow } from '../db/outbox.js';
import { describeError, LEASE_MS, nextTryAt, type SendError } from '../domain/mail/delivery.js';
import { PRIVATE_FILE_MODE, privateDir } from '../storage/private.js';

/**
 * Delivery of the outbox. Guarantee: at least once. A row is claimed for one try (state 'sending',
 * leased for LEASE_MS), handed to the transport, then recorded. A process that dies between the SMTP
 * server's "250 OK" and the record leaves the row 'sending'; when the lease runs out it is sent again
 * with the same Message-ID (fixed when the row was queued), so a receiver can drop the copy. Never
 * lost: a row leaves the outbox only as 'sent', 'kept' or — after its last try — 'failed'.
 */
export interface MailTransport {
  /** The state a delivered message gets: 'sent' when an SMTP server took it, 'kept' when written to a file. */
  readonly outcome: 'sent' | 'kept';
  /** Where it goes, for the log and the outbox page (never a password). */
  readonly describe: string;
  send(message: Mail.Options, row: OutboxRow): Promise<void>;
  close(): void;
}

/** The RFC 5322 message of an outbox row, as nodemailer builds it. */
export function messageOf(row: OutboxRow, from: string): Mail.Options {
  const attachments = parseAttachments(row);
  const invite = attachments.find((a) => a.method);
  return {
    from,
    to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    messageId: row.message_id,
    date: new Date(row.created_at),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-KAM-Hire-Kind': row.kind },
    // A calendar invitation goes as text/calendar with its METHOD (nodemailer adds it as an alternative and an attachment).
    ...(invite ? { icalEvent: { method: invite.method as string, filename: invite.filename, content: invite.content } } : {}),
    attachments: attachments
      .filter((a) => a !== invite)
      .map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

/**
 * A nodemailer transporter made on the first message: nodemailer (about 40 modules) is imported then, not when the
 * server starts, which most starts (an empty outbox) never need.
 */
function onFirstMessage(options: Parameters<typeof import('nodemailer').createTransport>[0]) {
  let made: Promise<Transporter> | undefined;
  return {
    get: () => (made ??= import('nodemailer').then((m) => m.default.createTransport(options))),
    close: () => void made?.then((t) => t.close()),
  };
}

/** SMTP through nodemailer (SMTP_URL). Timeouts stay well under the lease. */
export function smtpTransport(url: string): MailTransport {
  const u = new URL(url);
  // Options in the query string (?connectionTimeout=…) are read by nodemailer too; these are the defaults.
  for (const [k, v] of Object.entries({ connectionTimeout: '30000', greetingTimeout: '30000', socketTimeout: '60000' }))
    if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  const transporter = onFirstMessage(u.toString());
  return {
    outcome: 'sent',
    describe: `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`,
    async send(message) {
      await (await transporter.get()).sendMail(message);
    },
    close: transporter.close,
  };
}

/** The .eml file of a kept message, relative to DATA_DIR. */
export const emlName = (id: number) => `outbox/${id}.eml`;

/**
 * The embedded default (no SMTP_URL): the message is built by nodemailer exactly as it would be
 * sent and written as DATA_DIR/outbox/<id>.eml (0600, written whole then renamed into place).
 */
export function emlTransport(dataDir: string): MailTransport {
  const transporter = onFirstMessage({ streamTransport: true, buffer: true, newline: 'windows' });
  const dir = join(dataDir, 'outbox');
  return {
    outcome: 'kept',
    describe: 'DATA_DIR/outbox',
    async send(message, row) {
      const info = (await (await transporter.get()).sendMail(message)) as unknown as { message: Buffer };
      privateDir(dir);
      const file = join(dataDir, emlName(row.id));
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, info.message, { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, file);
    },
    close: transporter.close,
  };
}

export function transportFor(config: Pick<Config, 'smtpUrl' | 'dataDir'>): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : emlTransport(config.dataDir);
}

export interface DeliveryResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * One pass over the due rows: each claimed atomically (two senders never try the same row at once),
 * sent with its stored Message-ID, and recorded as delivered, queued again with backoff, or failed.
 */
export async function deliverDue(
  repos: Repos,
  transport: MailTransport,
  now: Date = new Date(),
  opts: { from?: string; batch?: number; leaseMs?: number } = {},
): Promise<DeliveryResult> {
  const from = opts.from ?? 'KAM Hire <no-reply@kam-hire.local>';
  const result: DeliveryResult = { delivered: 0, retrying: 0, failed: 0 };
  for (const due of repos.outbox.due(now.toISOString(), opts.batch ?? 20)) {
    if (!repos.outbox.claim(due, new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS)).toISOString())) continue;
    const row = repos.outbox.get(due.id);
    if (!row) continue;
    try {
      await transport.send(messageOf(row, from), row);
      repos.outbox.delivered(row.id, transport.outcome, new Date().toISOString());
      result.delivered += 1;
    } catch (e) {
      const err = e as SendError;
      const next = nextTryAt(row.tries, now, err);
      repos.outbox.tryFailed(row.id, describeError(err), next ? next.toISOString() : null);
      if (next) result.retrying += 1;
      else result.failed += 1;
    }
  }
  return result;
}

export interface MailDelivery {
  /** One pass now (also what the timer runs); passes never overlap within a process. */
  tick: () => Promise<DeliveryResult | null>;
  /** No more passes; resolves when the pass under way (if any) has recorded its outcome. */
  stop: () => Promise<void>;
}

/**
 * The delivery loop inside the server: a pass every intervalMs on an unref'd timer. `tick` is what a
 * shared scheduler would register instead of the timer.
 */
export function startMailDelivery(
  repos: Repos,
  transport: MailTransport,
  opts: { from: string; intervalMs?: number; onError?: (e: unknown) => void; timer?: boolean } = { from: '' },
): MailDelivery {
  let running: Promise<DeliveryResult> | null = null;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return null;
    running = deliverDue(repos, transport, new Date(), { from: opts.from });
    try {
      return await running;
    } catch (e) {
      opts.onError?.(e);
      return null;
    } finally {
      running = null;
    }
  };
  const timer = opts.timer === false ? null : setInterval(() => void tick(), opts.intervalMs ?? 5000);
  timer?.unref();
  return {
    tick,
    stop: async () => {
      if (timer) clearInterval(timer);
      stopped = true;
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}
