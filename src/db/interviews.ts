import type { DB } from './connection.js';
import { moveOneStep } from '../domain/order.js';
import type { InterviewStage, ScorecardData } from '../domain/interview.js';
import { EMPTY_SCORECARD, scorecardDataSchema } from '../domain/interview.js';

export interface Interview {
  id: number;
  candidateId: number;
  vacancyId: number;
  candidateName: string;
  stage: InterviewStage;
  scheduledAt: string;
  durationMin: number;
  location: string | null;
  status: 'scheduled' | 'cancelled';
  createdAt: string;
}

interface InterviewRow {
  id: number;
  candidate_id: number;
  vacancy_id: number;
  candidate_name: string;
  stage: InterviewStage;
  scheduled_at: string;
  duration_min: number;
  location: string | null;
  status: 'scheduled' | 'cancelled';
  created_at: string;
}

const toInterview = (r: InterviewRow): Interview => ({
  id: r.id,
  candidateId: r.candidate_id,
  vacancyId: r.vacancy_id,
  candidateName: r.candidate_name,
  stage: r.stage,
  scheduledAt: r.scheduled_at,
  durationMin: r.duration_min,
  location: r.location,
  status: r.status,
  createdAt: r.created_at,
});

export interface KitItem {
  id: number;
  position: number;
  kind: 'question' | 'case';
  itemId: string;
  bankVersions: Record<string, number>;
  reason: string;
}

export interface Scorecard {
  id: number;
  interviewId: number;
  interviewerId: number;
  interviewerName: string;
  status: 'draft' | 'submitted';
  version: number;
  data: ScorecardData;
  amendReason: string | null;
  updatedAt: string;
  submittedAt: string | null;
}

interface ScorecardRow {
  id: number;
  interview_id: number;
  interviewer_id: number;
  interviewer_name: string;
  status: 'draft' | 'submitted';
  version: number;
  data: string;
  amend_reason: string | null;
  updated_at: string;
  submitted_at: string | null;
}

const parseData = (json: string): ScorecardData => {
  const r = scorecardDataSchema.safeParse(JSON.parse(json));
  return r.success ? r.data : { ...EMPTY_SCORECARD };
};

const toScorecard = (r: ScorecardRow): Scorecard => ({
  id: r.id,
  interviewId: r.interview_id,
  interviewerId: r.interviewer_id,
  interviewerName: r.interviewer_name,
  status: r.status,
  version: r.version,
  data: parseData(r.data),
  amendReason: r.amend_reason,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
});

export interface Revision {
  revision: number;
  kind: 'submit' | 'amend';
  data: ScorecardData;
  reason: string | null;
  createdAt: string;
  by: string | null;
}

export type SaveResult =
  | { ok: true; version: number; updatedAt: string }
  | { ok: false; reason: 'conflict'; current: Scorecard }
  | { ok: false; reason: 'locked'; current: Scorecard };

const INTERVIEW_SELECT = `SELECT i.*, c.vacancy_id, c.full_name AS candidate_name FROM interviews i JOIN candidates c ON c.id = i.candidate_id`;
const SCORECARD_SELECT = `SELECT s.*, u.display_name AS interviewer_name FROM scorecards s JOIN users u ON u.id = s.interviewer_id`;

