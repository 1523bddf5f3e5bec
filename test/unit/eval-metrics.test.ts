import { describe, expect, it } from 'vitest';
import {
  evaluate,
  formatReport,
  ITEM_KEYS,
  labelsSchema,
  ratio,
  summaryJson,
  type Case,
  type Label,
  type Proposal,
  type Status,
} from '../../src/cli/eval-metrics.js';

const allItems = (s: Status) => Object.fromEntries(ITEM_KEYS.map((k) => [k, s])) as Label['items'];

function label(over: Partial<Label> = {}): Label {
  return { lang: 'ru', layout: 'hh-pdf', now: '2025-12-01', relevantYears: 5, items: allItems('met'), verdict: 'pass', ...over };
}

function proposal(statuses: Partial<Record<string, Status>>, over: Partial<Proposal> = {}, evidence: string | null = null): Proposal {
  const items = Object.fromEntries(ITEM_KEYS.map((k) => [k, { status: statuses[k] ?? 'met', evidence }]));
  return { items, verdict: 'pass', relevantYears: 5, ...over };
}

describe('evaluate', () => {
  it('counts item agreement strictly: unknown against met and met against unknown are both misses', () => {
    const cases: Case[] = [
      { file: 'a', label: label(), text: 't', proposal: proposal({ fmcg: 'unknown' }) },
      { file: 'b', label: label({ items: { ...allItems('met'), crm: 'unknown' } }), text: 't', proposal: proposal({}) },
    ];
    const f = evaluate(cases);
    expect(f.byLang.ru.items.fmcg).toEqual({ hits: 1, total: 2, share: 0.5 });
    expect(f.byLang.ru.items.crm).toEqual({ hits: 1, total: 2, share: 0.5 });
    expect(f.byLang.ru.items.kpi_results).toEqual({ hits: 2, total: 2, share: 1 });
    // 18 item decisions, 2 misses
    expect(f.byLang.ru.itemsOverall).toEqual({ hits: 16, total: 18, share: 0.8889 });
    expect(f.byLang.en.files).toBe(0);
    expect(f.byLang.en.itemsOverall.share).toBeNull();
    expect(f.mismatches.map((m) => m.file)).toEqual(['a', 'b']);
    expect(f.mismatches[1]?.items).toEqual([{ key: 'crm', label: 'unknown', proposed: 'met' }]);
  });

  it('builds the verdict confusion matrix with labels as rows and agreement per language', () => {
    const cases: Case[] = [
      { file: 'r1', label: label({ verdict: 'reject' }), text: '', proposal: proposal({}, { verdict: 'review' }) },
      { file: 'r2', label: label({ verdict: 'reject' }), text: '', proposal: proposal({}, { verdict: 'reject' }) },
      { file: 'e1', label: label({ lang: 'en', verdict: 'pass' }), text: '', proposal: proposal({}, { verdict: 'pass' }) },
      { file: 'e2', label: label({ lang: 'en', verdict: 'review' }), text: null, proposal: null, error: 'corrupt' },
    ];
    const f = evaluate(cases);
    expect(f.all.confusion.reject).toEqual({ pass: 0, review: 1, reject: 1, unreadable: 0 });
    expect(f.all.confusion.pass).toEqual({ pass: 1, review: 0, reject: 0, unreadable: 0 });
    expect(f.all.confusion.review).toEqual({ pass: 0, review: 0, reject: 0, unreadable: 1 });
    expect(f.byLang.ru.verdict).toEqual({ hits: 1, total: 2, share: 0.5 });
    expect(f.byLang.en.verdict).toEqual({ hits: 1, total: 2, share: 0.5 });
    expect(f.unreadable).toEqual([{ file: 'e2', error: 'corrupt' }]);
    // an unreadable file misses every item and is left out of the years error
    expect(f.byLang.en.itemsOverall).toEqual({ hits: 9, total: 18, share: 0.5 });
    expect(f.byLang.en.years.files).toBe(1);
  });

  it('measures relevant-years error as mean absolute error and share within ±1 year', () => {
    const cases: Case[] = [
      { file: 'a', label: label({ relevantYears: 5 }), text: '', proposal: proposal({}, { relevantYears: 5.5 }) },
      { file: 'b', label: label({ relevantYears: 12.5 }), text: '', proposal: proposal({}, { relevantYears: 11.5 }) },
      { file: 'c', label: label({ relevantYears: 2 }), text: '', proposal: proposal({}, { relevantYears: 6 }) },
    ];
    const f = evaluate(cases);
    expect(f.byLang.ru.years.meanAbsError).toBeCloseTo((0.5 + 1 + 4) / 3, 2);
    expect(f.byLang.ru.years.within1).toEqual({ hits: 2, total: 3, share: 0.6667 });
    expect(f.mismatches.find((m) => m.file === 'c')?.years).toEqual({ label: 2, proposed: 6 });
  });

  it('checks that every non-null evidence string is a verbatim substring of the text', () => {
    const p = proposal({});
    p.items.fmcg = { status: 'met', evidence: 'Danone' };
    p.items.crm = { status: 'met', evidence: 'Salesforce CRM' };
    p.items.kpi_results = { status: 'not_met', evidence: null };
    const f = evaluate([{ file: 'a', label: label(), text: 'Sales at Danone; used Salesforce.', proposal: p }]);
    expect(f.all.evidence).toEqual({ hits: 1, total: 2, share: 0.5 });
    expect(f.mismatches[0]?.nonVerbatim).toEqual([{ key: 'crm', evidence: 'Salesforce CRM' }]);
  });

  it('lists a proposed pass for a file labelled under 3 relevant years as a false pass', () => {
    const f = evaluate([
      {
        file: 'junior',
        label: label({ relevantYears: 1.5, verdict: 'review' }),
        text: '',
        proposal: proposal({}, { verdict: 'pass', relevantYears: 3.2 }),
      },
      { file: 'senior', label: label({ relevantYears: 8 }), text: '', proposal: proposal({}, { verdict: 'pass' }) },
      { file: 'junior2', label: label({ relevantYears: 2 }), text: '', proposal: proposal({}, { verdict: 'review' }) },
    ]);
    expect(f.falsePasses).toEqual([{ file: 'junior', labelYears: 1.5, proposedYears: 3.2 }]);
  });
});

