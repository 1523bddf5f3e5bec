import { describe, expect, it } from 'vitest';
import { conversion, csvCell, median, timeInStage } from '../../src/domain/funnel.js';

describe('funnel', () => {
  it('computes conversion between consecutive stages', () => {
    const c = conversion({ new: 100, screening: 50, interview: 20, take_home: 10, offer: 4, hired: 2 });
    expect(c[0]).toEqual({ from: 'new', to: 'screening', rate: 50 });
    expect(c[1]).toEqual({ from: 'screening', to: 'interview', rate: 40 });
    expect(conversion({})[0]!.rate).toBeNull();
  });

  it('takes medians of finished stays only', () => {
    const created = new Map([[1, '2026-01-01T00:00:00Z'], [2, '2026-01-01T00:00:00Z']]);
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
  });
});
