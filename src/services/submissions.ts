import { ExtractError } from '../extract/errors.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { detectOfficeKind, type ScrubKind } from '../extract/kinds.js';
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

interface CheckedFile {
  name: string;
  buf: Uint8Array;
  scrubbed: Uint8Array;
  kind: ScrubKind;
  text: string | null;
}

/**
 * Checks one uploaded file by its content and makes the copy graders see — metadata removed, text
 * extracted where the format allows — without writing anything. A scan or a picture-only slide
 * deck is still a valid submission; it just has no text to show.
 */
async function checkSubmissionFile(f: { buf: Uint8Array; name: string }): Promise<CheckedFile> {
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
    text =
      kind === 'pptx' || kind === 'xlsx'
        ? await sandbox.extractOfficeText(f.buf, kind)
        : (await sandbox.extractText(f.buf, `upload.${kind}`)).text;
  } catch (e) {
    if (e instanceof ExtractError && e.code === 'too_complex') throw new SubmissionFileError('submission.file_too_complex', f.name);
    if (!(e instanceof ExtractError) || e.code === 'encrypted' || e.code === 'corrupt')
      throw new SubmissionFileError('submission.file_broken', f.name);
  }
  return { name: f.name, buf: f.buf, scrubbed, kind, text: text?.trim() ? text : null };
}

function storeSubmissionFile(files: FileStore, c: CheckedFile): NewSubmissionFile {
  const original = files.save(c.buf, c.kind);
  const copy = files.save(c.scrubbed, c.kind);
  return {
    file: {
      sha256: original.sha256,
      storageName: original.storageName,
      originalName: c.name.slice(0, 200),
      mime: MIME[c.kind],
      size: c.buf.byteLength,
    },
    scrubbedStorageName: copy.storageName,
    kind: c.kind,
    extractedText: c.text,
  };
}

/** Checks one file and stores it (the original and the graders' copy). */
export async function prepareSubmissionFile(files: FileStore, f: { buf: Uint8Array; name: string }): Promise<NewSubmissionFile> {
  return storeSubmissionFile(files, await checkSubmissionFile(f));
}

/**
 * Checks every file of one submission, writing nothing; `store()` writes them once the whole form
 * has passed. A submission refused for its third file, or for a field, leaves no blobs behind (the
 * store is shared by content, so deleting blobs afterwards could delete another submission's file).
 * Throws SubmissionFileError for the first file that fails.
 */
export async function checkSubmissionFiles(
  list: { buf: Uint8Array; name: string }[],
): Promise<{ store: (files: FileStore) => NewSubmissionFile[] }> {
  const checked: CheckedFile[] = [];
  for (const f of list) checked.push(await checkSubmissionFile(f));
  return { store: (files) => checked.map((c) => storeSubmissionFile(files, c)) };
}

export { MIME as SUBMISSION_MIME };
