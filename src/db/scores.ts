import type { DB } from './connection.js';
import type { ScoreResult } from '../domain/scoring.js';
import type { RecommendationCounts } from '../domain/debrief.js';

export interface StoredScore {
  fit: number | null;
  completedStages: number;
  totalStages: number;
  grade: string | null;
  knockouts: number;
  disagreement: boolean;
  result: ScoreResult;
  /** The interviewers' overall recommendations on submitted scorecards, counted. */
  recommendations: RecommendationCounts;
  updatedAt: string;
}

export function scoresRepo(db: DB) {
  const stmts = {
    save: db.prepare(
      `INSERT INTO candidate_scores (candidate_id, fit, completed_stages, total_stages, grade, knockouts, disagreement, result, updated_at,
         rec_strong_no, rec_no, rec_yes, rec_strong_yes)
       VALUES (@id, @fit, @completed, @total, @grade, @knockouts, @disagreement, @result, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
         @strongNo, @no, @yes, @strongYes)
       ON CONFLICT (candidate_id) DO UPDATE SET fit = excluded.fit, completed_stages = excluded.completed_stages,
         total_stages = excluded.total_stages, grade = excluded.grade, knockouts = excluded.knockouts,
         disagreement = excluded.disagreement, result = excluded.result, updated_at = excluded.updated_at,
         rec_strong_no = excluded.rec_strong_no, rec_no = excluded.rec_no, rec_yes = excluded.rec_yes, rec_strong_yes = excluded.rec_strong_yes`,
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
        rec_strong_no: number;
        rec_no: number;
        rec_yes: number;
        rec_strong_yes: number;
      }
    >('SELECT * FROM candidate_scores WHERE candidate_id = ?'),
  };
  return {
    save: (id: number, r: ScoreResult, disagreement: boolean, recs: RecommendationCounts) =>
      stmts.save.run({
        id,
        fit: r.fit,
        completed: r.completedStages,
        total: r.totalStages,
        grade: r.grade,
        knockouts: r.knockouts.length,
        disagreement: disagreement ? 1 : 0,
        result: JSON.stringify(r),
        strongNo: recs.strong_no,
        no: recs.no,
        yes: recs.yes,
        strongYes: recs.strong_yes,
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
            recommendations: { strong_no: r.rec_strong_no, no: r.rec_no, yes: r.rec_yes, strong_yes: r.rec_strong_yes },
            updatedAt: r.updated_at,
          }
        : undefined;
    },
    inTransaction: (fn: () => void) => db.transaction(fn)(),
  };
}
export type ScoresRepo = ReturnType<typeof scoresRepo>;
