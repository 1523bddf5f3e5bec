import { describe, expect, it } from 'vitest';
import { proposeVerdict, screenResume, type ChecklistItemInput, type ItemStatus } from '../../../src/domain/screening/index.js';
import { NOW } from './helpers.js';

// The demo vacancy's shape: two knockouts, four required items, pass needs two of the four.
const CHECKLIST: ChecklistItemInput[] = [
  { key: 'experience_3y', kind: 'knockout', weight: 3 },
  { key: 'higher_education', kind: 'knockout', weight: 2 },
  { key: 'fmcg', kind: 'required', weight: 3 },
  { key: 'key_accounts', kind: 'required', weight: 3 },
  { key: 'crm', kind: 'required', weight: 2 },
  { key: 'kpi_results', kind: 'required', weight: 2 },
  { key: 'foreign_language', kind: 'nice_to_have', weight: 1 },
];
const POLICY = { minRequiredMet: 2 };
type Row = [ItemStatus, ItemStatus, ItemStatus, ItemStatus, ItemStatus, ItemStatus, ItemStatus];
const statuses = (s: Row): Record<string, ItemStatus> => Object.fromEntries(CHECKLIST.map((c, i) => [c.key, s[i] ?? 'unknown']));
const B2B = { b2bSales: true };
const NOT_B2B = { b2bSales: false };

