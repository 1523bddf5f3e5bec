import Database from 'better-sqlite3';
import { stemmer as oramaRu } from '@orama/stemmers/russian';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/connection.js';
import { expandLongPrefixes, ftsQuery, inWrittenColumns, searchable, searchStems, stemWord } from '../../src/domain/search.js';

describe('stemWord', () => {
  it.each([
    ['переговорами', 'переговор'],
    ['переговоры', 'переговор'],
    ['сетевых', 'сетев'],
    ['сетевыми', 'сетев'],
    ['клиентов', 'клиент'],
    ['клиентами', 'клиент'],
    ['кузнецову', 'кузнецов'],
    ['кузнецова', 'кузнецов'],
    ['магнита', 'магнит'],
    ['negotiations', 'negoti'],
    ['negotiating', 'negoti'],
    ['negotiation', 'negoti'],
    ['x5', 'x5'],
    ['b2b', 'b2b'],
  ])('%s → %s', (word, stem) => expect(stemWord(word)).toBe(stem));

  it('is the library’s Russian Snowball stemmer for Cyrillic words', () => {
    for (const w of ['продажами', 'дистрибьюторов', 'федеральных', 'ассортиментной']) expect(stemWord(w)).toBe(oramaRu(w));
  });
});

describe('searchStems', () => {
  it('lists once each stem that does not begin its own word (the rest are found by prefix)', () => {
    expect(searchStems('Переговоры, переговорами и Ёлки: X5 negotiations, dairy, dairy')).toBe('dairi');
    expect(searchStems('')).toBe('');
  });
});

describe('search over the FTS table', () => {
  const db = new Database(':memory:');
  migrate(db);
  const docs: Record<number, [string, string]> = {
    1: ['Кузнецова Анна', 'Вела переговоры с сетевыми клиентами: «Магнит», «Лента».'],
    2: ['John Smith', 'Negotiating annual terms; led the negotiation with Tesco. Dairy category.'],
    3: ['Пётр Ёлкин', 'Ёмкость рынка, промо-акции в «Пятёрочке».'],
    4: ['Иван Магнитов', 'Работа в Магнитогорске, магнитные доски.'],
  };
  const ins = db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems) VALUES (?, ?, ?, ?)');
  for (const [id, [name, text]] of Object.entries(docs))
    ins.run(Number(id), searchable(name), searchable(text), searchStems(`${name}\n${text}`));
  const find = (q: string): number[] =>
    db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ? ORDER BY rowid')
      .all(ftsQuery(q)!)
      .map((r) => r.rowid);

  it.each([
    ['переговорами', [1]],
    ['сетевых клиентов', [1]],
    ['Кузнецову', [1]],
    // «Магнитов» begins with the stem «магнит»: a stem is searched as a prefix.
    ['Магнита', [1, 4]],
    ['negotiations', [2]],
    ['negotiate', [2]],
    ['dairies', [2]],
    ['dairy', [2]],
  ])('finds word forms: %s', (q, ids) => expect(find(q)).toEqual(ids));

  it.each([
    ['перегов', [1]],
    ['Магнит', [1, 4]],
    ['пятерочк', [3]],
    ['Ёлкин', [3]],
    ['елкин', [3]],
    ['smit', [2]],
  ])('keeps prefix search and ё = е: %s', (q, ids) => expect(find(q)).toEqual(ids));

  it('requires every word', () => {
    expect(find('переговоры Tesco')).toEqual([]);
    expect(find('переговоры Лента')).toEqual([1]);
  });

  it('finds the same rows when long prefixes are expanded into the index words that begin with them', () => {
    const vocab = db.prepare<[string, string], string>('SELECT term FROM candidates_fts_vocab WHERE term >= ? AND term < ?').pluck();
    const asked: string[] = [];
    const wordsFor = (prefix: string) => {
      asked.push(prefix);
      return vocab.all(prefix, `${prefix}\u{10FFFF}`);
    };
    const raw = db.prepare<[string], number>('SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ? ORDER BY rowid').pluck();
    for (const q of [
      'переговорами',
      'сетевых клиентов',
      'Кузнецову',
      'negotiations',
      'negotiating',
      'dairies',
      'пятерочк',
      'пятёрочке',
      'Магнитогорск',
      'магнитные доски',
      'переговорщик',
    ]) {
      const query = ftsQuery(q)!;
      expect(raw.all(inWrittenColumns(expandLongPrefixes(query, wordsFor))), q).toEqual(raw.all(query));
    }
    // Only prefixes longer than the index's prefix lists are looked up: «переговор», «negotiat», «пятерочк»…
    expect(asked).toContain('переговор');
    expect(asked).not.toContain('сетев');
    expect(expandLongPrefixes('"переговор"*', () => ['переговоры', 'переговоров'])).toBe('("переговоры" OR "переговоров")');
    // No such word, or too many: searched as the prefix it was.
    expect(expandLongPrefixes('"переговорщик"* AND "ма"*', () => [])).toBe('"переговорщик"* AND "ма"*');
    expect(expandLongPrefixes('("dairies"* OR "dairi"*)', () => null)).toBe('("dairies"* OR "dairi"*)');
  });
});
