import { randomBytes } from 'node:crypto';
import { lazyPackage } from '../domain/lazy.js';
import type Multer from 'multer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MAX_FILE_BYTES } from '../extract/kinds.js';

// multer (and busboy) load with the first upload, not at start-up: the access table builds its parsers up front.
const multer = lazyPackage<typeof Multer>('multer');

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set instead of failing the request, so the form can be shown again with the message. */
      uploadError?: 'too_large' | 'too_many' | 'bad_upload';
      /** Every file multer started writing for this request, removed however the upload ends. */
      spooled?: string[];
    }
  }
}

/** Multer's limits, and busboy's complaints about a malformed multipart body, are all the sender's doing. */
function uploadProblem(err: unknown): 'too_large' | 'too_many' | 'bad_upload' {
  // Only called after multer ran, so loading it here loads nothing new.
  if (err instanceof multer().MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return 'too_large';
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT') return 'too_many';
  }
  return 'bad_upload';
}

/** A handler built on its first request. */
function onFirstUse(build: () => RequestHandler): RequestHandler {
  let handler: RequestHandler | undefined;
  return (req, res, next) => (handler ??= build())(req, res, next);
}

let memoryParser: Multer.Multer | undefined;
const parser = () =>
  (memoryParser ??= multer()({
    storage: multer().memoryStorage(),
    // Browsers send file names as UTF-8; multer's latin1 default would garble «Резюме.pdf».
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 50, fieldSize: 1024 * 1024 },
  }));

/** Parses one optional file field plus the text fields; upload problems become a field error, not a 4xx page. */
export function singleUpload(field: string) {
  return problemsAsFieldError(onFirstUse(() => parser().single(field)));
}

let spoolDir: string | null = null;

/** A private folder for uploads in transit, one per process. */
function spool(): string {
  spoolDir ??= mkdtempSync(join(tmpdir(), 'kam-hire-uploads-'));
  return spoolDir;
}

/** Where uploads in transit are spooled (null before the first one). */
export function uploadSpool(): string | null {
  return spoolDir;
}

/**
 * Several files in one field, each under `maxBytes`; problems become a field error as above.
 * The files stream to disk while they arrive (a slow or large upload does not sit in memory), and
 * are read into `buffer` and deleted once the whole body is in; multer deletes them itself when
 * the upload fails.
 */
export function multiUpload(field: string, maxFiles: number, maxBytes: number) {
  const handle = onFirstUse(() =>
    multer()({
      storage: multer().diskStorage({
        destination: (_req, _file, cb) => cb(null, spool()),
        filename: (req, _file, cb) => {
          const name = randomBytes(16).toString('hex');
          (req.spooled ??= []).push(join(spool(), name));
          cb(null, name);
        },
      }),
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: maxFiles, fields: 50, fieldSize: 1024 * 1024 },
    }).array(field, maxFiles),
  );
  const fromDisk: RequestHandler = (req, res, next) => {
    handle(req, res, (err: unknown) => {
      const files = Array.isArray(req.files) ? req.files : [];
      try {
        if (!err) for (const f of files) f.buffer = readFileSync(f.path);
      } finally {
        // Including a file cut short by a full disk or a limit, which multer may not list.
        for (const p of req.spooled ?? []) rmSync(p, { force: true });
        for (const f of files) if (f.path) rmSync(f.path, { force: true });
      }
      next(err);
    });
  };
  return problemsAsFieldError(fromDisk);
}

function problemsAsFieldError(handle: RequestHandler) {
  return (req: Request, res: Response, next: NextFunction) => {
    handle(req, res, (err: unknown) => {
      if (!err) return next();
      req.uploadError = uploadProblem(err);
      // The rest of the body may be missing after an aborted upload; the CSRF check still runs on what arrived.
      req.body ??= {};
      next();
    });
  };
}
