import mammoth from 'mammoth';
import { ExtractError } from './errors.js';
import { checkXmlBudget } from './zip.js';

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
  checkXmlBudget(buf, 'docx');
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
