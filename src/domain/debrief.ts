import { RECOMMENDATIONS, type Recommendation } from './interview.js';

/**
 * Decision-day summaries (issue 12), pure: the interviewers' overall recommendations counted (a
 * "strong no" is a count of its own, never averaged into anything), the coverage-first ranking,
 * and averages over candidates taken only among candidates assessed on as many stages.
 */

export type RecommendationCounts = Record<Recommendation, number>;

export const NO_RECOMMENDATIONS: RecommendationCounts = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };

/** Counts each recommendation given; drafts and cards without one are left out by the caller passing null. */
export function countRecommendations(recommendations: readonly (Recommendation | null | undefined)[]): RecommendationCounts {
  const counts = { ...NO_RECOMMENDATIONS };
  for (const r of recommendations) if (r && (RECOMMENDATIONS as readonly string[]).includes(r)) counts[r] += 1;
  return counts;
}

export function totalRecommendations(c: RecommendationCounts): number {
  return c.strong_no + c.no + c.yes + c.strong_yes;
}

/** What a ranking needs of a candidate: stages the fit is based on, and the fit. */
export interface Rankable {
  completedStages: number | null;
  fit: number | null;
}

/**
 * Coverage first, then fit (both descending; unknown last). A fit of 100 from screening alone is
 * not comparable with 67 after an interview and a task, so it never ranks above it.
 */
export function byCoverageThenFit(a: Rankable, b: Rankable): number {
  const ca = a.completedStages ?? -1;
  const cb = b.completedStages ?? -1;
  if (ca !== cb) return cb - ca;
  return (b.fit ?? -1) - (a.fit ?? -1);
}

export interface CoverageGroup {
  completed: number;
  total: number;
  count: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * Fits averaged like with like: one group per coverage (completed of total stages), most covered
 * first, each with its count and range. Candidates without a fit are left out.
 */
export function fitByCoverage(
  rows: readonly { completedStages: number | null; totalStages: number | null; fit: number | null }[],
): CoverageGroup[] {
  const groups = new Map<string, { completed: number; total: number; values: number[] }>();
  for (const r of rows) {
    if (r.fit === null || r.completedStages === null || r.totalStages === null) continue;
    const key = `${r.completedStages}/${r.totalStages}`;
    const g = groups.get(key);
    if (g) g.values.push(r.fit);
    else groups.set(key, { completed: r.completedStages, total: r.totalStages, values: [r.fit] });
  }
  return [...groups.values()]
    .map((g) => ({
      completed: g.completed,
      total: g.total,
      count: g.values.length,
      mean: Math.round((g.values.reduce((s, v) => s + v, 0) / g.values.length) * 10) / 10,
      min: Math.min(...g.values),
      max: Math.max(...g.values),
    }))
    .sort((a, b) => b.completed - a.completed || b.total - a.total);
}
