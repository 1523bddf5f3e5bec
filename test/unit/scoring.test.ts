import { describe, expect, it } from 'vitest';
import { combineRatings, recommendGrade, scoreCandidate, type ScoringInput } from '../../src/domain/scoring.js';
import type { CompetencyId } from '../../src/domain/bank/schema.js';

const levels = (j: number, m: number, s: number) => ({ junior: j, middle: m, senior: s });

function base(over: Partial<ScoringInput> = {}): ScoringInput {
  return {
    stageWeights: { screening: 10, interview: 50, case: 20, take_home: 20 },
    competencyWeights: { negotiation: 5, client_relationships: 3, sales_planning: 2 },
    gradeLevels: { negotiation: levels(2, 3, 4), client_relationships: levels(2, 3, 4), sales_planning: levels(2, 3, 4) },
    screening: {
      items: [
        { key: 'experience_3y', kind: 'knockout', weight: 3, status: 'met' },
        { key: 'fmcg', kind: 'required', weight: 3, status: 'met' },
        { key: 'crm', kind: 'required', weight: 2, status: 'unknown' },
        { key: 'foreign_language', kind: 'nice_to_have', weight: 2, status: 'not_met' },
      ],
    },
    ratings: [
      { rater: 'a', competency: 'negotiation', rating: 4 },
      { rater: 'b', competency: 'negotiation', rating: 3 },
      { rater: 'a', competency: 'client_relationships', rating: 3 },
      { rater: 'a', competency: 'sales_planning', rating: 5 },
    ],
    cases: [],
    takeHome: [],
    ...over,
  };
}

describe('hand-worked example', () => {
  // Screening: met 3+3, unknown counts half of 2, not met 0 → (3+3+1)/10 = 70.
  // Ratings: negotiation mean(4,3)=3.5 → 62.5; client 3 → 50; sales 5 → 100.
  // Interview = (62.5·5 + 50·3 + 100·2) / 10 = (312.5 + 150 + 200) / 10 = 66.25 → 66.3.
  // Completed stages: screening (10) and interview (50): fit = (70·10 + 66.25·50) / 60 = (700 + 3312.5) / 60 = 66.875 → 66.9.
  const r = scoreCandidate(base());

  it('scores each stage and the fit over completed stages only', () => {
    expect(r.stages.find((s) => s.stage === 'screening')!.score).toBe(70);
    expect(r.stages.find((s) => s.stage === 'interview')!.score).toBe(66.3);
    expect(r.stages.find((s) => s.stage === 'case')).toMatchObject({ complete: false, score: null, points: 0 });
    expect(r.fit).toBe(66.9);
    expect(r.completedStages).toBe(2);
    expect(r.totalStages).toBe(4);
  });

  it('explains every contribution', () => {
    expect(r.explanation).toContainEqual({ kind: 'stage', stage: 'screening', score: 70, share: 0.167, points: 11.7 });
    expect(r.explanation).toContainEqual({ kind: 'stage', stage: 'interview', score: 66.3, share: 0.833, points: 55.2 });
    expect(r.explanation).toContainEqual({ kind: 'stage_missing', stage: 'case' });
    expect(r.explanation).toContainEqual({ kind: 'competency', competency: 'negotiation', rating: 3.5, weight: 5, points: 31.3 });
  });

  it('combines competencies from independent raters with spread and evidence', () => {
    const neg = r.competencies.find((c) => c.competency === 'negotiation')!;
    expect(neg).toMatchObject({ rating: 3.5, spread: 1, raters: 2, evidence: 2 });
  });

  it('recommends middle: every competency ≥ 3, negotiation 3.5 < 4 for senior and client 3 < 4 as well', () => {
    expect(r.grade).toBe('middle');
    expect(r.gaps.map((g) => g.competency).sort()).toEqual(['client_relationships', 'negotiation']);
  });

  it('adds case and take-home when present', () => {
    // Case 80, take-home 60: fit = (70·10 + 66.25·50 + 80·20 + 60·20) / 100 = (700 + 3312.5 + 1600 + 1200) / 100 = 68.125 → 68.1.
    const full = scoreCandidate(
      base({
        cases: [{ source: 'x', percent: 80 }],
        takeHome: [
          { source: 'y', percent: 70 },
          { source: 'z', percent: 50 },
        ],
      }),
    );
    expect(full.fit).toBe(68.1);
    expect(full.completedStages).toBe(4);
  });
});

