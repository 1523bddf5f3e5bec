import { randomUUID } from 'node:crypto';
import type { DB } from './connection.js';
import type { MailAttachment, OutgoingMail } from '../domain/mail/message.js';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'kept';

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
  return {
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
  };
}
