import { COMPETENCY_IDS, GRADES, type CompetencyId, type Grade } from './bank/schema.js';
import type { ChecklistKind, ItemStatus } from './screening/index.js';
import { proposeVerdict } from './screening/index.js';
import type { Stage } from './vacancy.js';
import { STAGES } from './vacancy.js';

/**
 * The scoring engine: pure functions from everything known about a candidate to an explained score.
 * Conventions (each is tested):
 * - every stage scores 0–100; the overall fit is the weighted mean over COMPLETED stages only, with
 *   weights renormalised over them — a stage not yet done is left out, never counted as zero;
 * - a competency's combined rating is the mean over raters of each rater's own mean (so one rater
 *   who interviewed twice does not count double); spread is max − min of those rater means;
 * - the interview score is the competency-weighted mean of combined ratings mapped 1→0, 5→100;
 * - a recommended grade is the highest one whose expected level is met in every weighted, assessed
 *   competency, allowing one competency to be at most one level below; competencies nobody rated
 *   are listed as "not assessed" instead of blocking a grade.
 */

export interface ScreeningInput {
  items: { key: string; kind: ChecklistKind; weight: number; status: ItemStatus }[];
}

export interface RatingInput {
  rater: string;
  competency: CompetencyId;
  rating: number;
}

export interface RubricScoreInput {
  /** One graded piece of work (an assignment by one grader, or a case scored in one scorecard). */
  source: string;
  percent: number;
}

export interface ScoringInput {
  stageWeights: Partial<Record<Stage, number>>;
  competencyWeights: Partial<Record<CompetencyId, number>>;
  gradeLevels: Partial<Record<CompetencyId, Record<Grade, number>>>;
  screening: ScreeningInput | null;
  ratings: readonly RatingInput[];
  cases: readonly RubricScoreInput[];
  takeHome: readonly RubricScoreInput[];
}

export interface CompetencyResult {
  competency: CompetencyId;
  weight: number;
  rating: number | null;
  spread: number;
  raters: number;
  evidence: number;
}

export interface StageResult {
  stage: Stage;
  complete: boolean;
  score: number | null;
  weight: number;
  /** Share of the fit this stage carries once weights are renormalised over completed stages. */
  share: number;
  /** Points this stage adds to the fit: score × share. */
  points: number;
}

export interface GradeGap {
  competency: CompetencyId;
  expected: number;
  actual: number | null;
}

export interface ScoreResult {
  fit: number | null;
  completedStages: number;
  totalStages: number;
  stages: StageResult[];
  competencies: CompetencyResult[];
  knockouts: string[];
  grade: Grade | null;
  gaps: GradeGap[];
  notAssessed: CompetencyId[];
  explanation: Explanation[];
}

export type Explanation =
  | { kind: 'stage'; stage: Stage; score: number; share: number; points: number }
  | { kind: 'stage_missing'; stage: Stage }
  | { kind: 'competency'; competency: CompetencyId; rating: number; weight: number; points: number }
  | { kind: 'knockout'; key: string }
  | { kind: 'grade'; grade: Grade | null; gaps: number };

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function combineRatings(ratings: readonly RatingInput[], weights: Partial<Record<CompetencyId, number>>): CompetencyResult[] {
  return COMPETENCY_IDS.map((competency) => {
    const mine = ratings.filter((r) => r.competency === competency);
    const byRater = new Map<string, number[]>();
    for (const r of mine) byRater.set(r.rater, [...(byRater.get(r.rater) ?? []), r.rating]);
    const raterMeans = [...byRater.values()].map(mean);
    return {
      competency,
      weight: weights[competency] ?? 0,
      rating: raterMeans.length ? Math.round(mean(raterMeans) * 100) / 100 : null,
      spread: raterMeans.length ? round1(Math.max(...raterMeans) - Math.min(...raterMeans)) : 0,
      raters: raterMeans.length,
      evidence: mine.length,
    };
  });
}

/** Weighted mean of combined ratings over weighted, rated competencies, mapped 1→0 and 5→100. */
export function interviewScore(competencies: readonly CompetencyResult[]): {
  score: number | null;
  raw: number | null;
  parts: Explanation[];
} {
  const rated = competencies.filter((c) => c.rating !== null && c.weight > 0);
  const total = rated.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return { score: null, raw: null, parts: [] };
  const parts: Explanation[] = rated.map((c) => {
    const points = (((c.rating! - 1) / 4) * 100 * c.weight) / total;
    return { kind: 'competency', competency: c.competency, rating: c.rating!, weight: c.weight, points: round1(points) };
  });
  const score = rated.reduce((s, c) => s + (((c.rating! - 1) / 4) * 100 * c.weight) / total, 0);
  return { score: round1(score), raw: score, parts };
}

