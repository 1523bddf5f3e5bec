import type { ChecklistItem } from '../db/vacancies.js';
import type { CandidatesRepo, DuplicateReason, Screening } from '../db/candidates.js';
import {
  proposeVerdict,
  screenResume,
  type ChecklistItemInput,
  type ItemStatus,
  type ScreeningResult,
} from '../domain/screening/index.js';
import { normalizeEmail, normalizePhone } from '../domain/candidate.js';
import { ExtractError, type Extracted } from '../extract/index.js';
import { extractionSandbox } from '../extract/sandbox.js';
import { sha256, type FileStore } from '../storage/files.js';

export function checklistInputs(items: ChecklistItem[]): ChecklistItemInput[] {
  return items.map((i) => ({ key: i.key, kind: i.kind, weight: i.weight, ...(i.keywords.length ? { keywords: i.keywords } : {}) }));
}

/** The one screening entry point: the web page, `npm run screen` and `npm run import` all call this. */
export function screenText(text: string, checklist: ChecklistItem[], now: Date = new Date()): ScreeningResult {
  return screenResume(text, checklistInputs(checklist), { now });
}

/** The verdict that follows from the statuses as they stand, confirmed or proposed. */
export function currentVerdict(statuses: Record<string, ItemStatus>, checklist: ChecklistItem[]) {
  const { verdict, score } = proposeVerdict(statuses, checklistInputs(checklist));
  return { verdict, score };
}

/** Re-runs the rules (e.g. after the checklist changed) while keeping what a person confirmed. */
export function rescreen(repo: CandidatesRepo, candidateId: number, text: string, checklist: ChecklistItem[], userId: number | null, now = new Date()) {
  const before = repo.screening(candidateId);
  const result = screenText(text, checklist, now);
  const confirmed = new Map((before?.items ?? []).filter((i) => i.confirmedBy !== null).map((i) => [i.key, i.status]));
  const statuses = Object.fromEntries(Object.entries(result.items).map(([k, v]) => [k, confirmed.get(k) ?? v.status]));
  repo.rescreen(candidateId, result, currentVerdict(statuses, checklist), userId);
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
  fullName: string;
  email: string | null;
  phone: string | null;
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
  const screening = screenText(input.resume.text, input.checklist, now);
  const { file, extracted } = input.resume;
  const stored = file && extracted ? { ...files.save(file.buf, extracted.kind), originalName: file.originalName, mime: extracted.mime, size: file.buf.byteLength } : null;
  const id = repo.create(
    {
      vacancyId: input.vacancyId,
      fullName: input.fullName,
      email: input.email,
      emailNorm: normalizeEmail(input.email),
      phone: input.phone,
      phoneNorm: normalizePhone(input.phone),
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
