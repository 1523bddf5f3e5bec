import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/domain/csv.js';
import {
  conversion,
  cumulativeReached,
  median,
  resultsBySource,
  timeInStage,
  type FunnelCandidate,
  type StageEvent,
} from '../../src/domain/funnel.js';

describe('funnel', () => {
  it('computes conversion between consecutive stages', () => {
    const c = conversion({ new: 100, screening: 50, interview: 20, take_home: 10, offer: 4, hired: 2 });
    expect(c[0]).toEqual({ from: 'new', to: 'screening', rate: 50 });
    expect(c[1]).toEqual({ from: 'screening', to: 'interview', rate: 40 });
    expect(conversion({})[0]!.rate).toBeNull();
  });

  it('takes medians of finished stays only', () => {
    const created = new Map([
      [1, '2026-01-01T00:00:00Z'],
      [2, '2026-01-01T00:00:00Z'],
    ]);
    const t = timeInStage(created, [
      { candidateId: 1, from: 'new', to: 'screening', at: '2026-01-03T00:00:00Z' },
      { candidateId: 1, from: 'screening', to: 'interview', at: '2026-01-08T00:00:00Z' },
      { candidateId: 2, from: 'new', to: 'screening', at: '2026-01-05T00:00:00Z' },
    ]);
    expect(t.new).toBe(3);
    expect(t.screening).toBe(5);
    expect(t.interview).toBeNull();
    expect(median([4, 1, 3])).toBe(3);
  });

  it('writes CSV cells Excel cannot run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Иванов; Пётр')).toBe('"Иванов; Пётр"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42.5)).toBe('42.5');
    expect(csvLine(['a;b', 1, null], ';')).toBe('"a;b";1;\r\n');
    expect(csvLine(['a', 'b'], ',')).toBe('a,b\r\n');
  });
});

describe('reached stages and results by source', () => {
  const at = '2026-01-01T00:00:00Z';
  const c = (id: number, stage: string, source: string, fit: number | null): FunnelCandidate => ({ id, createdAt: at, stage, source, fit });
  const e = (candidateId: number, from: string | null, to: string): StageEvent => ({ candidateId, from, to, at });
  // 1: new → screening → interview → rejected; 2: new → screening (now); 3: new, untouched;
  // 4: new → screening → interview → take_home → offer → hired; 5: an event of a candidate of another vacancy.
  const candidates = [
    c(1, 'rejected', 'hh', 60),
    c(2, 'screening', 'hh', null),
    c(3, 'new', 'referral', 80),
    c(4, 'hired', 'referral', 91.25),
  ];
  const events = [
    e(1, 'new', 'screening'),
    e(1, 'screening', 'interview'),
    e(1, 'interview', 'rejected'),
    e(2, 'new', 'screening'),
    e(4, 'new', 'screening'),
    e(4, 'screening', 'interview'),
    e(4, 'interview', 'take_home'),
    e(4, 'take_home', 'offer'),
    e(4, 'offer', 'hired'),
    e(5, 'new', 'hired'),
  ];

  it('counts each candidate in every stage up to the furthest they reached (rejected ones too), by hand', () => {
    // Furthest stages: 1 interview (then rejected), 2 screening, 3 new, 4 hired.
    expect(cumulativeReached({ interview: 1, screening: 1, new: 1, hired: 1 })).toEqual({
      new: 4,
      screening: 3,
      interview: 2,
      take_home: 1,
      offer: 1,
      hired: 1,
    });
  });

  it('gives totals, interviews (past or present), hires, rejections and mean fit per source, largest first', () => {
    expect(resultsBySource(candidates, events)).toEqual([
      { source: 'hh', total: 2, interviewed: 1, hired: 0, rejected: 1, avgFit: 60 },
      { source: 'referral', total: 2, interviewed: 1, hired: 1, rejected: 0, avgFit: 85.6 },
    ]);
    expect(resultsBySource([c(9, 'new', 'site', null)], [])).toEqual([
      { source: 'site', total: 1, interviewed: 0, hired: 0, rejected: 0, avgFit: null },
    ]);
  });
});
