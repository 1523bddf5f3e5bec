import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/eval-screen.js';
import { UsageError } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FOLDER = 'test/fixtures/resumes';
const met = (over: Record<string, string> = {}) => ({
  experience_3y: 'met',
  fmcg: 'met',
  key_accounts: 'met',
  higher_education: 'met',
  business_degree: 'met',
  foreign_language: 'met',
  crm: 'met',
  kpi_results: 'met',
  stable_tenure: 'met',
  ...over,
});

function labelsFile(content: unknown): string {
  const file = join(dir, `labels-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, lines };
}

describe('eval:screen main', () => {
  it('screens the labelled fixtures with the demo checklist and ends with one JSON line', async () => {
    const labels = labelsFile({
      'ru_hh_kam_nestle.txt': { lang: 'ru', layout: 'hh-txt', now: '2024-11-15', relevantYears: 9.6, items: met(), verdict: 'pass' },
      'en_programmer.txt': {
        lang: 'en',
        layout: 'us',
        now: '2024-11-15',
        relevantYears: 0,
        items: met({ experience_3y: 'not_met', fmcg: 'not_met', key_accounts: 'not_met' }),
        verdict: 'reject',
      },
      'no-such-file.pdf': { lang: 'en', layout: 'us', now: '2024-11-15', relevantYears: 4, items: met(), verdict: 'pass' },
    });
    const { code, lines } = await run(['--labels', labels, '--verbose', FOLDER]);
    expect(code).toBe(0);
    const summary = JSON.parse(lines.at(-1)!) as Record<string, any>;
    expect(summary.files).toBe(3);
    expect(summary.ru.files).toBe(1);
    expect(summary.en.files).toBe(2);
    // the strong Russian KAM resume is read and screened: its years are close to the label
    expect(summary.ru.yearsWithin1).toBe(1);
    expect(summary.evidenceVerbatim).toBe(1);
    expect(summary.unreadable).toEqual(['no-such-file.pdf']);
    expect(summary.unlabelled).toBeGreaterThan(0);
    expect(Object.keys(summary.verdictConfusion)).toEqual(['pass', 'review', 'reject']);
    expect(lines.some((l) => l.startsWith('  no-such-file.pdf [en] unreadable: The file does not exist.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('  no-such-file.pdf: The file does not exist.'))).toBe(true);
  });

  it('reports usage errors as UsageError (exit code 2 through runCli)', async () => {
    await expect(run([FOLDER])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--labels', join(dir, 'missing.json'), FOLDER])).rejects.toBeInstanceOf(UsageError);
    const bad = labelsFile({ 'a.txt': { lang: 'de' } });
    await expect(run(['--labels', bad, FOLDER])).rejects.toThrow(/not valid/);
    const ok = labelsFile({});
    await expect(run(['--labels', ok])).rejects.toThrow(/no folder/);
    await expect(run(['--labels', ok, 'package.json'])).rejects.toThrow(/not a folder/);
    await expect(run(['--labels', ok, '--bogus', FOLDER])).rejects.toThrow(/unknown option/);
  });
});
