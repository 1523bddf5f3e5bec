import { blindFileForm } from '../domain/blind.js';
import { redact, type Identity } from '../domain/redact.js';
import type { SubmissionFile } from '../db/assignments.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { isScrubKind } from '../extract/scrub.js';
import type { FileStore } from '../storage/files.js';

export interface GraderCopy {
  bytes: Uint8Array;
  /** The verified kind of what is sent: the file's own, or 'txt' when it is given as text. */
  kind: string;
  asText: boolean;
}

/**
 * What a grader downloads. Not blind (`who` null): the scrubbed copy. Blind: a copy rebuilt from
 * an allow-list with the candidate masked (extract/blind.ts, in the extraction sandbox), or the
 * extracted, masked text where the file cannot be cleaned — a PDF naming the candidate on its
 * pages, a copy that fails to rebuild or still names them. Fails closed: any error gives the text.
 */
export async function graderCopy(files: FileStore, f: SubmissionFile, who: Identity | null): Promise<GraderCopy> {
  const stored = files.read(f.scrubbedStorageName ?? f.storageName);
  if (who === null) return { bytes: stored, kind: f.kind, asText: false };
  const asText = (): GraderCopy => ({ bytes: new Uint8Array(Buffer.from(redact(f.extractedText ?? '', who), 'utf8')), kind: 'txt', asText: true });
  if (!isScrubKind(f.kind) || blindFileForm(f.kind, f.extractedText, who) === 'text') return asText();
  try {
    const copy = await extractionSandbox().blindCopy(stored, f.kind, who);
    return copy.form === 'file' ? { bytes: copy.bytes, kind: f.kind, asText: false } : asText();
  } catch {
    return asText();
  }
}
