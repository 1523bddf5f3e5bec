/**
 * Content sniffing. Upload names and browser MIME types are whatever the candidate's machine made
 * up, so the kind is decided from the bytes alone.
 */

export type FileKind = 'pdf' | 'docx' | 'rtf' | 'txt';
export type Detected = FileKind | { unsupported: string };

/** Text decoded from a file detectKind classified as 'txt'. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};

const PDF_MAGIC = ascii('%PDF-');
// Readers accept a PDF header anywhere in the first KiB (mail gateways and some generators prepend junk).
const PDF_HEADER_WINDOW = 1024;
const OLE_MAGIC = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

// Zip entry names are stored uncompressed in both the local headers and the central directory, so a
// byte search classifies the archive even when it is truncated and cannot be opened.
const ZIP_WORD_MAIN = ascii('word/document.xml');
const ZIP_WORD_DIR = ascii('word/');
const ZIP_CONTENT_TYPES = ascii('[Content_Types].xml');
const ZIP_XLSX = ascii('xl/workbook');
const ZIP_PPTX = ascii('ppt/presentation');
const ZIP_ODT = ascii('application/vnd.oasis.opendocument.text');
const ZIP_ODF = ascii('application/vnd.oasis.opendocument');
const ZIP_END = Uint8Array.of(0x50, 0x4b, 0x05, 0x06);

// An encrypted DOCX/XLSX is a CFB container with these streams; their directory names are UTF-16LE.
const OLE_ENCRYPTED = utf16le('EncryptedPackage');
const OLE_XLS = utf16le('Workbook');
const OLE_PPT = utf16le('PowerPoint Document');

function startsWith(buf: Uint8Array, magic: ArrayLike<number>, offset = 0): boolean {
  if (buf.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[offset + i] !== magic[i]) return false;
  return true;
}

function indexOf(buf: Uint8Array, needle: Uint8Array, limit = buf.length): number {
  // Buffer's native search; a view, not a copy.
  return Buffer.from(buf.buffer, buf.byteOffset, Math.min(limit, buf.length)).indexOf(needle);
}

const contains = (buf: Uint8Array, needle: Uint8Array): boolean => indexOf(buf, needle) >= 0;

function classifyZip(buf: Uint8Array): Detected {
  if (contains(buf, ZIP_WORD_MAIN)) return 'docx';
  // Some producers name the main part word/document2.xml; the content types file still marks OOXML.
  if (contains(buf, ZIP_CONTENT_TYPES) && contains(buf, ZIP_WORD_DIR)) return 'docx';
  if (contains(buf, ZIP_XLSX)) return { unsupported: 'xlsx' };
  if (contains(buf, ZIP_PPTX)) return { unsupported: 'pptx' };
  if (contains(buf, ZIP_ODT)) return { unsupported: 'odt' };
  if (contains(buf, ZIP_ODF)) return { unsupported: 'odf' };
  // An OOXML upload cut off before its word/ entries: report it as a broken DOCX, not as "a zip".
  if (contains(buf, ZIP_CONTENT_TYPES) && !hasZipEnd(buf)) return 'docx';
  return { unsupported: 'zip' };
}

function hasZipEnd(buf: Uint8Array): boolean {
  const tailStart = Math.max(0, buf.length - 22 - 0xffff);
  return contains(buf.subarray(tailStart), ZIP_END);
}

function classifyOle(buf: Uint8Array): Detected {
  if (contains(buf, OLE_ENCRYPTED)) return { unsupported: 'encrypted-office' };
  if (contains(buf, OLE_XLS)) return { unsupported: 'xls' };
  if (contains(buf, OLE_PPT)) return { unsupported: 'ppt' };
  // Word 97–2003 is by far the most common CFB upload; a bare header is treated as one too.
  return { unsupported: 'doc' };
}

const RTF_MAGIC = ascii('{\\rtf');

/**
 * RTF starts with "{\rtf" (Word writes "{\rtf1"); a UTF-8 BOM or blank lines before it are tolerated.
 * Checked on bytes, before text decoding: \bin data and code-page bytes are not valid UTF-8.
 */
function isRtf(buf: Uint8Array): boolean {
  let at = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < buf.length && at < 1024 && (buf[at] === 0x20 || buf[at] === 0x09 || buf[at] === 0x0a || buf[at] === 0x0d)) at++;
  return startsWith(buf, RTF_MAGIC, at);
}

