import type { DB } from './connection.js';
import type { PipelineStage } from '../domain/candidate.js';

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
}

export function reportsRepo(db: DB) {
  // Reports read the thin, trigger-kept candidate_list rather than candidates, whose rows carry the
  // resume text: reading stage or created_at of 10,000 fat rows walks their overflow pages.
  const stmts = {
    reached: db.prepare<{ v: number }, { stage: PipelineStage; n: number }>(
      `SELECT stage, COUNT(DISTINCT candidate_id) AS n FROM (
         SELECT candidate_id, stage FROM candidate_list WHERE vacancy_id = @v
         UNION ALL SELECT e.candidate_id, e.new_value FROM candidate_events e JOIN candidate_list c ON c.candidate_id = e.candidate_id WHERE c.vacancy_id = @v AND e.kind = 'stage'
         UNION ALL SELECT e.candidate_id, e.old_value FROM candidate_events e JOIN candidate_list c ON c.candidate_id = e.candidate_id WHERE c.vacancy_id = @v AND e.kind = 'stage'
       ) GROUP BY stage`,
    ),
    total: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM candidate_list WHERE vacancy_id = ?'),
    events: db.prepare<[number], { candidateId: number; from: string | null; to: string; at: string }>(
      `SELECT e.candidate_id AS candidateId, e.old_value AS "from", e.new_value AS "to", e.created_at AS at
       FROM candidate_events e JOIN candidate_list c ON c.candidate_id = e.candidate_id WHERE c.vacancy_id = ? AND e.kind = 'stage' ORDER BY e.id`,
    ),
    created: db.prepare<[number], { id: number; created_at: string }>('SELECT candidate_id AS id, created_at FROM candidate_list WHERE vacancy_id = ?'),
    bySource: db.prepare<[number], { source: string; total: number; interviewed: number; hired: number; rejected: number; avg_fit: number | null }>(
      `SELECT c.source, COUNT(*) AS total,
         SUM(c.stage IN ('interview', 'take_home', 'offer', 'hired') OR EXISTS (SELECT 1 FROM candidate_events e WHERE e.candidate_id = c.candidate_id AND e.kind = 'stage' AND e.new_value = 'interview')) AS interviewed,
         SUM(c.stage = 'hired') AS hired, SUM(c.stage = 'rejected') AS rejected, ROUND(AVG(c.fit), 1) AS avg_fit
       FROM candidate_list c WHERE c.vacancy_id = ? GROUP BY c.source ORDER BY total DESC`,
    ),
    board: db.prepare<
      { v: number; stage: string; limit: number },
      { id: number; full_name: string; fit: number | null; completed_stages: number | null; total_stages: number | null; grade: string | null }
    >(
      `SELECT candidate_id AS id, full_name, fit, completed_stages, total_stages, grade FROM candidate_list
       WHERE vacancy_id = @v AND stage = @stage ORDER BY fit IS NULL, fit DESC, candidate_id DESC LIMIT @limit`,
    ),
    export: db.prepare<[number], ExportRow>(
      `SELECT c.id, c.full_name, c.email, c.phone, c.source, c.stage, c.created_at, s.verdict, s.decision, s.score AS screening_score,
         s.relevant_years, sc.fit, sc.completed_stages, sc.total_stages, sc.grade, sc.knockouts, sc.disagreement, sc.result
       FROM candidates c LEFT JOIN screenings s ON s.candidate_id = c.id LEFT JOIN candidate_scores sc ON sc.candidate_id = c.id
       WHERE c.vacancy_id = ? ORDER BY c.id`,
    ),
  };
  return {
    reached: (vacancyId: number) => Object.fromEntries(stmts.reached.all({ v: vacancyId }).map((r) => [r.stage, r.n])) as Partial<Record<PipelineStage, number>>,
    total: (vacancyId: number) => stmts.total.get(vacancyId)!.n,
    stageEvents: (vacancyId: number) => stmts.events.all(vacancyId),
    createdAt: (vacancyId: number) => new Map(stmts.created.all(vacancyId).map((r) => [r.id, r.created_at])),
    bySource: (vacancyId: number) => stmts.bySource.all(vacancyId),
    board: (vacancyId: number, stage: string, limit: number) => stmts.board.all({ v: vacancyId, stage, limit }),
    /** Row by row, so a 10,000-candidate export never sits in memory at once. */
    exportRows: (vacancyId: number) => stmts.export.iterate(vacancyId),
  };
}
export type ReportsRepo = ReturnType<typeof reportsRepo>;
