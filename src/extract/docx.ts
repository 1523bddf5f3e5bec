import mammoth from 'mammoth';
import { ExtractError } from './errors.js';

// A resume's XML parts are well under a megabyte; this only stops zip bombs from being inflated.
const MAX_UNPACKED_XML_BYTES = 64 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const ZIP64_SIZE = 0xffffffff;

/**
 * Sums the declared unpacked sizes of the XML parts from the central directory. A missing or odd
 * directory is left for mammoth to reject as corrupt.
 */
function declaredXmlBytes(buf: Uint8Array): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 0;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries && at + 46 <= buf.length; n++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) break;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(buf.buffer, buf.byteOffset + at + 46, Math.min(nameLength, buf.length - at - 46)).toString('latin1');
    // Zip64 keeps the real size in an extra field; jszip checks it while inflating anyway.
    if (size !== ZIP64_SIZE && (name.endsWith('.xml') || name.endsWith('.rels'))) total += size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

// Images are never needed for text; the default converter would base64 every one of them.
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Markers cannot occur in DOCX text: XML 1.0 forbids both characters.
const BLOCK = '\u0000';
const EMPTY_PARAGRAPH = '\u0001';

/**
 * mammoth's raw-text mode drops manual line breaks (Shift+Enter), which resumes use in contact
 * blocks and date lines, so the HTML it produces is flattened here instead: every block becomes a
 * line, <br> a line break, an empty paragraph a blank line.
 */
export function docxHtmlToText(html: string): string {
  const text = html
    // Footnote back-links are a lone "↑".
    .replace(/<a [^>]*href="#(?:footnote|endnote)-ref-[^"]*"[^>]*>.*?<\/a>/g, '')
    .replace(/<p>\s*<\/p>/g, `${BLOCK}${EMPTY_PARAGRAPH}${BLOCK}`)
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?(?:p|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|blockquote|div)(?:\s[^>]*)?>/g, BLOCK)
    .replace(/<[^>]*>/g, '')
    .replace(/\u0000+/g, '\n')
    .replace(/\u0001/g, '');
  return decodeEntities(text);
}

export async function extractDocx(buf: Uint8Array): Promise<string> {
  const unpacked = declaredXmlBytes(buf);
  if (unpacked > MAX_UNPACKED_XML_BYTES) {
    throw new ExtractError('too_large', `DOCX text parts unpack to ${unpacked} bytes`);
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) },
      { convertImage: SKIP_IMAGES, ignoreEmptyParagraphs: false },
    );
    return docxHtmlToText(result.value);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `DOCX cannot be read: ${reason}`, { cause: err });
  }
}
