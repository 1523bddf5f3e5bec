import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/db/connection.js';

const all = listMigrations();
const upTo = (name: string) => all.filter((m) => m.name < name);
const only = (name: string) => all.filter((m) => m.name === name);

function candidate(db: Database.Database, id: number, fullName: string, phone: string | null, phoneNorm: string | null, resume: string) {
  db.prepare(
    `INSERT INTO candidates (id, vacancy_id, full_name, phone, phone_norm, source, consent_at, consent_version, resume_text, resume_sha256)
     VALUES (?, 1, ?, ?, ?, 'hh', '2026-01-01', 'v', ?, 'x')`,
  ).run(id, fullName, phone, phoneNorm, resume);
}

describe('migration 013: city, and phones re-normalised to E.164', () => {
  it('adds the city column and rewrites digit-only phone_norm values', () => {
    const db = new Database(':memory:');
    migrate(db, upTo('013_'));
    db.pragma('foreign_keys = OFF');
    candidate(db, 1, 'Анна', '8 (916) 555-12-34', '79165551234', 'x');
    candidate(db, 2, 'John', null, null, 'x');
    candidate(db, 3, 'Olga', '12-34', null, 'x');
    migrate(db, only('013_contacts_city_and_e164_phones.sql'));
    expect(db.prepare('SELECT id, city, phone_norm FROM candidates ORDER BY id').all()).toEqual([
      { id: 1, city: null, phone_norm: '+79165551234' },
      { id: 2, city: null, phone_norm: null },
      { id: 3, city: null, phone_norm: null },
    ]);
  });
});

describe('migration 014: word stems in the search table', () => {
  it('rebuilds the search rows of existing candidates with their stems, so old rows find word forms', () => {
    const db = new Database(':memory:');
    migrate(db, upTo('014_'));
    db.pragma('foreign_keys = OFF');
    candidate(db, 7, 'Кузнецова Анна', null, null, 'переговоры с сетевыми клиентами; dairy category');
    // Rows as the app wrote them before: ё-folded text, no stems column.
    db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text) VALUES (7, ?, ?)').run(
      'Кузнецова Анна',
      'переговоры с сетевыми клиентами; dairy category',
    );
    migrate(db, only('014_fts_word_stems.sql'));
    const row = db.prepare('SELECT full_name, resume_text, stems FROM candidates_fts WHERE rowid = 7').get() as {
      stems: string;
      full_name: string;
    };
    expect(row.full_name).toBe('Кузнецова Анна');
    expect(row.stems.split(' ').sort()).toEqual(['categori', 'dairi']);
    const hit = db.prepare('SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH \'("dairies"* OR "dairi"*)\'').all();
    expect(hit).toEqual([{ rowid: 7 }]);
  });
});

describe('migration 025: the vacancy in each search row', () => {
  it('copies every search row with its vacancy scope, keeps secure delete, and lists the index words', () => {
    const db = new Database(':memory:');
    migrate(db, upTo('025_'));
    db.pragma('foreign_keys = OFF');
    candidate(db, 7, 'Кузнецова Анна', null, null, 'переговоры с сетевыми клиентами');
    candidate(db, 8, 'Иванов Пётр', null, null, 'переговоров не вёл');
    db.prepare('UPDATE candidates SET vacancy_id = 2 WHERE id = 8').run();
    const ins = db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems) VALUES (?, ?, ?, ?)');
    ins.run(7, 'Кузнецова Анна', 'переговоры с сетевыми клиентами', '');
    ins.run(8, 'Иванов Петр', 'переговоров не вел', '');
    migrate(db, only('025_search_scope.sql'));
    const scoped = (q: string) =>
      db.prepare<[string], number>('SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ? ORDER BY rowid').pluck().all(q);
    expect(scoped('{scope}: v1 AND {full_name resume_text stems}: ("переговор"*)')).toEqual([7]);
    expect(scoped('{scope}: v2 AND {full_name resume_text stems}: ("переговор"*)')).toEqual([8]);
    expect(scoped('"переговор"*')).toEqual([7, 8]);
    expect(
      db.prepare("SELECT term FROM candidates_fts_vocab WHERE term >= 'переговор' AND term < 'переговп' ORDER BY term").pluck().all(),
    ).toEqual(['переговоров', 'переговоры']);
    // 023's setting survived the rebuild: an erased row's words leave the index at once.
    db.prepare('DELETE FROM candidates_fts WHERE rowid = 8').run();
    expect(db.prepare("SELECT count(*) FROM candidates_fts_vocab WHERE term = 'вел'").pluck().get()).toBe(0);
  });
});
