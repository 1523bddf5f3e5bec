import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The layer rules (.dependency-cruiser.cjs) run in `npm run lint`; here they run on a small tree
// (test/fixtures/layers) where each forbidden import occurs once, to show that each one fails.
const BIN = 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs';

function cruise(target: string) {
  const r = spawnSync(process.execPath, [BIN, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', target], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('layer rules', () => {
  it('fail on an upward import, a handler importing a handler and a tool importing a handler', () => {
    const r = cruise('test/fixtures/layers/src');
    expect(r.status).not.toBe(0);
    const violations = r.out.split('\n').filter((l) => l.includes('error '));
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/domain-is-pure: .*src\/domain\/rule\.ts → .*src\/web\/page\.ts/),
        expect.stringMatching(/no-upward-import-into-web: .*src\/db\/repo\.ts → .*src\/web\/page\.ts/),
        expect.stringMatching(/no-upward-import-into-web: .*src\/services\/use-case\.ts → .*src\/web\/page\.ts/),
        expect.stringMatching(/no-upward-import-into-web: .*src\/cli\/tool\.ts → .*src\/web\/handlers\/b\.ts/),
        expect.stringMatching(/handlers-not-handlers: .*src\/web\/handlers\/a\.ts → .*src\/web\/handlers\/b\.ts/),
      ]),
    );
  });
});
