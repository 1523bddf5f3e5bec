/**
 * Text model shared by all rules. Matching runs on a normalized copy of each line, while evidence
 * is always cut from the raw line through an index map, so a quote is a verbatim substring of the
 * resume even when normalization dropped soft hyphens or folded ё/diacritics.
 */

export interface Line {
  readonly index: number;
  /** The original line without its terminator. */
  readonly raw: string;
  /** Offset of `raw` in the original text. */
  readonly start: number;
  /** Lower-case, ё→е, Latin diacritics stripped, dashes/spaces/quotes unified. */
  readonly norm: string;
  /** norm index → raw index; null when the two are aligned one to one (the usual case). */
  readonly map: Int32Array | null;
}

export type Lang = 'ru' | 'en';

// Characters whose replacement keeps the string length, so the fast path needs no index map.
const FOLD_RE =
  /[\u00c0-\u024f\u0451\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u00a0\u2000-\u200a\u202f\u205f\u3000\u2018\u2019\u201a\u201b\u02bc\u00b4\u0060\u201c\u201d\u201e\u00ab\u00bb]/g;
// Invisible characters that PDF/HTML exports sprinkle inside words; they must vanish for matching.
const DROP_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const FOLD_ONE_RE = new RegExp(FOLD_RE.source);
const LINE_BREAK_RE = /\r\n|[\r\n\u2028\u2029\u000b\f\u0085]/g;

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  const cached = foldCache.get(c);
  if (cached !== undefined) return cached;
  const code = c.charCodeAt(0);
  let out = c;
  if (code === 0x451) out = 'е';
  else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63 || code === 0xff0d) out = '-';
  else if (code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) out = ' ';
  else if (code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b || code === 0x2bc || code === 0xb4 || code === 0x60)
    out = "'";
  else if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb) out = '"';
  else if (code >= 0xc0 && code <= 0x24f) out = c.normalize('NFD').charAt(0);
  foldCache.set(c, out);
  return out;
}

function normalizeLine(raw: string): { norm: string; map: Int32Array | null } {
  const lower = raw.toLowerCase();
  if (lower.length === raw.length && !DROP_RE.test(raw)) return { norm: lower.replace(FOLD_RE, foldChar), map: null };
  // Slow path: some characters are dropped or change length when lower-cased, so track positions.
  const map = new Int32Array(raw.length);
  let norm = '';
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (DROP_RE.test(c)) continue;
    let l = c.toLowerCase();
    if (l.length !== 1) l = c;
    norm += FOLD_ONE_RE.test(l) ? foldChar(l) : l;
    map[n++] = i;
  }
  return { norm, map: map.subarray(0, n) };
}

/** Normalizes a free fragment (keywords, titles) the same way lines are normalized. */
export function normalizeFragment(s: string): string {
  return normalizeLine(s).norm.replace(/\s+/g, ' ').trim();
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  LINE_BREAK_RE.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK_RE.exec(text);
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end);
    const { norm, map } = normalizeLine(raw);
    lines.push({ index: lines.length, raw, start, norm, map });
    if (!m) break;
    start = end + m[0].length;
  }
  return lines;
}

export function rawIndex(line: Line, normIndex: number): number {
  if (line.map === null) return normIndex;
  if (normIndex >= line.map.length) return line.raw.length;
  return line.map[normIndex] ?? line.raw.length;
}

/** Raw slice for the normalized range [from, to). */
export function rawSlice(line: Line, from: number, to: number): string {
  if (to <= from) return '';
  const a = rawIndex(line, from);
  const b = line.map === null ? to : rawIndex(line, to - 1) + 1;
  return line.raw.slice(a, b);
}

const QUOTE_TRIM_RE = /^[\s•·*▪►◦‣●○■□✓✔-]+|\s+$/g;

function tidy(s: string): string {
  return s.replace(QUOTE_TRIM_RE, '');
}

/** The whole line as a quote (bullets and surrounding whitespace trimmed). */
export function lineEvidence(line: Line): string {
  const t = tidy(line.raw);
  return t === '' ? line.raw.trim() : t;
}

/** A verbatim span that starts at line `a` and ends at line `b` (inclusive), e.g. a date range split by the exporter. */
export function multiLineEvidence(text: string, a: Line, b: Line): string {
  return tidy(text.slice(a.start, b.start + b.raw.length));
}

const MAX_QUOTE = 220;
// A sentence ends at . ! ? ; followed by space, or at an inline bullet; "г." and "т.д." rarely matter for a quote.
const SENTENCE_END_RE = /[.!?;]\s+|\s[•·|]\s/g;

/**
 * The sentence around the normalized match [from, to) as a verbatim quote; the whole line when short.
 */
export function sentenceEvidence(line: Line, from: number, to: number): string {
  if (line.norm.trim().length <= MAX_QUOTE) return lineEvidence(line);
  let s = 0;
  let e = line.norm.length;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(line.norm); m !== null; m = SENTENCE_END_RE.exec(line.norm)) {
    const boundary = m.index + m[0].length;
    if (boundary <= from) s = boundary;
    else if (m.index >= to) {
      e = m.index + 1;
      break;
    }
  }
  if (e - s > MAX_QUOTE) {
    s = Math.max(s, from - 80);
    e = Math.min(e, Math.max(to, from + 1) + 120);
  }
  const quote = tidy(rawSlice(line, s, e));
  return quote === '' ? lineEvidence(line) : quote;
}

/** Dominant script of the resume; decides which language counts as the candidate's own. */
export function detectLang(lines: readonly Line[]): Lang {
  let cyr = 0;
  let lat = 0;
  for (const l of lines) {
    const s = l.norm;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x430 && c <= 0x44f) cyr++;
      else if (c >= 97 && c <= 122) lat++;
    }
  }
  return cyr >= lat ? 'ru' : 'en';
}
