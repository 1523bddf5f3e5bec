/**
 * RTF → plain text. hh.ru, MS Word and LibreOffice export resumes as RTF: Cyrillic as \'xx bytes in
 * the \ansicpg / \fcharset code page or as \uN escapes followed by a fallback that must be skipped
 * (\ucN), and the job period and title in table cells.
 *
 * rtf-stream-parser tokenizes and interprets the document (groups, \uc skipping, code pages, font
 * charsets, ignorable destinations); the additions here are what a resume needs from its text: table
 * cells and rows as line breaks, and non-text destinations (document info, pictures, embedded
 * objects, field instructions) left out.
 */
import { Tokenize } from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
import type { FeatureHandler } from 'rtf-stream-parser/dist/src/features/types.js';
import type { ProcessTokensGlobalState } from 'rtf-stream-parser/dist/src/ProcessTokens.types.js';
import { decodeWindows1252 } from './detect.js';
import { ExtractError } from './errors.js';

/** A guard for callers that allow files beyond the 10 MB upload limit (text is never longer than its RTF). */
export const MAX_RTF_TEXT_CHARS = 10_000_000;
/**
 * The parser reads about 1–2 MB of text-heavy RTF a second (pictures, the bulk of real files, go
 * faster); a resume's text is a few hundred KB at most. The request waits for this, so a file made to
 * keep the parser busy is stopped here rather than at the 10 MB upload limit.
 */
export const RTF_TIME_BUDGET_MS = 3_000;
// Fed to the tokenizer in slices so the time budget is checked while it works.
const SLICE_BYTES = 64 * 1024;

// Destinations whose content is not text a reader sees. Starred (\*) ones are skipped by the library.
const NON_TEXT_DESTINATIONS = [
  'info',
  'pict',
  'object',
  'objdata',
  'objclass',
  'nonshppict',
  'fldinst',
  'datafield',
  'xe',
  'tc',
  'txe',
  'rxe',
  'bkmkstart',
  'bkmkend',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'revtbl',
  'filetbl',
  'pgdsctbl',
  'sp',
  'sn',
  'sv',
] as const;

const breakLine = (g: ProcessTokensGlobalState): void => g._pushOutput('\n');

/**
 * Word nests groups a dozen levels deep, tables inside tables a few more. The parser keeps group
 * state as a prototype chain, so a file of nothing but "{" would make every lookup walk it.
 */
export const MAX_RTF_GROUP_DEPTH = 256;

const resumeText: FeatureHandler<ProcessTokensGlobalState> = {
  tokenHandlers: {
    // TokenType.GROUP_START (a const enum the library does not export at run time).
    0: (g) => {
      if (g._state.groupDepth > MAX_RTF_GROUP_DEPTH)
        throw new ExtractError('corrupt', `RTF groups nest deeper than ${MAX_RTF_GROUP_DEPTH}`);
      return undefined;
    },
  },
  controlHandlers: {
    // A cell's text is a line of its own, so "Март 2019 — настоящее время" never runs into the title.
    // The row ends with its last cell's break, as a DOCX table does (no blank line between rows).
    cell: breakLine,
    nestcell: breakLine,
    page: breakLine,
    sect: breakLine,
    column: breakLine,
  },
  outputDataFilter: (g) => {
    const dests = g._state.allDestinations;
    if (!dests) return undefined;
    for (const d of NON_TEXT_DESTINATIONS) if (dests[d]) return true;
    return undefined;
  },
};

class ResumePlainText extends ToPlainText {
  constructor(options: ConstructorParameters<typeof ToPlainText>[0]) {
    super(options);
    this._featureHandlers.push(resumeText);
  }
}

// Code page numbers as RTF gives them → WHATWG encoding labels Node's TextDecoder knows.
const CODEPAGE_LABELS: Readonly<Record<string, string>> = {
  cp437: 'ibm866', // no 437 decoder; box-drawing aside, its letters match 866's Latin half
  cp708: 'iso-8859-6',
  cp866: 'ibm866',
  cp874: 'windows-874',
  cp932: 'shift_jis',
  cp936: 'gbk',
  cp949: 'euc-kr',
  cp950: 'big5',
  cp10000: 'macintosh',
  cp10007: 'x-mac-cyrillic',
  cp20866: 'koi8-r',
  cp21866: 'koi8-u',
  cp28591: 'iso-8859-1',
  cp28595: 'iso-8859-5',
  cp65001: 'utf-8',
};

