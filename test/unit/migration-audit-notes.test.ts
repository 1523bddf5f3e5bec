import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/db/connection.js';
import { auditRepo } from '../../src/db/audit.js';

describe('migration 023: audit notes', () => {
  it("moves reasons typed before it out of the append-only entries, and drops erased candidates' notes", () => {
    const db = new Database(':memory:');
    const all = listMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 23),
    );
    const v = db
      .prepare(
        "INSERT INTO vacancies (slug, title_ru, title_en, department, target_grade, profile) VALUES ('v', 'V', 'V', 'D', 'middle', '{}') RETURNING id",
      )
      .get() as { id: number } | undefined;
    expect(v).toBeDefined();
    const add = db.prepare(
      `INSERT INTO candidates (vacancy_id, full_name, source, consent_at, consent_version, resume_text, resume_sha256)
       VALUES (?, ?, 'hh', '2026-01-01', 'v1', '', '') RETURNING id`,
    );
    const kept = (add.get(v!.id, 'Анна') as { id: number }).id;
    const erased = (add.get(v!.id, 'Борис') as { id: number }).id;
    db.prepare("UPDATE candidates SET anonymized_at = '2026-06-01' WHERE id = ?").run(erased);
    const log = db.prepare(
      "INSERT INTO audit_log (action, subject_type, subject_id, detail) VALUES ('screening.decision', 'candidate', ?, ?)",
    );
    log.run(String(kept), JSON.stringify({ decision: 'reject', reason: 'Анна просит больше' }));
    log.run(String(erased), JSON.stringify({ decision: 'reject', reason: 'Борис не знает CRM' }));
    log.run(String(kept), JSON.stringify({ decision: 'pass', reason: 'ok' }));
    migrate(db, all);
    const raw = (db.prepare('SELECT group_concat(detail) AS d FROM audit_log').get() as { d: string }).d;
    expect(raw).not.toMatch(/Анна|Борис/);
    const rows = auditRepo(db).list({ limit: 10, offset: 0 }).rows;
    expect(rows.map((r) => r.detail?.reason)).toEqual(['ok', '[erased]', 'Анна просит больше']);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
  });
});
