import type { CaseMeta, TaskMeta } from '../domain/bank/schema.js';
import { gradePercent, rubricOf } from '../domain/assignment.js';
import { scoreCandidate, type RatingInput, type RubricScoreInput, type ScoreResult } from '../domain/scoring.js';
import type { Repos } from '../db/repos.js';
import { countRecommendations } from '../domain/debrief.js';
import type { Recommendation } from '../domain/interview.js';

/** Everything the engine needs about one candidate, read from the stores. */
export function scoringInput(repos: Repos, candidateId: number) {
  const candidate = repos.candidates.get(candidateId);
  if (!candidate) return null;
  const vacancy = repos.vacancies.findById(candidate.vacancyId);
  if (!vacancy) return null;
  const checklist = repos.vacancies.checklist(vacancy.id);
  const screening = repos.candidates.screening(candidateId);
  const ratings: RatingInput[] = [];
  const cases: RubricScoreInput[] = [];
  let disagreement = false;
  const recommendations: Recommendation[] = [];
  for (const interview of repos.interviews.forCandidate(candidateId)) {
    if (interview.status === 'cancelled') continue;
    const kit = repos.interviews.kit(interview.id);
    for (const card of repos.interviews.scorecards(interview.id)) {
      if (card.status !== 'submitted') continue;
      if (card.data.recommendation) recommendations.push(card.data.recommendation);
      for (const [competency, rating] of Object.entries(card.data.ratings)) {
        if (rating) ratings.push({ rater: `u${card.interviewerId}`, competency: competency as RatingInput['competency'], rating });
      }
      // Cases worked through live: the criteria scored in the scorecard.
      for (const k of kit.filter((x) => x.kind === 'case')) {
        const scores = card.data.cases[`k${k.id}`];
        const item = repos.bank.atVersion<CaseMeta>(k.itemId, 'en', k.bankVersions.en ?? 1);
        if (!scores || !item) continue;
        const values = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] !== null));
        const pct = gradePercent(rubricOf(item.meta), values);
        if (pct !== null) cases.push({ source: `scorecard:${card.id}:${k.id}`, percent: pct });
      }
    }
  }
  const takeHome: RubricScoreInput[] = [];
  for (const a of repos.assignments.forCandidate(candidateId)) {
    const item = repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, a.lang, a.bankVersion);
    if (!item) continue;
    const rubric = rubricOf(item.meta);
    const grades = repos.assignments.grades(a.id);
    for (const g of grades) {
      const pct = gradePercent(rubric, g.scores);
      if (pct === null) continue;
      (a.kind === 'case' ? cases : takeHome).push({ source: `assignment:${a.id}:${g.graderId}`, percent: pct });
    }
    if (
      rubric.some((c) => {
        const v = grades.map((g) => g.scores[c.id]).filter((x): x is number => x !== undefined);
        return v.length > 1 && Math.max(...v) - Math.min(...v) >= 2;
      })
    )
      disagreement = true;
  }
  return {
    input: {
      stageWeights: vacancy.profile.stageWeights,
      competencyWeights: vacancy.profile.competencyWeights,
      gradeLevels: vacancy.profile.gradeLevels,
      screening: screening
        ? {
            items: screening.items.flatMap((i) => {
              const c = checklist.find((x) => x.key === i.key);
              return c ? [{ key: i.key, kind: c.kind, weight: c.weight, status: i.status }] : [];
            }),
          }
        : null,
      ratings,
      cases,
      takeHome,
    },
    disagreement,
    recommendations: countRecommendations(recommendations),
  };
}

/** Recomputes and stores one candidate's score; called after every write that can change it. */
export function refreshScore(repos: Repos, candidateId: number): ScoreResult | null {
  const gathered = scoringInput(repos, candidateId);
  if (!gathered) return null;
  const result = scoreCandidate(gathered.input);
  repos.scores.save(candidateId, result, gathered.disagreement || result.competencies.some((c) => c.spread >= 2), gathered.recommendations);
  return result;
}

export function refreshVacancyScores(repos: Repos, vacancyId: number): number {
  const ids = repos.candidates.idsForVacancy(vacancyId);
  repos.scores.inTransaction(() => {
    for (const id of ids) refreshScore(repos, id);
  });
  return ids.length;
}
