import { sectionOf, type Doc } from './doc.js';
import type { SectionKind } from './sections.js';
import { rawIndex, sentenceEvidence, type Line } from './text.js';
import type { ItemResult } from './types.js';

export interface Hit {
  readonly line: Line;
  readonly index: number;
  readonly length: number;
  /** A ready verbatim quote, when the match spans lines. */
  readonly quote?: string;
}

export interface ScanOptions {
  /** Sections whose lines are ignored. */
  readonly skip?: ReadonlySet<SectionKind>;
  /** Extra check on a match, e.g. that an ambiguous retailer name is capitalized in the original. */
  readonly accept?: (line: Line, index: number, match: string) => boolean;
  /** Line-level veto, e.g. salary lines for KPI figures. */
  readonly lineFilter?: (line: Line) => boolean;
}

const URL_TOKEN_RE = /https?:\/\/|www\.|@|\.(?:com|ru|net|org|io|dev|info|biz|me|рф)(?:\/|$)/;

/** Addresses and e-mails are not prose: "linkedin.com/in/ivan-kam" does not mention a KAM. */
function insideUrl(line: Line, index: number, length: number): boolean {
  let a = index;
  let b = index + length;
  while (a > 0 && !/\s/.test(line.norm.charAt(a - 1))) a--;
  while (b < line.norm.length && !/\s/.test(line.norm.charAt(b))) b++;
  return URL_TOKEN_RE.test(line.norm.slice(a, b));
}

/** First match of a global regex in document order, ignoring matches inside URLs and e-mails. */
export function scan(doc: Doc, re: RegExp, opts: ScanOptions = {}): Hit | null {
  for (const line of doc.lines) {
    if (opts.skip?.has(sectionOf(doc, line.index)) === true) continue;
    if (opts.lineFilter !== undefined && !opts.lineFilter(line)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line.norm); m !== null; m = re.exec(line.norm)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (insideUrl(line, m.index, m[0].length)) continue;
      if (opts.accept === undefined || opts.accept(line, m.index, m[0])) return { line, index: m.index, length: m[0].length };
    }
  }
  return null;
}

export function hitEvidence(hit: Hit): string {
  if (hit.quote !== undefined) return hit.quote;
  return sentenceEvidence(hit.line, hit.index, hit.index + hit.length);
}

/**
 * First match that a PDF line wrap cut in two ("manage 15 key" / "accounts including …"): each line is joined with
 * the next and only matches crossing the break count. The quote spans both lines verbatim.
 */
const WRAP_WINDOW = 60;

export function scanWrapped(doc: Doc, re: RegExp, opts: ScanOptions = {}): Hit | null {
  for (let i = 0; i + 1 < doc.lines.length; i++) {
    const a = doc.lines[i];
    const b = doc.lines[i + 1];
    if (a === undefined || b === undefined || a.norm.trim() === '' || b.norm.trim() === '') continue;
    if (opts.skip?.has(sectionOf(doc, i)) === true || opts.skip?.has(sectionOf(doc, i + 1)) === true) continue;
    if (opts.lineFilter !== undefined && (!opts.lineFilter(a) || !opts.lineFilter(b))) continue;
    // Only the text around the break can hold a match that crosses it.
    const from = Math.max(0, a.norm.length - WRAP_WINDOW);
    const head = a.norm.slice(from);
    const joined = `${head} ${b.norm.slice(0, WRAP_WINDOW)}`;
    re.lastIndex = 0;
    for (let m = re.exec(joined); m !== null; m = re.exec(joined)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m.index >= head.length) break;
      if (m.index + m[0].length <= head.length + 1) continue;
      const index = from + m.index;
      return { line: a, index, length: a.norm.length - index, quote: doc.text.slice(a.start, b.start + b.raw.length).trim() };
    }
  }
  return null;
}

/** met with the quote and the matched term (normalized) as detail, or unknown without evidence. */
export function metFrom(hit: Hit | null): ItemResult {
  if (hit === null) return { status: 'unknown', evidence: null };
  return { status: 'met', evidence: hitEvidence(hit), detail: `match=${hit.line.norm.slice(hit.index, hit.index + hit.length)}` };
}

const OPEN_QUOTES = new Set(['"', "'", '(']);

/** The original text at the match starts with a capital letter or sits in quotes: it is a proper name. */
export function isProperName(line: Line, index: number): boolean {
  const prev = index > 0 ? line.norm.charAt(index - 1) : '';
  if (OPEN_QUOTES.has(prev)) return true;
  const c = line.raw.charAt(rawIndex(line, index));
  return c !== c.toLowerCase();
}

/** Builds `(?<!letter)(?:a|b|c)` with an optional trailing word boundary. */
export function alternation(parts: readonly string[], wordEnd: boolean): string {
  return `(?<![a-zа-я0-9])(?:${parts.join('|')})${wordEnd ? '(?![a-zа-я0-9])' : ''}`;
}
