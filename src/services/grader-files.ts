import { blindFileForm } from '../domain/blind.js';
import { redact, type Identity } from '../domain/redact.js';
import type { SubmissionFile } from '../db/assignments.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { isScrubKind } from '../extract/kinds.js';
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
 * pages, or a copy that still names them. An error while rebuilding is thrown: the caller refuses the
 * download and logs it (fail closed), never sending the stored file instead.
 */
export async function graderCopy(files: FileStore, f: SubmissionFile, who: Identity | null): Promise<GraderCopy> {
  const stored = files.read(f.scrubbedStorageName ?? f.storageName);
  if (who === null) return { bytes: stored, kind: f.kind, asText: false };
  const asText = (): GraderCopy => ({
    bytes: new Uint8Array(Buffer.from(redact(f.extractedText ?? '', who), 'utf8')),
    kind: 'txt',
    asText: true,
  });
  if (!isScrubKind(f.kind) || blindFileForm(f.kind, f.extractedText, who) === 'text') return asText();
  const copy = await extractionSandbox().blindCopy(stored, f.kind, who);
  return copy.form === 'file' ? { bytes: copy.bytes, kind: f.kind, asText: false } : asText();
}
