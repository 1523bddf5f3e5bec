/**
 * Date-range recognition on normalized lines (see text.ts: lower-case, ё→е, every dash is '-').
 *
 * Conventions:
 * - Month-precise ranges count inclusively, as hh.ru and LinkedIn do: «Март 2019 — Ноябрь 2024» = 5 y 9 m.
 * - Year-only bounds are taken at mid-year (a start year begins in July, an end year finishes in June),
 *   so «2015–2017» counts (end − start) = 2 years instead of the 3 a Jan–Dec reading would give;
 *   a range inside one year («2018–2018», «2018 – 2018 гг.») counts 12 months, the least a
 *   year-only entry can honestly mean. Year-only jobs therefore never look like short tenures.
 * - 'Present' ends at the injected `now` month; ends after `now` are clamped to it.
 */

export interface DatePoint {
  year: number;
  /** 1–12, or null when only the year is given. */
  month: number | null;
}

export interface RangeMatch {
  /** Index in the searched string where the range (including a leading «с»/"from") starts. */
  index: number;
  end: number;
  start: DatePoint;
  finish: DatePoint | 'present';
}

const MONTHS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['январь', 'января', 'январе', 'янв', 'january', 'jan']],
  [2, ['февраль', 'февраля', 'феврале', 'февр', 'фев', 'february', 'feb']],
  [3, ['март', 'марта', 'марте', 'мар', 'march', 'mar']],
  [4, ['апрель', 'апреля', 'апреле', 'апр', 'april', 'apr']],
  [5, ['май', 'мая', 'мае', 'may']],
  [6, ['июнь', 'июня', 'июне', 'июн', 'june', 'jun']],
  [7, ['июль', 'июля', 'июле', 'июл', 'july', 'jul']],
  [8, ['август', 'августа', 'августе', 'авг', 'august', 'aug']],
  [9, ['сентябрь', 'сентября', 'сентябре', 'сент', 'сен', 'september', 'sept', 'sep']],
  [10, ['октябрь', 'октября', 'октябре', 'окт', 'october', 'oct']],
  [11, ['ноябрь', 'ноября', 'ноябре', 'нояб', 'ноя', 'november', 'nov']],
  [12, ['декабрь', 'декабря', 'декабре', 'дек', 'december', 'dec']],
];

const MONTH_BY_NAME = new Map<string, number>();
for (const [n, names] of MONTHS) for (const name of names) MONTH_BY_NAME.set(name, n);

// Longest first so «марта» is not cut to «мар»; exact forms only, so «декрет 2019» is not December.
const MONTH_ALT = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
const NB = '(?<![a-zа-я])';
const NA = '(?![a-zа-я])';

const MONTH_POINT = `(?:(?<!\\d)\\d{1,2}\\s+)?${NB}(?:${MONTH_ALT})${NA}\\.?,?\\s*'?${YEAR}(?!\\d)`;
// 09.2016, 9/2016, 01.09.2016 — but not 2016.09 or a phone fragment.
const NUM_POINT = `(?<![\\d.\\/])(?:(?:0?[1-9]|[12]\\d|3[01])[.\\/])?(?:0?[1-9]|1[0-2])[.\\/]${YEAR}(?!\\d)`;
const YEAR_POINT = `(?<![\\d.\\/])${YEAR}(?!\\d)(?![.\\/]\\d)`;
const YEAR_SUFFIX = `(?:\\s*(?:гг?\\.?|год[а-я]*)${NA})?`;
const POINT = `(?:${MONTH_POINT}|${NUM_POINT}|${YEAR_POINT})${YEAR_SUFFIX}`;
const PRESENT = `(?:по\\s+)?(?:(?:настоящее|текущее|нынешнее)\\s+время|наст\\.\\s*вр(?:емя|\\.)?|н\\.\\s?в\\.?|н\\/в|нв|текущий\\s+момент|сегодняшний\\s+день|сей\\s+день|сегодня|сейчас|present|current(?:ly)?|now|today|to\\s+date|date|ongoing|till\\s+now)${NA}`;
// «ï¼» is a full-width hyphen (U+FF0D) whose UTF-8 was read as Windows-1252 by some PDF exporters.
const SEP = `(?:\\s*(?:-{1,2}|i¼)\\s*(?:(?:по|to|until)\\s+)?|\\s+(?:to|по|until|till|до|through|thru)\\s+)`;
const FROM = `(?:${NB}(?:с|from|since)\\s+)?`;

