/**
 * Blind grading: masks what identifies a candidate in text a grader reads (their submission and
 * the text extracted from their files). Everything not masked is returned byte-identical.
 *
 * Masked:
 * - every e-mail address (a signature e-mail identifies someone even when it is not the
 *   candidate's own), and the candidate's e-mail verbatim even if it is oddly formed;
 * - the candidate's phone in any formatting (digits compared, 8… ≡ +7…), and any other
 *   phone-like number of 10–12 digits;
 * - profile links: linkedin.com/in|pub/…, t.me/…, telegram.me/…, vk.com/…, facebook.com/…,
 *   fb.com/…, instagram.com/…, github.com/…, hh.ru/resume/…;
 * - the candidate's name parts of 3+ letters, case-insensitively with ё = е, in Russian case
 *   forms, in Latin transliteration (for a Cyrillic name) or Cyrillic back-transliteration (for a
 *   Latin one), plus the candidate's initials written next to a masked name («Петрова А. С.»).
 *
 * - the everyday short forms of common Russian first names (Анна → Аня, Анюта; Александр → Саша) in
 *   their case forms and Latin spellings, and fleeting vowels (Павел → Павла, Лев → Льва).
 *
 * Known gaps (it is a safety net, not a guarantee): short forms outside the table below or that
 * are also ordinary words (Света, Слава, Тёма are left alone), names split across a line break or
 * hyphenated by a PDF, obfuscated e-mails ("anna at example dot ru"), bare @handles, and a phone
 * glued to other numbers by separators.
 */

export interface Identity {
  fullName: string;
  email?: string | null;
  phone?: string | null;
}

export type Span = [start: number, end: number];

export const DEFAULT_MASK = '█████';

/**
 * Where `text` identifies the candidate: sorted, non-overlapping [start, end) ranges. Spans are
 * collected on the original text and merged, so detectors never see each other's masks and an
 * e-mail that contains the surname becomes one range, not three.
 */
