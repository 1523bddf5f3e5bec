/**
 * Careers told in prose: "Since 2018 I have worked in inside sales at …", «С 2017 года работаю менеджером …»,
 * "I have spent the last eight years at …", «До этого два года работал торговым представителем». Used only when
 * the resume has no dated job lines, so a one-paragraph profile still has a readable career.
 *
 * Each time span in a sentence (a range, "since YYYY", "joined … in YYYY", or a duration with a job context) becomes
 * a job whose "title" is the clause around it; the same relevance rule as for titles judges that clause.
 * Conventions as in dates.ts: a year alone starts in July; "since YYYY" runs to `now`; a duration ends at `now`
 * unless the sentence says "before that" / «до этого», when it ends the month before the earliest start so far.
 */
import { findRanges, monthIndex, toInterval, type Interval } from './dates.js';
import { sectionOf, type Doc } from './doc.js';
import type { SectionKind } from './sections.js';
import { rawSlice, sentenceEvidence, type Line } from './text.js';

export interface ProseSpan {
  readonly line: Line;
  readonly from: number;
  readonly to: number;
  readonly interval: Interval;
  readonly present: boolean;
  /** Normalized clause the span belongs to, for the relevance rule. */
  readonly clause: string;
  readonly clauseRaw: string;
  readonly evidence: string;
}

