/**
 * Resume file → plain text for screening. Kind is decided by content; the file name only matters
 * to tell "this .pdf is really a JPEG" (type_mismatch) from "this is a JPEG" (unsupported_type).
 */
import { detectKind, sniff, type Detected, type FileKind } from './detect.js';
import { extractDocx } from './docx.js';
import { ExtractError, type ExtractErrorCode } from './errors.js';
import { normalizeText } from './normalize.js';
import { extractPdf } from './pdf.js';
import { extractRtf } from './rtf.js';
import { MAX_FILE_BYTES } from './kinds.js';

export { detectKind, ExtractError, MAX_FILE_BYTES, normalizeText };
export type { Detected, ExtractErrorCode, FileKind };

export interface Extracted {
  kind: FileKind;
  mime: string;
  text: string;
  /** PDF page count; null for formats without fixed pages. */
  pages: number | null;
}

const MIME: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  rtf: 'application/rtf',
  txt: 'text/plain',
};

// Below this many letters per page on average a PDF is a scan (or a text layer of stray marks).
const MIN_LETTERS_PER_PAGE = 20;

const CLAIMED_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  docx: 'docx',
  rtf: 'rtf',
  txt: 'txt',
  text: 'txt',
};

function claimedKind(filename: string): FileKind | null {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  return (
    CLAIMED_BY_EXTENSION[
      base
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    ] ?? null
  );
}

function rejectUnsupported(actual: string, filename: string): ExtractError {
  if (actual === 'encrypted-office') {
    return new ExtractError('encrypted', 'Office document is password-protected', { detail: 'docx' });
  }
  const claimed = claimedKind(filename);
  if (claimed !== null) {
    return new ExtractError('type_mismatch', `named as ${claimed} but the content is ${actual}`, { detail: actual });
  }
  return new ExtractError('unsupported_type', `unsupported content: ${actual}`, { detail: actual });
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function nonEmpty(text: string, kind: FileKind): string {
  if (text === '') throw new ExtractError('empty', `${kind} has no text`);
  return text;
}

/**
 * More text than any real document holds (about a thousand pages): a file made to expand — a PDF content stream
 * of millions of tiny text operators — is refused as too complex even when it parses within the time limit.
 */
export const MAX_TEXT_CHARS = 2_000_000;

function bounded(text: string): string {
  if (text.length > MAX_TEXT_CHARS) throw new ExtractError('too_complex', `${text.length} characters of text, limit ${MAX_TEXT_CHARS}`);
  return text;
}

export async function extractText(buf: Uint8Array, filename: string, opts?: { maxBytes?: number }): Promise<Extracted> {
  const maxBytes = opts?.maxBytes ?? MAX_FILE_BYTES;
  if (buf.byteLength === 0) throw new ExtractError('empty', 'file is empty');
  if (buf.byteLength > maxBytes) {
    throw new ExtractError('too_large', `file is ${buf.byteLength} bytes, limit ${maxBytes}`);
  }

  const { kind, decoded } = sniff(buf);
  if (typeof kind !== 'string') throw rejectUnsupported(kind.unsupported, filename);

  switch (kind) {
    case 'pdf': {
      const pdf = await extractPdf(buf);
      const text = normalizeText(bounded(pdf.text));
      if (countLetters(text) < MIN_LETTERS_PER_PAGE * pdf.pages) {
        throw new ExtractError('no_text_layer', `PDF has ${pdf.pages} page(s) but almost no text`);
      }
      return { kind, mime: MIME.pdf, text, pages: pdf.pages };
    }
    case 'docx': {
      const text = nonEmpty(normalizeText(bounded(await extractDocx(buf))), kind);
      return { kind, mime: MIME.docx, text, pages: null };
    }
    case 'rtf': {
      const text = nonEmpty(normalizeText(bounded(extractRtf(buf))), kind);
      return { kind, mime: MIME.rtf, text, pages: null };
    }
    case 'txt': {
      // sniff decodes every file it calls text; absence would be a bug in detect.ts.
      if (decoded === undefined) throw new ExtractError('corrupt', 'text could not be decoded');
      const text = nonEmpty(normalizeText(bounded(decoded.text)), kind);
      return { kind, mime: MIME.txt, text, pages: null };
    }
  }
}