export function redactionSpans(text: string, who: Identity): Span[] {
  const spans = [
    ...profileUrlSpans(text),
    ...emailSpans(text, who.email ?? null),
    ...phoneSpans(text, who.phone ?? null),
    ...nameSpans(text, who.fullName),
  ];
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

export function redact(text: string, who: Identity, mask: string = DEFAULT_MASK): string {
  const spans = redactionSpans(text, who);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + mask;
    at = end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Profile links

const PROFILE_URL =
  /(?<![\p{L}\p{N}_.\-@/])(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:linkedin\.com\/(?:in|pub)\/|(?:t|telegram)\.me\/|vk\.com\/|(?:facebook|fb)\.com\/|instagram\.com\/|github\.com\/|hh\.ru\/resume\/)([^\s<>"'«»()[\]{}]+)/giu;
// Sentence punctuation right after a link is not part of it.
const TRAILING_PUNCTUATION = /[.,;:!?…]+$/u;

function profileUrlSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PROFILE_URL)) {
    const path = (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
    // "see vk.com/." names nobody.
    if (path === '') continue;
    spans.push([m.index, m.index + m[0].length - (m[1] ?? '').length + path.length]);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// E-mail

// The lookbehind makes the scan start only at the beginning of a run, keeping it linear on long
// runs of letters without an "@".
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function emailSpans(text: string, email: string | null): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) spans.push([m.index, m.index + m[0].length]);
  const own = email?.trim() ?? '';
  if (own !== '') {
    // A regex rather than indexOf on lowercased text: lowercasing may change string length.
    for (const m of text.matchAll(new RegExp(escapeRegExp(own), 'giu'))) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Phones

// A digit run with the separators phone numbers are written with: "+7 (916) 555-12-34",
// "8-916-555-12-34", "916.555.12.34". It always ends on a digit.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+])(?:\+[ \u00a0]?)?(?:\([ \u00a0]?)?\d(?:[ \t\u00a0\u2009\u202f.\-\u2010-\u2013()]{0,3}\d)*/gu;
const DATE_PREFIX = /^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})(?!\d)/;
const THOUSANDS_SEPARATORS = new Set([' ', '\u00a0', '\u2009', '\u202f', '.']);

/** Russian numbers: 8 and +7 are the same prefix, so compare the 10-digit national part. */
function nationalDigits(digits: string): string {
  return digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')) ? digits.slice(1) : digits;
}

function looksLikePhone(token: string, digits: string): boolean {
  if (digits.length < 10 || digits.length > 12) return false;
  if (token.startsWith('+')) return true;
  const groups = token.match(/\d+/g) ?? [];
  // Bare digit runs are mostly INNs, account and order numbers; only the 8/7XXXXXXXXXX shape is a phone.
  if (groups.length === 1) return digits.length === 11 && /^[78]/.test(digits);
  // "15.01.2024 12:30" reads as 10 separated digits.
  if (DATE_PREFIX.test(token)) return false;
  if (token.includes('(')) return true;
  const separators = token.split(/\d+/).slice(1, -1);
  const [head, ...rest] = groups;
  // "1 500 000 000" — money, not a phone.
  const thousands =
    head !== undefined &&
    head.length <= 3 &&
    rest.every((g) => g.length === 3) &&
    separators.every((s) => s === separators[0] && THOUSANDS_SEPARATORS.has(s));
  if (thousands) return false;
  // "2019 2020 2021": years.
  if (groups.every((g) => g.length === 4)) return false;
  return true;
}

function phoneSpans(text: string, phone: string | null): Span[] {
  const ownDigits = (phone ?? '').replace(/\D/g, '');
  // Fewer digits than a local number would match prices and codes by coincidence.
  const own = ownDigits.length >= 7 ? nationalDigits(ownDigits) : null;
  const spans: Span[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const token = m[0];
    const digits = token.replace(/\D/g, '');
    const isOwn = own !== null && (nationalDigits(digits) === own || (own.length >= 10 && digits.includes(own)));
    if (isOwn || looksLikePhone(token, digits)) spans.push([m.index, m.index + token.length]);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Names

interface NamePattern {
  stem: string;
  endings: ReadonlySet<string>;
}

/** A Cyrillic pattern plus what its Latin spellings are derived from. */
interface CyrillicPattern extends NamePattern {
  /** The final letter cut off to make the stem, if any. */
  cut: string;
  adjective: boolean;
}

// Case endings of Russian first names, surnames (-ов/-ин, -ова/-ина) and patronymics, singular and
// plural. Matching "stem + one of these" instead of "stem + any 3 letters" keeps ordinary words
// that merely start like a name unmasked: Вера → версия, Максим → максимум, Инна → ИНН.
const NOUN_ENDINGS = [
  '',
  'а',
  'я',
  'о',
  'е',
  'и',
  'ы',
  'у',
  'ю',
  'ь',
  'ой',
  'ей',
  'ою',
  'ею',
  'ом',
  'ем',
  'ым',
  'им',
  'ью',
  'ых',
  'их',
  'ам',
  'ям',
  'ах',
  'ях',
  'ами',
  'ями',
  'ыми',
];
// Adjectival surnames: Достоевский, Толстой, Толстая, Белый.
const ADJECTIVE_ENDINGS = [
  'ий',
  'ый',
  'ой',
  'ая',
  'яя',
  'ое',
  'ее',
  'ого',
  'его',
  'ому',
  'ему',
  'им',
  'ым',
  'ом',
  'ем',
  'ую',
  'юю',
  'ие',
  'ые',
  'их',
  'ых',
  'ими',
  'ыми',
  'ей',
];
// Endings of a two-letter stem (Яна → Яны, Ира → Ирой): only the vowel endings, which rarely
// make another word from two letters.
const SHORT_STEM_ENDINGS = ['а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею'];
// A truncated stem standing alone is a word only when it is long enough to be a surname's
// masculine form (Петрова → Петров); "инн", "анн" are not names.
const MIN_BARE_STEM = 5;

const CYRILLIC_ENDS_IN_VOWEL = /[аеиоуыэюяйь]$/u;
const LATIN_ENDS_IN_VOWEL = /[aeiouy]$/u;
const ADJECTIVAL = /(?:ий|ый|ой|ая|яя)$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ASCII_WORD = /^[a-z]+$/u;

const CYR_TO_LAT: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  д: ['d'],
  е: ['e'],
  ё: ['e', 'yo'],
  ж: ['zh'],
  з: ['z'],
  и: ['i'],
  й: ['y', 'i', 'j'],
  к: ['k'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ф: ['f'],
  х: ['kh', 'h'],
  ц: ['ts', 'c'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['shch', 'sch'],
  ъ: ['', 'ie'],
  ы: ['y', 'i'],
  ь: [''],
  э: ['e'],
  ю: ['yu', 'iu', 'ju'],
  я: ['ya', 'ia', 'ja'],
  і: ['i'],
  ї: ['yi', 'i'],
  є: ['ye', 'ie'],
  ґ: ['g'],
  ў: ['u'],
};
// Spellings that are not letter-by-letter: Alexander, Dmitry, Yulia.
const CYR_DIGRAPHS: Readonly<Record<string, readonly string[]>> = {
  кс: ['ks', 'x'],
  ий: ['iy', 'ii', 'ij', 'y', 'i'],
  ия: ['iya', 'ia', 'iia', 'ija'],
};
const LAT_TO_CYR: Readonly<Record<string, readonly string[]>> = {
  shch: ['щ'],
  sch: ['щ'],
  zh: ['ж'],
  kh: ['х'],
  ts: ['ц'],
  tz: ['ц'],
  ch: ['ч'],
  sh: ['ш'],
  yu: ['ю'],
  ju: ['ю'],
  iu: ['ю'],
  ya: ['я'],
  ja: ['я'],
  ia: ['я'],
  yo: ['е'],
  ye: ['е'],
  iy: ['ий'],
  a: ['а'],
  b: ['б'],
  c: ['ц', 'к'],
  d: ['д'],
  e: ['е', 'э'],
  f: ['ф'],
  g: ['г'],
  h: ['х'],
  i: ['и', 'й'],
  j: ['й', 'дж'],
  k: ['к'],
  l: ['л'],
  m: ['м'],
  n: ['н'],
  o: ['о'],
  p: ['п'],
  q: ['к'],
  r: ['р'],
  s: ['с'],
  t: ['т'],
  u: ['у'],
  v: ['в'],
  w: ['в'],
  x: ['кс'],
  y: ['ы', 'й', 'и'],
  z: ['з'],
};
const MAX_LAT_KEY = 4;
// Each ambiguous letter doubles the spellings; real names have few, and the cap bounds the rest.
const MAX_VARIANTS = 32;

function normalizeWord(word: string): string {
  return word
    .replace(/\u00ad/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е');
}

function cyrillicToLatin(word: string, atWordStart: boolean): string[] {
  const out = new Set<string>();
  const walk = (i: number, acc: string): void => {
    if (out.size >= MAX_VARIANTS) return;
    if (i >= word.length) {
      out.add(acc);
      return;
    }
    const digraph = CYR_DIGRAPHS[word.slice(i, i + 2)];
    if (digraph !== undefined) {
      for (const option of digraph) walk(i + 2, acc + option);
      return;
    }
    const ch = word[i] ?? '';
    // Елена → Elena / Yelena, Евгений → Evgeny / Yevgeny.
    const options = atWordStart && i === 0 && ch === 'е' ? ['e', 'ye'] : (CYR_TO_LAT[ch] ?? [ch]);
    for (const option of options) walk(i + 1, acc + option);
  };
  walk(0, '');
  return [...out];
}

function latinToCyrillic(word: string): string[] {
  const out = new Set<string>();
  const walk = (i: number, acc: string): void => {
    if (out.size >= MAX_VARIANTS) return;
    if (i >= word.length) {
      out.add(acc);
      return;
    }
    for (let len = Math.min(MAX_LAT_KEY, word.length - i); len >= 1; len--) {
      const options = LAT_TO_CYR[word.slice(i, i + len)];
      if (options === undefined) continue;
      for (const option of options) walk(i + len, acc + option);
    }
  };
  walk(0, '');
  return [...out];
}

function cyrillicPatterns(word: string): CyrillicPattern[] {
  const patterns: CyrillicPattern[] = [];
  const last = word.slice(-1);
  // Three-letter names are cut too (Яна → ян-), which the brief's "from 4 letters" rule avoided for
  // fear of short stems; the short-stem ending list is what keeps "ян-" from matching other words.
  if (word.length >= 3 && CYRILLIC_ENDS_IN_VOWEL.test(word)) {
    const stem = word.slice(0, -1);
    const base = stem.length >= 3 ? NOUN_ENDINGS : SHORT_STEM_ENDINGS;
    const endings = new Set(base.filter((e) => e !== '' || stem.length >= MIN_BARE_STEM));
    endings.add(last);
    patterns.push({ stem, endings, cut: last, adjective: false });
  } else {
    patterns.push({ stem: word, endings: new Set(NOUN_ENDINGS), cut: '', adjective: false });
  }
  if (word.length >= 5 && ADJECTIVAL.test(word)) {
    patterns.push({ stem: word.slice(0, -2), endings: new Set(ADJECTIVE_ENDINGS), cut: word.slice(-2), adjective: true });
  }
  return patterns;
}

// Fleeting vowels: Павел → Павла, Орёл → Орла, Лев → Льва. The stems left (павл-, петрв-) are not
// Russian words, so a wrong guess costs nothing.
const FLEETING = /^(.*?)([лнрцвк]?)[ео]([лнркцв])$/u;

function fleetingPatterns(word: string): CyrillicPattern[] {
  const m = FLEETING.exec(word);
  if (m === null || word.length < 3) return [];
  const [, head = '', before = '', last = ''] = m;
  const endings = new Set(NOUN_ENDINGS.filter((e) => e !== '' && e !== 'ь'));
  const stems = [head + before + last];
  if (before === 'л') stems.push(`${head}ль${last}`);
  return stems.filter((stem) => stem.length >= 3).map((stem) => ({ stem, endings, cut: '', adjective: false }));
}

// Everyday short forms of common first names, in use in cover letters and signatures. Short forms
// that are also ordinary words are left out (Света — «света», Слава — «слава», Тёма — «тема»,
// Мила, Макс, Влад), as they would mask words of the text.
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  александр: ['саша', 'саня', 'шура'],
  александра: ['саша', 'шура'],
  алексей: ['леша', 'алеша'],
  анастасия: ['настя'],
  анна: ['аня', 'анечка', 'анюта', 'нюра'],
  андрей: ['андрюша'],
  антон: ['антоша'],
  борис: ['боря'],
  валентина: ['валя'],
  валентин: ['валя'],
  валерий: ['валера'],
  василий: ['вася'],
  виктор: ['витя'],
  виктория: ['вика'],
  владимир: ['володя', 'вова'],
  галина: ['галя'],
  георгий: ['гоша', 'жора'],
  дарья: ['даша'],
  дмитрий: ['дима', 'митя'],
  евгений: ['женя'],
  евгения: ['женя'],
  екатерина: ['катя'],
  елена: ['лена'],
  елизавета: ['лиза'],
  иван: ['ваня'],
  ирина: ['ира'],
  ксения: ['ксюша'],
  константин: ['костя'],
  людмила: ['люда'],
  мария: ['маша'],
  михаил: ['миша'],
  надежда: ['надя'],
  наталья: ['наташа'],
  наталия: ['наташа'],
  николай: ['коля'],
  ольга: ['оля'],
  павел: ['паша'],
  петр: ['петя'],
  сергей: ['сережа'],
  станислав: ['стас'],
  степан: ['степа'],
  татьяна: ['таня'],
  юлия: ['юля'],
  юрий: ['юра'],
};
// Short forms are feminine-type nouns (Саша, Аня): only their own endings, not the full noun list.
const SHORT_FORM_ENDINGS = new Set(['а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею']);

// A Russian name typed in Latin: its transliterations, and the English forms people also use.
const LATIN_FULL_NAMES: ReadonlyMap<string, string> = new Map([
  ...Object.keys(SHORT_FORMS).flatMap((name) => cyrillicToLatin(name, true).map((latin) => [latin, name] as const)),
  ...([
    ['alexander', 'александр'],
    ['alexandra', 'александра'],
    ['alexey', 'алексей'],
    ['alexei', 'алексей'],
    ['anastasia', 'анастасия'],
    ['ann', 'анна'],
    ['andrew', 'андрей'],
    ['anthony', 'антон'],
    ['boris', 'борис'],
    ['victor', 'виктор'],
    ['victoria', 'виктория'],
    ['vladimir', 'владимир'],
    ['george', 'георгий'],
    ['daria', 'дарья'],
    ['darya', 'дарья'],
    ['dmitri', 'дмитрий'],
    ['eugene', 'евгений'],
    ['eugenia', 'евгения'],
    ['catherine', 'екатерина'],
    ['katerina', 'екатерина'],
    ['helen', 'елена'],
    ['elena', 'елена'],
    ['elizabeth', 'елизавета'],
    ['ivan', 'иван'],
    ['irina', 'ирина'],
    ['xenia', 'ксения'],
    ['ksenia', 'ксения'],
    ['konstantin', 'константин'],
    ['maria', 'мария'],
    ['mary', 'мария'],
    ['michael', 'михаил'],
    ['mikhail', 'михаил'],
    ['nadezhda', 'надежда'],
    ['natalia', 'наталия'],
    ['natalya', 'наталья'],
    ['nicholas', 'николай'],
    ['nikolai', 'николай'],
    ['olga', 'ольга'],
    ['paul', 'павел'],
    ['pavel', 'павел'],
    ['peter', 'петр'],
    ['pyotr', 'петр'],
    ['petr', 'петр'],
    ['sergei', 'сергей'],
    ['sergey', 'сергей'],
    ['stanislav', 'станислав'],
    ['stepan', 'степан'],
    ['tatiana', 'татьяна'],
    ['tatyana', 'татьяна'],
    ['julia', 'юлия'],
    ['yulia', 'юлия'],
    ['yuri', 'юрий'],
    ['yury', 'юрий'],
  ] as const),
]);

function shortFormPatterns(word: string): NamePattern[] {
  const full = CYRILLIC.test(word) ? word : LATIN_FULL_NAMES.get(word);
  const patterns: NamePattern[] = [];
  for (const short of full === undefined ? [] : (SHORT_FORMS[full] ?? [])) {
    patterns.push({ stem: short.slice(0, -1), endings: SHORT_FORM_ENDINGS });
    for (const latin of cyrillicToLatin(short, true)) patterns.push({ stem: latin, endings: new Set(['', 's']) });
  }
  return patterns;
}

// Nominative forms of adjectival surnames, for the other gender's Latin spelling (Dostoevskaya).
const ADJECTIVE_NOMINATIVES = ['ий', 'ый', 'ой', 'ая', 'яя'];

/**
 * Latin spellings of a Cyrillic name part. Names are not declined in Latin-script text, so only
 * the name itself, a plural/possessive "s" and the other gender of a surname (Petrov ↔ Petrova,
 * Dostoevsky ↔ Dostoevskaya) are matched; Russian case endings in Latin would turn short stems
 * into English words (Вера → very, Лина → line).
 */
function transliteratedPatterns(word: string, cyrillic: readonly CyrillicPattern[]): NamePattern[] {
  const patterns: NamePattern[] = [];
  for (const full of cyrillicToLatin(word, true)) patterns.push({ stem: full, endings: new Set(['', 's']) });
  for (const { stem, cut, adjective } of cyrillic) {
    if (stem.length < 3) continue;
    const endings = new Set<string>();
    const add = (cyrillicEnding: string): void => {
      for (const latin of cyrillicToLatin(cyrillicEnding, false)) endings.add(latin);
    };
    if (adjective) {
      for (const e of ADJECTIVE_NOMINATIVES) add(e);
    } else {
      if (cut !== '') add(cut);
      // Long enough to be a surname stem: the masculine form alone and the feminine one in -a.
      if (stem.length >= MIN_BARE_STEM) {
        endings.add('');
        endings.add('a');
      }
    }
    for (const e of [...endings]) endings.add(`${e}s`);
    for (const latinStem of cyrillicToLatin(stem, true)) patterns.push({ stem: latinStem, endings });
  }
  return patterns;
}

/**
 * A name typed in Latin, matched in Latin text: itself, with "s", and the other gender of a
 * Russian-style surname (petrova ↔ petrov).
 */
function latinPatterns(word: string): NamePattern[] {
  const patterns: NamePattern[] = [{ stem: word, endings: new Set(['', 's']) }];
  if (word.length >= 6 && word.endsWith('a')) patterns.push({ stem: word.slice(0, -1), endings: new Set(['', 's']) });
  if (word.length >= 5 && !LATIN_ENDS_IN_VOWEL.test(word)) patterns.push({ stem: word, endings: new Set(['a']) });
  return patterns;
}

function namePatterns(part: string): NamePattern[] {
  const word = normalizeWord(part);
  if (CYRILLIC.test(word)) {
    // Transliterated from the spelling with ё, which has its own Latin forms (Сёмин → Syomin).
    const withYo = part.normalize('NFC').toLowerCase();
    return [
      ...cyrillicPatterns(word),
      ...fleetingPatterns(word),
      ...transliteratedPatterns(withYo, cyrillicPatterns(withYo)),
      ...shortFormPatterns(word),
    ];
  }
  const patterns = latinPatterns(word);
  // A Russian name typed in Latin (Anna Petrova) is still written in Cyrillic in a Russian text.
  if (ASCII_WORD.test(word)) {
    for (const variant of latinToCyrillic(word)) patterns.push(...cyrillicPatterns(variant));
    patterns.push(...shortFormPatterns(word));
  }
  return patterns;
}

class NameMatcher {
  // Keyed by the first two letters so each word of the text is checked against few stems.
  private readonly byPrefix = new Map<string, NamePattern[]>();

  constructor(patterns: readonly NamePattern[]) {
    for (const p of patterns) {
      const key = p.stem.slice(0, 2);
      const list = this.byPrefix.get(key) ?? [];
      list.push(p);
      this.byPrefix.set(key, list);
    }
  }

  get empty(): boolean {
    return this.byPrefix.size === 0;
  }

  matches(word: string): boolean {
    const w = normalizeWord(word);
    for (const { stem, endings } of this.byPrefix.get(w.slice(0, 2)) ?? []) {
      if (w.startsWith(stem) && endings.has(w.slice(stem.length))) return true;
    }
    return false;
  }
}

const WORD = /[\p{L}\p{M}\u00ad]+/gu;
const NAME_PART = /[\p{L}\p{M}]+/gu;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;
const LETTER_COUNT = /\p{L}/gu;
// «Петрова А. С.» / «А.С. Петрова»: up to two initials, each a capital and a period.
const INITIALS_AFTER = /^[ \u00a0]?(\p{Lu})\.(?:[ \u00a0]?(\p{Lu})\.)?/u;
const INITIALS_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu})\.[ \u00a0]?(?:(\p{Lu})\.[ \u00a0]?)?$/u;

function initialsOf(parts: readonly string[]): Set<string> {
  const initials = new Set<string>();
  for (const part of parts) {
    const first = part.normalize('NFC').charAt(0).toUpperCase();
    if (first === '') continue;
    initials.add(first === 'Ё' ? 'Е' : first);
    const lower = first.toLowerCase();
    const variants = CYRILLIC.test(lower) ? cyrillicToLatin(lower, true) : ASCII_WORD.test(lower) ? latinToCyrillic(lower) : [];
    for (const v of variants) if (v !== '') initials.add(v.charAt(0).toUpperCase());
  }
  return initials;
}

function withInitials(text: string, span: Span, initials: ReadonlySet<string>): Span {
  let [start, end] = span;
  const known = (letter: string | undefined): boolean => letter === undefined || initials.has(letter === 'Ё' ? 'Е' : letter);
  const after = INITIALS_AFTER.exec(text.slice(end, end + 8));
  if (after !== null && known(after[1]) && known(after[2])) end += after[0].length;
  const before = INITIALS_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  if (before !== null && known(before[1]) && known(before[2])) start -= before[0].length;
  return [start, end];
}

function nameSpans(text: string, fullName: string): Span[] {
  const allParts = fullName.normalize('NFC').match(NAME_PART) ?? [];
  const parts = allParts.filter((p) => (p.match(LETTER_COUNT)?.length ?? 0) >= 3);
  const matcher = new NameMatcher(parts.flatMap(namePatterns));
  if (matcher.empty) return [];
  const initials = initialsOf(allParts);

  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (matcher.matches(word)) {
      spans.push(withInitials(text, [m.index, m.index + word.length], initials));
      continue;
    }
    // Handles and file names glue the parts: AnnaPetrova, ПетроваАнна.
    let offset = 0;
    for (const piece of word.split(CAMEL_BOUNDARY)) {
      if (piece !== word && matcher.matches(piece)) spans.push([m.index + offset, m.index + offset + piece.length]);
      offset += piece.length;
    }
  }
  return spans;
}
