import type { ChecklistItem } from '../db/vacancies.js';
import type { CandidatesRepo, DuplicateReason, Screening, VerdictOutcome } from '../db/candidates.js';
import {
  proposeVerdict,
  screenResume,
  type ChecklistItemInput,
  type ExperienceSummary,
  type ItemStatus,
  type VerdictPolicy,
  type VerdictProfile,
  type ScreeningResult,
} from '../domain/screening/index.js';
import { normalizeEmail, normalizePhone } from '../domain/candidate.js';
import { ExtractError } from '../extract/errors.js';
import type { Extracted } from '../extract/index.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { sha256, type FileStore } from '../storage/files.js';

export function checklistInputs(items: ChecklistItem[]): ChecklistItemInput[] {
  return items.map((i) => ({ key: i.key, kind: i.kind, weight: i.weight, ...(i.keywords.length ? { keywords: i.keywords } : {}) }));
}

/**
 * The one screening entry point: the web page, `npm run screen`, `npm run import` and re-screening all call this,
 * with the vacancy's checklist and verdict policy.
 */
export function screenText(text: string, checklist: ChecklistItem[], policy: VerdictPolicy, now: Date = new Date()): ScreeningResult {
  return screenResume(text, checklistInputs(checklist), { now, policy });
}

/** What the verdict needs from the stored experience (screenings stored before b2bSales existed derive it). */
export function verdictProfile(experience: ExperienceSummary): VerdictProfile {
  if (typeof experience.b2bSales === 'boolean' || experience.b2bSales === null) return { b2bSales: experience.b2bSales };
  return { b2bSales: experience.jobs.some((j) => j.relevant) ? true : experience.jobs.length > 0 ? false : null };
}

/** The verdict (with the rule and items that decided it) that follows from the statuses as they stand, confirmed or proposed. */
export function currentVerdict(
  statuses: Record<string, ItemStatus>,
  checklist: ChecklistItem[],
  policy: VerdictPolicy,
  profile: VerdictProfile,
): VerdictOutcome {
  const { verdict, score, rule, decisive } = proposeVerdict(statuses, checklistInputs(checklist), policy, profile);
  return { verdict, score, rule, decisive };
}

/** Re-runs the rules (e.g. after the checklist changed) while keeping what a person confirmed. */
export function rescreen(
  repo: CandidatesRepo,
  candidateId: number,
  text: string,
  checklist: ChecklistItem[],
  policy: VerdictPolicy,
  userId: number | null,
  now = new Date(),
) {
  const before = repo.screening(candidateId);
  const result = screenText(text, checklist, policy, now);
  const confirmed = new Map((before?.items ?? []).filter((i) => i.confirmedBy !== null).map((i) => [i.key, i.status]));
  const statuses = Object.fromEntries(Object.entries(result.items).map(([k, v]) => [k, confirmed.get(k) ?? v.status]));
  repo.rescreen(candidateId, result, currentVerdict(statuses, checklist, policy, verdictProfile(result.experience)), userId);
}

/**
 * Decides one candidate's verdicts again from the stored item statuses — the tool's proposals for the proposed
 * verdict, the statuses as confirmed for the current one — after the vacancy's policy or item kinds changed.
 * The rules are not re-run: the quotes and proposals HR has seen stay as they are.
 * Returns whether the current verdict changed.
 */
export function redecide(
  repo: CandidatesRepo,
  candidateId: number,
  checklist: ChecklistItem[],
  policy: VerdictPolicy,
  userId: number | null,
): boolean {
  const s = repo.screening(candidateId);
  if (!s) return false;
  const profile = verdictProfile(s.experience);
  const proposed = currentVerdict(Object.fromEntries(s.items.map((i) => [i.key, i.proposedStatus])), checklist, policy, profile);
  const current = currentVerdict(statusesOf(s), checklist, policy, profile);
  const same = (v: VerdictOutcome, verdict: string, score: number, rule: string | null, decisive: string[]) =>
    v.verdict === verdict && v.score === score && v.rule === rule && v.decisive.join() === decisive.join();
  // Most candidates keep their verdicts under a small policy change: nothing to write for them.
  if (
    same(proposed, s.proposedVerdict, s.proposedScore, s.proposedRule, s.proposedDecisive) &&
    same(current, s.verdict, s.score, s.rule, s.decisive)
  )
    return false;
  repo.redecide(candidateId, proposed, current, s.verdict, userId);
  return current.verdict !== s.verdict;
}

