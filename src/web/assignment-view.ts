import type { Request, Response } from 'express';
import { z } from 'zod';
import type { CaseMeta, TaskMeta } from '../domain/bank/schema.js';
import { gradePercent, isBlind, type RubricCriterion } from '../domain/assignment.js';
import { disagreementFlag, spread } from '../domain/agreement.js';
import { downloadHeaders } from '../domain/download.js';
import { graderCopy } from '../services/grader-files.js';
import type { Assignment, Grade } from '../db/assignments.js';
import { blindGraderProblem, type BlindGraderProblem } from '../domain/policy.js';
import { HttpError } from './middleware/errors.js';
import { renderMarkdown } from './markdown.js';

/** Pieces the HR, candidate-link and grader handlers share: the task as assigned, its grade table, a submitted file. */

export function itemOf(req: Request, a: Pick<Assignment, 'itemId' | 'lang' | 'bankVersion'>) {
  const item = req.ctx.repos.bank.atVersion<TaskMeta | CaseMeta>(a.itemId, a.lang, a.bankVersion);
  if (!item) throw new HttpError(404, 'errors.not_found');
  return item;
}

export function briefHtml(a: Assignment, item: { meta: TaskMeta | CaseMeta; body: string }): string {
  return renderMarkdown(a.briefOverride ?? item.body);
}

/** Scores side by side, per-criterion spread and the flags where graders differ by 2 or more. */
export function gradeTable(rubric: RubricCriterion[], grades: Grade[]) {
  return {
    rows: rubric.map((c) => {
      const values = grades.map((g) => g.scores[c.id]).filter((v): v is number => v !== undefined);
      return {
        id: c.id,
        text: c.text,
        min: c.min,
        max: c.max,
        weight: c.weight,
        scores: grades.map((g) => g.scores[c.id] ?? null),
        spread: spread(values),
        flag: disagreementFlag(values),
      };
    }),
    percents: grades.map((g) => gradePercent(rubric, g.scores)),
  };
}

/**
 * A submitted file: the original for HR; for graders under a neutral name, the scrubbed copy or, while grading
 * is blind, the clean copy (or masked text) graderCopy() makes. A copy that cannot be made is refused and logged.
 */
export async function sendSubmissionFile(req: Request, res: Response, a: Assignment, forGrader: boolean) {
  const p = z.object({ fileId: z.coerce.number().int().positive() }).safeParse(req.params);
  if (!p.success) throw new HttpError(404, 'errors.not_found');
  for (const s of req.ctx.repos.assignments.submissions(a.id)) {
    const f = s.files.find((x) => x.id === p.data.fileId);
    if (!f) continue;
    if (forGrader && !f.scrubbedStorageName) {
      // No copy without metadata was ever made: the original is not for graders.
      req.log.error({ reqId: req.id, assignment: a.id, file: f.id }, 'no scrubbed copy of a submitted file; grader download refused');
      throw new HttpError(500, 'grading.mask_failed');
    }
    const candidate = forGrader ? req.ctx.repos.candidates.get(a.candidateId) : undefined;
    const who =
      candidate && isBlind(candidate.stage, a.unblindedAt)
        ? { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone }
        : null;
    let copy: { bytes: Uint8Array; kind: string };
    if (!forGrader) copy = { bytes: req.ctx.services.files.read(f.storageName), kind: f.kind };
    else {
      try {
        copy = await graderCopy(req.ctx.services.files, f, who);
      } catch (err) {
        // Fail closed: a file whose masking failed may still name the candidate, so a blind grader gets none.
        req.log.error(
          { reqId: req.id, err, assignment: a.id, file: f.id, kind: f.kind },
          'masking a submitted file failed; blind download refused',
        );
        throw new HttpError(500, 'grading.mask_failed');
      }
    }
    // Graders get a neutral name: the candidate's own file name may carry their name.
    res.set(downloadHeaders(forGrader ? `${a.code}-v${s.version}-${f.position}` : f.originalName, copy.kind));
    const body = copy.bytes;
    return res.send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  }
  throw new HttpError(404, 'errors.not_found');
}

/** Who cannot grade this candidate's work blind, and why (the rule: domain/policy.ts blindGraderProblem). */
export function blindGraderCheck(req: Request, candidateId: number): (userId: number) => BlindGraderProblem | null {
  const panel = req.ctx.repos.debrief.panelists(candidateId);
  const seen = req.ctx.repos.debrief.identitySeen(candidateId);
  return (userId) => blindGraderProblem({ interviewed: panel.has(userId), unblinded: seen.has(userId) });
}
