import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../../src/domain/time-zone.js';

/** What the runtime itself says: a DateTimeFormat accepts the zone or throws. */
function oracle(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

describe('isTimeZone (a listed name answers without loading the zone rules)', () => {
  it('agrees with Intl.DateTimeFormat on every listed zone, on aliases and on names that are not zones', () => {
    const names = [
      ...Intl.supportedValuesOf('timeZone'),
      'UTC',
      'Etc/UTC',
      'GMT',
      'Etc/GMT+3',
      'Europe/Kiev',
      'Asia/Calcutta',
      'US/Eastern',
      'europe/moscow',
      'Europe/Mosco',
      'Mars/Olympus',
      'Moscow',
      '',
      '../etc/passwd',
      'Europe/Moscow ',
      'Europe//Moscow',
    ];
    const wrong = names.filter((n) => isTimeZone(n) !== oracle(n));
    expect(wrong).toEqual([]);
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
