import type { Assignment } from '../db/assignments.js';
import type { Repos } from '../db/repos.js';
import { auditLine, type Actor } from './audit.js';
import { refreshScore } from './scores.js';

/**
 * A grader's rubric scores for the latest submission: the grade, the candidate's refreshed score and
 * the audit line in one transaction. Returns false when this grader had already graded (nothing written).
 */
export function grade(
  repos: Repos,
  a: Pick<Assignment, 'id' | 'code' | 'candidateId'>,
  g: { version: number; scores: Record<string, number>; comment: string },
  actor: Actor & { userId: number },
): boolean {
  return repos.transaction(() => {
    const created = repos.assignments.grade({ assignmentId: a.id, graderId: actor.userId, ...g });
    if (!created) return false;
    refreshScore(repos, a.candidateId);
    auditLine(repos, actor, 'grade.submit', { type: 'assignment', id: a.id }, { code: a.code, scores: g.scores });
    return true;
  });
}
