import type { Request } from 'express';
import type { CompetencyId, Grade } from '../domain/bank/schema.js';
import { radar, type RadarGeometry } from '../domain/charts.js';
import type { Vacancy } from '../db/vacancies.js';
import type { StoredScore } from '../db/scores.js';
import type { RecommendationCounts } from '../domain/debrief.js';

export interface ScoreView {
  fit: number | null;
  completed: number;
  total: number;
  grade: Grade | null;
  knockouts: string[];
  disagreement: boolean;
  /** The interviewers' overall recommendations, counted (shown wherever the fit is). */
  recommendations: RecommendationCounts;
  stages: { stage: string; score: number | null; weight: number; share: number; points: number; complete: boolean }[];
  competencies: {
    id: CompetencyId;
    title: string;
    weight: number;
    rating: number | null;
    spread: number;
    raters: number;
    evidence: number;
    expected: number | null;
    below: boolean;
  }[];
  gaps: { title: string; expected: number; actual: number | null }[];
  notAssessed: string[];
  explanation: string[];
  radar: RadarGeometry | null;
  updatedAt: string;
}

/** The stored score in the reader's language, with a line of explanation per contribution. */
export function scoreView(
  req: Request,
  vacancy: Vacancy,
  stored: StoredScore | undefined,
  opts: { radarSize?: number } = {},
): ScoreView | null {
  if (!stored) return null;
  const { repos, lang, t, fmt } = req.ctx;
  const r = stored.result;
  const titles = new Map(repos.bank.competencies(lang).map((c) => [c.id, c.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const checklist = repos.vacancies.checklist(vacancy.id);
  const label = (key: string) => {
    const c = checklist.find((x) => x.key === key);
    return c ? (lang === 'ru' ? c.labelRu : c.labelEn) : key;
  };
  const target = vacancy.targetGrade;
  const expectedOf = (id: CompetencyId) => vacancy.profile.gradeLevels[id]?.[target] ?? null;
  const competencies = r.competencies
    .filter((c) => c.weight > 0 || c.rating !== null)
    .map((c) => {
      const expected = expectedOf(c.competency);
      return {
        id: c.competency,
        title: title(c.competency),
        weight: c.weight,
        rating: c.rating,
        spread: c.spread,
        raters: c.raters,
        evidence: c.evidence,
        expected,
        below: c.rating !== null && expected !== null && c.rating < expected,
      };
    })
    .sort((a, b) => b.weight - a.weight);
  const explanation = r.explanation.map((e) => {
    switch (e.kind) {
      case 'stage':
        return t('score.explain_stage', {
          stage: t(`stages.${e.stage}`),
          score: fmt.number(e.score),
          share: fmt.percent(Math.round(e.share * 1000) / 10),
          count: Math.round(e.points * 10) / 10,
          points: fmt.number(e.points),
        });
      case 'stage_missing':
        return t('score.explain_missing', { stage: t(`stages.${e.stage}`) });
      case 'competency':
        return t('score.explain_competency', {
          name: title(e.competency),
          rating: fmt.number(e.rating),
          weight: e.weight,
          count: Math.round(e.points * 10) / 10,
          points: fmt.number(e.points),
        });
      case 'knockout':
        return t('score.explain_knockout', { item: label(e.key) });
      case 'grade':
        return e.grade ? t('score.explain_grade', { grade: t(`grades.${e.grade}`), gaps: e.gaps }) : t('score.explain_no_grade');
    }
  });
  // Whole titles: the chart wraps them and makes room (domain/charts.ts); unrated competencies are marked, not drawn at 0.
  const weighted = competencies.filter((c) => c.weight > 0);
  const axes = weighted.map((c) => ({ id: c.id, label: c.title }));
  const ratedAxes = weighted.filter((c) => c.rating !== null).length;
  return {
    fit: r.fit,
    completed: r.completedStages,
    total: r.totalStages,
    grade: r.grade,
    knockouts: r.knockouts.map(label),
    disagreement: stored.disagreement,
    recommendations: stored.recommendations,
    stages: r.stages.map((s) => ({ ...s, stage: s.stage })),
    competencies,
    gaps: r.gaps.map((g) => ({ title: title(g.competency), expected: g.expected, actual: g.actual })),
    notAssessed: r.notAssessed.map(title),
    explanation,
    radar:
      axes.length >= 3 && ratedAxes >= 3
        ? radar(
            axes,
            [
              { name: t('score.candidate'), values: Object.fromEntries(competencies.map((c) => [c.id, c.rating])) },
              {
                name: t('score.target', { grade: t(`grades.${target}`) }),
                values: Object.fromEntries(competencies.map((c) => [c.id, c.expected])),
              },
            ],
            { size: opts.radarSize ?? 420, unratedLabel: t('charts.not_rated'), reference: 1 },
          )
        : null,
    updatedAt: stored.updatedAt,
  };
}
