import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMessages } from '../../src/web/i18n.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// Every action the code writes to the audit log (auditLine(…, 'x.y', …) or audit(req, 'x.y', …), and the two
// spelled out in a template literal) has a readable label in both languages, so the log never shows a raw code.
describe('audit log labels', () => {
  const actions = new Set<string>(['consent.given', 'consent.declined']);
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:auditLine|audit)\(\s*[^'`;]{0,80}?'([a-z_]+\.[a-z_.]+)'/gs)) actions.add(m[1] as string);
    for (const m of text.matchAll(/\baction:\s*'([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1] as string);
  }

  it('finds the actions', () => {
    expect(actions.size).toBeGreaterThan(50);
  });

  for (const lang of ['ru', 'en'] as const) {
    it(`labels every action and group in ${lang}`, () => {
      const labels = (readMessages(lang) as { audit_log: Record<string, string> }).audit_log;
      const missing = [...actions].filter((a) => labels[`action_${a.replace(/\./g, '_')}`] === undefined);
      const groups = [...new Set([...actions].map((a) => a.split('.')[0] as string))].filter((g) => labels[`group_${g}`] === undefined);
      expect({ missing, groups }).toEqual({ missing: [], groups: [] });
    });
  }
});
