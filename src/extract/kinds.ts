/**
 * What the request thread needs to know about files without loading any parser: the upload size limit, the kinds a
 * grader's download can be scrubbed as, and telling them apart by content. Kept apart from scrub.ts and index.ts,
 * whose parsers (pdf-lib, JSZip, mammoth, pdf.js) load only in the extraction worker and the command-line tools, so
 * the server starts without them.
 */
import { zipEntries } from './zip.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ScrubKind = 'pdf' | 'docx' | 'pptx' | 'xlsx' | 'txt';
const SCRUB_KINDS: ReadonlySet<string> = new Set<ScrubKind>(['pdf', 'docx', 'pptx', 'xlsx', 'txt']);
export const isScrubKind = (kind: string): kind is ScrubKind => SCRUB_KINDS.has(kind);

// ---------------------------------------------------------------------------------------------
// Detection

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PDF_MAGIC = ascii('%PDF-');
// Readers accept a PDF header anywhere in the first KiB, as does the resume extractor.
const PDF_HEADER_WINDOW = 1024;
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const MAIN_PARTS: readonly [string, ScrubKind][] = [
  ['word/document.xml', 'docx'],
  ['ppt/presentation.xml', 'pptx'],
  ['xl/workbook.xml', 'xlsx'],
];

export function view(buf: Uint8Array): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function isUtf8Text(buf: Uint8Array): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * The scrub kind from content alone: a PDF header, an OOXML package by its main part, or UTF-8
 * text without NUL bytes (an empty file counts as text). Anything else — other archives, legacy
 * Office, images, text in legacy encodings — is null.
 */
export function detectOfficeKind(buf: Uint8Array): ScrubKind | null {
  if (view(buf).subarray(0, PDF_HEADER_WINDOW).indexOf(PDF_MAGIC) >= 0) return 'pdf';
  if (startsWith(buf, ZIP_LOCAL) || startsWith(buf, ZIP_EMPTY)) {
    const names = zipEntries(buf)?.map((e) => e.name);
    for (const [part, kind] of MAIN_PARTS) {
      // Without a readable directory the local headers still carry the names uncompressed.
      if (names !== undefined ? names.includes(part) : view(buf).indexOf(part, 0, 'latin1') >= 0) return kind;
    }
    // Some producers name the main part differently (word/document2.xml); the package is still
    // OOXML when it has content types and the application's folder.
    if (names?.includes('[Content_Types].xml') === true) {
      for (const [part, kind] of MAIN_PARTS) {
        const folder = part.slice(0, part.indexOf('/') + 1);
        if (names.some((n) => n.startsWith(folder))) return kind;
      }
    }
    return null;
  }
  return isUtf8Text(buf) ? 'txt' : null;
}
