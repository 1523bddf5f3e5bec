import type { DB } from './connection.js';
import type { InterviewStage } from '../domain/interview.js';

export interface SlotOffer {
  id: number;
  candidateId: number | null;
  stage: InterviewStage;
  durationMin: number;
  location: string | null;
  interviewerIds: number[];
  lang: 'ru' | 'en';
  expiresAt: string;
  status: 'open' | 'booked';
  interviewId: number | null;
  createdBy: number | null;
  createdAt: string;
  /** The candidate's pipeline stage; null once the candidate is erased (anonymized) or gone. */
  candidateStage: string | null;
}

interface OfferRow {
  id: number;
  candidate_id: number | null;
  stage: InterviewStage;
  duration_min: number;
  location: string | null;
  interviewer_ids: string;
  lang: 'ru' | 'en';
  expires_at: string;
  status: 'open' | 'booked';
  interview_id: number | null;
  created_by: number | null;
  created_at: string;
  candidate_stage: string | null;
}

const toOffer = (r: OfferRow): SlotOffer => ({
  id: r.id,
  candidateId: r.candidate_id,
  stage: r.stage,
  durationMin: r.duration_min,
  location: r.location,
  interviewerIds: JSON.parse(r.interviewer_ids) as number[],
  lang: r.lang,
  expiresAt: r.expires_at,
  status: r.status,
  interviewId: r.interview_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  candidateStage: r.candidate_stage,
});

const OFFER_SELECT = `SELECT o.*, CASE WHEN c.anonymized_at IS NULL THEN c.stage END AS candidate_stage
  FROM slot_offers o LEFT JOIN candidates c ON c.id = o.candidate_id`;

/** A scheduled interview someone sits on, for overlap checks. */
export interface BusyInterview {
  interviewId: number;
  interviewerId: number;
  interviewerName: string;
  candidateName: string;
  scheduledAt: string;
  durationMin: number;
}

/** One interview of a person's feed. */
export interface FeedInterview {
  id: number;
  stage: InterviewStage;
  scheduledAt: string;
  durationMin: number;
  location: string | null;
  status: 'scheduled' | 'cancelled';
  icsSequence: number;
  candidateName: string;
  vacancyTitleRu: string;
  vacancyTitleEn: string;
}

