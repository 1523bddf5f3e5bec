import type { Request } from 'express';

/** Records an action by the current user (or nobody, for a candidate's own link). */
export function audit(req: Request, action: string, subject?: { type: string; id: string | number }, detail?: Record<string, unknown>): void {
  const user = req.ctx.user;
  req.ctx.repos.audit.log({
    userId: user?.id ?? null,
    userName: user ? `${user.display_name} (${user.username})` : null,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    detail: detail ?? null,
    ip: req.ip ?? null,
  });
}