const RANGE_RE = new RegExp(`${FROM}(${POINT})${SEP}(${POINT}|${PRESENT})`, 'g');
/** A lone point at the end of a line, possibly followed by a dangling separator: the range continues below. */
const OPEN_END_RE = new RegExp(`(${POINT})\\s*(?:(?:-{1,2}|по|to|until)\\s*(?:${NB}(?:${MONTH_ALT})\\.?)?)?\\s*$`);
const POINT_MONTH_RE = new RegExp(`^(?:\\d{1,2}\\s+)?(${MONTH_ALT})${NA}\\.?,?\\s*'?(${YEAR})`);
const POINT_NUM_RE = new RegExp(`^(?:\\d{1,2}[.\\/])?(\\d{1,2})[.\\/](${YEAR})`);
const POINT_YEAR_RE = new RegExp(`^(${YEAR})`);

function parsePoint(s: string): DatePoint | null {
  let m = POINT_MONTH_RE.exec(s);
  if (m) {
    const month = MONTH_BY_NAME.get(m[1] ?? '');
    return month === undefined ? null : { year: Number(m[2]), month };
  }
  m = POINT_NUM_RE.exec(s);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = POINT_YEAR_RE.exec(s);
  if (m) return { year: Number(m[1]), month: null };
  return null;
}

/** All date ranges in a normalized string, left to right. */
export function findRanges(norm: string): RangeMatch[] {
  const out: RangeMatch[] = [];
  RANGE_RE.lastIndex = 0;
  for (let m = RANGE_RE.exec(norm); m !== null; m = RANGE_RE.exec(norm)) {
    const startText = m[1] ?? '';
    const endText = m[2] ?? '';
    const start = parsePoint(startText);
    if (start === null) continue;
    const finish = /^\d{4}|^\d{1,2}[./]\d|^(?:\d{1,2}\s+)?[a-zа-я]+\.?,?\s*'?\d/.test(endText)
      ? parsePoint(endText.replace(/^по\s+/, ''))
      : 'present';
    if (finish === null) continue;
    out.push({ index: m.index, end: m.index + m[0].length, start, finish });
  }
  return out;
}

/** True when the string ends with a date point (and maybe a dash): the range may continue on the next line. */
export function endsWithOpenPoint(norm: string): boolean {
  return OPEN_END_RE.test(norm);
}

/** Month index (year*12 + month-1) helpers: intervals are [from, to] inclusive. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function fromMonthIndex(i: number): { year: number; month: number } {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export interface Interval {
  from: number;
  to: number;
}

/** Applies the year-only and 'present' conventions; null when the range is implausible. */
export function toInterval(start: DatePoint, finish: DatePoint | 'present', now: Date): Interval | null {
  const nowIdx = monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
  if (start.year < 1960) return null;
  const sameYearOnly = finish !== 'present' && start.month === null && finish.month === null && finish.year === start.year;
  let from = monthIndex(start.year, start.month ?? (sameYearOnly ? 1 : 7));
  let to = finish === 'present' ? nowIdx : monthIndex(finish.year, finish.month ?? (sameYearOnly ? 12 : 6));
  if (to > nowIdx) to = nowIdx;
  // «2024 – н.в.» read in March 2024: a mid-year start would be in the future, so take January.
  if (start.month === null && from > to && Math.floor(to / 12) === start.year) from = monthIndex(start.year, 1);
  if (from > nowIdx || from > to) return null;
  return { from, to };
}

/** Total months covered by the union of intervals, so overlapping jobs are not double-counted. */
export function unionMonths(intervals: readonly Interval[]): number {
  if (intervals.length === 0) return 0;
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  let total = 0;
  let curFrom = sorted[0]?.from ?? 0;
  let curTo = sorted[0]?.to ?? -1;
  for (const iv of sorted) {
    if (iv.from > curTo + 1) {
      total += curTo - curFrom + 1;
      curFrom = iv.from;
      curTo = iv.to;
    } else if (iv.to > curTo) curTo = iv.to;
  }
  return total + (curTo - curFrom + 1);
}

/** Years with one decimal, the precision the rules and fixtures use. */
export function monthsToYears(months: number): number {
  return Math.round((months / 12) * 10) / 10;
}
