import type { SaveResult, Scorecard } from '../db/interviews.js';
import type { Repos } from '../db/repos.js';
import type { ScorecardData } from '../domain/interview.js';
import { auditLine, type Actor } from './audit.js';
import { refreshScore } from './scores.js';

/** Which interview and candidate a scorecard belongs to. */
export interface ScorecardRef {
  scorecard: Pick<Scorecard, 'id' | 'amendReason'>;
  interviewId: number;
  candidateId: number;
}

/**
 * Submits (or, while amending, submits again) an interviewer's scorecard: the locked card, the
 * candidate's refreshed score and the audit line in one transaction. A stale version changes nothing.
 */
export function submitScorecard(
  repos: Repos,
  ref: ScorecardRef,
  posted: { version: number; data: ScorecardData },
  actor: Actor & { userId: number },
): SaveResult {
  return repos.transaction(() => {
    const r = repos.interviews.submit(ref.scorecard.id, posted.version, posted.data, actor.userId);
    if (!r.ok) return r;
    // An amendment made after its author saw the other scorecards is marked as such on its revision.
    const afterSeen = ref.scorecard.amendReason ? repos.debrief.flagAmendmentIfSeen(ref.scorecard.id) : false;
    refreshScore(repos, ref.candidateId);
    auditLine(
      repos,
      actor,
      ref.scorecard.amendReason ? 'scorecard.amend' : 'scorecard.submit',
      { type: 'interview', id: ref.interviewId },
      {
        scorecard: ref.scorecard.id,
        candidate: ref.candidateId,
        reason: ref.scorecard.amendReason,
        ...(afterSeen ? { afterSeeingOthers: true } : {}),
      },
    );
    return r;
  });
}

/**
 * Opens a submitted scorecard for amendment with a reason. The old ratings leave the score until the
 * card is submitted again. Returns false when the card was not submitted (nothing to amend).
 */
export function amendScorecard(repos: Repos, ref: ScorecardRef, reason: string, actor: Actor): boolean {
  return repos.transaction(() => {
    if (!repos.interviews.reopen(ref.scorecard.id, reason)) return false;
    refreshScore(repos, ref.candidateId);
    auditLine(repos, actor, 'scorecard.amend_open', { type: 'interview', id: ref.interviewId }, { scorecard: ref.scorecard.id, reason });
    return true;
  });
}
