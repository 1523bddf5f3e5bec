import type { DB } from './connection.js';
import type { BankItem, BankSet } from '../domain/bank/parse.js';
import type { AnyMeta, CaseMeta, ChecklistMeta, CompetencyMeta, ItemKind, Lang, QuestionMeta, TaskMeta } from '../domain/bank/schema.js';

interface BankRow {
  id: string;
  lang: Lang;
  kind: ItemKind;
  version: number;
  hash: string;
  title: string;
  competency: string | null;
  qtype: string | null;
  meta: string;
  body: string;
  file: string;
  retired_at: string | null;
  updated_at: string;
}

export interface StoredItem<M extends AnyMeta = AnyMeta> {
  id: string;
  lang: Lang;
  kind: ItemKind;
  version: number;
  title: string;
  meta: M;
  body: string;
  retired: boolean;
  updatedAt: string;
}

function toItem<M extends AnyMeta>(row: BankRow): StoredItem<M> {
  return {
    id: row.id,
    lang: row.lang,
    kind: row.kind,
    version: row.version,
    title: row.title,
    meta: JSON.parse(row.meta) as M,
    body: row.body,
    retired: row.retired_at !== null,
    updatedAt: row.updated_at,
  };
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
  restored: number;
}

function titleOf(item: BankItem): string {
  return item.meta.title;
}

export interface BankFilter {
  lang: Lang;
  kind?: ItemKind | undefined;
  competency?: string | undefined;
  qtype?: string | undefined;
  includeRetired?: boolean;
}

