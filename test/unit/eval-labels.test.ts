// The hand labels of test/fixtures/resumes must be internally consistent with the labelling guide
// (test/fixtures/resumes/README.md): every labelled file exists, the set is balanced, and each
// verdict follows from its items by the demo vacancy's policy. This checks the labels, not the screen.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsSchema, type Label } from '../../src/cli/eval-metrics.js';

const DIR = 'test/fixtures/resumes';
const labels = labelsSchema.parse(JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')));
const entries = Object.entries(labels);

/** The guide's verdict, written out independently of the engine as a check on the labels. */
function guideVerdict(l: Label): Label['verdict'] {
  const { experience_3y: exp, higher_education: edu } = l.items;
  const counted = (['fmcg', 'key_accounts', 'crm', 'kpi_results'] as const).filter((k) => l.items[k] === 'met').length;
  if (exp === 'met' && edu === 'met' && counted >= 2) return 'pass';
  // "not B2B sales at all": no relevant months, and experience is not unknown (which would mean an undated relevant job)
  const noRelevantJob = l.relevantYears === 0 && exp !== 'unknown';
  if ((exp === 'not_met' || edu === 'not_met') && noRelevantJob) return 'reject';
  return 'review';
}

describe('labels.json', () => {
  it('labels at least 64 files of the set, half Russian and half English, each present on disk', () => {
    const set = entries.filter(([f]) => f.startsWith('set/'));
    expect(set.length).toBeGreaterThanOrEqual(64);
    expect(set.filter(([, l]) => l.lang === 'ru').length).toBe(set.filter(([, l]) => l.lang === 'en').length);
    for (const [file] of entries) expect(existsSync(join(DIR, file)), file).toBe(true);
  });

  it('has a realistic verdict mix: each verdict at least a fifth of the set', () => {
    for (const v of ['pass', 'review', 'reject'] as const)
      expect(entries.filter(([, l]) => l.verdict === v).length).toBeGreaterThanOrEqual(entries.length / 5);
  });

  it.each(entries)('%s: verdict and experience follow the guide', (_file, l) => {
    expect(l.verdict).toBe(guideVerdict(l));
    if (l.items.experience_3y === 'met') expect(l.relevantYears).toBeGreaterThanOrEqual(3);
    if (l.items.experience_3y === 'not_met') expect(l.relevantYears).toBeLessThan(3);
    // a business degree implies a completed higher-education degree
    if (l.items.business_degree === 'met') expect(l.items.higher_education).toBe('met');
    if (l.items.higher_education === 'not_met') expect(l.items.business_degree).toBe('not_met');
  });
});
