import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/security/throttle.js';

describe('LoginThrottle', () => {
  const opts = { maxPerUser: 3, maxPerIp: 5, windowMs: 1000, lockMs: 5000 };

  it('locks a username after repeated failures, then lets it in again after the lock', () => {
    let now = 0;
    const th = new LoginThrottle(opts, () => now);
    expect(th.fail('Anna', '1.1.1.1')).toBe(false);
    expect(th.fail('anna', '1.1.1.2')).toBe(false);
    expect(th.fail('ANNA', '1.1.1.3')).toBe(true);
    expect(th.retryAfter('anna', '9.9.9.9')).toBe(5000);
    now = 5001;
    expect(th.retryAfter('anna', '9.9.9.9')).toBe(0);
  });

  it('forgets failures outside the window and after a success', () => {
    let now = 0;
    const th = new LoginThrottle(opts, () => now);
    th.fail('bob', 'ip');
    th.fail('bob', 'ip');
    now = 2000;
    expect(th.fail('bob', 'ip')).toBe(false);
    th.succeed('bob');
    expect(th.fail('bob', 'ip')).toBe(false);
  });

  it('locks an address that tries many usernames', () => {
    const th = new LoginThrottle(opts, () => 0);
    for (const u of ['a', 'b', 'c', 'd']) th.fail(u, '6.6.6.6');
    expect(th.fail('e', '6.6.6.6')).toBe(true);
    expect(th.retryAfter('zzz', '6.6.6.6')).toBeGreaterThan(0);
  });
});
