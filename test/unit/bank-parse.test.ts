import { describe, expect, it } from 'vitest';
import { BankError, countBank, parseBank, parseBankFile } from '../../src/domain/bank/parse.js';
import { loadBank } from '../../src/content/bank-files.js';
import type { AnyMeta } from '../../src/domain/bank/schema.js';

const question = (over: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    id: 'q-negotiation-99',
    kind: 'question',
    competency: 'negotiation',
    type: 'behavioural',
    title: 'A hard negotiation',
    probes: '\n  - What was at stake?',
    strong: '\n  - Prepares walk-away terms',
    red_flags: '\n  - Gives discounts at once',
    scale: '\n  1: No preparation\n  3: Some preparation\n  5: Full preparation',
    ...over,
  };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\nTell me about your hardest negotiation.\n`;
};

function errorOf(fn: () => unknown): BankError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BankError) return e;
    throw e;
  }
  throw new Error('expected a BankError');
}

describe('parseBankFile', () => {
  it('parses a valid question', () => {
    const item = parseBankFile({ path: 'en/questions/q-negotiation-99.md', content: question() });
    expect(item).toMatchObject({ id: 'q-negotiation-99', lang: 'en', kind: 'question' });
    expect(item.body).toBe('Tell me about your hardest negotiation.');
    expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and the field when a field is wrong', () => {
    const e = errorOf(() => parseBankFile({ path: 'en/questions/q-negotiation-99.md', content: question({ type: 'weird' }) }));
    expect(e.file).toBe('en/questions/q-negotiation-99.md');
    expect(e.field).toBe('type');
    expect(e.message).toContain('en/questions/q-negotiation-99.md');
  });

  it('names a missing nested field', () => {
    const e = errorOf(() => parseBankFile({ path: 'en/questions/q-negotiation-99.md', content: question({ scale: '\n  1: a\n  5: b' }) }));
    expect(e.field).toBe('scale');
  });

  it('reports YAML that does not parse', () => {
    const e = errorOf(() => parseBankFile({ path: 'ru/questions/q-x.md', content: '---\nid: [unclosed\n---\nbody' }));
    expect(e.message).toMatch(/ru\/questions\/q-x\.md: YAML front matter does not parse/);
  });

  it('refuses an id that differs from the file name', () => {
    const e = errorOf(() => parseBankFile({ path: 'en/questions/q-other.md', content: question() }));
    expect(e.field).toBe('id');
  });

  it('refuses a file without front matter or body', () => {
    expect(errorOf(() => parseBankFile({ path: 'en/questions/q-a.md', content: 'just text' })).message).toContain('no YAML front matter');
    const noBody = question().replace('Tell me about your hardest negotiation.\n', '');
    expect(errorOf(() => parseBankFile({ path: 'en/questions/q-negotiation-99.md', content: noBody })).field).toBe('body');
  });
});

describe('parseBank', () => {
  it('requires every item in both languages', () => {
    const e = errorOf(() => parseBank([{ path: 'en/questions/q-negotiation-99.md', content: question() }]));
    expect(e.message).toContain('no ru version');
  });

  it('accepts a pair and counts it per language and kind', () => {
    const set = parseBank([
      { path: 'en/questions/q-negotiation-99.md', content: question() },
      { path: 'ru/questions/q-negotiation-99.md', content: question({ title: 'Сложные переговоры' }) },
    ]);
    expect(countBank(set).ru.question).toBe(1);
    expect(countBank(set).en.question).toBe(1);
  });
});

describe('the shipped question banks', () => {
  const bank = loadBank();
  const counts = countBank(bank);

  it.each(['ru', 'en'] as const)('hold the required content in %s', (lang) => {
    expect(counts[lang].competency).toBeGreaterThanOrEqual(10);
    expect(counts[lang].question).toBeGreaterThanOrEqual(40);
    expect(counts[lang].case).toBeGreaterThanOrEqual(8);
    expect(counts[lang].task).toBeGreaterThanOrEqual(3);
    expect(counts[lang].checklist).toBeGreaterThanOrEqual(1);
  });

  it('use every question type and tie every question to a competency', () => {
    const types = new Set(bank.items.flatMap((i) => (i.meta.kind === 'question' ? [i.meta.type] : [])));
    expect([...types].sort()).toEqual(['behavioural', 'motivational', 'situational', 'technical']);
  });

  it('give every grade a level in the matrix, non-decreasing', () => {
    for (const item of bank.items) {
      if (item.meta.kind !== 'competency') continue;
      const { junior, middle, senior } = item.meta.levels;
      expect(junior.level).toBeLessThanOrEqual(middle.level);
      expect(middle.level).toBeLessThanOrEqual(senior.level);
    }
  });

  it('carry the same rubric numbers in both languages', () => {
    for (const item of bank.items) {
      if (item.lang !== 'ru' || (item.meta.kind !== 'case' && item.meta.kind !== 'task')) continue;
      const twin = bank.items.find((i) => i.lang === 'en' && i.id === item.id)!;
      const nums = (m: AnyMeta) =>
        m.kind === 'case' ? m.criteria.map((c) => [c.id, c.points]) : m.kind === 'task' ? m.criteria.map((c) => [c.id, c.weight]) : [];
      expect(nums(twin.meta)).toEqual(nums(item.meta));
    }
  });
});
