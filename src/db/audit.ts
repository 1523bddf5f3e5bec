import type { DB } from './connection.js';
import { joinNotes, splitFreeText, type AuditNote } from '../domain/audit-notes.js';

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
    // Whose note it is: the candidate the entry is about, directly or through their interview,
    // take-home task or message (or a `candidate` reference in the detail).
    note: db.prepare(
      `INSERT INTO audit_notes (audit_id, path, candidate_id, text) VALUES (@auditId, @path,
         CASE @subjectType
           WHEN 'candidate' THEN CAST(@subjectId AS INTEGER)
           WHEN 'interview' THEN (SELECT candidate_id FROM interviews WHERE id = CAST(@subjectId AS INTEGER))
           WHEN 'assignment' THEN (SELECT candidate_id FROM assignments WHERE id = CAST(@subjectId AS INTEGER))
           WHEN 'outbox' THEN (SELECT candidate_id FROM outbox WHERE id = CAST(@subjectId AS INTEGER))
           ELSE @candidateRef
         END, @text)`,
    ),
    notes: db.prepare<[string], { audit_id: number; path: string; text: string }>(
      'SELECT audit_id, path, text FROM audit_notes WHERE audit_id IN (SELECT value FROM json_each(?))',
    ),
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
    }) => {
      const split: ReturnType<typeof splitFreeText> | { detail: null; notes: AuditNote[] } = e.detail
        ? splitFreeText(e.detail)
        : { detail: null, notes: [] };
      const subjectType = e.subjectType ?? null;
      const subjectId = e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId);
      // A candidate acting through their own link (no user): their address is theirs, and goes with them.
      const candidateIp = e.userId === null && e.ip && subjectType !== null && subjectType !== 'user' ? e.ip : null;
      if (candidateIp) split.notes.push({ path: '$ip', text: candidateIp });
      const info = stmts.insert.run({
        userId: e.userId,
        userName: e.userName,
        action: e.action,
        subjectType,
        subjectId,
        detail: split.detail ? JSON.stringify(split.detail) : null,
        ip: candidateIp ? null : (e.ip ?? null),
      });
      if (split.notes.length > 0) {
        const ref = e.detail?.candidate ?? e.detail?.candidateId;
        const candidateRef = typeof ref === 'number' && Number.isInteger(ref) ? ref : null;
        for (const n of split.notes)
          stmts.note.run({ auditId: info.lastInsertRowid, path: n.path, subjectType, subjectId, candidateRef, text: n.text });
      }
      return info;
    },
    list: (f: AuditFilter): { rows: AuditEntry[]; total: number } => {
      const rows = stmts.list.all({ ...params(f), limit: f.limit, offset: f.offset });
      const notes = new Map<number, Map<string, string>>();
      if (rows.length > 0) {
        for (const n of stmts.notes.all(JSON.stringify(rows.map((r) => r.id)))) {
          let m = notes.get(n.audit_id);
          if (!m) notes.set(n.audit_id, (m = new Map()));
          m.set(n.path, n.text);
        }
      }
      return {
        rows: rows.map((r) => {
          const own = notes.get(r.id) ?? new Map<string, string>();
          return {
            id: r.id,
            at: r.at,
            userId: r.user_id,
            userName: r.user_name,
            action: r.action,
            subjectType: r.subject_type,
            subjectId: r.subject_id,
            detail: r.detail ? joinNotes(JSON.parse(r.detail) as Record<string, unknown>, own) : null,
            ip: r.ip ?? own.get('$ip') ?? null,
          };
        }),
        total: stmts.count.get(params(f))!.n,
      };
    },
    actions: () => stmts.actions.all().map((r) => r.action),
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
