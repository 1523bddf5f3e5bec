import { describe, expect, it } from 'vitest';
import { extractExperience, type YearMonth } from '../../../src/domain/screening/index.js';
import { findRanges, toInterval, unionMonths } from '../../../src/domain/screening/dates.js';
import { NOW } from './helpers.js';

type End = YearMonth | 'present';
const ym = (year: number, month: number): YearMonth => ({ year, month });

/** One dated job with a sales title below it, in the language of the date string. */
function oneJob(dateLine: string): string {
  const ru = /[а-яё]/i.test(dateLine);
  return ru ? `Опыт работы\n${dateLine}\nМенеджер по продажам\n` : `Experience\n${dateLine}\nSales Manager\n`;
}

function single(dateLine: string) {
  const exp = extractExperience(oneJob(dateLine), NOW);
  expect(exp.jobs, dateLine).toHaveLength(1);
  const job = exp.jobs[0];
  if (job === undefined) throw new Error('no job');
  return job;
}

// now = 15 Nov 2024. Month ranges count inclusively; year-only bounds are mid-year (start July, end June).
const FORMS: [string, YearMonth, End, number][] = [
  ['Март 2019 — по настоящее время, 5 лет 8 месяцев', ym(2019, 3), 'present', 69],
  ['Март 2019 — настоящее время', ym(2019, 3), 'present', 69],
  ['Март 2019 — по настоящее время', ym(2019, 3), 'present', 69],
  ['Март 2019 — настоящее время 5 лет 9 месяцев', ym(2019, 3), 'present', 69],
  ['09.2016–12.2018', ym(2016, 9), ym(2018, 12), 28],
  ['09.2016 - 12.2018', ym(2016, 9), ym(2018, 12), 28],
  ['9.2016 — 12.2018', ym(2016, 9), ym(2018, 12), 28],
  ['01.09.2016 – 31.12.2018', ym(2016, 9), ym(2018, 12), 28],
  ['2015 — 2017 гг.', ym(2015, 7), ym(2017, 6), 24],
  ['2015 г. — 2017 г.', ym(2015, 7), ym(2017, 6), 24],
  ['2015–2017', ym(2015, 7), ym(2017, 6), 24],
  ['с 2018 по 2020', ym(2018, 7), ym(2020, 6), 24],
  ['С 2018 по 2020 г.', ym(2018, 7), ym(2020, 6), 24],
  ['янв. 2019 – н.в.', ym(2019, 1), 'present', 71],
  ['Январь 2019 — н.в.', ym(2019, 1), 'present', 71],
  ['январь 2019 — по н.в.', ym(2019, 1), 'present', 71],
  ['с января 2019 по н. в.', ym(2019, 1), 'present', 71],
  ['2019 — н.в.', ym(2019, 7), 'present', 65],
  ['сентябрь 2020 — текущее время', ym(2020, 9), 'present', 51],
  ['Сентябрь 2020 — по сей день', ym(2020, 9), 'present', 51],
  ['сентябрь 2020 г. — наст. время', ym(2020, 9), 'present', 51],
  ['15 марта 2019 — 20 июня 2020', ym(2019, 3), ym(2020, 6), 16],
  ['Jan 2019 – Present', ym(2019, 1), 'present', 71],
  ['January 2019 - Present', ym(2019, 1), 'present', 71],
  ['Jan. 2019 to present', ym(2019, 1), 'present', 71],
  ['03/2015 to 11/2017', ym(2015, 3), ym(2017, 11), 33],
  ['2016-2018', ym(2016, 7), ym(2018, 6), 24],
  ['Sept. 2020 - current', ym(2020, 9), 'present', 51],
  ['Sep 2020 – Now', ym(2020, 9), 'present', 51],
  ['September 2020 until now', ym(2020, 9), 'present', 51],
  ['2019 – today', ym(2019, 7), 'present', 65],
  ['Mar 2019 - Present (5 years 8 months)', ym(2019, 3), 'present', 69],
  ['Mar 2019 - Present · 5 yrs 9 mos', ym(2019, 3), 'present', 69],
  ['March, 2019 – December, 2020', ym(2019, 3), ym(2020, 12), 22],
  ['since March 2019 to date', ym(2019, 3), 'present', 69],
  // A range inside one year is a whole year; ends after `now` are clamped to it.
  ['2018–2018', ym(2018, 1), ym(2018, 12), 12],
  ['2018 - 2018 гг.', ym(2018, 1), ym(2018, 12), 12],
  ['2022 – 2026', ym(2022, 7), ym(2024, 11), 29],
];

