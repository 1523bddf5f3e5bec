import type { Request } from 'express';
import { auditLine, type Actor } from '../services/audit.js';
import { userOf } from './types.js';

/** The current user (or nobody, for a candidate's own link) as the use-cases record them. */
export function actorOf(req: Request): Actor {
  const user = req.ctx.user;
  return { userId: user?.id ?? null, userName: user ? `${user.display_name} (${user.username})` : null, ip: req.ip ?? null };
}

/** Records a read or another action that changes nothing else (views, downloads, exports). */
export function audit(
  req: Request,
  action: string,
  subject?: { type: string; id: string | number },
  detail?: Record<string, unknown>,
): void {
  auditLine(req.ctx.repos, actorOf(req), action, subject, detail);
}

/** As actorOf, for routes that only signed-in users reach. */
export function userActorOf(req: Request): Actor & { userId: number } {
  return { ...actorOf(req), userId: userOf(req).id };
}