export function bankRepo(db: DB) {
  const stmts = {
    current: db.prepare<[], { id: string; lang: Lang; hash: string; version: number; retired_at: string | null }>(
      'SELECT id, lang, hash, version, retired_at FROM bank_items',
    ),
    insert: db.prepare(
      `INSERT INTO bank_items (id, lang, kind, version, hash, title, competency, qtype, meta, body, file)
       VALUES (@id, @lang, @kind, @version, @hash, @title, @competency, @qtype, @meta, @body, @file)`,
    ),
    update: db.prepare(
      `UPDATE bank_items SET kind = @kind, version = @version, hash = @hash, title = @title, competency = @competency,
       qtype = @qtype, meta = @meta, body = @body, file = @file, retired_at = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id AND lang = @lang`,
    ),
    restore: db.prepare('UPDATE bank_items SET retired_at = NULL WHERE id = ? AND lang = ?'),
    retire: db.prepare(`UPDATE bank_items SET retired_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND lang = ?`),
    insertVersion: db.prepare(
      `INSERT INTO bank_item_versions (id, lang, version, hash, meta, body) VALUES (@id, @lang, @version, @hash, @meta, @body)`,
    ),
    filter: db.prepare<{ lang: Lang; kind: string | null; competency: string | null; qtype: string | null; retired: number }, BankRow>(
      `SELECT * FROM bank_items WHERE lang = @lang
       AND (@kind IS NULL OR kind = @kind)
       AND (@competency IS NULL OR competency = @competency
            OR (kind IN ('case', 'task') AND EXISTS (SELECT 1 FROM json_each(meta, '$.competencies') WHERE value = @competency)))
       AND (@qtype IS NULL OR qtype = @qtype)
       AND (@retired = 1 OR retired_at IS NULL)
       ORDER BY CASE kind WHEN 'competency' THEN 0 WHEN 'question' THEN 1 WHEN 'case' THEN 2 WHEN 'task' THEN 3 ELSE 4 END, id`,
    ),
    get: db.prepare<[string, Lang], BankRow>('SELECT * FROM bank_items WHERE id = ? AND lang = ?'),
    version: db.prepare<[string, Lang, number], { meta: string; body: string; version: number }>(
      'SELECT meta, body, version FROM bank_item_versions WHERE id = ? AND lang = ? AND version = ?',
    ),
    versions: db.prepare<[string], { lang: Lang; version: number }>('SELECT lang, version FROM bank_items WHERE id = ?'),
    counts: db.prepare<[], { lang: Lang; kind: ItemKind; n: number }>(
      'SELECT lang, kind, COUNT(*) AS n FROM bank_items WHERE retired_at IS NULL GROUP BY lang, kind',
    ),
  };

  function importBank(set: BankSet): ImportSummary {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 };
    db.transaction(() => {
      const existing = new Map(stmts.current.all().map((r) => [`${r.lang}:${r.id}`, r]));
      const present = new Set<string>();
      for (const item of set.items) {
        const key = `${item.lang}:${item.id}`;
        present.add(key);
        const row = existing.get(key);
        const meta = JSON.stringify(item.meta);
        const competency =
          item.meta.kind === 'question' || item.meta.kind === 'competency'
            ? item.meta.kind === 'question'
              ? item.meta.competency
              : item.meta.id
            : null;
        const params = {
          id: item.id,
          lang: item.lang,
          kind: item.kind,
          hash: item.hash,
          title: titleOf(item),
          competency,
          qtype: item.meta.kind === 'question' ? item.meta.type : null,
          meta,
          body: item.body,
          file: item.file,
        };
        if (!row) {
          stmts.insert.run({ ...params, version: 1 });
          stmts.insertVersion.run({ id: item.id, lang: item.lang, version: 1, hash: item.hash, meta, body: item.body });
          summary.added += 1;
        } else if (row.hash !== item.hash) {
          const version = row.version + 1;
          stmts.update.run({ ...params, version });
          stmts.insertVersion.run({ id: item.id, lang: item.lang, version, hash: item.hash, meta, body: item.body });
          summary.updated += 1;
        } else if (row.retired_at !== null) {
          stmts.restore.run(item.id, item.lang);
          summary.restored += 1;
        } else {
          summary.unchanged += 1;
        }
      }
      for (const [key, row] of existing) {
        if (!present.has(key) && row.retired_at === null) {
          stmts.retire.run(row.id, row.lang);
          summary.retired += 1;
        }
      }
    })();
    return summary;
  }

  return {
    importBank,
    list: (f: BankFilter) =>
      stmts.filter
        .all({
          lang: f.lang,
          kind: f.kind ?? null,
          competency: f.competency ?? null,
          qtype: f.qtype ?? null,
          retired: f.includeRetired ? 1 : 0,
        })
        .map((r) => toItem(r)),
    get: (id: string, lang: Lang) => {
      const row = stmts.get.get(id, lang);
      return row ? toItem(row) : undefined;
    },
    competencies: (lang: Lang) =>
      stmts.filter.all({ lang, kind: 'competency', competency: null, qtype: null, retired: 0 }).map((r) => toItem<CompetencyMeta>(r)),
    questions: (lang: Lang) =>
      stmts.filter.all({ lang, kind: 'question', competency: null, qtype: null, retired: 0 }).map((r) => toItem<QuestionMeta>(r)),
    cases: (lang: Lang) =>
      stmts.filter.all({ lang, kind: 'case', competency: null, qtype: null, retired: 0 }).map((r) => toItem<CaseMeta>(r)),
    tasks: (lang: Lang) =>
      stmts.filter.all({ lang, kind: 'task', competency: null, qtype: null, retired: 0 }).map((r) => toItem<TaskMeta>(r)),
    checklistTemplate: (lang: Lang, id = 'kam-default') => {
      const row = stmts.get.get(id, lang);
      return row && row.kind === 'checklist' ? toItem<ChecklistMeta>(row) : undefined;
    },
    counts: () => stmts.counts.all(),
    /** The current version of an item in each language, to pin in a kit. */
    currentVersions: (id: string): Record<string, number> => Object.fromEntries(stmts.versions.all(id).map((r) => [r.lang, r.version])),
    /** An item exactly as it was at a version: what a past interview asked. */
    atVersion: <M extends AnyMeta>(id: string, lang: Lang, version: number): { meta: M; body: string; version: number } | undefined => {
      const r = stmts.version.get(id, lang, version);
      return r ? { meta: JSON.parse(r.meta) as M, body: r.body, version: r.version } : undefined;
    },
  };
}
export type BankRepo = ReturnType<typeof bankRepo>;
