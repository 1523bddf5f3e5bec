/**
 * Full-text search text and queries, so a search finds the forms a word takes in Russian and English:
 * «переговорами» finds «переговоры», «Кузнецову» finds «Кузнецова», "negotiations" finds "negotiating".
 *
 * The search row of a candidate holds the name and resume as written (ё folded to е) plus the Snowball
 * stems (@orama/stemmers, Russian for Cyrillic words, English for Latin ones) of the words whose stem
 * differs from the word. A typed word then matches either a written word it begins (prefix search as
 * before: «перегов», «Пятёрочк») or a word with the same stem (exact stem: «переговорами» → «переговор»).
 * FTS5's unicode61 tokenizer folds case on both sides.
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

/**
 * The stems a text adds to its search row: each distinct stem that differs from the word it came
 * from, space-separated. Words whose stem is the word itself are already searchable as written.
 */
export function searchStems(text: string): string {
  const stems = new Set<string>();
  for (const m of searchable(text.toLowerCase()).matchAll(WORD)) {
    const word = m[0];
    const stem = stemWord(word);
    if (stem !== word) stems.add(stem);
  }
  return [...stems].join(' ');
}

/**
 * Turns what a person types into a safe FTS5 query: every word quoted (so no FTS syntax can be
 * injected), all words required, each matched as a prefix of a written word or as its stem. Returns
 * null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = searchable(input.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const stem = stemWord(w);
      return stem === w ? `"${w}"*` : `("${w}"* OR "${stem}")`;
    })
    // FTS5 takes implicit AND between phrases only, not next to a bracketed OR.
    .join(' AND ');
}