describe('date ranges: every documented form', () => {
  it.each(FORMS)('%s', (line, start, end, months) => {
    const job = single(line);
    expect(job.start).toEqual(start);
    expect(job.end).toEqual(end);
    expect(job.months).toBe(months);
    expect(line).toContain(job.evidence.split('\n')[0]?.trim() ?? '');
  });
});

describe('date ranges: separators', () => {
  const separators = [
    ' - ',
    '-',
    ' – ',
    '–',
    ' — ',
    '—',
    ' ‒ ',
    ' ― ',
    ' − ',
    ' -- ',
    ' to ',
    ' по ',
    ' until ',
    ' till ',
    ' до ',
    ' through ',
  ];
  it.each(separators)('2016%s2018', (sep) => {
    const job = single(`2016${sep}2018`);
    expect(job.start).toEqual(ym(2016, 7));
    expect(job.end).toEqual(ym(2018, 6));
  });
  it.each(separators.filter((s) => s.trim() !== '--'))('Jan 2016%sFeb 2018', (sep) => {
    const job = single(`Jan 2016${sep}Feb 2018`);
    expect(job.months).toBe(26);
  });
});

describe('date ranges: month names in every case and abbreviation', () => {
  const ru: [number, string[]][] = [
    [1, ['январь', 'января', 'янв.', 'янв', 'ЯНВАРЬ']],
    [2, ['февраль', 'февраля', 'февр.', 'фев.']],
    [3, ['март', 'марта', 'мар.']],
    [4, ['апрель', 'апреля', 'апр.']],
    [5, ['май', 'мая', 'Май']],
    [6, ['июнь', 'июня', 'июн.']],
    [7, ['июль', 'июля', 'июл.']],
    [8, ['август', 'августа', 'авг.']],
    [9, ['сентябрь', 'сентября', 'сент.', 'сен.']],
    [10, ['октябрь', 'октября', 'окт.']],
    [11, ['ноябрь', 'ноября', 'нояб.', 'ноя.']],
    [12, ['декабрь', 'декабря', 'дек.']],
  ];
  const en: [number, string[]][] = [
    [1, ['January', 'Jan', 'Jan.']],
    [2, ['February', 'Feb', 'Feb.']],
    [3, ['March', 'Mar', 'Mar.']],
    [4, ['April', 'Apr']],
    [5, ['May']],
    [6, ['June', 'Jun']],
    [7, ['July', 'Jul']],
    [8, ['August', 'Aug', 'Aug.']],
    [9, ['September', 'Sept.', 'Sept', 'Sep']],
    [10, ['October', 'Oct']],
    [11, ['November', 'Nov']],
    [12, ['December', 'Dec', 'DEC']],
  ];
  const rows = [...ru, ...en].flatMap(([m, forms]) => forms.map((f) => [f, m] as const));
  it.each(rows)('%s → month %i', (form, month) => {
    const job = single(`${form} 2017 — ${form} 2018`);
    expect(job.start).toEqual(ym(2017, month));
    expect(job.end).toEqual(ym(2018, month));
    expect(job.months).toBe(13);
  });
  it('ё and mixed case in «по настоящее время» do not matter', () => {
    expect(single('МАРТ 2019 — ПО НАСТОЯЩЕЕ ВРЕМЯ').end).toBe('present');
  });
});