describe('report and summary', () => {
  it('prints the tables and one JSON object with every figure', () => {
    const f = evaluate([
      { file: 'a', label: label(), text: 'x', proposal: proposal({ crm: 'unknown' }, { verdict: 'review' }) },
      { file: 'b.rtf', label: label({ lang: 'en', verdict: 'reject' }), text: null, proposal: null, error: 'not supported' },
    ]);
    const lines = formatReport(f, { verbose: true });
    expect(lines).toContain('  crm                0.0% (0/1)         0.0% (0/1)');
    expect(lines.some((l) => l.startsWith('verdict agreement: ru 0.0% (0/1), en 0.0% (0/1)'))).toBe(true);
    expect(lines).toContain('  b.rtf: not supported');
    expect(lines).toContain('    crm: label met, proposed unknown');
    const s = summaryJson(f);
    expect(s).toMatchObject({
      files: 2,
      falsePasses: 0,
      unreadable: ['b.rtf'],
      ru: { itemAgreement: { crm: 0, fmcg: 1 }, verdictAgreement: 0 },
    });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('ratio of nothing is null, not NaN', () => {
    expect(ratio(0, 0)).toEqual({ hits: 0, total: 0, share: null });
  });
});

describe('labels schema', () => {
  it('needs all nine items and a known verdict', () => {
    expect(labelsSchema.safeParse({ 'a.pdf': label() }).success).toBe(true);
    const { crm: _crm, ...eight } = allItems('met');
    expect(labelsSchema.safeParse({ 'a.pdf': { ...label(), items: eight } }).success).toBe(false);
    expect(labelsSchema.safeParse({ 'a.pdf': { ...label(), verdict: 'maybe' } }).success).toBe(false);
    expect(labelsSchema.safeParse({ 'a.pdf': { ...label(), now: '1.12.2025' } }).success).toBe(false);
  });
});
