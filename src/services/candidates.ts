import type { Candidate } from '../db/candidates.js';
import type { Repos } from '../db/repos.js';
import type { PipelineStage } from '../domain/candidate.js';
import type { ItemStatus, Verdict } from '../domain/screening/index.js';
import type { FileStore } from '../storage/files.js';
import { auditLine, type Actor } from './audit.js';
import { refreshScore } from './scores.js';
import { queueMail } from './mail.js';
import { textLang } from '../domain/offer.js';
import type { OutgoingMail } from '../domain/mail/message.js';
import { currentVerdict, intakeCandidate, rescreen, statusesOf, verdictProfile, type IntakeInput, type IntakeResult } from './screening.js';

/*
 * What a user does to a candidate, one function each. Every one is a single transaction that writes
 * the change, the candidate's refreshed score and the audit line: all of it lands or none does.
 * Slow work that cannot run inside a transaction (reading a resume file) happens before, in the caller.
 */

/** Adds a candidate from a resume already read (prepareResume); a duplicate stops it unless allowed. */
export function addCandidate(repos: Repos, files: FileStore, input: IntakeInput, actor: Actor, now = new Date()): IntakeResult {
  return repos.transaction(() => {
    const result = intakeCandidate(repos.candidates, files, input, now);
    if (!result.ok) return result;
    // Letters to the candidate are written in the resume's language until HR changes it on the card.
    repos.candidates.setLang(result.id, textLang(input.resume.text));
    refreshScore(repos, result.id);
    auditLine(
      repos,
      actor,
      'candidate.create',
      { type: 'candidate', id: result.id },
      { vacancy: input.vacancyId, duplicate: result.duplicate?.reason ?? null },
    );
    return result;
  });
}

/** Runs the screening rules again on one candidate, keeping what a person confirmed. */
export function screenAgain(
  repos: Repos,
  candidate: Pick<Candidate, 'id' | 'vacancyId' | 'resumeText'>,
  actor: Actor,
  now = new Date(),
): void {
  repos.transaction(() => {
    rescreen(
      repos.candidates,
      candidate.id,
      candidate.resumeText,
      repos.vacancies.checklist(candidate.vacancyId),
      repos.vacancies.verdictPolicy(candidate.vacancyId),
      actor.userId,
      now,
    );
    refreshScore(repos, candidate.id);
    auditLine(repos, actor, 'screening.rescreen', { type: 'candidate', id: candidate.id });
  });
}

/** After a vacancy's checklist changed: every candidate screened again, every score refreshed. */
export function screenVacancyAgain(repos: Repos, vacancyId: number, actor: Actor, now = new Date()): number {
  return repos.transaction(() => {
    const checklist = repos.vacancies.checklist(vacancyId);
    const policy = repos.vacancies.verdictPolicy(vacancyId);
    const ids = repos.candidates.idsForVacancy(vacancyId);
    for (const id of ids) {
      const c = repos.candidates.get(id);
      if (!c) continue;
      rescreen(repos.candidates, id, c.resumeText, checklist, policy, actor.userId, now);
      refreshScore(repos, id);
    }
    auditLine(repos, actor, 'vacancy.rescreen', { type: 'vacancy', id: vacancyId }, { candidates: ids.length });
    return ids.length;
  });
}

/** A person confirms or overrides one checklist item; the verdict follows the statuses as they now stand. */
export function setScreeningItem(
  repos: Repos,
  candidate: Pick<Candidate, 'id' | 'vacancyId'>,
  key: string,
  status: ItemStatus,
  actor: Actor & { userId: number },
): boolean {
  return repos.transaction(() => {
    const s = repos.candidates.screening(candidate.id);
    const item = s?.items.find((i) => i.key === key);
    if (!s || !item) return false;
    const statuses: Record<string, ItemStatus> = { ...statusesOf(s), [item.key]: status };
    const verdict = currentVerdict(
      statuses,
      repos.vacancies.checklist(candidate.vacancyId),
      repos.vacancies.verdictPolicy(candidate.vacancyId),
      verdictProfile(s.experience),
    );
    repos.candidates.setItemStatus(candidate.id, item.key, status, item.status, verdict, actor.userId);
    refreshScore(repos, candidate.id);
    auditLine(
      repos,
      actor,
      'screening.item',
      { type: 'candidate', id: candidate.id },
      { key: item.key, from: item.status, to: status, proposed: item.proposedStatus },
    );
    return true;
  });
}

// Deciding moves a candidate still at the start of the pipeline along it; later stages are moved by hand.
const STAGE_AFTER: Record<Verdict, PipelineStage | null> = { pass: 'interview', review: 'screening', reject: 'rejected' };

/** HR's screening decision with its reason; a candidate still at the start of the pipeline moves along. */
export function decide(
  repos: Repos,
  candidate: Pick<Candidate, 'id' | 'stage'>,
  decision: { decision: Verdict; reason: string },
  actor: Actor & { userId: number },
  /** A letter to the candidate (a rejection), queued with the decision or not at all. */
  mail?: OutgoingMail,
): boolean {
  return repos.transaction(() => {
    const s = repos.candidates.screening(candidate.id);
    if (!s) return false;
    if (mail) queueMail(repos, actor, mail);
    const next = STAGE_AFTER[decision.decision];
    const stage = (candidate.stage === 'new' || candidate.stage === 'screening') && next ? { from: candidate.stage, to: next } : null;
    repos.candidates.decide(candidate.id, { ...decision, old: s.decision, stage }, actor.userId);
    refreshScore(repos, candidate.id);
    auditLine(repos, actor, 'screening.decision', { type: 'candidate', id: candidate.id }, { ...decision, proposed: s.verdict });
    if (stage && stage.from !== stage.to)
      auditLine(repos, actor, 'candidate.stage', { type: 'candidate', id: candidate.id }, { ...stage, by: 'decision' });
    return true;
  });
}

/** Moves a candidate to another pipeline stage; moving to the stage they are at changes nothing. */
export function moveStage(
  repos: Repos,
  candidate: Pick<Candidate, 'id' | 'stage'>,
  to: PipelineStage,
  reason: string | null,
  actor: Actor & { userId: number },
): boolean {
  if (to === candidate.stage) return false;
  repos.transaction(() => {
    repos.candidates.moveStage(candidate.id, candidate.stage, to, reason, actor.userId);
    refreshScore(repos, candidate.id);
    auditLine(repos, actor, 'candidate.stage', { type: 'candidate', id: candidate.id }, { from: candidate.stage, to });
  });
  return true;
}
