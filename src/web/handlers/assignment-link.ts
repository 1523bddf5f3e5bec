import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import {
  isLate,
  linkOpen,
  submissionFormSchema,
} from '../../domain/assignment.js';
import type { Assignment, } from '../../db/assignments.js';
import { prepareSubmissionFile, SubmissionFileError } from '../../services/submissions.js';
import { audit, } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadByToken, } from '../loaders.js';

import { briefHtml, itemOf, } from '../assignment-view.js';

// ---- The candidate's private link -----------------------------------------------------------

function showCandidatePage(req: Request, res: Response, a: Assignment, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const item = itemOf(req, a);
  const submissions = req.ctx.repos.assignments.submissions(a.id);
  const open = linkOpen(a, new Date());
  res.status(status);
  renderPage(res, 'pages/assignments/candidate', item.meta.title, {
    token: req.params.token,
    a: { deadlineAt: a.deadlineAt, open, late: isLate(a, new Date()) },
    item: { title: item.meta.title, deliverables: item.meta.kind === 'task' ? item.meta.deliverables : [], task: item.meta.kind === 'case' ? item.meta.task : null },
    briefHtml: briefHtml(a, item),
    submissions: submissions.map((s) => ({ version: s.version, submittedAt: s.submittedAt, late: s.late, files: s.files.map((f) => f.originalName), hasText: s.body.trim() !== '', link: s.link })),
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
  const prepared = [];
  if (!errors.files) {
    for (const f of uploads) {
      try {
        prepared.push(await prepareSubmissionFile(req.ctx.services.files, { buf: f.buffer, name: f.originalname }));
      } catch (e) {
        if (!(e instanceof SubmissionFileError)) throw e;
        errors.files = { key: e.key, params: { name: e.fileName } };
        break;
      }
    }
  }
  if (parsed.ok && !parsed.data.body.trim() && !parsed.data.link && uploads.length === 0 && !errors.files) errors.body = { key: 'submission.empty' };
  if (!parsed.ok || Object.keys(errors).length > 0) return showCandidatePage(req, res, a, keep, errors, 422);
  const r = req.ctx.repos.assignments.submit(a.id, { body: parsed.data.body, link: parsed.data.link, late: isLate(a, now), key: parsed.data.idempotency_key }, prepared);
  if (!r.duplicate) audit(req, 'submission.create', { type: 'assignment', id: a.id }, { version: r.version, files: prepared.length });
  flash(req, 'ok', r.duplicate ? 'submission.already_received' : 'submission.received');
  res.redirect(303, `/t/${String(req.params.token)}#submitted`);
}