export function statusesOf(s: Screening): Record<string, ItemStatus> {
  return Object.fromEntries(s.items.map((i) => [i.key, i.status]));
}

export interface ResumeSource {
  text?: string | undefined;
  file?: { buf: Uint8Array; originalName: string } | undefined;
}

export interface PreparedResume {
  text: string;
  extracted: Extracted | null;
  file: { buf: Uint8Array; originalName: string } | null;
}

/** Pasted text wins over nothing; a file's text is used when no text was pasted. */
export async function prepareResume(src: ResumeSource): Promise<PreparedResume> {
  const pasted = src.text?.trim() ?? '';
  if (src.file) {
    // Off the request thread, within time and memory limits: see extract/sandbox.ts.
    const extracted = await extractionSandbox().extractText(src.file.buf, src.file.originalName);
    return { text: pasted || extracted.text, extracted, file: src.file };
  }
  if (!pasted) throw new ExtractError('empty', 'no resume text and no file');
  return { text: pasted, extracted: null, file: null };
}

export interface IntakeInput {
  vacancyId: number;
  checklist: ChecklistItem[];
  policy: VerdictPolicy;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** Null when nobody gave one. */
  city?: string | null | undefined;
  source: string;
  consentAt: string;
  consentVersion: string;
  coverLetter: string | null;
  resume: PreparedResume;
  createdBy: number | null;
  /** false: stop and report a duplicate instead of creating a flagged copy. */
  allowDuplicate: boolean;
}

export type IntakeResult =
  | { ok: true; id: number; duplicate: { id: number; reason: DuplicateReason } | null; screening: ScreeningResult }
  | { ok: false; duplicate: { id: number; reason: DuplicateReason } };

export function duplicateOf(repo: CandidatesRepo, input: Pick<IntakeInput, 'vacancyId' | 'email' | 'phone' | 'resume'>) {
  return repo.findDuplicate({
    vacancyId: input.vacancyId,
    fileSha: input.resume.file ? sha256(input.resume.file.buf) : null,
    resumeSha: sha256(input.resume.text),
    emailNorm: normalizeEmail(input.email),
    phoneNorm: normalizePhone(input.phone),
  });
}

export function intakeCandidate(repo: CandidatesRepo, files: FileStore, input: IntakeInput, now = new Date()): IntakeResult {
  const duplicate = duplicateOf(repo, input);
  if (duplicate && !input.allowDuplicate) return { ok: false, duplicate };
  const screening = screenText(input.resume.text, input.checklist, input.policy, now);
  const { file, extracted } = input.resume;
  const stored =
    file && extracted
      ? { ...files.save(file.buf, extracted.kind), originalName: file.originalName, mime: extracted.mime, size: file.buf.byteLength }
      : null;
  const id = repo.create(
    {
      vacancyId: input.vacancyId,
      fullName: input.fullName,
      email: input.email,
      emailNorm: normalizeEmail(input.email),
      phone: input.phone,
      phoneNorm: normalizePhone(input.phone),
      city: input.city ?? null,
      source: input.source,
      consentAt: input.consentAt,
      consentVersion: input.consentVersion,
      resumeText: input.resume.text,
      resumeSha256: sha256(input.resume.text),
      coverLetter: input.coverLetter,
      file: stored,
      duplicate: duplicate ? { of: duplicate.id, reason: duplicate.reason } : null,
      createdBy: input.createdBy,
    },
    screening,
  );
  return { ok: true, id, duplicate, screening };
}
