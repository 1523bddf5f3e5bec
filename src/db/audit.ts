import type { DB } from './connection.js';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditFilter {
  action?: string | undefined;
  userId?: number | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: string | null;
  ip: string | null;
}

export function auditRepo(db: DB) {
  const where = `WHERE (@action IS NULL OR action = @action OR action LIKE @action || '.%')
      AND (@userId IS NULL OR user_id = @userId)
      AND (@subjectType IS NULL OR subject_type = @subjectType)
      AND (@subjectId IS NULL OR subject_id = @subjectId)
      AND (@from IS NULL OR at >= @from)
      AND (@to IS NULL OR at < @to)`;
  type P = {
    action: string | null;
    userId: number | null;
    subjectType: string | null;
    subjectId: string | null;
    from: string | null;
    to: string | null;
  };
  const stmts = {
    insert: db.prepare(
      `INSERT INTO audit_log (user_id, user_name, action, subject_type, subject_id, detail, ip)
       VALUES (@userId, @userName, @action, @subjectType, @subjectId, @detail, @ip)`,
    ),
    list: db.prepare<P & { limit: number; offset: number }, Row>(
      `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<P, { n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${where}`),
    actions: db.prepare<[], { action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action'),
  };
  const params = (f: AuditFilter): P => ({
    action: f.action ?? null,
    userId: f.userId ?? null,
    subjectType: f.subjectType ?? null,
    subjectId: f.subjectId ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
  });
  return {
    log: (e: {
      userId: number | null;
      userName: string | null;
      action: string;
      subjectType?: string | null;
      subjectId?: string | number | null;
      detail?: Record<string, unknown> | null;
      ip?: string | null;
    }) =>
      stmts.insert.run({
        userId: e.userId,
        userName: e.userName,
        action: e.action,
        subjectType: e.subjectType ?? null,
        subjectId: e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId),
        detail: e.detail ? JSON.stringify(e.detail) : null,
        ip: e.ip ?? null,
      }),
    list: (f: AuditFilter): { rows: AuditEntry[]; total: number } => ({
      rows: stmts.list.all({ ...params(f), limit: f.limit, offset: f.offset }).map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
        ip: r.ip,
      })),
      total: stmts.count.get(params(f))!.n,
    }),
    actions: () => stmts.actions.all().map((r) => r.action),
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
