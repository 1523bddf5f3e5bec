import { z } from 'zod';
import type { CaseMeta, TaskMeta } from './bank/schema.js';
import { msg } from './messages.js';

export const BLIND_LIFTING_STAGES = ['offer', 'hired', 'rejected'] as const;
export const SUBMISSION_KINDS = ['pdf', 'docx', 'pptx', 'xlsx', 'txt'] as const;
export const MAX_SUBMISSION_FILES = 5;
export const MAX_SUBMISSION_FILE_BYTES = 20 * 1024 * 1024;

// No 0/O, 1/I/L: a code is read aloud in calibration meetings.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Random bytes a new code is made from: 31^8 ≈ 8.5·10^11 codes, so guessing one is hopeless. */
export const CODE_BYTES = 8;

/**
 * A grader-facing code such as "K-7Q2M-XP4D" from CODE_BYTES random bytes. Fewer bytes give the
 * short codes of earlier versions ("K-7Q2"), which stay valid.
 */
export function assignmentCode(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, CODE_BYTES), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return chars.length === CODE_BYTES ? `K-${chars.slice(0, 4)}-${chars.slice(4)}` : `K-${chars}`;
}

/** What a grading code looks like: the current form, or the 3–4 character codes made before. */
export const ASSIGNMENT_CODE = /^K-(?:[A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{3,4})$/;

export type AssignmentStatus = 'sent' | 'opened' | 'submitted' | 'late' | 'closed';

export function deadlineWithGrace(deadlineAt: string, graceHours: number): Date {
  return new Date(new Date(deadlineAt).getTime() + graceHours * 3600 * 1000);
}

/** What HR sees in the list: has the candidate opened the link, submitted, submitted late? */
export function assignmentStatus(
  a: { deadlineAt: string; graceHours: number; openedAt: string | null },
  latest: { late: boolean } | null,
  now: Date,
): AssignmentStatus {
  if (latest) return latest.late ? 'late' : 'submitted';
  if (now > deadlineWithGrace(a.deadlineAt, a.graceHours)) return 'closed';
  return a.openedAt ? 'opened' : 'sent';
}

/** The link works until the deadline plus the grace period; a submission after the deadline is marked late. */
export function linkOpen(a: { deadlineAt: string; graceHours: number }, now: Date): boolean {
  return now <= deadlineWithGrace(a.deadlineAt, a.graceHours);
}

export function isLate(a: { deadlineAt: string }, now: Date): boolean {
  return now > new Date(a.deadlineAt);
}

/** Graders stay blind until the candidate's outcome is decided or HR lifts the blind on record. */
export function isBlind(candidateStage: string, unblindedAt: string | null): boolean {
  return unblindedAt === null && !(BLIND_LIFTING_STAGES as readonly string[]).includes(candidateStage);
}

export interface RubricCriterion {
  id: string;
  text: string;
  min: number;
  max: number;
  weight: number;
}

/** Tasks are scored 1–5 per weighted criterion; written cases 0…points, the points being the weight. */
export function rubricOf(meta: TaskMeta | CaseMeta): RubricCriterion[] {
  return meta.kind === 'task'
    ? meta.criteria.map((c) => ({ id: c.id, text: c.text, min: 1, max: 5, weight: c.weight }))
    : meta.criteria.map((c) => ({ id: c.id, text: c.text, min: 0, max: c.points, weight: c.points }));
}

/** A grade as 0–100: each criterion's position within its scale, weighted. */
export function gradePercent(rubric: readonly RubricCriterion[], scores: Readonly<Record<string, number>>): number | null {
  let total = 0;
  let weights = 0;
  for (const c of rubric) {
    const s = scores[c.id];
    if (s === undefined) return null;
    total += c.weight * ((s - c.min) / (c.max - c.min));
    weights += c.weight;
  }
  return weights === 0 ? null : Math.round((total / weights) * 1000) / 10;
}

export function gradeFormSchema(rubric: readonly RubricCriterion[]) {
  const scores = Object.fromEntries(
    rubric.map((c) => [
      c.id,
      z.coerce
        .number({ error: 'errors.score_required' })
        .int('errors.integer')
        .min(c.min, msg('errors.range', { min: c.min, max: c.max }))
        .max(c.max, msg('errors.range', { min: c.min, max: c.max })),
    ]),
  );
  return z.object({
    scores: z.preprocess(
      (v) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : {}),
      z.object(scores),
    ),
    comment: z
      .string()
      .trim()
      .max(5000, msg('errors.too_long', { max: 5000 }))
      .default(''),
  });
}

const url = z
  .string()
  .trim()
  .max(2000, msg('errors.too_long', { max: 2000 }))
  .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'errors.url')
  .transform((v) => (v === '' ? null : v));

export const submissionFormSchema = z.object({
  body: z
    .string()
    .max(100_000, msg('errors.too_long', { max: 100_000 }))
    .default(''),
  link: url.default(''),
  idempotency_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.form_expired'),
});

export const assignFormSchema = z.object({
  item: z.string().regex(/^(task|case):[a-z0-9][a-z0-9_-]*$/, 'errors.choice'),
  lang: z.enum(['ru', 'en'], { error: 'errors.choice' }),
  date: z.iso.date({ error: 'errors.date' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time'),
  grace_hours: z.coerce
    .number({ error: 'errors.number' })
    .int('errors.integer')
    .min(0, msg('errors.range', { min: 0, max: 168 }))
    .max(168, msg('errors.range', { min: 0, max: 168 })),
  graders: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()).min(1, 'errors.graders_required').max(10),
  ),
  brief: z
    .string()
    .max(50_000, msg('errors.too_long', { max: 50_000 }))
    .default(''),
});
