/**
 * foreign_language: a non-native language at B1/Intermediate or above.
 *
 * A line is cut into chunks at commas/semicolons outside parentheses, so
 * "Russian (native), English (C1), German (A2)" yields one verdict per language. Chunks marked native
 * («родной», "native", "bilingual") are never evidence. In a Russian resume Russian itself is skipped;
 * in an English resume any non-native language line counts, English included, since it is the
 * candidate's own statement of a level. Outside the «Языки» section the level must sit close to the
 * language name, so "Danone (French company), advanced Excel" is not French at an advanced level.
 */
import { sectionOf, type Doc } from './doc.js';
import type { ExperienceAnalysis } from './experience.js';
import { NO_DATED_CAREER } from './reasons.js';
import { rawIndex, rawSlice, type Lang, type Line } from './text.js';
import type { ItemResult } from './types.js';

const LANGUAGE_NAMES = [
  'английск[а-я]*',
  'англ\\.',
  'немецк[а-я]*',
  'французск[а-я]*',
  'испанск[а-я]*',
  'итальянск[а-я]*',
  'китайск[а-я]*',
  'японск[а-я]*',
  'турецк[а-я]*',
  'арабск[а-я]*',
  'португальск[а-я]*',
  'польск[а-я]*',
  'корейск[а-я]*',
  'чешск[а-я]*',
  'финск[а-я]*',
  'шведск[а-я]*',
  'норвежск[а-я]*',
  'датск[а-я]*',
  'голландск[а-я]*',
  'нидерландск[а-я]*',
  'греческ[а-я]*',
  'иврит[а-я]*',
  'хинди',
  'украинск[а-я]*',
  'белорусск[а-я]*',
  'казахск[а-я]*',
  'узбекск[а-я]*',
  'армянск[а-я]*',
  'грузинск[а-я]*',
  'азербайджанск[а-я]*',
  'татарск[а-я]*',
  'сербск[а-я]*',
  'болгарск[а-я]*',
  'румынск[а-я]*',
  'венгерск[а-я]*',
  'латышск[а-я]*',
  'литовск[а-я]*',
  'эстонск[а-я]*',
  'вьетнамск[а-я]*',
  'персидск[а-я]*',
  'фарси',
  'русск[а-я]*',
  'english',
  'german',
  'french',
  'spanish',
  'italian',
  'chinese',
  'mandarin',
  'japanese',
  'turkish',
  'arabic',
  'portuguese',
  'polish',
  'korean',
  'czech',
  'finnish',
  'swedish',
  'norwegian',
  'danish',
  'dutch',
  'greek',
  'hebrew',
  'hindi',
  'ukrainian',
  'belarusian',
  'kazakh',
  'uzbek',
  'armenian',
  'georgian',
  'azerbaijani',
  'tatar',
  'serbian',
  'bulgarian',
  'romanian',
  'hungarian',
  'latvian',
  'lithuanian',
  'estonian',
  'vietnamese',
  'persian',
  'farsi',
  'russian',
];
const LANGUAGE_RE = new RegExp(`(?<![a-zа-я])(?:${LANGUAGE_NAMES.join('|')})(?![a-z])`, 'g');
const LANGUAGE_ANY_RE = new RegExp(LANGUAGE_RE.source);
const RUSSIAN_RE = /^(?:русск|russian)/;
const ENGLISH_RE = /^(?:english|английск|англ\.)/;
const NATIVE_RE = /родн|native|mother tongue|носител|bilingual|first language/;

// CEFR codes are often typed with Cyrillic А/В/С.
const CEFR_RE = /(?<![a-zа-я0-9])([abcавс])-?([12])\+?(?![0-9a-zа-я])/;
const LOW_RE =
  /(?:speak|know)\s+(?:some|a\s+little)|(?<![a-z])some\s+(?:spanish|french|german|italian|english|russian|chinese|japanese|portuguese|arabic)|a\s+little|немного|pre-?\s?intermediate|elementary|beginner|(?<![a-z])basic|limited working|ограниченн|starter|survival|начальн|базов|элементарн|со словар|ниже среднего|школьн|слаб|читаю профессиональную литературу|читаю техническую/;
