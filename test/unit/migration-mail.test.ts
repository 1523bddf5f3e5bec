import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/db/connection.js';

const all = listMigrations();

describe('migrations 017 and 020: the candidate language and mail templates', () => {
  it('gives existing candidates a language from their resume and adds the templates table', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      all.filter((m) => m.name < '017_'),
    );
    db.pragma('foreign_keys = OFF');
    const add = db.prepare(
      `INSERT INTO candidates (id, vacancy_id, full_name, source, consent_at, consent_version, resume_text, resume_sha256)
       VALUES (?, 1, ?, 'hh', '2026-01-01', 'v', ?, 'x')`,
    );
    add.run(1, 'Анна', 'Менеджер по работе с ключевыми клиентами, Nestlé');
    add.run(2, 'John', 'Key account manager, Mars, 2019–2024');
    add.run(3, 'Olga', '');
    migrate(
      db,
      all.filter((m) => m.name >= '017_' && m.name < '021_'),
    );
    expect(db.prepare('SELECT id, lang FROM candidates ORDER BY id').all()).toEqual([
      { id: 1, lang: 'ru' },
      { id: 2, lang: 'en' },
      // No resume text: no language recorded, read as the resume's (Russian) when used.
      { id: 3, lang: null },
    ]);
    expect(() => db.prepare("UPDATE candidates SET lang = 'de' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO mail_templates (key, lang, subject, body) VALUES ('rejection', 'ru', 's', 'b')").run();
    expect(() => db.prepare("INSERT INTO mail_templates (key, lang, subject, body) VALUES ('rejection', 'ru', 's', 'b')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });
});