const SKIP: ReadonlySet<SectionKind> = new Set(['education', 'courses', 'languages', 'skills', 'desired', 'other']);
const YEAR = '(19[5-9]\\d|20[0-4]\\d)';
const MONTHS =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|январ[яе]|феврал[яе]|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const SINCE_RE = new RegExp(
  `(?<![a-zа-я])(?:since|с|со)\\s+(?:${MONTHS}\\s+)?${YEAR}(?:\\s*(?:года?|г\\.?)(?![а-я]))?(?!\\s*(?:-|по|to|until|до)\\s*\\d)`,
  'g',
);
const JOINED_RE = new RegExp(
  `(?<![a-zа-я])(?:joined|started|began|was\\s+hired|hired|пришел|пришла|устроил[а-я]*|начал[а-я]*\\s+работать)[^.;]{0,80}?(?<![a-zа-я])(?:in|в)\\s+${YEAR}(?:\\s*(?:году|г\\.?))?`,
  'g',
);
// "between 2016 and 2020", «между 2014 и 2018 годами»: a range findRanges does not read (its separator is "and").
const BETWEEN_RE = new RegExp(`(?<![a-zа-я])(?:between|между)\\s+${YEAR}\\s+(?:and|и)\\s+${YEAR}(?:\\s*(?:годами|гг?\\.?)(?![а-я]))?`, 'g');
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  один: 1,
  одного: 1,
  два: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  двенадцать: 12,
  пятнадцать: 15,
  двадцать: 20,
};
const NUMBER_ALT = `(?:\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
// "eight years at …", "the last eight years at", «восемь лет работаю», «два года работал»: a duration with a job context.
const DURATION_RE = new RegExp(
  `(?<![a-zа-я0-9])(${NUMBER_ALT})\\s*\\+?\\s*(?:(?:full\\s+)?years?|лет|года?|год)(?![a-zа-я])(?=\\s*(?:at|as|in|with|working|работа[а-я]*|работал[а-я]*|прослужил|в\\s+компании|в\\s+продажах|of\\s+(?:work|selling)))`,
  'g',
);
const DURATION_BEFORE_RE = new RegExp(
  `(?:spent|worked|been|работаю|работал[а-я]*|проработал[а-я]*)\\s+(?:the\\s+(?:last|past)\\s+|последние\\s+|почти\\s+|около\\s+|более\\s+|over\\s+|almost\\s+|nearly\\s+)?(${NUMBER_ALT})\\s*(?:years?|лет|года?)(?![a-zа-я])`,
  'g',
);
const BEFORE_THAT_RE = /before\s+that|prior\s+to\s+that|previously|earlier|до\s+этого|до\s+того|ранее|прежде/;
const SENTENCE_RE = /[^.!?]+(?:[.!?]+|$)/g;

interface RawSpan {
  from: number;
  to: number;
  interval: Interval;
  present: boolean;
}

function numberOf(s: string): number {
  const n = Number(s);
  return Number.isFinite(n) ? n : (NUMBER_WORDS[s] ?? 0);
}

function spansIn(sentence: string, offset: number, now: Date, earliest: () => number | null): RawSpan[] {
  const nowIdx = monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const out: RawSpan[] = [];
  for (const r of findRanges(sentence)) {
    const interval = toInterval(r.start, r.finish, now);
    if (interval !== null) out.push({ from: offset + r.index, to: offset + r.end, interval, present: r.finish === 'present' });
  }
  const overlaps = (a: number, b: number) => out.some((s) => a < s.to - offset && b > s.from - offset);
  BETWEEN_RE.lastIndex = 0;
  for (let m = BETWEEN_RE.exec(sentence); m !== null; m = BETWEEN_RE.exec(sentence)) {
    const interval = toInterval({ year: Number(m[1]), month: null }, { year: Number(m[2]), month: null }, now);
    if (interval !== null) out.push({ from: offset + m.index, to: offset + m.index + m[0].length, interval, present: false });
  }
  for (const re of [SINCE_RE, JOINED_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      const year = Number(m[m.length - 1] ?? m[1]);
      const yearMatch = /(19[5-9]\d|20[0-4]\d)/.exec(m[0]);
      const y = yearMatch === null ? year : Number(yearMatch[1]);
      if (overlaps(m.index, m.index + m[0].length)) continue;
      const from = monthIndex(y, 7);
      if (from > nowIdx) continue;
      out.push({ from: offset + m.index, to: offset + m.index + m[0].length, interval: { from, to: nowIdx }, present: true });
    }
  }
  // Durations only when the sentence gives no year of its own.
  if (out.length > 0) return out;
  const before = BEFORE_THAT_RE.test(sentence);
  for (const re of [DURATION_RE, DURATION_BEFORE_RE]) {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    if (m === null) continue;
    const years = numberOf(m[1] ?? '');
    if (years <= 0 || years > 45) continue;
    const first = earliest();
    const end = before && first !== null ? first - 1 : nowIdx;
    out.push({
      from: offset + m.index,
      to: offset + m.index + m[0].length,
      interval: { from: end - years * 12 + 1, to: end },
      present: end === nowIdx,
    });
    break;
  }
  return out;
}

export function proseSpans(doc: Doc, now: Date): ProseSpan[] {
  const out: ProseSpan[] = [];
  const earliest = (): number | null => (out.length === 0 ? null : Math.min(...out.map((s) => s.interval.from)));
  for (const line of doc.lines) {
    if (line.norm.length < 30 || SKIP.has(sectionOf(doc, line.index))) continue;
    SENTENCE_RE.lastIndex = 0;
    for (let m = SENTENCE_RE.exec(line.norm); m !== null; m = SENTENCE_RE.exec(line.norm)) {
      if (m[0].length === 0) {
        SENTENCE_RE.lastIndex++;
        continue;
      }
      const sFrom = m.index;
      const sTo = m.index + m[0].length;
      const spans = spansIn(m[0], sFrom, now, earliest).sort((a, b) => a.from - b.from);
      spans.forEach((s, k) => {
        const cFrom = k === 0 ? sFrom : (spans[k - 1]?.to ?? sFrom);
        const cTo = k === spans.length - 1 ? sTo : (spans[k + 1]?.from ?? sTo);
        out.push({
          line,
          from: s.from,
          to: s.to,
          interval: s.interval,
          present: s.present,
          clause: line.norm.slice(cFrom, cTo),
          clauseRaw: rawSlice(line, cFrom, cTo).trim(),
          evidence: sentenceEvidence(line, s.from, s.to),
        });
      });
    }
  }
  return out;
}