const HIGH_RE =
  /professional\s+working|conversational|conversant|upper-?\s?intermediate|(?<![a-z-])intermediate|advanced|fluent|fluency|proficien|professional working|full professional|профессиональн|business level|business fluent|свободн|разговорн|средн|продвинут|совершенств|могу проходить интервью|выше среднего|отличн|хорош|деловой|excellent|good command|working knowledge/;

type Level = 'high' | 'low' | null;

function levelOf(chunk: string): Level {
  const cefr = CEFR_RE.exec(chunk);
  if (cefr) {
    const letter = cefr[1] ?? '';
    return letter === 'a' || letter === 'а' ? 'low' : 'high';
  }
  if (LOW_RE.test(chunk)) return 'low';
  if (HIGH_RE.test(chunk)) return 'high';
  return null;
}

interface Chunk {
  from: number;
  to: number;
}

/** Splits at , ; | outside parentheses. */
function chunks(norm: string): Chunk[] {
  const out: Chunk[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charAt(i);
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ';' || c === '|')) {
      out.push({ from, to: i });
      from = i + 1;
    }
  }
  out.push({ from, to: norm.length });
  return out;
}

interface Finding {
  level: Level;
  evidence: string;
}

const NEAR_CHARS = 40;

const LANGUAGE_TALK_RE = /язык|language|владе|speak|знани/;

const CONNECTOR_RE = /\s(?:and|with|plus|but|as\s+well\s+as|и|а\s+также|а|но)\s/;

/** Cuts a chunk naming several languages at the connector between each pair, or null when one is missing. */
function splitByLanguage(chunk: string, names: readonly RegExpMatchArray[]): { from: number; to: number; name: string }[] | null {
  const out: { from: number; to: number; name: string }[] = [];
  let from = 0;
  for (let n = 0; n < names.length; n++) {
    const cur = names[n];
    const next = names[n + 1];
    if (cur === undefined) return null;
    let to = chunk.length;
    if (next !== undefined) {
      const prevEnd = (cur.index ?? 0) + cur[0].length;
      const m = CONNECTOR_RE.exec(chunk.slice(prevEnd, next.index ?? prevEnd));
      if (m === null) return null;
      to = prevEnd + m.index;
      out.push({ from, to, name: cur[0] });
      from = to + m[0].length;
      continue;
    }
    out.push({ from, to, name: cur[0] });
  }
  return out;
}

