import { getDocumentProxy } from 'unpdf';
import { ExtractError } from './errors.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
export type ContentItem = Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number];

export interface PdfText {
  text: string;
  pages: number;
}

// pdf.js VerbosityLevel.ERRORS: its warnings ("Indexing all PDF objects", missing standard font
// data) go to the console, and the app's logs are not the place for them.
const VERBOSITY_ERRORS = 0;

interface LineState {
  y: number;
  size: number;
  upright: boolean;
}

/**
 * pdf.js marks line ends with hasEOL; the baseline check is a fallback for producers where it
 * does not, so that a period and the job title under it never end up glued into one line.
 */
export function pageText(items: readonly ContentItem[]): string {
  let out = '';
  let last: LineState | null = null;
  for (const item of items) {
    if (!('str' in item)) continue;
    const t = item.transform;
    const upright = Number(t[1]) === 0 && Number(t[2]) === 0;
    const size = Math.hypot(Number(t[2]), Number(t[3])) || Math.abs(item.height);
    const y = Number(t[5]);
    if (item.str.trim() !== '') {
      if (
        last !== null &&
        upright &&
        last.upright &&
        out !== '' &&
        !out.endsWith('\n') &&
        Math.abs(y - last.y) > 0.5 * Math.max(size, last.size)
      ) {
        out += '\n';
      }
      last = { y, size, upright };
    }
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out;
}

const LINE_END_HYPHEN = /(\S+)([-\u2010\u00ad])$/u;
const LINE_START_WORD = /^\p{Ll}\p{L}*/u;
const ENDS_WITH_LETTER = /\p{L}$/u;
const ONLY_LETTERS = /^\p{L}+$/u;

/**
 * Rejoins words split at a line end ("перего-" + "воры"). Browsers and Word only break after real
 * hyphens, so the hyphen is dropped only for a plain word whose hyphenated spelling does not occur
 * elsewhere in the document ("трейд-маркетинг" stays); URLs and codes keep it but are rejoined.
 */
export function joinHyphenatedLines(text: string): string {
  const lines = text.split('\n');
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev !== undefined) {
      const head = LINE_END_HYPHEN.exec(prev.trimEnd());
      const next = line.trimStart();
      const tail = LINE_START_WORD.exec(next);
      const fragment = head?.[1];
      if (head && tail && fragment !== undefined && ENDS_WITH_LETTER.test(fragment)) {
        const hyphen = head[2] ?? '-';
        // The stem leaves room for a different case ending elsewhere ("трейд-маркетинг" vs "…га").
        const word = tail[0];
        const stem = word.length > 4 ? word.slice(0, -2) : word;
        const keep = hyphen !== '\u00ad' && (!ONLY_LETTERS.test(fragment) || lower.includes(`${fragment}-${stem}`.toLowerCase()));
        const base = prev.trimEnd();
        out[out.length - 1] = (keep ? base : base.slice(0, -hyphen.length)) + next;
        continue;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

function pdfError(err: unknown): ExtractError {
  if (err instanceof ExtractError) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return new ExtractError('encrypted', 'PDF is password-protected', { detail: 'pdf', cause: err });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new ExtractError('corrupt', `PDF cannot be read: ${reason}`, { cause: err });
}

/**
 * The pdf.js module is imported once by unpdf and stays loaded; each call only parses its document.
 */
export async function extractPdf(buf: Uint8Array): Promise<PdfText> {
  let doc: PdfDocument;
  try {
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes must survive.
    doc = await getDocumentProxy(new Uint8Array(buf), { verbosity: VERBOSITY_ERRORS });
  } catch (err) {
    throw pdfError(err);
  }
  try {
    if (doc.numPages < 1) throw new ExtractError('corrupt', 'PDF has no pages');
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items).replace(/\n+$/, ''));
      page.cleanup();
    }
    // A plain newline between pages: a job entry often continues over the page break.
    return { text: joinHyphenatedLines(pages.join('\n')), pages: doc.numPages };
  } catch (err) {
    throw pdfError(err);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
