import type { Repos } from '../db/repos.js';

/** Who did it, for the audit log: a signed-in user, a candidate's own link (no user) or a command-line tool. */
export interface Actor {
  userId: number | null;
  userName: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, userName: null, ip: null };

/** Appends one line to the audit log; use-cases call it inside their transaction, so no change goes unrecorded. */
export function auditLine(
  repos: Pick<Repos, 'audit'>,
  actor: Actor,
  action: string,
  subject?: { type: string; id: string | number },
  detail?: Record<string, unknown>,
): void {
  repos.audit.log({
    userId: actor.userId,
    userName: actor.userName,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    detail: detail ?? null,
    ip: actor.ip,
  });
}
