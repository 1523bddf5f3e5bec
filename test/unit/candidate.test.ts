import { describe, expect, it } from 'vitest';
import { ftsQuery, guessContacts, normalizePhone, searchable } from '../../src/domain/candidate.js';

describe('guessContacts', () => {
  it('finds the name, e-mail and phone of an hh.ru export', () => {
    const c = guessContacts('Петрова Анна Сергеевна\nЖенщина, 34 года\n+7 (916) 555-12-34\nanna.petrova@example.ru — предпочитаемый способ связи');
    expect(c).toEqual({ fullName: 'Петрова Анна Сергеевна', email: 'anna.petrova@example.ru', phone: '+7 (916) 555-12-34' });
  });

  it('skips LinkedIn section headings and skills before the name', () => {
    const c = guessContacts('Contact\ndmitry.ivanov@example.com\nTop Skills\nCategory Management\nTrade Marketing\nDmitry Ivanov\nKey Account Manager at PepsiCo');
    expect(c.fullName).toBe('Dmitry Ivanov');
  });

  it('returns nulls when nothing is there', () => {
    expect(guessContacts('опыт работы в продажах')).toEqual({ fullName: null, email: null, phone: null });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+7 (916) 555-12-34', '79165551234'],
    ['8 916 555 12 34', '79165551234'],
    ['9165551234', '79165551234'],
    ['+44 20 7946 0958', '442079460958'],
    ['12-34', null],
  ])('%s → %s', (input, out) => expect(normalizePhone(input)).toBe(out));
});

describe('ftsQuery', () => {
  it('quotes every word as a prefix and drops FTS syntax', () => {
    expect(ftsQuery('Переговоры с X5')).toBe('"переговоры"* "x5"*');
    expect(ftsQuery('"OR" NEAR( *')).toBe('"or"* "near"*');
    expect(ftsQuery('Пятёрочка')).toBe('"пятерочка"*');
    expect(ftsQuery('a')).toBeNull();
  });

  it('folds ё for indexing too', () => {
    expect(searchable('Ёлка и ёж')).toBe('Елка и еж');
  });
});
