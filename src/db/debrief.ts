import type { DB } from './connection.js';

/**
 * What the debrief and the blind-grading rule need to know about who took part in a candidate's
 * assessment, and the record of when an interviewer first saw the others' scorecards.
 */
export function debriefRepo(db: DB) {
  const stmts = {
    ownCards: db.prepare<[number, number], { status: 'draft' | 'submitted' }>(
      `SELECT s.status FROM scorecards s JOIN interviews i ON i.id = s.interview_id
       WHERE i.candidate_id = ? AND s.interviewer_id = ? AND i.status <> 'cancelled'`,
    ),
    onPanel: db.prepare<[number, number], { n: number }>(
      `SELECT COUNT(*) AS n FROM scorecards s JOIN interviews i ON i.id = s.interview_id WHERE i.candidate_id = ? AND s.interviewer_id = ?`,
    ),
    graderOf: db.prepare<[number, number], { id: number; unblinded_at: string | null; graded: number }>(
      `SELECT a.id, a.unblinded_at, EXISTS (SELECT 1 FROM grades g WHERE g.assignment_id = a.id AND g.grader_id = ag.user_id) AS graded
       FROM assignments a JOIN assignment_graders ag ON ag.assignment_id = a.id WHERE a.candidate_id = ? AND ag.user_id = ?`,
    ),
    panelists: db.prepare<[number], { id: number }>(
      `SELECT DISTINCT s.interviewer_id AS id FROM scorecards s JOIN interviews i ON i.id = s.interview_id WHERE i.candidate_id = ?`,
    ),
    // Who has seen this candidate's name on take-home work: whoever lifted a blind, and the graders of a lifted one.
    identitySeen: db.prepare<[number, number], { id: number }>(
      `SELECT e.user_id AS id FROM unblind_events e JOIN assignments a ON a.id = e.assignment_id WHERE a.candidate_id = ? AND e.user_id IS NOT NULL
       UNION SELECT ag.user_id FROM assignment_graders ag JOIN assignments a ON a.id = ag.assignment_id
       WHERE a.candidate_id = ? AND a.unblinded_at IS NOT NULL`,
    ),
    candidatesOnPanel: db.prepare<[number], { id: number }>(
      `SELECT DISTINCT i.candidate_id AS id FROM scorecards s JOIN interviews i ON i.id = s.interview_id WHERE s.interviewer_id = ?`,
    ),
    seenOnCandidate: db.prepare(
      `UPDATE scorecards SET others_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE others_seen_at IS NULL AND status = 'submitted' AND interviewer_id = @userId
         AND interview_id IN (SELECT id FROM interviews WHERE candidate_id = @candidateId)`,
    ),
    seenOnInterview: db.prepare(
      `UPDATE scorecards SET others_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE others_seen_at IS NULL AND status = 'submitted' AND interviewer_id = @userId AND interview_id = @interviewId`,
    ),
    flagAmendment: db.prepare(
      `UPDATE scorecard_revisions SET after_seen_others = 1
       WHERE scorecard_id = @id AND kind = 'amend'
         AND revision = (SELECT MAX(revision) FROM scorecard_revisions WHERE scorecard_id = @id)
         AND EXISTS (SELECT 1 FROM scorecards WHERE id = @id AND others_seen_at IS NOT NULL)`,
    ),
    flaggedOnInterview: db.prepare<[number], { id: number }>(
      `SELECT DISTINCT r.scorecard_id AS id FROM scorecard_revisions r JOIN scorecards s ON s.id = r.scorecard_id
       WHERE s.interview_id = ? AND r.after_seen_others = 1`,
    ),
    flaggedOnCandidate: db.prepare<[number], { id: number }>(
      `SELECT DISTINCT r.scorecard_id AS id FROM scorecard_revisions r JOIN scorecards s ON s.id = r.scorecard_id
       JOIN interviews i ON i.id = s.interview_id WHERE i.candidate_id = ? AND r.after_seen_others = 1`,
    ),
    othersSeenAt: db.prepare<[number], { at: string | null }>('SELECT others_seen_at AS at FROM scorecards WHERE id = ?'),
  };
  const ids = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
  return {
    /** This person's own scorecards for the candidate (interviews not cancelled): how many, how many submitted. */
    ownCards: (candidateId: number, userId: number) => {
      const rows = stmts.ownCards.all(candidateId, userId);
      return { total: rows.length, submitted: rows.filter((r) => r.status === 'submitted').length };
    },
    /** On the panel of any of the candidate's interviews (cancelled ones too: they were told the name). */
    isOnPanel: (candidateId: number, userId: number) => stmts.onPanel.get(candidateId, userId)!.n > 0,
    /** The candidate's assignments this person grades, with whether they graded and whether the blind was lifted. */
    gradingOf: (candidateId: number, userId: number) =>
      stmts.graderOf.all(candidateId, userId).map((r) => ({ id: r.id, unblindedAt: r.unblinded_at, graded: r.graded === 1 })),
    /** Everyone on a panel of the candidate's interviews (cancelled ones too: they were told the name). */
    panelists: (candidateId: number) => ids(stmts.panelists.all(candidateId)),
    /** Everyone who lifted a blind on the candidate's work or graded it after the blind was lifted. */
    identitySeen: (candidateId: number) => ids(stmts.identitySeen.all(candidateId, candidateId)),
    /** Candidates whose interview panel this person sits (or sat) on. */
    candidatesOnPanel: (userId: number) => ids(stmts.candidatesOnPanel.all(userId)),
    /** The first time this interviewer saw other scorecards of the candidate (kept once; later views change nothing). */
    markOthersSeenForCandidate: (candidateId: number, userId: number) => stmts.seenOnCandidate.run({ candidateId, userId }).changes,
    markOthersSeenForInterview: (interviewId: number, userId: number) => stmts.seenOnInterview.run({ interviewId, userId }).changes,
    othersSeenAt: (scorecardId: number) => stmts.othersSeenAt.get(scorecardId)?.at ?? null,
    /** Marks the card's latest revision when it is an amendment made after its author saw the others. */
    flagAmendmentIfSeen: (scorecardId: number) => stmts.flagAmendment.run({ id: scorecardId }).changes > 0,
    amendedAfterSeenOnInterview: (interviewId: number) => ids(stmts.flaggedOnInterview.all(interviewId)),
    amendedAfterSeenOnCandidate: (candidateId: number) => ids(stmts.flaggedOnCandidate.all(candidateId)),
  };
}
export type DebriefRepo = ReturnType<typeof debriefRepo>;
