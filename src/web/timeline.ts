import type { TimelineMail } from '../db/outbox.js';

/**
 * The timeline on a candidate's card: the history of the record (events) and every message about the
 * candidate (outbox rows, with who queued it and its delivery state), newest first.
 */
export type TimelineEntry<E> = (E & { kind: string; createdAt: string }) | { kind: 'mail'; createdAt: string; mail: TimelineMail };

export function candidateTimeline<E extends { kind: string; createdAt: string }>(events: E[], mails: TimelineMail[]): TimelineEntry<E>[] {
  const all: TimelineEntry<E>[] = [...events, ...mails.map((m) => ({ kind: 'mail' as const, createdAt: m.created_at, mail: m }))];
  // Stable: among equal times, the order each list had (events oldest first) is reversed with the rest.
  return all
    .map((x, i) => ({ x, i }))
    .sort((a, b) => (a.x.createdAt === b.x.createdAt ? b.i - a.i : a.x.createdAt < b.x.createdAt ? 1 : -1))
    .map((y) => y.x);
}