describe('date ranges: layout', () => {
  it('joins a range that an hh.ru export split over two lines', () => {
    const text = 'Опыт работы — 5 лет 9 месяцев\nМарт 2019 —\nнастоящее время\n5 лет 9 месяцев\nООО «Альфа»\nМенеджер по продажам\n';
    const exp = extractExperience(text, NOW);
    expect(exp.jobs).toHaveLength(1);
    expect(exp.jobs[0]?.months).toBe(69);
    expect(exp.jobs[0]?.evidence).toBe('Март 2019 —\nнастоящее время');
    expect(text).toContain(exp.jobs[0]?.evidence);
  });

  it('joins "Март 2019" / "— по н.в." as well', () => {
    const exp = extractExperience('Опыт работы\nМарт 2019\n— по н.в.\nМенеджер по продажам\n', NOW);
    expect(exp.jobs[0]?.end).toBe('present');
  });

  it('handles \\r\\n, non-breaking spaces and soft hyphens', () => {
    const text = 'Опыт работы\r\nМарт\u00a02019\u00a0— на\u00adстоящее время\r\nМенед\u00adжер по прода\u00adжам\r\n';
    const exp = extractExperience(text, NOW);
    expect(exp.jobs).toHaveLength(1);
    expect(exp.jobs[0]?.relevant).toBe(true);
    expect(text).toContain(exp.jobs[0]?.evidence);
  });

  it('a declared total is not a job', () => {
    const exp = extractExperience('Опыт работы — 7 лет 3 месяца\n', NOW);
    expect(exp.jobs).toHaveLength(0);
    expect(exp.declaredTotalYears).toBe(7.3);
  });

  it.each([
    ['prose in a bullet', '• В 2020–2021 гг. вывел бренд в сеть «Магнит»'],
    ['prose with a year suffix', 'Рост продаж в 2019–2020 годах составил 25%'],
    ['an English sentence', 'In 2019-2020 we doubled the distribution footprint across the region'],
    ['a phone number', '+7 (999) 123-45-67'],
    ['maternity leave', 'Декретный отпуск, 2019 – 2021'],
    ['a university line', '2010 – 2015 Московский государственный университет'],
    ['reversed range', '2020 – 2018'],
    ['a start in the future', '2026 – н.в.'],
  ])('ignores %s', (_label, line) => {
    expect(extractExperience(`Опыт работы\n${line}\nМенеджер по продажам\n`, NOW).jobs).toHaveLength(0);
  });

  it('ignores ranges in the education section', () => {
    const text =
      'Experience\nJan 2019 – Present\nSales Manager\n\nEducation\n2010 - 2014\nBachelor of Economics\nSep 2014 – Jun 2016 Master of Business\n';
    expect(extractExperience(text, NOW).jobs).toHaveLength(1);
  });

  it('never reads the clock: `now` decides where "present" ends', () => {
    const text = oneJob('Jan 2019 – Present');
    expect(extractExperience(text, new Date(Date.UTC(2020, 0, 10))).jobs[0]?.months).toBe(13);
    expect(extractExperience(text, NOW).jobs[0]?.months).toBe(71);
  });
});

describe('date primitives', () => {
  it('finds several ranges on one line', () => {
    expect(findRanges('2010-2012, 2014 - 2016')).toHaveLength(2);
  });
  it('rejects implausible intervals', () => {
    expect(toInterval({ year: 1955, month: 1 }, 'present', NOW)).toBeNull();
    expect(toInterval({ year: 2020, month: 5 }, { year: 2020, month: 1 }, NOW)).toBeNull();
  });
  it('unions overlapping and touching intervals', () => {
    expect(unionMonths([])).toBe(0);
    expect(
      unionMonths([
        { from: 0, to: 11 },
        { from: 6, to: 17 },
      ]),
    ).toBe(18);
    expect(
      unionMonths([
        { from: 0, to: 11 },
        { from: 12, to: 23 },
      ]),
    ).toBe(24);
    expect(
      unionMonths([
        { from: 0, to: 100 },
        { from: 10, to: 20 },
      ]),
    ).toBe(101);
    expect(
      unionMonths([
        { from: 30, to: 35 },
        { from: 0, to: 5 },
      ]),
    ).toBe(12);
  });
});
