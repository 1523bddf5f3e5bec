import { randomUUID } from 'node:crypto';
import type { DB } from './connection.js';
import type { MailAttachment, OutgoingMail } from '../domain/mail/message.js';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'kept';
export const OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'sent', 'failed', 'kept'];
/** Which messages a reader of the outbox sees: all, or only those about candidates (domain/policy.ts decides). */
export type OutboxScope = 'all' | 'candidates';

export interface TimelineMail {
  id: number;
  kind: string;
  subject: string;
  to_address: string;
  state: OutboxState;
  tries: number;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  created_by_name: string | null;
}

export interface OutboxRow {
  id: number;
  message_id: string;
  kind: string;
  lang: 'ru' | 'en';
  candidate_id: number | null;
  user_id: number | null;
  to_address: string;
  to_name: string | null;
  subject: string;
  body_text: string;
  body_html: string;
  attachments: string;
  state: OutboxState;
  tries: number;
  next_try_at: string;
  last_error: string | null;
  sent_at: string | null;
  created_by: number | null;
  created_at: string;
}

export function parseAttachments(row: Pick<OutboxRow, 'attachments'>): MailAttachment[] {
  return JSON.parse(row.attachments) as MailAttachment[];
}

export function outboxRepo(db: DB) {
  const insert = db.prepare(`INSERT INTO outbox (message_id, kind, lang, candidate_id, user_id, to_address, to_name, subject,
      body_text, body_html, attachments, created_by)
    VALUES (@messageId, @kind, @lang, @candidateId, @userId, @toAddress, @toName, @subject, @text, @html, @attachments, @createdBy)`);
  const byId = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const byCandidate = db.prepare('SELECT * FROM outbox WHERE candidate_id = ? ORDER BY id DESC');
  const recent = db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ? OFFSET ?');
  const LIST = `SELECT o.*, u.display_name AS created_by_name FROM outbox o LEFT JOIN users u ON u.id = o.created_by
    WHERE (@scope = 'all' OR o.candidate_id IS NOT NULL) AND (@state IS NULL OR o.state = @state)`;
  const list = db.prepare(`${LIST} ORDER BY o.id DESC LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM (${LIST})`);
  const timeline = db.prepare(`SELECT o.id, o.kind, o.subject, o.to_address, o.state, o.tries, o.last_error, o.sent_at, o.created_at,
      u.display_name AS created_by_name FROM outbox o LEFT JOIN users u ON u.id = o.created_by WHERE o.candidate_id = ? ORDER BY o.id DESC`);
  // Due: queued and its time has come, or 'sending' whose lease ran out (the sender died mid-try).
  const due = db.prepare(
    `SELECT id, state, next_try_at FROM outbox WHERE state IN ('queued', 'sending') AND next_try_at <= ? ORDER BY next_try_at, id LIMIT ?`,
  );
  // Compare-and-set on state and next_try_at: of two senders that saw the row due, exactly one claims it.
  const claim = db.prepare(`UPDATE outbox SET state = 'sending', tries = tries + 1, next_try_at = @leaseUntil
    WHERE id = @id AND state = @state AND next_try_at = @seen`);
  const done = db.prepare(`UPDATE outbox SET state = @state, sent_at = @at, last_error = NULL WHERE id = @id AND state = 'sending'`);
  const failed = db.prepare(
    `UPDATE outbox SET state = @state, next_try_at = @next, last_error = @error WHERE id = @id AND state = 'sending'`,
  );
  const requeue = db.prepare(
    `UPDATE outbox SET state = 'queued', next_try_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND state = 'failed'`,
  );
  const aboutCandidate = db.prepare('SELECT id FROM outbox WHERE candidate_id = ?');
  // Erasure: the letters lose the address, the name and the text; one not yet delivered is never sent.
  const redact =
    db.prepare(`UPDATE outbox SET to_address = '—', to_name = NULL, subject = '—', body_text = '', body_html = '', attachments = '[]',
      state = CASE WHEN state IN ('queued', 'sending') THEN 'failed' ELSE state END,
      last_error = CASE WHEN state IN ('queued', 'sending') THEN 'erased before delivery' ELSE last_error END
    WHERE candidate_id = ?`);
  return {
    /** Removes the personal data from every message about a candidate (erasure); returns their ids. */
    redactForCandidate: (candidateId: number): number[] => {
      const ids = (aboutCandidate.all(candidateId) as { id: number }[]).map((r) => r.id);
      redact.run(candidateId);
      return ids;
    },
    /** Queues one message; call it inside the transaction of the action that caused it. */
    add(mail: OutgoingMail, createdBy: number | null, domain = 'kam-hire.local'): number {
      const info = insert.run({
        messageId: `<${randomUUID()}@${domain}>`,
        kind: mail.kind,
        lang: mail.lang,
        candidateId: mail.candidateId ?? null,
        userId: mail.userId ?? null,
        toAddress: mail.to.address,
        toName: mail.to.name ?? null,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: JSON.stringify(mail.attachments ?? []),
        createdBy,
      });
      return Number(info.lastInsertRowid);
    },
    get: (id: number) => byId.get(id) as OutboxRow | undefined,
    forCandidate: (candidateId: number) => byCandidate.all(candidateId) as OutboxRow[],
    recent: (limit: number, offset = 0) => recent.all(limit, offset) as OutboxRow[],
    /** A page of the outbox, newest first; scope 'candidates' leaves out mail to users (reminders). */
    list: (f: { scope: OutboxScope; state: OutboxState | null; limit: number; offset: number }) => ({
      rows: list.all(f) as (OutboxRow & { created_by_name: string | null })[],
      total: (count.get({ scope: f.scope, state: f.state }) as { n: number }).n,
    }),
    /** What was sent about a candidate, for the timeline on their card (newest first, no bodies). */
    timeline: (candidateId: number) => timeline.all(candidateId) as TimelineMail[],
    due: (now: string, limit: number) => due.all(now, limit) as { id: number; state: OutboxState; next_try_at: string }[],
    /** Takes a due row for one try until leaseUntil; false when another sender took it first. */
    claim: (row: { id: number; state: OutboxState; next_try_at: string }, leaseUntil: string): boolean =>
      claim.run({ id: row.id, state: row.state, seen: row.next_try_at, leaseUntil }).changes > 0,
    /** The try succeeded: 'sent' (handed to SMTP) or 'kept' (written as an .eml file). */
    delivered: (id: number, state: 'sent' | 'kept', at: string) => done.run({ id, state, at }).changes > 0,
    /** The try failed: queued again for `next`, or 'failed' for good. */
    tryFailed: (id: number, error: string, next: string | null) =>
      failed.run({ id, state: next === null ? 'failed' : 'queued', next: next ?? new Date().toISOString(), error }).changes > 0,
    /** "Retry now" on a failed message. */
    retry: (id: number) => requeue.run(id).changes > 0,
  };
}
