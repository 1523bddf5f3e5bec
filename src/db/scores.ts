import type { DB } from './connection.js';
import type { ScoreResult } from '../domain/scoring.js';

export interface StoredScore {
  fit: number | null;
  completedStages: number;
  totalStages: number;
  grade: string | null;
  knockouts: number;
  disagreement: boolean;
  result: ScoreResult;
  updatedAt: string;
}

export function scoresRepo(db: DB) {
  const stmts = {
    save: db.prepare(
      `INSERT INTO candidate_scores (candidate_id, fit, completed_stages, total_stages, grade, knockouts, disagreement, result, updated_at)
       VALUES (@id, @fit, @completed, @total, @grade, @knockouts, @disagreement, @result, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
       ON CONFLICT (candidate_id) DO UPDATE SET fit = excluded.fit, completed_stages = excluded.completed_stages,
         total_stages = excluded.total_stages, grade = excluded.grade, knockouts = excluded.knockouts,
         disagreement = excluded.disagreement, result = excluded.result, updated_at = excluded.updated_at`,
    ),
    get: db.prepare<
      [number],
      {
        fit: number | null;
        completed_stages: number;
        total_stages: number;
        grade: string | null;
        knockouts: number;
        disagreement: number;
        result: string;
        updated_at: string;
      }
    >('SELECT * FROM candidate_scores WHERE candidate_id = ?'),
  };
  return {
    save: (id: number, r: ScoreResult, disagreement: boolean) =>
      stmts.save.run({
        id,
        fit: r.fit,
        completed: r.completedStages,
        total: r.totalStages,
        grade: r.grade,
        knockouts: r.knockouts.length,
        disagreement: disagreement ? 1 : 0,
        result: JSON.stringify(r),
      }),
    get: (id: number): StoredScore | undefined => {
      const r = stmts.get.get(id);
      return r
        ? {
            fit: r.fit,
            completedStages: r.completed_stages,
            totalStages: r.total_stages,
            grade: r.grade,
            knockouts: r.knockouts,
            disagreement: r.disagreement === 1,
            result: JSON.parse(r.result) as ScoreResult,
            updatedAt: r.updated_at,
          }
        : undefined;
    },
    inTransaction: (fn: () => void) => db.transaction(fn)(),
  };
}
export type ScoresRepo = ReturnType<typeof scoresRepo>;