function findingsInLine(
  fullText: string,
  line: Line,
  next: Line | undefined,
  inLangSection: boolean,
  lang: Lang,
  englishForeign: boolean,
): Finding[] {
  const out: Finding[] = [];
  const parts = chunks(line.norm);
  parts.forEach((part, k) => {
    const chunk = line.norm.slice(part.from, part.to);
    LANGUAGE_RE.lastIndex = 0;
    const names = [...chunk.matchAll(LANGUAGE_RE)];
    const firstName = names[0];
    if (firstName === undefined) return;
    if (lang === 'ru' && names.every((n) => RUSSIAN_RE.test(n[0]))) return;
    // In an English resume English is the candidate's own language unless another one is stated as native.
    if (lang === 'en' && !englishForeign && names.every((n) => ENGLISH_RE.test(n[0]))) return;
    // "Native English speaker with fluent Spanish", "conversational German and basic French": one level per language.
    if (names.length > 1 && (NATIVE_RE.test(chunk) || (LOW_RE.test(chunk) && HIGH_RE.test(chunk)))) {
      const segments = splitByLanguage(chunk, names);
      if (segments !== null) {
        for (const seg of segments) {
          const text = chunk.slice(seg.from, seg.to);
          if (NATIVE_RE.test(text)) continue;
          if (lang === 'ru' && RUSSIAN_RE.test(seg.name)) continue;
          if (lang === 'en' && !englishForeign && ENGLISH_RE.test(seg.name)) continue;
          const level = levelOf(text);
          if (level !== null) out.push({ level, evidence: rawSlice(line, part.from + seg.from, part.from + seg.to).trim() });
        }
        return;
      }
    }
    if (NATIVE_RE.test(chunk)) return;
    // Without the section, only the words right around the language name may carry its level.
    const nameAt = firstName.index ?? 0;
    const scope = inLangSection ? chunk : chunk.slice(Math.max(0, nameAt - 25), nameAt + firstName[0].length + NEAR_CHARS);
    let level = levelOf(scope);
    let evidence = rawSlice(line, part.from, part.to).trim();
    // LinkedIn wraps the level inside its parentheses: "Spanish (Professional" / "Working)".
    if (
      level === null &&
      k === parts.length - 1 &&
      next !== undefined &&
      inLangSection &&
      /\([^)]*$/.test(chunk) &&
      /^[^(]*\)/.test(next.norm)
    ) {
      const joined = `${scope} ${next.norm.slice(0, next.norm.indexOf(')') + 1)}`;
      const joinedLevel = NATIVE_RE.test(joined) ? null : levelOf(joined);
      if (NATIVE_RE.test(joined)) return;
      if (joinedLevel !== null) {
        level = joinedLevel;
        evidence = fullText.slice(line.start + rawIndex(line, part.from), next.start + next.raw.length).trim();
      }
    }
    // LinkedIn and some hh exports put the level on the next line: "English" / "Full professional proficiency".
    if (level === null && k === parts.length - 1 && next !== undefined && inLangSection) {
      if (!LANGUAGE_ANY_RE.test(next.norm) && !NATIVE_RE.test(next.norm)) {
        const nextLevel = levelOf(next.norm);
        if (nextLevel !== null) {
          level = nextLevel;
          evidence = fullText.slice(line.start + rawIndex(line, part.from), next.start + next.raw.length).trim();
        }
      }
    }
    if (level === null && !inLangSection && !LANGUAGE_TALK_RE.test(line.norm)) return;
    out.push({ level, evidence: evidence === '' ? line.raw.trim() : evidence });
  });
  return out;
}

// "Russian — native", «Родной язык: русский»: another native language makes English a foreign one.
const OTHER_NATIVE_RE = new RegExp(
  `(?:${LANGUAGE_NAMES.join('|')})[^,;|]{0,25}(?:native|mother tongue|родной)|(?:native|родной)[^,;|]{0,20}(?:${LANGUAGE_NAMES.join('|')})`,
);

function englishIsForeign(doc: Doc): boolean {
  for (const line of doc.lines) {
    if (!NATIVE_RE.test(line.norm)) continue;
    const m = OTHER_NATIVE_RE.exec(line.norm);
    if (m === null) continue;
    // The native one is some language other than English.
    LANGUAGE_RE.lastIndex = 0;
    const native = [...m[0].matchAll(LANGUAGE_RE)].map((x) => x[0]);
    if (native.some((n) => !ENGLISH_RE.test(n))) return true;
  }
  return false;
}

export function ruleForeignLanguage(doc: Doc, a?: ExperienceAnalysis): ItemResult {
  const all: Finding[] = [];
  const englishForeign = doc.lang === 'en' && englishIsForeign(doc);
  for (const line of doc.lines) {
    const kind = sectionOf(doc, line.index);
    if (kind === 'desired') continue;
    if (!LANGUAGE_ANY_RE.test(line.norm)) continue;
    all.push(...findingsInLine(doc.text, line, doc.lines[line.index + 1], kind === 'languages', doc.lang, englishForeign));
  }
  const high = all.find((f) => f.level === 'high');
  if (high !== undefined) return { status: 'met', evidence: high.evidence, detail: 'level>=B1' };
  const low = all.find((f) => f.level === 'low');
  if (low !== undefined) {
    return {
      status: 'not_met',
      evidence: low.evidence,
      detail: 'level<B1',
      reason: { ru: 'иностранный язык ниже уровня B1', en: 'foreign language below B1' },
    };
  }
  const unspecified = all[0];
  if (unspecified !== undefined) return { status: 'unknown', evidence: unspecified.evidence, detail: 'level_unspecified' };
  if (a?.readable) {
    return {
      status: 'not_met',
      evidence: null,
      detail: 'absent',
      reason: { ru: 'иностранный язык не указан', en: 'no foreign language stated' },
    };
  }
  return { status: 'unknown', evidence: null, reason: NO_DATED_CAREER };
}
