/**
 * The audit log is append-only and outlives every candidate, so it must not hold what erasure has
 * to remove. An entry keeps references and codes ("decision": "reject", "stage": "interview");
 * free text (a reason typed by HR, a name, a comment) goes to a note beside it, which is erased
 * with the candidate while the entry stays. In the stored detail a note is a marker
 * {"$note": "<path>"}; reading the log puts the text back, or ERASED_NOTE once it is gone.
 */
export const ERASED_NOTE = '[erased]';

/** Codes and references: ASCII without spaces or "@", short. Anything else is free text. */
const CODE = /^[A-Za-z0-9_.:/+-]{0,64}$/;

export interface AuditNote {
  path: string;
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function splitFreeText(detail: Record<string, unknown>): { detail: Record<string, unknown>; notes: AuditNote[] } {
  const notes: AuditNote[] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      if (CODE.test(v)) return v;
      notes.push({ path, text: v });
      return { $note: path };
    }
    if (depth > 4 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}.${i}`, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k, depth + 1)]));
  };
  return { detail: walk(detail, '', 0) as Record<string, unknown>, notes };
}

/** Puts the notes' text back where their markers are; a marker without its note (erased) reads ERASED_NOTE. */
export function joinNotes(detail: Record<string, unknown>, notes: ReadonlyMap<string, string>): Record<string, unknown> {
  const walk = (v: unknown): Json => {
    if (v === null || typeof v !== 'object') return v as Json;
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.$note === 'string' && Object.keys(o).length === 1) return notes.get(o.$note) ?? ERASED_NOTE;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  return walk(detail) as Record<string, unknown>;
}