describe('proposeVerdict', () => {
  it('all met → pass with 100; the knockouts and the met required items decided it', () => {
    const r = proposeVerdict(statuses(['met', 'met', 'met', 'met', 'met', 'met', 'met']), CHECKLIST, POLICY, B2B);
    expect(r).toEqual({
      verdict: 'pass',
      score: 100,
      reasons: [],
      rule: 'pass',
      decisive: ['experience_3y', 'higher_education', 'fmcg', 'key_accounts', 'crm', 'kpi_results'],
    });
  });

  it('score is the weighted share of met items, unknown counting half', () => {
    // weights 3,2,3,3,2,2,1 = 16; earned 3 + 2 + 1.5 (unknown) + 0 + 2 + 0 + 0.5 = 9
    const r = proposeVerdict(statuses(['met', 'met', 'unknown', 'not_met', 'met', 'not_met', 'unknown']), CHECKLIST, POLICY, B2B);
    expect(r.score).toBe(56);
  });

  it('passes with both knockouts and exactly the policy minimum of required items, whatever the rest', () => {
    const r = proposeVerdict(statuses(['met', 'met', 'not_met', 'met', 'not_met', 'met', 'not_met']), CHECKLIST, POLICY, B2B);
    expect(r).toMatchObject({
      verdict: 'pass',
      rule: 'pass',
      decisive: ['experience_3y', 'higher_education', 'key_accounts', 'kpi_results'],
    });
  });

  it('one required item short → review naming the required items not met', () => {
    const r = proposeVerdict(statuses(['met', 'met', 'not_met', 'met', 'unknown', 'not_met', 'met']), CHECKLIST, POLICY, B2B);
    expect(r).toMatchObject({ verdict: 'review', rule: 'review_required', decisive: ['fmcg', 'crm', 'kpi_results'] });
  });

  it('the minimum follows the policy and is capped at the number of required items', () => {
    const row = statuses(['met', 'met', 'not_met', 'met', 'not_met', 'not_met', 'met']);
    expect(proposeVerdict(row, CHECKLIST, { minRequiredMet: 1 }, B2B).verdict).toBe('pass');
    expect(proposeVerdict(row, CHECKLIST, { minRequiredMet: 2 }, B2B).verdict).toBe('review');
    const all = statuses(['met', 'met', 'met', 'met', 'met', 'met', 'not_met']);
    expect(proposeVerdict(all, CHECKLIST, { minRequiredMet: 9 }, B2B).verdict).toBe('pass');
    expect(
      proposeVerdict(statuses(['met', 'met', 'not_met', 'not_met', 'not_met', 'not_met', 'met']), CHECKLIST, { minRequiredMet: 0 }, B2B)
        .verdict,
    ).toBe('pass');
  });

  it('a knockout not met rejects only when the profile is not B2B sales at all', () => {
    const row = statuses(['not_met', 'met', 'met', 'met', 'met', 'met', 'met']);
    expect(proposeVerdict(row, CHECKLIST, POLICY, NOT_B2B)).toMatchObject({
      verdict: 'reject',
      rule: 'reject_knockout',
      decisive: ['experience_3y'],
    });
    // An early-career B2B seller deserves a look.
    expect(proposeVerdict(row, CHECKLIST, POLICY, B2B)).toMatchObject({
      verdict: 'review',
      rule: 'review_knockout_b2b',
      decisive: ['experience_3y'],
    });
    // A resume that does not say whether the person sells is not rejected either.
    expect(proposeVerdict(row, CHECKLIST, POLICY, { b2bSales: null }).verdict).toBe('review');
    expect(proposeVerdict(row, CHECKLIST, POLICY).verdict).toBe('review');
  });

  it('a knockout unknown → review naming it', () => {
    const r = proposeVerdict(statuses(['met', 'unknown', 'met', 'met', 'met', 'met', 'met']), CHECKLIST, POLICY, NOT_B2B);
    expect(r).toMatchObject({ verdict: 'review', rule: 'review_knockout_unknown', decisive: ['higher_education'] });
  });

  it('HR overrides: recomputing with confirmed statuses changes the verdict', () => {
    const machine = statuses(['unknown', 'met', 'met', 'met', 'met', 'met', 'met']);
    expect(proposeVerdict(machine, CHECKLIST, POLICY, NOT_B2B).verdict).toBe('review');
    expect(proposeVerdict({ ...machine, experience_3y: 'met' }, CHECKLIST, POLICY, NOT_B2B).verdict).toBe('pass');
    expect(proposeVerdict({ ...machine, experience_3y: 'not_met' }, CHECKLIST, POLICY, NOT_B2B).verdict).toBe('reject');
  });

  it('missing statuses count as unknown; zero weights do not count', () => {
    expect(proposeVerdict({}, CHECKLIST)).toMatchObject({ verdict: 'review', score: 50, rule: 'review_knockout_unknown' });
    const withZero: ChecklistItemInput[] = [...CHECKLIST, { key: 'custom', kind: 'nice_to_have', weight: 0 }];
    expect(proposeVerdict({ ...statuses(['met', 'met', 'met', 'met', 'met', 'met', 'met']), custom: 'not_met' }, withZero).score).toBe(100);
  });

  it('an empty checklist proposes review with score 0', () => {
    expect(proposeVerdict({}, [])).toEqual({ verdict: 'review', score: 0, reasons: [], rule: 'review_required', decisive: [] });
  });

  it('reasons: knockout before required before nice_to_have, not_met before unknown', () => {
    const r = proposeVerdict(statuses(['unknown', 'met', 'unknown', 'not_met', 'met', 'met', 'not_met']), CHECKLIST);
    expect(r.reasons).toEqual([
      { key: 'experience_3y', kind: 'knockout', status: 'unknown' },
      { key: 'key_accounts', kind: 'required', status: 'not_met' },
      { key: 'fmcg', kind: 'required', status: 'unknown' },
      { key: 'foreign_language', kind: 'nice_to_have', status: 'not_met' },
    ]);
  });
});

describe('screenResume ties it together', () => {
  it('the verdict in a screening result is proposeVerdict of its own item statuses and profile', () => {
    const text =
      'Опыт работы\n2015 – н.в.\nKey Account Manager\nРабота с федеральными сетями, Nestlé, рост продаж на 20%\nSalesforce\n' +
      'Образование\nВысшее\n2010 МГУ, экономический факультет, экономист\n';
    const r = screenResume(text, CHECKLIST, { now: NOW, policy: POLICY });
    const own = Object.fromEntries(Object.entries(r.items).map(([k, v]) => [k, v.status]));
    const { verdict, score, reasons, rule, decisive } = r;
    expect({ verdict, score, reasons, rule, decisive }).toEqual(
      proposeVerdict(own, CHECKLIST, POLICY, { b2bSales: r.experience.b2bSales }),
    );
    expect(r.experience.b2bSales).toBe(true);
    expect(r.verdict).toBe('pass');
  });
});