/** Calendar data: users' zones, invitation sequence numbers, personal feeds, self-scheduling offers. */
export function calendarRepo(db: DB) {
  const stmts = {
    timeZone: db.prepare<[number], { time_zone: string }>('SELECT time_zone FROM users WHERE id = ?'),
    setTimeZone: db.prepare('UPDATE users SET time_zone = ? WHERE id = ?'),
    sequence: db.prepare<[number], { ics_sequence: number }>('SELECT ics_sequence FROM interviews WHERE id = ?'),
    bumpSequence: db.prepare('UPDATE interviews SET ics_sequence = ics_sequence + 1 WHERE id = ?'),
    reschedule: db.prepare(
      `UPDATE interviews SET scheduled_at = @scheduledAt, duration_min = @durationMin, location = @location
       WHERE id = @id AND status = 'scheduled'`,
    ),
    cancel: db.prepare("UPDATE interviews SET status = 'cancelled' WHERE id = ? AND status = 'scheduled'"),
    busy: db.prepare<[string, string], BusyInterview>(
      `SELECT i.id AS interviewId, s.interviewer_id AS interviewerId, u.display_name AS interviewerName, c.full_name AS candidateName,
              i.scheduled_at AS scheduledAt, i.duration_min AS durationMin
       FROM interviews i JOIN scorecards s ON s.interview_id = i.id JOIN users u ON u.id = s.interviewer_id
       JOIN candidates c ON c.id = i.candidate_id
       WHERE i.status = 'scheduled' AND s.interviewer_id IN (SELECT value FROM json_each(?))
         AND i.scheduled_at < ? ORDER BY i.scheduled_at`,
    ),
    feedFor: db.prepare<[number], FeedInterview>(
      `SELECT i.id, i.stage, i.scheduled_at AS scheduledAt, i.duration_min AS durationMin, i.location, i.status,
              i.ics_sequence AS icsSequence, c.full_name AS candidateName, v.title_ru AS vacancyTitleRu, v.title_en AS vacancyTitleEn
       FROM interviews i JOIN scorecards s ON s.interview_id = i.id AND s.interviewer_id = ?
       JOIN candidates c ON c.id = i.candidate_id JOIN vacancies v ON v.id = c.vacancy_id
       WHERE i.scheduled_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-90 days') ORDER BY i.scheduled_at LIMIT 1000`,
    ),
    feedByHash: db.prepare<[string], { user_id: number }>('SELECT user_id FROM calendar_feeds WHERE token_hash = ?'),
    hasFeed: db.prepare<[number], { created_at: string }>('SELECT created_at FROM calendar_feeds WHERE user_id = ?'),
    setFeed: db.prepare(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ),
    deleteFeed: db.prepare('DELETE FROM calendar_feeds WHERE user_id = ?'),
    insertOffer: db.prepare(
      `INSERT INTO slot_offers (candidate_id, stage, duration_min, location, interviewer_ids, lang, token_hash, expires_at, created_by)
       VALUES (@candidateId, @stage, @durationMin, @location, @interviewerIds, @lang, @tokenHash, @expiresAt, @createdBy)`,
    ),
    insertSlot: db.prepare('INSERT INTO offered_slots (offer_id, starts_at) VALUES (?, ?)'),
    offerByHash: db.prepare<[string], OfferRow>(`${OFFER_SELECT} WHERE o.token_hash = ?`),
    offer: db.prepare<[number], OfferRow>(`${OFFER_SELECT} WHERE o.id = ?`),
    offersFor: db.prepare<[number], OfferRow>(`${OFFER_SELECT} WHERE o.candidate_id = ? ORDER BY o.id DESC`),
    slots: db.prepare<[number], { id: number; starts_at: string }>(
      'SELECT id, starts_at FROM offered_slots WHERE offer_id = ? ORDER BY starts_at',
    ),
    book: db.prepare(
      `UPDATE slot_offers SET status = 'booked', interview_id = @interviewId
       WHERE id = @id AND status = 'open' AND expires_at > @now
         AND EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_id AND c.anonymized_at IS NULL AND c.stage <> 'rejected')`,
    ),
    insertBooking: db.prepare('INSERT INTO interviewer_bookings (interviewer_id, starts_at, interview_id) VALUES (?, ?, ?)'),
    releaseBookings: db.prepare('DELETE FROM interviewer_bookings WHERE interview_id = ?'),
  };
  return {
    /**
     * Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken before the first read, so a
     * second process picking a slot waits (busy_timeout) and then reads what the first one booked.
     */
    immediate: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    timeZone: (userId: number) => stmts.timeZone.get(userId)?.time_zone ?? 'Europe/Moscow',
    setTimeZone: (userId: number, timeZone: string) => stmts.setTimeZone.run(timeZone, userId).changes === 1,
    sequence: (interviewId: number) => stmts.sequence.get(interviewId)?.ics_sequence ?? 0,
    /** Raises the interview's SEQUENCE by one and returns the new value. */
    bumpSequence: (interviewId: number) => {
      stmts.bumpSequence.run(interviewId);
      return stmts.sequence.get(interviewId)?.ics_sequence ?? 0;
    },
    reschedule: (id: number, c: { scheduledAt: string; durationMin: number; location: string | null }) =>
      stmts.reschedule.run({ ...c, id }).changes === 1,
    cancel: (id: number) => stmts.cancel.run(id).changes === 1,
    /** Scheduled interviews of these people that start before `until` (the caller narrows to real overlaps). */
    busy: (interviewerIds: number[], until: string) => stmts.busy.all(JSON.stringify(interviewerIds), until),
    feedFor: (userId: number) => stmts.feedFor.all(userId),
    feedUser: (tokenHash: string) => stmts.feedByHash.get(tokenHash)?.user_id,
    feedCreatedAt: (userId: number) => stmts.hasFeed.get(userId)?.created_at ?? null,
    setFeed: (userId: number, tokenHash: string) => stmts.setFeed.run(userId, tokenHash),
    deleteFeed: (userId: number) => stmts.deleteFeed.run(userId).changes > 0,
    createOffer: (
      o: {
        candidateId: number;
        stage: InterviewStage;
        durationMin: number;
        location: string | null;
        interviewerIds: number[];
        lang: 'ru' | 'en';
        tokenHash: string;
        expiresAt: string;
        createdBy: number;
      },
      times: string[],
    ) => {
      const id = Number(stmts.insertOffer.run({ ...o, interviewerIds: JSON.stringify(o.interviewerIds) }).lastInsertRowid);
      for (const t of times) stmts.insertSlot.run(id, t);
      return id;
    },
    offerByTokenHash: (hash: string) => {
      const r = stmts.offerByHash.get(hash);
      return r ? toOffer(r) : undefined;
    },
    offer: (id: number) => {
      const r = stmts.offer.get(id);
      return r ? toOffer(r) : undefined;
    },
    offersFor: (candidateId: number) => stmts.offersFor.all(candidateId).map(toOffer),
    slots: (offerId: number) => stmts.slots.all(offerId).map((s) => ({ id: s.id, startsAt: s.starts_at })),
    /** The conditional update that lets exactly one pick through: open, unexpired, candidate still there. */
    book: (offerId: number, interviewId: number, now: string) => stmts.book.run({ id: offerId, interviewId, now }).changes === 1,
    /** Claims (interviewer, start) for a booked interview; throws SQLITE_CONSTRAINT_PRIMARYKEY when taken. */
    claim: (interviewerId: number, startsAt: string, interviewId: number) => stmts.insertBooking.run(interviewerId, startsAt, interviewId),
    release: (interviewId: number) => stmts.releaseBookings.run(interviewId),
  };
}
export type CalendarRepo = ReturnType<typeof calendarRepo>;
