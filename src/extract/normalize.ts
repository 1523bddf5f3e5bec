/**
 * One text shape for every source format, so screening rules (which work line by line) do not care
 * whether a resume came from Word, a PDF printer or Notepad.
 */

const LINE_BREAKS = /\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g;
// NBSP, thin/figure/narrow spaces and friends: PDF and HTML exports use them between words and digits.
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks; plus control
// characters that are never content (tab and newline are handled separately).
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const LIGATURES = /[\ufb00-\ufb06]/g;
const LIGATURE_TEXT: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
// Word's non-breaking hyphen is a plain hyphen to a reader, like NBSP is a space.
const NB_HYPHEN = /\u2011/g;
const HORIZONTAL_RUN = /[ \t]+/g;
const EDGE_SPACE = /^ | $/gm;
const BLANK_RUNS = /\n{3,}/g;

export function normalizeText(text: string): string {
  return (
    text
      .replace(LINE_BREAKS, '\n')
      .replace(SPACES, ' ')
      .replace(INVISIBLE, '')
      .replace(LIGATURES, (c) => LIGATURE_TEXT[c] ?? c)
      .replace(NB_HYPHEN, '-')
      // Decomposed letters (й, ё as base + combining mark) come from macOS and some PDF producers;
      // composed form keeps keyword matching simple downstream.
      .normalize('NFC')
      .replace(HORIZONTAL_RUN, ' ')
      .replace(EDGE_SPACE, '')
      // At most one blank line: layout gaps carry no meaning, a single blank still separates blocks.
      .replace(BLANK_RUNS, '\n\n')
      .trim()
  );
}