export function interviewsRepo(db: DB) {
  const stmts = {
    insert: db.prepare(
      `INSERT INTO interviews (candidate_id, stage, scheduled_at, duration_min, location, created_by)
       VALUES (@candidateId, @stage, @scheduledAt, @durationMin, @location, @createdBy)`,
    ),
    get: db.prepare<[number], InterviewRow>(`${INTERVIEW_SELECT} WHERE i.id = ?`),
    forCandidate: db.prepare<[number], InterviewRow>(`${INTERVIEW_SELECT} WHERE i.candidate_id = ? ORDER BY i.scheduled_at`),
    upcomingFor: db.prepare<[number, string], InterviewRow & { scorecard_status: string }>(
      `${INTERVIEW_SELECT} JOIN scorecards s ON s.interview_id = i.id AND s.interviewer_id = ?
       WHERE i.status = 'scheduled' AND (i.scheduled_at >= ? OR s.status = 'draft') ORDER BY i.scheduled_at LIMIT 50`,
    ),
    awaiting: db.prepare<[], InterviewRow & { missing: number }>(
      `${INTERVIEW_SELECT.replace(' FROM ', ', m.missing FROM ')}
         JOIN (SELECT interview_id, COUNT(*) AS missing FROM scorecards WHERE status = 'draft' GROUP BY interview_id) m ON m.interview_id = i.id
       WHERE i.status = 'scheduled' ORDER BY i.scheduled_at LIMIT 50`,
    ),
    setStatus: db.prepare('UPDATE interviews SET status = ? WHERE id = ?'),
    insertKit: db.prepare(
      `INSERT OR IGNORE INTO kit_items (interview_id, position, kind, item_id, bank_versions, reason)
       VALUES (@interviewId, (SELECT COALESCE(MAX(position), 0) + 1 FROM kit_items WHERE interview_id = @interviewId), @kind, @itemId, @bankVersions, @reason)`,
    ),
    kit: db.prepare<
      [number],
      { id: number; position: number; kind: 'question' | 'case'; item_id: string; bank_versions: string; reason: string }
    >('SELECT * FROM kit_items WHERE interview_id = ? ORDER BY position, id'),
    kitItem: db.prepare<[number, number], { id: number }>('SELECT id FROM kit_items WHERE id = ? AND interview_id = ?'),
    setKitPosition: db.prepare('UPDATE kit_items SET position = ? WHERE id = ?'),
    deleteKit: db.prepare('DELETE FROM kit_items WHERE id = ? AND interview_id = ?'),
    insertScorecard: db.prepare(`INSERT INTO scorecards (interview_id, interviewer_id, data) VALUES (?, ?, ?)`),
    scorecards: db.prepare<[number], ScorecardRow>(`${SCORECARD_SELECT} WHERE s.interview_id = ? ORDER BY u.display_name`),
    scorecardFor: db.prepare<[number, number], ScorecardRow>(`${SCORECARD_SELECT} WHERE s.interview_id = ? AND s.interviewer_id = ?`),
    scorecardById: db.prepare<[number], ScorecardRow>(`${SCORECARD_SELECT} WHERE s.id = ?`),
    saveDraft: db.prepare(
      `UPDATE scorecards SET data = @data, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = @id AND version = @version AND status = 'draft'`,
    ),
    submit: db.prepare(
      `UPDATE scorecards SET data = @data, version = version + 1, status = 'submitted', amend_reason = NULL,
       submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = @id AND version = @version AND status = 'draft'`,
    ),
    reopen: db.prepare(
      `UPDATE scorecards SET status = 'draft', amend_reason = @reason, version = version + 1,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id AND status = 'submitted'`,
    ),
    nextRevision: db.prepare<[number], { n: number }>(
      'SELECT COALESCE(MAX(revision), 0) + 1 AS n FROM scorecard_revisions WHERE scorecard_id = ?',
    ),
    insertRevision: db.prepare(
      `INSERT INTO scorecard_revisions (scorecard_id, revision, kind, data, reason, created_by) VALUES (@scorecardId, @revision, @kind, @data, @reason, @userId)`,
    ),
    revisions: db.prepare<
      [number],
      { revision: number; kind: 'submit' | 'amend'; data: string; reason: string | null; created_at: string; by: string | null }
    >(
      `SELECT r.revision, r.kind, r.data, r.reason, r.created_at, u.display_name AS by FROM scorecard_revisions r
       LEFT JOIN users u ON u.id = r.created_by WHERE r.scorecard_id = ? ORDER BY r.revision`,
    ),
    anySubmitted: db.prepare<[number], { n: number }>(
      'SELECT COUNT(*) AS n FROM scorecards WHERE interview_id = ? AND submitted_at IS NOT NULL',
    ),
    interviewsIn: db.prepare<[number, number], { n: number }>(
      'SELECT EXISTS (SELECT 1 FROM scorecards s JOIN interviews i ON i.id = s.interview_id JOIN candidates c ON c.id = i.candidate_id WHERE c.vacancy_id = ? AND s.interviewer_id = ?) AS n',
    ),
    isInterviewer: db.prepare<[number, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM scorecards WHERE interview_id = ? AND interviewer_id = ?',
    ),
  };

  const readScorecard = (id: number) => {
    const r = stmts.scorecardById.get(id);
    return r ? toScorecard(r) : undefined;
  };

  return {
    /** The interview, its kit and one empty scorecard per interviewer, together. */
    create: (
      i: {
        candidateId: number;
        stage: InterviewStage;
        scheduledAt: string;
        durationMin: number;
        location: string | null;
        createdBy: number;
      },
      interviewerIds: number[],
      kit: { kind: 'question' | 'case'; itemId: string; bankVersions: Record<string, number>; reason: string }[],
    ) =>
      db.transaction(() => {
        const id = Number(stmts.insert.run(i).lastInsertRowid);
        for (const k of kit)
          stmts.insertKit.run({
            interviewId: id,
            kind: k.kind,
            itemId: k.itemId,
            bankVersions: JSON.stringify(k.bankVersions),
            reason: k.reason,
          });
        for (const u of new Set(interviewerIds)) stmts.insertScorecard.run(id, u, JSON.stringify(EMPTY_SCORECARD));
        return id;
      })(),
    get: (id: number) => {
      const r = stmts.get.get(id);
      return r ? toInterview(r) : undefined;
    },
    forCandidate: (candidateId: number) => stmts.forCandidate.all(candidateId).map(toInterview),
    upcomingFor: (userId: number, since: string) =>
      stmts.upcomingFor
        .all(userId, since)
        .map((r) => ({ ...toInterview(r), scorecardStatus: r.scorecard_status as 'draft' | 'submitted' })),
    awaitingScorecards: () => stmts.awaiting.all().map((r) => ({ ...toInterview(r), missing: r.missing })),
    cancel: (id: number) => stmts.setStatus.run('cancelled', id),
    kit: (interviewId: number): KitItem[] =>
      stmts.kit.all(interviewId).map((r) => ({
        id: r.id,
        position: r.position,
        kind: r.kind,
        itemId: r.item_id,
        bankVersions: JSON.parse(r.bank_versions) as Record<string, number>,
        reason: r.reason,
      })),
    addKitItem: (
      interviewId: number,
      k: { kind: 'question' | 'case'; itemId: string; bankVersions: Record<string, number>; reason: string },
    ) =>
      stmts.insertKit.run({ interviewId, kind: k.kind, itemId: k.itemId, bankVersions: JSON.stringify(k.bankVersions), reason: k.reason })
        .changes > 0,
    hasKitItem: (interviewId: number, kitItemId: number) => stmts.kitItem.get(kitItemId, interviewId) !== undefined,
    moveKitItem: (interviewId: number, kitItemId: number, direction: 'up' | 'down') =>
      db.transaction(() => {
        const ids = moveOneStep(
          stmts.kit.all(interviewId).map((r) => r.id),
          kitItemId,
          direction,
        );
        ids?.forEach((id, n) => stmts.setKitPosition.run(n + 1, id));
      })(),
    removeKitItem: (interviewId: number, kitItemId: number) => stmts.deleteKit.run(kitItemId, interviewId),
    scorecards: (interviewId: number) => stmts.scorecards.all(interviewId).map(toScorecard),
    scorecardFor: (interviewId: number, userId: number) => {
      const r = stmts.scorecardFor.get(interviewId, userId);
      return r ? toScorecard(r) : undefined;
    },
    /** The user sits on a panel of some interview of the vacancy's candidates. */
    interviewsIn: (vacancyId: number, userId: number) => stmts.interviewsIn.get(vacancyId, userId)!.n > 0,
    isInterviewer: (interviewId: number, userId: number) => stmts.isInterviewer.get(interviewId, userId)!.n > 0,
    anySubmitted: (interviewId: number) => stmts.anySubmitted.get(interviewId)!.n > 0,
    /** Saves only if nobody saved since `version`; otherwise hands back what is stored. */
    saveDraft: (scorecardId: number, version: number, data: ScorecardData): SaveResult =>
      db.transaction((): SaveResult => {
        const changed = stmts.saveDraft.run({ id: scorecardId, version, data: JSON.stringify(data) }).changes;
        const current = readScorecard(scorecardId)!;
        if (changed === 1) return { ok: true, version: current.version, updatedAt: current.updatedAt };
        return { ok: false, reason: current.status === 'submitted' ? 'locked' : 'conflict', current };
      })(),
    submit: (scorecardId: number, version: number, data: ScorecardData, userId: number): SaveResult =>
      db.transaction((): SaveResult => {
        const before = readScorecard(scorecardId)!;
        const changed = stmts.submit.run({ id: scorecardId, version, data: JSON.stringify(data) }).changes;
        const current = readScorecard(scorecardId)!;
        if (changed !== 1) return { ok: false, reason: current.status === 'submitted' ? 'locked' : 'conflict', current };
        const revision = stmts.nextRevision.get(scorecardId)!.n;
        stmts.insertRevision.run({
          scorecardId,
          revision,
          kind: revision === 1 ? 'submit' : 'amend',
          data: JSON.stringify(data),
          reason: before.amendReason,
          userId,
        });
        return { ok: true, version: current.version, updatedAt: current.updatedAt };
      })(),
    /** Unlocks a submitted scorecard for an amendment; the reason goes with the next revision. */
    reopen: (scorecardId: number, reason: string) => stmts.reopen.run({ id: scorecardId, reason }).changes === 1,
    revisions: (scorecardId: number): Revision[] =>
      stmts.revisions
        .all(scorecardId)
        .map((r) => ({ revision: r.revision, kind: r.kind, data: parseData(r.data), reason: r.reason, createdAt: r.created_at, by: r.by })),
  };
}
export type InterviewsRepo = ReturnType<typeof interviewsRepo>;
