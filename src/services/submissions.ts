import { ExtractError } from '../extract/index.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { detectOfficeKind, type ScrubKind } from '../extract/scrub.js';
import { MAX_SUBMISSION_FILE_BYTES } from '../domain/assignment.js';
import type { NewSubmissionFile } from '../db/assignments.js';
import type { FileStore } from '../storage/files.js';

const MIME: Record<ScrubKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

export class SubmissionFileError extends Error {
  constructor(
    readonly key: string,
    readonly fileName: string,
  ) {
    super(key);
  }
}

/**
 * Checks one uploaded file by its content, keeps the original, and makes the copy graders see:
 * metadata removed, text extracted where the format allows. A scan or a picture-only slide
 * deck is still a valid submission; it just has no text to show.
 */
export async function prepareSubmissionFile(files: FileStore, f: { buf: Uint8Array; name: string }): Promise<NewSubmissionFile> {
  if (f.buf.byteLength === 0) throw new SubmissionFileError('submission.file_empty', f.name);
  if (f.buf.byteLength > MAX_SUBMISSION_FILE_BYTES) throw new SubmissionFileError('submission.file_too_large', f.name);
  const kind = detectOfficeKind(f.buf);
  if (!kind) throw new SubmissionFileError('submission.file_type', f.name);
  // Parsing runs in the extraction sandbox: a hostile file costs a worker, not the server.
  const sandbox = extractionSandbox();
  let scrubbed: Uint8Array;
  try {
    scrubbed = await sandbox.scrubMetadata(f.buf, kind);
  } catch (e) {
    if (e instanceof ExtractError && e.code === 'too_complex') throw new SubmissionFileError('submission.file_too_complex', f.name);
    throw new SubmissionFileError(kind === 'pdf' ? 'submission.file_protected_or_broken' : 'submission.file_broken', f.name);
  }
  let text: string | null | undefined = null;
  try {
    text = kind === 'pptx' || kind === 'xlsx' ? await sandbox.extractOfficeText(f.buf, kind) : (await sandbox.extractText(f.buf, `upload.${kind}`)).text;
  } catch (e) {
    if (e instanceof ExtractError && e.code === 'too_complex') throw new SubmissionFileError('submission.file_too_complex', f.name);
    if (!(e instanceof ExtractError) || e.code === 'encrypted' || e.code === 'corrupt') throw new SubmissionFileError('submission.file_broken', f.name);
  }
  const original = files.save(f.buf, kind);
  const copy = files.save(scrubbed, kind);
  return {
    file: { sha256: original.sha256, storageName: original.storageName, originalName: f.name.slice(0, 200), mime: MIME[kind], size: f.buf.byteLength },
    scrubbedStorageName: copy.storageName,
    kind,
    extractedText: text?.trim() ? text : null,
  };
}

export { MIME as SUBMISSION_MIME };