export function recommendGrade(
  competencies: readonly CompetencyResult[],
  levels: Partial<Record<CompetencyId, Record<Grade, number>>>,
): { grade: Grade | null; gaps: GradeGap[]; notAssessed: CompetencyId[] } {
  const weighted = competencies.filter((c) => c.weight > 0 && levels[c.competency]);
  const notAssessed = weighted.filter((c) => c.rating === null).map((c) => c.competency);
  const assessed = weighted.filter((c) => c.rating !== null);
  const gapsFor = (g: Grade) =>
    assessed
      .filter((c) => c.rating! < levels[c.competency]![g])
      .map((c) => ({ competency: c.competency, expected: levels[c.competency]![g], actual: c.rating }));
  if (assessed.length > 0) {
    for (const g of [...GRADES].reverse()) {
      const gaps = gapsFor(g);
      const ok = gaps.length === 0 || (gaps.length === 1 && gaps[0]!.actual! >= gaps[0]!.expected - 1);
      if (ok) {
        // The gaps listed are those to the next grade up, which is what a hiring manager asks about.
        const next = GRADES[GRADES.indexOf(g) + 1];
        return { grade: g, gaps: next ? gapsFor(next) : gaps, notAssessed };
      }
    }
  }
  return { grade: null, gaps: assessed.length ? gapsFor('junior') : [], notAssessed };
}

export function scoreCandidate(input: ScoringInput): ScoreResult {
  const competencies = combineRatings(input.ratings, input.competencyWeights);
  const interview = interviewScore(competencies);
  const screening = input.screening
    ? proposeVerdict(
        Object.fromEntries(input.screening.items.map((i) => [i.key, i.status])),
        input.screening.items.map((i) => ({ key: i.key, kind: i.kind, weight: i.weight })),
      ).score
    : null;
  // Unrounded scores feed the fit; rounding happens only for display.
  const scores: Record<Stage, number | null> = {
    screening,
    interview: interview.raw,
    case: input.cases.length ? mean(input.cases.map((c) => c.percent)) : null,
    take_home: input.takeHome.length ? mean(input.takeHome.map((c) => c.percent)) : null,
  };
  const weightOf = (s: Stage) => Math.max(0, input.stageWeights[s] ?? 0);
  const completed = STAGES.filter((s) => scores[s] !== null && weightOf(s) > 0);
  const totalWeight = completed.reduce((s, st) => s + weightOf(st), 0);
  const stages: StageResult[] = STAGES.map((stage) => {
    const complete = scores[stage] !== null;
    const share = complete && totalWeight > 0 ? weightOf(stage) / totalWeight : 0;
    const points = complete ? scores[stage]! * share : 0;
    const score = scores[stage];
    return {
      stage,
      complete,
      score: score === null ? null : round1(score),
      weight: weightOf(stage),
      share: Math.round(share * 1000) / 1000,
      points: round1(points),
    };
  });
  const fit = totalWeight > 0 ? round1(completed.reduce((sum, st) => sum + scores[st]! * (weightOf(st) / totalWeight), 0)) : null;
  const knockouts = (input.screening?.items ?? []).filter((i) => i.kind === 'knockout' && i.status === 'not_met').map((i) => i.key);
  const grade = recommendGrade(competencies, input.gradeLevels);
  const explanation: Explanation[] = [
    ...stages.map(
      (s): Explanation =>
        s.complete && s.weight > 0
          ? { kind: 'stage', stage: s.stage, score: s.score!, share: s.share, points: s.points }
          : { kind: 'stage_missing', stage: s.stage },
    ),
    ...interview.parts,
    ...knockouts.map((key): Explanation => ({ kind: 'knockout', key })),
    { kind: 'grade', grade: grade.grade, gaps: grade.gaps.length },
  ];
  return {
    fit,
    completedStages: completed.length,
    totalStages: STAGES.filter((s) => weightOf(s) > 0).length,
    stages,
    competencies,
    knockouts,
    grade: grade.grade,
    gaps: grade.gaps,
    notAssessed: grade.notAssessed,
    explanation,
  };
}
