import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Task and case texts are reused for years: a calendar year in them goes stale («in 2024 your turnover…»),
// so they speak of «last year» and «the coming year» instead.
const ROOT = 'question-banks';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

describe('question banks carry no calendar years', () => {
  const all = files(ROOT);
  it('finds the bank files', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  it('has no year like 2024 in any task, case or question text', () => {
    const found = all.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => [...line.matchAll(/(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d%])/g)].map((m) => `${f}:${i + 1}: ${m[0]}`)),
    );
    expect(found).toEqual([]);
  });
});
