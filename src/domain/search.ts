/**
 * Full-text search text and queries, so a search finds the forms a word takes in Russian and English:
 * «переговорами» finds «переговоры», «Кузнецову» finds «Кузнецова», "negotiations" finds "negotiating".
 *
 * A typed word is reduced to its Snowball stem (@orama/stemmers: Russian for Cyrillic words, English
 * for Latin ones) and searched as a prefix: «переговорами» → "переговор"* finds «переговоры»,
 * «Магнита» → "магнит"* finds «Магнит». Snowball mostly cuts endings, so a word's stem begins the word
 * and the written text finds it; the few stems that do not ("dairy" → "dairi") are kept in the row's
 * stems column. Stems under four letters («опыт» → «оп») would match far too much: such words are
 * searched as typed, which prefix search already extends to their forms. ё = е; FTS5's unicode61
 * tokenizer folds case on both sides.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';

/** ё and е are one letter for search; FTS5 does not fold them itself. */
export function searchable(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

const CYRILLIC_ONLY = /^[а-я]+$/;
const LATIN_ONLY = /^[a-z]+$/;
const WORD = /[\p{L}\p{N}]+/gu;

// Resumes repeat a small vocabulary; stemming each distinct word once keeps indexing fast. The cache is
// dropped when it grows past this many words, so a flood of distinct tokens cannot grow memory.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** The stem of one lower-cased, ё-folded word; the word itself when it is not all Cyrillic or all Latin. */
export function stemWord(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let stem = word;
  if (CYRILLIC_ONLY.test(word)) stem = stemRussian(word);
  else if (LATIN_ONLY.test(word)) stem = stemEnglish(word);
  // A one-letter stem would match too much; such words are found by prefix anyway.
  if (stem.length < 2) stem = word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

// Below this length a stem searched as a prefix matches too many words, and costs as much to read.
const MIN_STEM_PREFIX = 4;

/**
 * The stems a text adds to its search row: each distinct stem that does not begin its own word,
 * space-separated. A stem that begins its word is found in the written text by a prefix query.
 */
export function searchStems(text: string): string {
  const stems = new Set<string>();
  for (const m of searchable(text.toLowerCase()).matchAll(WORD)) {
    const word = m[0];
    const stem = stemWord(word);
    if (!word.startsWith(stem)) stems.add(stem);
  }
  return [...stems].join(' ');
}

/**
 * Turns what a person types into a safe FTS5 query: every word quoted (so no FTS syntax can be
 * injected), all words required, each matched as a prefix by its stem (or as typed, for short stems).
 * Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = searchable(input.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  if (words.length === 0) return null;
  return (
    words
      .map((w) => {
        const stem = stemWord(w);
        if (stem === w || stem.length < MIN_STEM_PREFIX) return `"${w}"*`;
        // A stem that does not begin the typed word ("dairi" for "dairy") is matched in the stems column too.
        return w.startsWith(stem) ? `"${stem}"*` : `("${w}"* OR "${stem}"*)`;
      })
      // FTS5 takes implicit AND between phrases only, not next to a bracketed OR.
      .join(' AND ')
  );
}

/** The longest prefix the search index keeps a list for (migration 025: prefix = '2 3 4 5 6 7'). */
export const LONGEST_INDEXED_PREFIX = 7;
/** A long prefix is expanded into at most this many words; one that stands for more is searched as a prefix. */
export const MAX_PREFIX_WORDS = 64;

/** The token a candidate's search row holds for their vacancy (the `scope` column, migration 025). */
export const searchScope = (vacancyId: number) => `v${vacancyId}`;

/** An ftsQuery() result matched in the written columns only (never in `scope`). */
export const inWrittenColumns = (query: string) => `{full_name resume_text stems}: (${query})`;

/** An ftsQuery() result limited to one vacancy's candidates. */
export const inVacancy = (vacancyId: number, query: string) => `{scope}: ${searchScope(vacancyId)} AND ${inWrittenColumns(query)}`;

/**
 * Replaces each quoted prefix longer than the index's prefix lists ("переговор"*) by the words of the index that
 * begin with it, ("переговоров" OR "переговоры"): the same rows, but FTS5 reads such an OR lazily, while a prefix
 * with no list of its own makes it merge every such word's list before the first row (the whole company's hits,
 * twice a page). `wordsFor` returns the index's words beginning with a prefix, or null when there are more than
 * MAX_PREFIX_WORDS; a prefix with no word, or too many, stays as it is.
 */
export function expandLongPrefixes(query: string, wordsFor: (prefix: string) => string[] | null): string {
  return query.replace(/"([^"]+)"\*/g, (whole, prefix: string) => {
    if ([...prefix].length <= LONGEST_INDEXED_PREFIX) return whole;
    const words = wordsFor(prefix);
    if (words === null || words.length === 0) return whole;
    return `(${words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')})`;
  });
}
