/** Russian → Latin letters as Russian passports and e-mail addresses usually write them (х → kh, щ → shch). */
export const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** A Russian word or name in Latin letters, lower-cased ("Кузнецова" → "kuznetsova"); other characters are kept. */
export function toLatin(s: string): string {
  return [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
}
