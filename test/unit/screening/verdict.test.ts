import { describe, expect, it } from 'vitest';
import { proposeVerdict, screenResume, type ChecklistItemInput, type ItemStatus } from '../../../src/domain/screening/index.js';
import { NOW } from './helpers.js';

const CHECKLIST: ChecklistItemInput[] = [
  { key: 'experience_3y', kind: 'knockout', weight: 3 },
  { key: 'fmcg', kind: 'required', weight: 2 },
  { key: 'key_accounts', kind: 'required', weight: 2 },
  { key: 'crm', kind: 'nice_to_have', weight: 1 },
  { key: 'foreign_language', kind: 'nice_to_have', weight: 1 },
  { key: 'kpi_results', kind: 'nice_to_have', weight: 1 },
];

const statuses = (s: [ItemStatus, ItemStatus, ItemStatus, ItemStatus, ItemStatus, ItemStatus]): Record<string, ItemStatus> =>
  Object.fromEntries(CHECKLIST.map((c, i) => [c.key, s[i] ?? 'unknown']));

describe('proposeVerdict', () => {
  it('all met → pass with 100', () => {
    expect(proposeVerdict(statuses(['met', 'met', 'met', 'met', 'met', 'met']), CHECKLIST)).toEqual({ verdict: 'pass', score: 100, reasons: [] });
  });

  it('score is the weighted share of met items, unknown counting half', () => {
    // weights 3,2,2,1,1,1 = 10; earned 3 + 2 + 1 (unknown) + 0 + 1 + 0.5 = 7.5
    const r = proposeVerdict(statuses(['met', 'met', 'unknown', 'not_met', 'met', 'unknown']), CHECKLIST);
    expect(r.score).toBe(75);
  });

  it('a knockout not_met rejects whatever the score', () => {
    const r = proposeVerdict(statuses(['not_met', 'met', 'met', 'met', 'met', 'met']), CHECKLIST);
    expect(r.verdict).toBe('reject');
    expect(r.score).toBe(70);
    expect(r.reasons[0]).toEqual({ key: 'experience_3y', kind: 'knockout', status: 'not_met' });
  });

  it('a knockout unknown → review', () => {
    expect(proposeVerdict(statuses(['unknown', 'met', 'met', 'met', 'met', 'met']), CHECKLIST).verdict).toBe('review');
  });

  it('a required not_met or unknown → review', () => {
    expect(proposeVerdict(statuses(['met', 'not_met', 'met', 'met', 'met', 'met']), CHECKLIST).verdict).toBe('review');
    expect(proposeVerdict(statuses(['met', 'met', 'unknown', 'met', 'met', 'met']), CHECKLIST).verdict).toBe('review');
  });

  it('…unless the score is below 40, then reject', () => {
    // earned 1.5 (knockout unknown) + 0 + 0 + 0 + 1 + 0 = 2.5 / 10
    const r = proposeVerdict(statuses(['unknown', 'not_met', 'not_met', 'not_met', 'met', 'not_met']), CHECKLIST);
    expect(r.score).toBe(25);
    expect(r.verdict).toBe('reject');
  });

  it('no knockout/required problems: pass at 60+, review below', () => {
    const checklist: ChecklistItemInput[] = [
      { key: 'experience_3y', kind: 'knockout', weight: 1 },
      { key: 'crm', kind: 'nice_to_have', weight: 1 },
      { key: 'kpi_results', kind: 'nice_to_have', weight: 1 },
      { key: 'foreign_language', kind: 'nice_to_have', weight: 1 },
    ];
    const at = (a: ItemStatus, b: ItemStatus, c: ItemStatus) => proposeVerdict({ experience_3y: 'met', crm: a, kpi_results: b, foreign_language: c }, checklist);
    expect(at('not_met', 'not_met', 'met')).toMatchObject({ score: 50, verdict: 'review' });
    expect(at('met', 'not_met', 'unknown')).toMatchObject({ score: 63, verdict: 'pass' });
  });

  it('HR overrides: recomputing with confirmed statuses changes the verdict', () => {
    const machine = statuses(['unknown', 'met', 'met', 'met', 'met', 'met']);
    expect(proposeVerdict(machine, CHECKLIST).verdict).toBe('review');
    expect(proposeVerdict({ ...machine, experience_3y: 'met' }, CHECKLIST).verdict).toBe('pass');
    expect(proposeVerdict({ ...machine, experience_3y: 'not_met' }, CHECKLIST).verdict).toBe('reject');
  });

  it('missing statuses count as unknown; zero weights do not count', () => {
    expect(proposeVerdict({}, CHECKLIST)).toMatchObject({ verdict: 'review', score: 50 });
    const withZero: ChecklistItemInput[] = [...CHECKLIST, { key: 'custom', kind: 'nice_to_have', weight: 0 }];
    expect(proposeVerdict({ ...statuses(['met', 'met', 'met', 'met', 'met', 'met']), custom: 'not_met' }, withZero).score).toBe(100);
  });

  it('an empty checklist proposes review with score 0', () => {
    expect(proposeVerdict({}, [])).toEqual({ verdict: 'review', score: 0, reasons: [] });
  });

  it('reasons: knockout before required before nice_to_have, not_met before unknown', () => {
    const r = proposeVerdict(statuses(['unknown', 'unknown', 'not_met', 'not_met', 'met', 'unknown']), CHECKLIST);
    expect(r.reasons).toEqual([
      { key: 'experience_3y', kind: 'knockout', status: 'unknown' },
      { key: 'key_accounts', kind: 'required', status: 'not_met' },
      { key: 'fmcg', kind: 'required', status: 'unknown' },
      { key: 'crm', kind: 'nice_to_have', status: 'not_met' },
      { key: 'kpi_results', kind: 'nice_to_have', status: 'unknown' },
    ]);
  });
});

describe('screenResume ties it together', () => {
  it('the verdict in a screening result is proposeVerdict of its own item statuses', () => {
    const text = 'Опыт работы\n2015 – н.в.\nKey Account Manager\nРабота с федеральными сетями, Nestlé, рост продаж на 20%\nSalesforce\n';
    const r = screenResume(text, CHECKLIST, { now: NOW });
    const own = Object.fromEntries(Object.entries(r.items).map(([k, v]) => [k, v.status]));
    expect({ verdict: r.verdict, score: r.score, reasons: r.reasons }).toEqual(proposeVerdict(own, CHECKLIST));
    expect(r.verdict).toBe('pass');
    expect(r.items.foreign_language?.status).toBe('unknown');
  });
});
