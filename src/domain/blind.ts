/**
 * Blind grading of submitted files: which form a blind grader gets a file in. Pure rules; the
 * copies themselves are made by extract/blind.ts.
 */
import { redact, type Identity } from './redact.js';

/**
 * True when `text` names this candidate: their name (in the forms redact() knows), their own
 * e-mail or phone. Other e-mails and phone-like numbers, which redact() masks as well, do not
 * count, so ids and numbers in markup do not make a clean file look identifying.
 */
export function namesCandidate(text: string, who: Identity): boolean {
  return redact(text, who, '\u0000') !== redact(text, { fullName: '' }, '\u0000');
}

/**
 * 'file': a rebuilt, masked copy of the file. 'text': the extracted text, masked — for a PDF
 * whose page text names the candidate, since a PDF page cannot be masked in place. (A copy that
 * cannot be rebuilt, or still names the candidate after masking, is also given as text; that is
 * only known when it is made.)
 */
export function blindFileForm(kind: string, extractedText: string | null, who: Identity): 'file' | 'text' {
  return kind === 'pdf' && extractedText !== null && namesCandidate(extractedText, who) ? 'text' : 'file';
}