/** Binary formats people upload instead of a resume; checked after PDF/zip/OLE. */
function sniffBinary(buf: Uint8Array): string | null {
  const b = (i: number): number => buf[i] ?? -1;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return 'gif';
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'webp';
  // "BM" alone would catch text starting with "BMW"; the reserved header bytes are zero in real BMPs.
  if (startsWith(buf, ascii('BM')) && buf.length > 10 && b(6) === 0 && b(7) === 0 && b(8) === 0 && b(9) === 0) return 'bmp';
  if (startsWith(buf, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(b(8), b(9), b(10), b(11));
    if (/^(heic|heix|hevc|mif1|msf1)$/.test(brand)) return 'heic';
    if (brand === 'avif') return 'avif';
    return 'video';
  }
  if (startsWith(buf, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  // Executables always carry NULs in the header, which keeps text starting with "MZ" out.
  if (startsWith(buf, ascii('MZ')) && buf.subarray(2, 64).includes(0)) return 'exe';
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(buf, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(buf, [0xca, 0xfe, 0xba, 0xbe])) return 'macho';
  if (startsWith(buf, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(buf, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(buf, ascii('BZh'))) return 'bzip2';
  if (startsWith(buf, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  // Real tar headers are NUL-padded; a text with "custard" at byte 257 is not a tar.
  if (startsWith(buf, ascii('ustar'), 257) && buf.subarray(0, 257).includes(0)) return 'tar';
  if (startsWith(buf, ascii('ID3')) || startsWith(buf, [0xff, 0xfb])) return 'mp3';
  if (startsWith(buf, ascii('OggS'))) return 'ogg';
  if (startsWith(buf, ascii('RIFF'))) return 'riff';
  if (startsWith(buf, [0x1a, 0x45, 0xdf, 0xa3])) return 'video';
  if (startsWith(buf, ascii('SQLite format 3\0'))) return 'sqlite';
  return null;
}

/** Text-based formats that decode fine but are not plain text, so their markup would pollute screening. */
function sniffMarkup(text: string): string | null {
  const head = text
    .slice(0, 1024)
    .replace(/^[\ufeff\s]+/, '')
    .toLowerCase();
  if (head.startsWith('%!ps')) return 'postscript';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return head.includes('<svg') ? 'svg' : 'xml';
  if (head.startsWith('mime-version:') && head.includes('multipart/related')) return 'mhtml';
  return null;
}

function isCyrillicLetterCp1251(byte: number): boolean {
  return byte >= 0xc0 || byte === 0xa8 || byte === 0xb8;
}

function decodeSingleByte(buf: Uint8Array): DecodedText {
  // In windows-1251 Russian words are runs of high bytes; in windows-1252 (accented Latin) a high byte
  // sits alone inside an ASCII word. Punctuation (quotes, dashes, «») is the same in both, so a file
  // with no high letters decodes identically either way.
  let letters = 0;
  let inRuns = 0;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i] ?? 0;
    if (!isCyrillicLetterCp1251(byte)) continue;
    letters++;
    if (isCyrillicLetterCp1251(buf[i - 1] ?? 0) || isCyrillicLetterCp1251(buf[i + 1] ?? 0)) inRuns++;
  }
  if (letters > 0 && inRuns * 2 < letters) return { text: decodeWindows1252(buf), encoding: 'windows-1252' };
  return { text: new TextDecoder('windows-1251').decode(buf), encoding: 'windows-1251' };
}

// WHATWG windows-1252 for 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1
// and turns these (curly quotes, dashes, €) into C1 control characters.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Decodes text by BOM, then strict UTF-8, then the single-byte fallback. Null means "binary".
 */
export function decodeText(buf: Uint8Array): DecodedText | null {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
  if (startsWith(buf, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(buf), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(buf), encoding: 'utf-16be' };

  let controls = 0;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i] ?? 0;
    if (byte === 0) return null;
    // Tab, LF, VT, FF, CR and the DOS end-of-file mark occur in real text files.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) {
      controls++;
    }
  }
  // A stray control character is tolerated; binary data has them everywhere.
  if (controls > 0 && controls * 200 > buf.length) return null;

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return decodeSingleByte(buf);
  }
}

/** detectKind plus the decoded text when it is 'txt', so the caller need not decode twice. */
export function sniff(buf: Uint8Array): { kind: Detected; decoded?: DecodedText } {
  if (buf.length === 0) return { kind: { unsupported: 'empty' } };
  if (isRtf(buf)) return { kind: 'rtf' };
  if (indexOf(buf, PDF_MAGIC, PDF_HEADER_WINDOW) >= 0) return { kind: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return { kind: classifyZip(buf) };
  if (startsWith(buf, OLE_MAGIC)) return { kind: classifyOle(buf) };
  const binary = sniffBinary(buf);
  if (binary !== null) return { kind: { unsupported: binary } };
  const decoded = decodeText(buf);
  if (decoded === null) return { kind: { unsupported: 'binary' } };
  const markup = sniffMarkup(decoded.text);
  if (markup !== null) return { kind: { unsupported: markup } };
  return { kind: 'txt', decoded };
}

export function detectKind(buf: Uint8Array): Detected {
  return sniff(buf).kind;
}
