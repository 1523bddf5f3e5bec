import { describe, expect, it } from 'vitest';
import { formatters, translator } from '../../src/web/i18n.js';

// Plural forms chosen by Intl.PluralRules through i18next's suffixes: fractions take the genitive singular
// in Russian («10,3 года»), whole numbers their own form («21 год», «5 лет»).
const ru = translator('ru');
const en = translator('en');
const years = (t: typeof ru, lang: 'ru' | 'en', n: number) =>
  t('screening.total_years', { count: Math.round(n * 10) / 10, years: formatters(lang).number(n) });

describe('plural forms', () => {
  it('years of experience, whole and fractional', () => {
    expect(years(ru, 'ru', 10.3)).toBe('всего 10,3 года');
    expect(years(ru, 'ru', 1)).toBe('всего 1 год');
    expect(years(ru, 'ru', 21)).toBe('всего 21 год');
    expect(years(ru, 'ru', 3)).toBe('всего 3 года');
    expect(years(ru, 'ru', 5)).toBe('всего 5 лет');
    expect(years(ru, 'ru', 11)).toBe('всего 11 лет');
    expect(years(en, 'en', 1)).toBe('1 year in all');
    expect(years(en, 'en', 10.3)).toBe('10.3 years in all');
  });

  it('points and stages agree with their number', () => {
    const stage = (n: number) =>
      ru('score.explain_stage', { stage: 'Интервью', score: '100', share: '40 %', count: n, points: formatters('ru').number(n) });
    expect(stage(100)).toMatch(/= 100 баллов$/);
    expect(stage(2.5)).toMatch(/= 2,5 балла$/);
    expect(stage(21)).toMatch(/= 21 балл$/);
    expect(ru('score.coverage', { count: 1, total: 4 })).toMatch(/^По 1 этапу из 4;/);
    expect(ru('score.coverage', { count: 3, total: 4 })).toMatch(/^По 3 этапам из 4;/);
    expect(en('score.coverage', { count: 1, total: 4 })).toMatch(/^Based on 1 of 4 stages;/);
    expect(ru('vacancies.waiting', { count: 1 })).toBe('1 ждёт решения');
    expect(ru('home.missing_scorecards', { count: 2 })).toBe('не сданы 2 оценки');
  });

  it('file sizes in the reader’s units, never KiB', () => {
    expect(formatters('ru').bytes(12_345)).toBe('12,1 кБ');
    expect(formatters('ru').bytes(5 * 1024 * 1024)).toBe('5 МБ');
    expect(formatters('en').bytes(12_345)).toBe('12.1 kB');
  });
});
