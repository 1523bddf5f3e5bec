import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/db/connection.js';

const all = listMigrations();

describe('migration 020: mail templates and the candidate language', () => {
  it('gives existing candidates a language from their resume and adds the templates table', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      all.filter((m) => m.name < '020_'),
    );
    db.pragma('foreign_keys = OFF');
    const add = db.prepare(
      `INSERT INTO candidates (id, vacancy_id, full_name, source, consent_at, consent_version, resume_text, resume_sha256)
       VALUES (?, 1, ?, 'hh', '2026-01-01', 'v', ?, 'x')`,
    );
    add.run(1, 'Анна', 'Менеджер по работе с ключевыми клиентами, Nestlé');
    add.run(2, 'John', 'Key account manager, Mars, 2019–2024');
    add.run(3, 'Olga', 'Sales manager; Ёлки-палки');
    migrate(
      db,
      all.filter((m) => m.name.startsWith('020_')),
    );
    expect(db.prepare('SELECT id, lang FROM candidates ORDER BY id').all()).toEqual([
      { id: 1, lang: 'ru' },
      { id: 2, lang: 'en' },
      { id: 3, lang: 'ru' },
    ]);
    expect(() => db.prepare("UPDATE candidates SET lang = 'de' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO mail_templates (key, lang, subject, body) VALUES ('rejection', 'ru', 's', 'b')").run();
    expect(() => db.prepare("INSERT INTO mail_templates (key, lang, subject, body) VALUES ('rejection', 'ru', 's', 'b')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });
});
