import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { screenResume, type ItemStatus } from '../../../src/domain/screening/index.js';
import { TEMPLATE_CHECKLIST, foreignEvidence } from './helpers.js';

interface Expected {
  now: string;
  relevantYears: number;
  totalYears: number;
  shortTenures: number;
  declaredTotalYears: number | null;
  jobs: number;
  items: Record<string, ItemStatus>;
}

const DIR = fileURLToPath(new URL('../../fixtures/resumes/', import.meta.url));
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

describe('fixture resumes', () => {
  it('there are enough of them, each with its expected.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const n of names) expect(readdirSync(DIR)).toContain(`${n}.expected.json`);
  });

  it.each(names)('%s', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
    const result = screenResume(text, TEMPLATE_CHECKLIST, { now: new Date(`${expected.now}T00:00:00Z`) });

    const statuses = Object.fromEntries(Object.entries(result.items).map(([k, v]) => [k, v.status]));
    expect(statuses).toEqual(expected.items);
    expect(Math.abs(result.experience.relevantYears - expected.relevantYears)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(result.experience.totalYears - expected.totalYears)).toBeLessThanOrEqual(0.1);
    expect(result.experience.shortTenures).toBe(expected.shortTenures);
    expect(result.experience.jobs).toHaveLength(expected.jobs);
    if (expected.declaredTotalYears === null) expect(result.experience.declaredTotalYears).toBeNull();
    else expect(Math.abs((result.experience.declaredTotalYears ?? NaN) - expected.declaredTotalYears)).toBeLessThanOrEqual(0.1);

    // Evidence is always quoted, never invented; met always carries a quote, not_met a quote or an absence reason.
    expect(foreignEvidence(text, result)).toEqual([]);
    for (const [key, item] of Object.entries(result.items)) {
      if (item.status === 'met' && key !== 'experience_3y') expect(item.evidence, key).not.toBeNull();
      if (item.status === 'not_met' && item.evidence === null) expect(item.reason, key).toBeDefined();
    }
  });
});
