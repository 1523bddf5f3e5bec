import type { DB } from './connection.js';
import type { FunnelCandidate } from '../domain/funnel.js';

export interface ExportRow {
  id: number;
  full_name: string;
  email: string | null;
  phone: string | null;
  source: string;
  stage: string;
  created_at: string;
  verdict: string | null;
  decision: string | null;
  screening_score: number | null;
  relevant_years: number | null;
  fit: number | null;
  completed_stages: number | null;
  total_stages: number | null;
  grade: string | null;
  knockouts: number | null;
  disagreement: number | null;
  result: string | null;
  rec_strong_no: number | null;
  rec_no: number | null;
  rec_yes: number | null;
  rec_strong_yes: number | null;
}

export function reportsRepo(db: DB) {
  // Reports read the thin, trigger-kept candidate_list rather than candidates, whose rows carry the
  // resume text: reading stage or created_at of 10,000 fat rows walks their overflow pages.
  const stmts = {
    total: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM candidate_list WHERE vacancy_id = ?'),
    events: db.prepare<[number], { candidateId: number; from: string | null; to: string; at: string }>(
      `SELECT e.candidate_id AS candidateId, e.old_value AS "from", e.new_value AS "to", e.created_at AS at
       FROM candidate_events e JOIN candidate_list c ON c.candidate_id = e.candidate_id WHERE c.vacancy_id = ? AND e.kind = 'stage' ORDER BY e.id`,
    ),
    candidates: db.prepare<[number], FunnelCandidate>(
      'SELECT candidate_id AS id, created_at AS createdAt, stage, source, fit FROM candidate_list WHERE vacancy_id = ?',
    ),
    version: db.prepare<[number], { version: number }>('SELECT version FROM vacancy_versions WHERE vacancy_id = ?'),
    board: db.prepare<
      { v: number; stage: string; limit: number },
      {
        id: number;
        full_name: string;
        fit: number | null;
        completed_stages: number | null;
        total_stages: number | null;
        grade: string | null;
        rec_strong_no: number;
        rec_no: number;
        rec_yes: number;
        rec_strong_yes: number;
      }
    >(
      // Coverage first, then fit: a fit from fewer completed stages never ranks above one from more.
      `SELECT candidate_id AS id, full_name, fit, completed_stages, total_stages, grade, rec_strong_no, rec_no, rec_yes, rec_strong_yes
       FROM candidate_list WHERE vacancy_id = @v AND stage = @stage
       ORDER BY completed_stages DESC, fit DESC, candidate_id DESC LIMIT @limit`,
    ),
    fits: db.prepare<[number], { source: string; completedStages: number; totalStages: number; fit: number }>(
      `SELECT source, completed_stages AS completedStages, total_stages AS totalStages, fit FROM candidate_list
       WHERE vacancy_id = ? AND fit IS NOT NULL AND completed_stages IS NOT NULL AND total_stages IS NOT NULL`,
    ),
    // One page of the export after a candidate id, in id order through the thin list table's index; created_at comes
    // from there too, since in candidates it sits behind the resume text.
    exportPage: db.prepare<{ v: number; after: number; limit: number }, ExportRow>(
      `SELECT c.id, c.full_name, c.email, c.phone, c.source, c.stage, l.created_at, s.verdict, s.decision, s.score AS screening_score,
         s.relevant_years, sc.fit, sc.completed_stages, sc.total_stages, sc.grade, sc.knockouts, sc.disagreement, sc.result,
         sc.rec_strong_no, sc.rec_no, sc.rec_yes, sc.rec_strong_yes
       FROM candidate_list l JOIN candidates c ON c.id = l.candidate_id
       LEFT JOIN screenings s ON s.candidate_id = c.id LEFT JOIN candidate_scores sc ON sc.candidate_id = c.id
       WHERE l.vacancy_id = @v AND l.candidate_id > @after ORDER BY l.candidate_id LIMIT @limit`,
    ),
  };
  return {
    total: (vacancyId: number) => stmts.total.get(vacancyId)!.n,
    stageEvents: (vacancyId: number) => stmts.events.all(vacancyId),
    /** Raised by triggers on every change to the vacancy's list rows or stage history (migration 019). */
    version: (vacancyId: number) => stmts.version.get(vacancyId)?.version ?? 0,
    /** Every candidate of the vacancy, as the funnel needs them (from the thin list table). */
    funnelCandidates: (vacancyId: number) => stmts.candidates.all(vacancyId),
    board: (vacancyId: number, stage: string, limit: number) => stmts.board.all({ v: vacancyId, stage, limit }),
    /** Every fit of the vacancy with its coverage and source, for averages taken like with like. */
    fits: (vacancyId: number) => stmts.fits.all(vacancyId),
    /**
     * The export in pages of `limit` rows after `afterId` (0 for the first): between pages the connection is free for
     * other requests, which an open iterate() would block.
     */
    exportPage: (vacancyId: number, afterId: number, limit: number) => stmts.exportPage.all({ v: vacancyId, after: afterId, limit }),
  };
}
export type ReportsRepo = ReturnType<typeof reportsRepo>;