/** Bytes of a \'xx run or literal text in the document's code page. */
export function decodeCodepage(buf: Buffer, enc: string): string {
  const name = enc.toLowerCase();
  if (name === 'cp1252' || name === 'cp0') return decodeWindows1252(buf);
  const windows = /^cp(125\d)$/.exec(name);
  const label = windows ? `windows-${windows[1]}` : CODEPAGE_LABELS[name];
  if (label === undefined) return decodeWindows1252(buf);
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    return decodeWindows1252(buf);
  }
}

// A control word with its optional parameter, then line ends.
const LINE_ENDS = /(\\[a-zA-Z]{1,32}(?:-?\d{1,10})?)?[\r\n]+/g;
const BIN = /\\bin(-?\d+)/g;

/**
 * Line ends in RTF source are not text, but the tokenizer grows a text token by copying it at every
 * one, so Word's pictures (hex wrapped every 128 characters) would take quadratic time. They are
 * taken out beforehand; one that ends a control word becomes the space that ends it just as well.
 * \bin data is binary and may hold those bytes: such files are left as they are, and a \bin longer
 * than the file (which would make the tokenizer allocate that much) is refused.
 */
function withoutLineEnds(bytes: Buffer): Buffer {
  const source = bytes.toString('latin1');
  let hasBin = false;
  for (const m of source.matchAll(BIN)) {
    hasBin = true;
    if (Number(m[1]) > bytes.length) throw new ExtractError('corrupt', `RTF \\bin claims ${m[1]} bytes in a ${bytes.length}-byte file`);
  }
  if (hasBin) return bytes;
  return Buffer.from(
    source.replace(LINE_ENDS, (_whole, word: string | undefined) => (word === undefined ? '' : `${word} `)),
    'latin1',
  );
}

function rtfError(err: unknown): ExtractError {
  if (err instanceof ExtractError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new ExtractError('corrupt', `RTF cannot be read: ${reason}`, { cause: err });
}

/**
 * Plain text of an RTF document: paragraphs, line breaks, table cells and rows each end a line.
 * Throws ExtractError: 'corrupt' when the bytes are not RTF the parser can follow (or nest groups
 * absurdly deep), 'too_complex' when it takes longer than the time budget, 'too_large' when the text
 * is longer than maxChars.
 */
export function extractRtf(buf: Uint8Array, opts?: { timeBudgetMs?: number; maxChars?: number }): string {
  const budget = opts?.timeBudgetMs ?? RTF_TIME_BUDGET_MS;
  const maxChars = opts?.maxChars ?? MAX_RTF_TEXT_CHARS;
  const started = performance.now();
  const chunks: string[] = [];
  let chars = 0;
  const fail = (err: unknown): void => {
    if (err !== undefined && err !== null) throw err;
  };
  try {
    const tokenizer = new Tokenize();
    const reader = new ResumePlainText({ decode: decodeCodepage, warn: () => undefined, allowCp0: true });
    tokenizer.push = (token: unknown): boolean => {
      reader._transform(token as Parameters<typeof reader._transform>[0], undefined, fail);
      return true;
    };
    reader.push = (piece: unknown): boolean => {
      if (typeof piece === 'string') {
        chars += piece.length;
        if (chars > maxChars) throw new ExtractError('too_large', `RTF text is longer than ${maxChars} characters`);
        chunks.push(piece);
      }
      return true;
    };
    // detect.ts accepts a BOM or blank lines before "{\\rtf"; the parser wants "{" first.
    const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const bytes = withoutLineEnds(view.subarray(Math.max(0, view.indexOf('{'))));
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      tokenizer._transform(bytes.subarray(at, at + SLICE_BYTES), undefined, fail);
      if (performance.now() - started > budget) {
        throw new ExtractError('too_complex', `RTF conversion took longer than ${budget} ms`);
      }
    }
    tokenizer._flush(() => undefined);
    // An unterminated document (a truncated download) only warns: the text read so far is kept.
    reader._flush(fail);
  } catch (err) {
    throw rtfError(err);
  }
  return chunks.join('');
}
