import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { isLate, linkOpen, submissionFormSchema } from '../../domain/assignment.js';
import type { Assignment } from '../../db/assignments.js';
import { checkSubmissionFiles, SubmissionFileError } from '../../services/submissions.js';
import { audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { hasCsrfToken } from '../middleware/csrf.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadByToken } from '../loaders.js';

import { briefHtml, itemOf } from '../assignment-view.js';

// ---- The candidate's private link -----------------------------------------------------------

/**
 * Runs before a candidate's upload is read: the link must exist and be open, this browser must
 * have opened the page (its session holds the form's token), and the address must be under the
 * submission limit. Anything else is answered without buffering a byte of the body.
 */
export function candidateUploadGate(req: Request, res: Response, next: (err?: unknown) => void) {
  try {
    const a = loadByToken(req, res);
    if (!linkOpen(a, new Date())) throw new HttpError(410, 'submission.link_expired');
    if (!hasCsrfToken(req)) throw new HttpError(403, 'errors.csrf');
    const ip = req.ip ?? 'unknown';
    const wait = req.ctx.services.submissionLimit.retryAfter(ip);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'submission.too_many_submissions');
    }
    req.ctx.services.submissionLimit.hit(ip);
    next();
  } catch (e) {
    next(e);
  }
}

function showCandidatePage(req: Request, res: Response, a: Assignment, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const item = itemOf(req, a);
  const submissions = req.ctx.repos.assignments.submissions(a.id);
  const open = linkOpen(a, new Date());
  res.status(status);
  renderPage(res, 'pages/assignments/candidate', item.meta.title, {
    token: req.params.token,
    a: { deadlineAt: a.deadlineAt, open, late: isLate(a, new Date()) },
    item: {
      title: item.meta.title,
      deliverables: item.meta.kind === 'task' ? item.meta.deliverables : [],
      task: item.meta.kind === 'case' ? item.meta.task : null,
    },
    briefHtml: briefHtml(a, item),
    submissions: submissions.map((s) => ({
      version: s.version,
      submittedAt: s.submittedAt,
      late: s.late,
      files: s.files.map((f) => f.originalName),
      hasText: s.body.trim() !== '',
      link: s.link,
    })),
    values: { body: '', link: '', ...values, idempotency_key: randomBytes(16).toString('base64url') },
    errors,
  });
}

export function candidatePage(req: Request, res: Response) {
  const a = loadByToken(req, res);
  if (!linkOpen(a, new Date())) throw new HttpError(410, 'submission.link_expired');
  req.ctx.repos.assignments.markOpened(a.id);
  showCandidatePage(req, res, a, {}, {});
}

export async function candidateSubmit(req: Request, res: Response) {
  const a = loadByToken(req, res);
  const now = new Date();
  if (!linkOpen(a, now)) throw new HttpError(410, 'submission.link_expired');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const keep = { body: typeof body.body === 'string' ? body.body : '', link: typeof body.link === 'string' ? body.link : '' };
  const parsed = parseForm(submissionFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (req.uploadError) errors.files = { key: `submission.upload_${req.uploadError}` };
  const uploads = (Array.isArray(req.files) ? req.files : []).filter((f) => f.originalname || f.size > 0);
  let checked: Awaited<ReturnType<typeof checkSubmissionFiles>> | null = null;
  if (!errors.files) {
    try {
      checked = await checkSubmissionFiles(uploads.map((f) => ({ buf: f.buffer, name: f.originalname })));
    } catch (e) {
      if (!(e instanceof SubmissionFileError)) throw e;
      errors.files = { key: e.key, params: { name: e.fileName } };
    }
  }
  if (parsed.ok && !parsed.data.body.trim() && !parsed.data.link && uploads.length === 0 && !errors.files)
    errors.body = { key: 'submission.empty' };
  if (!parsed.ok || Object.keys(errors).length > 0) return showCandidatePage(req, res, a, keep, errors, 422);
  // Written only now that the whole form passed: a refused submission leaves no files behind.
  const prepared = checked?.store(req.ctx.services.files) ?? [];
  const r = req.ctx.repos.assignments.submit(
    a.id,
    { body: parsed.data.body, link: parsed.data.link, late: isLate(a, now), key: parsed.data.idempotency_key },
    prepared,
  );
  if (!r.duplicate) audit(req, 'submission.create', { type: 'assignment', id: a.id }, { version: r.version, files: prepared.length });
  flash(req, 'ok', r.duplicate ? 'submission.already_received' : 'submission.received');
  res.redirect(303, `/t/${String(req.params.token)}#submitted`);
}
