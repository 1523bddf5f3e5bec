/**
 * When a message that could not be delivered is tried again. Pure: the sender (services/mail-sender.ts)
 * asks here after each failed try.
 */

/** Minutes to wait after the 1st, 2nd, ... failed try; after the last one the message is 'failed'. */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 240] as const;
export const MAX_TRIES = BACKOFF_MINUTES.length + 1;

/**
 * How long a sender holds a message it is trying. A sender that dies mid-try (after the SMTP server
 * took the message, before the outbox recorded it) leaves the row 'sending'; once the lease has run
 * out another try starts. Longer than any one try can last (the SMTP timeouts are below it).
 */
export const LEASE_MS = 10 * 60_000;

/** What an SMTP error looks like (nodemailer sets responseCode on a server's refusal). */
export interface SendError {
  message: string;
  responseCode?: number | undefined;
  code?: string | undefined;
}

/** A 5xx answer is the server's final word (no such mailbox, refused): trying again cannot help. */
export function isPermanent(e: SendError): boolean {
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
}

/** The time of the next try after `tries` failed ones, or null when the message has failed for good. */
export function nextTryAt(tries: number, now: Date, e: SendError): Date | null {
  if (isPermanent(e) || tries >= MAX_TRIES) return null;
  const minutes: number = BACKOFF_MINUTES[Math.min(Math.max(0, tries - 1), BACKOFF_MINUTES.length - 1)] ?? 240;
  return new Date(now.getTime() + minutes * 60_000);
}

/** The error as it is shown on the outbox page: the server's code and message, on one line, bounded. */
export function describeError(e: SendError): string {
  const code = e.responseCode ? `${e.responseCode} ` : e.code ? `${e.code}: ` : '';
  return `${code}${e.message}`.replace(/\s+/g, ' ').trim().slice(0, 1000);
}
