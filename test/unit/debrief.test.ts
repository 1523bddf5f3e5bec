import { describe, expect, it } from 'vitest';
import {
  byCoverageThenFit,
  countRecommendations,
  fitByCoverage,
  NO_RECOMMENDATIONS,
  totalRecommendations,
} from '../../src/domain/debrief.js';
import {
  blindGraderProblem,
  canSeeDebrief,
  interviewAccess,
  panelBlindProblem,
  seesOthersScorecards,
  type Actor,
} from '../../src/domain/policy.js';

const DEPT = 'Коммерческий отдел';
const vacancy = { department: DEPT };
const hr: Actor = { id: 1, role: 'hr', department: null };
const admin: Actor = { id: 2, role: 'admin', department: null };
const head: Actor = { id: 3, role: 'department_head', department: 'коммерческий  ОТДЕЛ' };
const otherHead: Actor = { id: 4, role: 'department_head', department: 'Логистика' };
const interviewer: Actor = { id: 5, role: 'interviewer', department: null };
const facts = (over: Partial<{ interviewer: boolean; ownSubmitted: boolean; gradingBlind: boolean }> = {}) => ({
  interviewer: false,
  ownSubmitted: false,
  gradingBlind: false,
  ...over,
});

describe('countRecommendations', () => {
  it('counts each recommendation on its own, leaving out cards without one', () => {
    const c = countRecommendations(['strong_no', 'yes', null, 'yes', undefined, 'strong_yes']);
    expect(c).toEqual({ strong_no: 1, no: 0, yes: 2, strong_yes: 1 });
    expect(totalRecommendations(c)).toBe(4);
    expect(countRecommendations([])).toEqual(NO_RECOMMENDATIONS);
  });

  it('keeps one strong no visible among any number of strong yeses', () => {
    const many = countRecommendations([...Array<'strong_yes'>(20).fill('strong_yes'), 'strong_no']);
    expect(many.strong_no).toBe(1);
  });
});

describe('byCoverageThenFit', () => {
  it('never ranks fewer completed stages above more, whatever the fit', () => {
    const rows = [
      { name: 'screened, 100', completedStages: 1, fit: 100 },
      { name: 'screened, 72', completedStages: 1, fit: 72 },
      { name: 'interviewed + task, 67.2', completedStages: 3, fit: 67.2 },
      { name: 'no score', completedStages: null, fit: null },
      { name: 'interviewed, 80', completedStages: 2, fit: 80 },
    ];
    expect([...rows].sort(byCoverageThenFit).map((r) => r.name)).toEqual([
      'interviewed + task, 67.2',
      'interviewed, 80',
      'screened, 100',
      'screened, 72',
      'no score',
    ]);
  });
});

describe('fitByCoverage', () => {
  it('averages only like with like, most covered first, with count and range', () => {
    const groups = fitByCoverage([
      { completedStages: 1, totalStages: 4, fit: 100 },
      { completedStages: 1, totalStages: 4, fit: 72 },
      { completedStages: 3, totalStages: 4, fit: 67.2 },
      { completedStages: 1, totalStages: 4, fit: null },
      { completedStages: null, totalStages: null, fit: 50 },
    ]);
    expect(groups).toEqual([
      { completed: 3, total: 4, count: 1, mean: 67.2, min: 67.2, max: 67.2 },
      { completed: 1, total: 4, count: 2, mean: 86, min: 72, max: 100 },
    ]);
    expect(fitByCoverage([])).toEqual([]);
  });
});

describe('the debrief rule', () => {
  it('admits HR, admins and the head of the department at once', () => {
    for (const a of [hr, admin, head]) expect(canSeeDebrief(a, vacancy, facts()), a.role).toBe(true);
  });

  it('refuses a head of another department and an interviewer who is not on the panel', () => {
    expect(canSeeDebrief(otherHead, vacancy, facts())).toBe(false);
    expect(canSeeDebrief(interviewer, vacancy, facts())).toBe(false);
  });

  it('admits a panel member (head or HR included) only once their own scorecards are submitted', () => {
    for (const a of [interviewer, head, hr]) {
      expect(canSeeDebrief(a, vacancy, facts({ interviewer: true })), a.role).toBe(false);
      expect(canSeeDebrief(a, vacancy, facts({ interviewer: true, ownSubmitted: true })), a.role).toBe(true);
    }
  });

  it('is the interview page rule: seesOthersScorecards decides both', () => {
    const panel = interviewAccess(interviewer, vacancy, true);
    expect(seesOthersScorecards(panel, false)).toBe(false);
    expect(seesOthersScorecards(panel, true)).toBe(true);
    expect(seesOthersScorecards(interviewAccess(head, vacancy, false), false)).toBe(true);
  });

  it('refuses anyone still grading the candidate blind, even the head', () => {
    expect(canSeeDebrief(head, vacancy, facts({ gradingBlind: true }))).toBe(false);
    expect(canSeeDebrief(interviewer, vacancy, facts({ interviewer: true, ownSubmitted: true, gradingBlind: true }))).toBe(false);
  });
});

describe('blindGraderProblem', () => {
  it('refuses panel members and those who saw the identity, and says which', () => {
    expect(blindGraderProblem({ interviewed: true, unblinded: false })).toBe('interviewed');
    expect(blindGraderProblem({ interviewed: false, unblinded: true })).toBe('unblinded');
    expect(blindGraderProblem({ interviewed: true, unblinded: true })).toBe('interviewed');
    expect(blindGraderProblem({ interviewed: false, unblinded: false })).toBeNull();
  });
});

describe('panelBlindProblem', () => {
  it('keeps a person still grading the candidate blind off their panel', () => {
    expect(panelBlindProblem({ gradingBlind: true })).toBe('grading_blind');
    expect(panelBlindProblem({ gradingBlind: false })).toBeNull();
  });
});
