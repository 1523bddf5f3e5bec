import { describe, expect, it } from 'vitest';
import { radar, wrapLabel } from '../../src/domain/charts.js';

const axes = [
  { id: 'a', label: 'Переговоры с ключевыми клиентами федеральных сетей' },
  { id: 'b', label: 'Аналитика' },
  { id: 'c', label: 'Управление дебиторской задолженностью' },
  { id: 'd', label: 'Planning' },
  { id: 'e', label: 'Presentation skills for senior stakeholders' },
];

describe('radar chart', () => {
  it('leaves unrated competencies out of the shape and marks their axis, never drawing them at zero', () => {
    const g = radar(
      axes,
      [
        { name: 'Candidate', values: { a: 4, b: null, c: 3, d: 5, e: null } },
        { name: 'Target', values: { a: 4, b: 4, c: 4, d: 4, e: 4 } },
      ],
      { unratedLabel: 'not rated', reference: 1 },
    );
    const [cand] = g.series;
    expect(cand!.dots.map((d) => d.axis)).toEqual(['a', 'c', 'd']);
    expect(cand!.unrated).toEqual(['b', 'e']);
    expect(cand!.points.split(' ')).toHaveLength(3);
    // No point of the candidate's shape sits at the centre (a zero).
    for (const d of cand!.dots) expect(Math.hypot(d.x - g.center, d.y - g.center)).toBeGreaterThan(1);
    expect(g.axes.filter((a) => a.unrated).map((a) => a.id)).toEqual(['b', 'e']);
    expect(g.axes.find((a) => a.id === 'b')!.lines.at(-1)).toBe('(not rated)');
    expect(g.axes.find((a) => a.id === 'a')!.unrated).toBe(false);
  });

  it('keeps every label whole and makes the view box big enough for it', () => {
    const g = radar(axes, [{ name: 'Candidate', values: { a: 1, b: 2, c: 3, d: 4, e: 5 } }], { size: 360 });
    const [minX, minY, w, h] = g.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const a of g.axes) {
      // The lines are the whole label, word for word.
      expect(a.lines.join(' ')).toBe(a.label);
      const width = Math.max(...a.lines.map((l) => l.length)) * 10 * 0.62;
      const left = a.anchor === 'start' ? a.lx : a.anchor === 'end' ? a.lx - width : a.lx - width / 2;
      expect(left).toBeGreaterThanOrEqual(minX);
      expect(left + width).toBeLessThanOrEqual(minX + w);
      expect(a.ly - (a.lines.length * 12) / 2).toBeGreaterThanOrEqual(minY);
      expect(a.ly + (a.lines.length * 12) / 2).toBeLessThanOrEqual(minY + h);
    }
    expect(g.width).toBe(w);
    expect(g.height).toBe(h);
  });

  it('wraps at spaces and never splits a word', () => {
    expect(wrapLabel('Управление дебиторской задолженностью', 18)).toEqual(['Управление', 'дебиторской', 'задолженностью']);
    expect(wrapLabel('Planning', 18)).toEqual(['Planning']);
    expect(wrapLabel('Сверхдлинноесловобезпробеловвообще', 10)).toEqual(['Сверхдлинноесловобезпробеловвообще']);
  });
});
