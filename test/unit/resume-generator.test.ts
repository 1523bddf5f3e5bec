import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANKS_DIR } from '../../src/content/bank-files.js';
import {
  generateResume,
  generateResumes,
  GENERATOR_AS_OF,
  RESUME_MAX_BYTES,
  RESUME_MIN_BYTES,
  type GeneratedResume,
} from '../../src/content/resume-generator.js';
import { parseBankFile } from '../../src/domain/bank/parse.js';
import { screenResume, type ChecklistItemInput, type ItemStatus } from '../../src/domain/screening/index.js';

/** The checklist every new vacancy (and the demo one) starts from, straight from the question bank. */
function realChecklist(): ChecklistItemInput[] {
  const path = 'en/checklist/kam-default.md';
  const item = parseBankFile({ path, content: readFileSync(join(DEFAULT_BANKS_DIR, path), 'utf8') });
  if (item.meta.kind !== 'checklist') throw new Error('kam-default is not a checklist');
  return item.meta.items.map((i) => ({ key: i.key, kind: i.kind, weight: i.weight }));
}

const checklist = realChecklist();

function share(resumes: readonly GeneratedResume[], key: string, status: ItemStatus): number {
  const hits = resumes.filter((r) => screenResume(r.text, checklist, { now: GENERATOR_AS_OF }).items[key]?.status === status).length;
  return hits / resumes.length;
}

describe('generateResume', () => {
  it('is deterministic: the same seed gives the same resume, another seed another one', () => {
    expect(generateResume(42)).toEqual(generateResume(42));
    expect(generateResume(42, { profile: 'weak', lang: 'en' })).toEqual(generateResume(42, { profile: 'weak', lang: 'en' }));
    expect(generateResume(43).text).not.toBe(generateResume(42).text);
    expect(generateResumes(20, 7)).toEqual(generateResumes(20, 7));
  });

  it('honours the options', () => {
    expect(generateResume(1, { lang: 'en' }).lang).toBe('en');
    expect(generateResume(1, { lang: 'ru' }).lang).toBe('ru');
    expect(generateResume(1, { profile: 'offtrack' }).profile).toBe('offtrack');
    const hh = generateResume(1, { style: 'hh' });
    expect([hh.lang, hh.style]).toEqual(['ru', 'hh']);
    expect(hh.text).toMatch(/^Опыт работы — \d/m);
    // The career is laid out back from asOf: a year later, the same career starts a year later.
    const current = (r: GeneratedResume) => /^(\w+) (\d{4}) - Present \((.+)\)$/m.exec(r.text)?.slice(1) ?? [];
    const now = current(generateResume(5, { style: 'linkedin', profile: 'strong' }));
    const later = current(generateResume(5, { style: 'linkedin', profile: 'strong', asOf: new Date(Date.UTC(2027, 9, 1)) }));
    expect(now).toHaveLength(3);
    expect(later).toEqual([now[0], String(Number(now[1]) + 1), now[2]]);
  });

  it('mixes both languages and all four layouts, each within the size range', () => {
    const batch = generateResumes(300, 2);
    const langs = new Set(batch.map((r) => r.lang));
    const styles = new Set(batch.map((r) => r.style));
    const profiles = new Set(batch.map((r) => r.profile));
    expect([...langs].sort()).toEqual(['en', 'ru']);
    expect([...styles].sort()).toEqual(['hh', 'linkedin', 'ru_free', 'us']);
    expect([...profiles].sort()).toEqual(['average', 'offtrack', 'strong', 'weak']);
    for (const r of batch) {
      const bytes = Buffer.byteLength(r.text);
      expect(bytes, `${r.style}/${r.profile}`).toBeGreaterThanOrEqual(RESUME_MIN_BYTES);
      expect(bytes, `${r.style}/${r.profile}`).toBeLessThanOrEqual(RESUME_MAX_BYTES);
      expect(r.text).toContain(r.email);
      if (r.style !== 'linkedin') expect(r.text).toContain(r.phone);
      expect(r.email).toMatch(/@(?:[a-z]+\.)?example(?:\.[a-z]+)?$|@mail\.example$|@inbox\.example$/);
    }
    // Seeding a demo database must not trip duplicate detection by chance.
    expect(new Set(batch.map((r) => r.email)).size).toBe(batch.length);
    expect(new Set(batch.map((r) => r.phone.replace(/\D/g, ''))).size).toBe(batch.length);
  });

  it('strong resumes pass the real checklist on experience, FMCG and key accounts', () => {
    const strong = generateResumes(60, 11, { profile: 'strong' });
    expect(new Set(strong.map((r) => r.lang)).size).toBe(2);
    expect(share(strong, 'experience_3y', 'met')).toBeGreaterThanOrEqual(0.9);
    expect(share(strong, 'fmcg', 'met')).toBeGreaterThanOrEqual(0.9);
    expect(share(strong, 'key_accounts', 'met')).toBeGreaterThanOrEqual(0.9);
  });

  it('off-track resumes (accountants, developers, logisticians) fail experience_3y', () => {
    const off = generateResumes(60, 12, { profile: 'offtrack' });
    expect(share(off, 'experience_3y', 'not_met')).toBeGreaterThanOrEqual(0.9);
  });

  it('states the sales years the screener reads from the dates', () => {
    const batch = generateResumes(80, 13);
    const close = batch.filter((r) => {
      const years = screenResume(r.text, checklist, { now: GENERATOR_AS_OF }).experience.relevantYears;
      return Math.abs(years - r.expected.relevantYearsApprox) <= 0.5;
    });
    expect(close.length / batch.length).toBeGreaterThanOrEqual(0.9);
  });
});
