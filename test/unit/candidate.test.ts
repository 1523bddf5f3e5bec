import { describe, expect, it } from 'vitest';
import { ftsQuery, normalizePhone, searchable } from '../../src/domain/candidate.js';

describe('normalizePhone', () => {
  it.each([
    ['+7 (916) 555-12-34', '+79165551234'],
    ['8 916 555 12 34', '+79165551234'],
    ['9165551234', '+79165551234'],
    ['+44 20 7946 0958', '+442079460958'],
    ['12-34', null],
  ])('%s → %s (E.164)', (input, out) => expect(normalizePhone(input)).toBe(out));
});

describe('ftsQuery', () => {
  it('quotes every word as a prefix (or its stem) and drops FTS syntax', () => {
    expect(ftsQuery('Переговоры с X5')).toBe('"переговор"* AND "x5"*');
    expect(ftsQuery('"OR" NEAR( *')).toBe('"or"* AND "near"*');
    expect(ftsQuery('Пятёрочка')).toBe('"пятерочк"*');
    expect(ftsQuery('dairies опыт')).toBe('"dairi"* AND "опыт"*');
    expect(ftsQuery('dairy')).toBe('("dairy"* OR "dairi"*)');
    expect(ftsQuery('a')).toBeNull();
  });

  it('folds ё for indexing too', () => {
    expect(searchable('Ёлка и ёж')).toBe('Елка и еж');
  });
});