describe('rules', () => {
  it('reports knockout failures', () => {
    const r = scoreCandidate(base({ screening: { items: [{ key: 'experience_3y', kind: 'knockout', weight: 3, status: 'not_met' }] } }));
    expect(r.knockouts).toEqual(['experience_3y']);
    expect(r.explanation).toContainEqual({ kind: 'knockout', key: 'experience_3y' });
  });

  it('has no fit when nothing is complete', () => {
    const r = scoreCandidate(base({ screening: null, ratings: [] }));
    expect(r.fit).toBeNull();
    expect(r.grade).toBeNull();
  });

  it('averages a rater who rated twice before averaging across raters', () => {
    const c = combineRatings(
      [
        { rater: 'a', competency: 'negotiation', rating: 5 },
        { rater: 'a', competency: 'negotiation', rating: 5 },
        { rater: 'b', competency: 'negotiation', rating: 1 },
      ],
      { negotiation: 1 },
    ).find((x) => x.competency === 'negotiation')!;
    expect(c.rating).toBe(3);
    expect(c.evidence).toBe(3);
  });

  it('allows one competency one step below the grade, not two', () => {
    const comps = (ratings: Record<string, number>) =>
      combineRatings(
        Object.entries(ratings).map(([competency, rating]) => ({ rater: 'a', competency: competency as CompetencyId, rating })),
        { negotiation: 1, client_relationships: 1, sales_planning: 1 },
      );
    const lv = { negotiation: levels(2, 3, 4), client_relationships: levels(2, 3, 4), sales_planning: levels(2, 3, 4) };
    expect(recommendGrade(comps({ negotiation: 4, client_relationships: 4, sales_planning: 3 }), lv).grade).toBe('senior');
    expect(recommendGrade(comps({ negotiation: 4, client_relationships: 3, sales_planning: 3 }), lv).grade).toBe('middle');
    expect(recommendGrade(comps({ negotiation: 4, client_relationships: 4, sales_planning: 2 }), lv).grade).toBe('middle');
    expect(recommendGrade(comps({ negotiation: 1, client_relationships: 1, sales_planning: 1 }), lv).grade).toBeNull();
    const partial = recommendGrade(comps({ negotiation: 4 }), lv);
    expect(partial.notAssessed.sort()).toEqual(['client_relationships', 'sales_planning']);
  });
});

// A tiny deterministic generator so the properties are checked over many inputs without a library.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPS: CompetencyId[] = ['negotiation', 'client_relationships', 'sales_planning', 'market_analysis'];

function randomInput(seed: number): ScoringInput {
  const r = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const ratings = [];
  for (const rater of ['a', 'b', 'c'].slice(0, int(1, 3)))
    for (const c of COMPS) if (r() < 0.8) ratings.push({ rater, competency: c, rating: int(1, 5) });
  return base({
    stageWeights: { screening: int(0, 30), interview: int(1, 60), case: int(0, 30), take_home: int(0, 30) },
    competencyWeights: Object.fromEntries(COMPS.map((c) => [c, int(0, 5)])),
    ratings,
    cases: r() < 0.5 ? [{ source: 'c', percent: int(0, 100) }] : [],
    takeHome: r() < 0.5 ? [{ source: 't', percent: int(0, 100) }] : [],
  });
}

describe('properties', () => {
  it('raising any rating never lowers the fit', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const input = randomInput(seed);
      const before = scoreCandidate(input).fit ?? 0;
      input.ratings.forEach((rt, i) => {
        if (rt.rating === 5) return;
        const raised = { ...input, ratings: input.ratings.map((x, j) => (j === i ? { ...x, rating: x.rating + 1 } : x)) };
        expect(scoreCandidate(raised).fit ?? 0).toBeGreaterThanOrEqual(before);
      });
    }
  });

  it('normalises weights: scaling every weight changes nothing', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const input = randomInput(seed);
      const scaled: ScoringInput = {
        ...input,
        stageWeights: Object.fromEntries(Object.entries(input.stageWeights).map(([k, v]) => [k, (v ?? 0) * 7])),
        competencyWeights: Object.fromEntries(Object.entries(input.competencyWeights).map(([k, v]) => [k, (v ?? 0) * 3])),
      };
      expect(scoreCandidate(scaled).fit).toBeCloseTo(scoreCandidate(input).fit ?? 0, 1);
    }
  });

  it('adding a rater who gives the mean rating changes nothing', () => {
    const input = base({
      ratings: [
        { rater: 'a', competency: 'negotiation', rating: 2 },
        { rater: 'b', competency: 'negotiation', rating: 4 },
      ],
    });
    const withMean = { ...input, ratings: [...input.ratings, { rater: 'c', competency: 'negotiation' as CompetencyId, rating: 3 }] };
    expect(scoreCandidate(withMean).fit).toBe(scoreCandidate(input).fit);
    expect(scoreCandidate(withMean).competencies.find((c) => c.competency === 'negotiation')!.rating).toBe(3);
  });

  it('a missing stage is never counted as zero', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const input = randomInput(seed);
      const r = scoreCandidate(input);
      if (r.fit === null) continue;
      const done = r.stages.filter((s) => s.complete && s.weight > 0);
      expect(r.fit).toBeGreaterThanOrEqual(Math.min(...done.map((s) => s.score!)) - 0.1);
      expect(r.fit).toBeLessThanOrEqual(Math.max(...done.map((s) => s.score!)) + 0.1);
    }
  });
});
