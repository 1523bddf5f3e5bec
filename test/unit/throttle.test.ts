import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/security/throttle.js';

// Issue 13, finding 3: five wrong passwords from one address used to lock the real user out
// everywhere, and 20 made-up names locked everyone behind an office NAT.
describe('LoginThrottle', () => {
  const clock = () => {
    const c = { now: 0 };
    return { c, th: new LoginThrottle({}, () => c.now) };
  };
  const MIN = 60_000;

  it('locks the (account, address) pair after 5 failures, and only that pair', () => {
    const { c, th } = clock();
    for (let i = 0; i < 4; i++) expect(th.fail('Anna', '1.1.1.1')).toBe(false);
    expect(th.fail('ANNA', '1.1.1.1')).toBe(true);
    expect(th.retryAfter('anna', '1.1.1.1')).toBe(15 * MIN);
    // The real user, from their own address, is not affected.
    expect(th.retryAfter('anna', '2.2.2.2')).toBe(0);
    // Nor is anyone else from the attacker's address.
    expect(th.retryAfter('boris', '1.1.1.1')).toBe(0);
    c.now = 15 * MIN + 1;
    expect(th.retryAfter('anna', '1.1.1.1')).toBe(0);
  });

  it('never locks real users out because of made-up names from their address (an office NAT)', () => {
    const { c, th } = clock();
    for (let i = 0; i < 100; i++) {
      c.now += Math.max(1, th.retryAfter(`nobody${i}`, '10.0.0.1'));
      th.fail(`nobody${i}`, '10.0.0.1');
    }
    // A delay of a couple of seconds at most, never a lock.
    expect(th.retryAfter('anna', '10.0.0.1')).toBeLessThanOrEqual(2000);
    c.now += 2000;
    expect(th.retryAfter('anna', '10.0.0.1')).toBe(0);
  });

  it('slows a guess spread over many addresses, but a new address waits a minute at most', () => {
    const { c, th } = clock();
    let attempts = 0;
    // An hour of guessing from a botnet: one new address per attempt, each attempt as soon as allowed.
    for (let ip = 0; c.now < 60 * MIN; ip++) {
      const address = `203.0.113.${ip % 250}.${ip}`;
      const wait = th.retryAfter('anna', address);
      if (wait > 0) {
        expect(wait).toBeLessThanOrEqual(MIN);
        c.now += wait;
        continue;
      }
      th.fail('anna', address);
      attempts++;
      c.now += 10;
    }
    // 10 free failures, then 1 s, 2 s, 4 s … up to one a minute.
    expect(attempts).toBeLessThan(80);
    // The real user, from a new address, is let in within a minute of the last failure.
    const wait = th.retryAfter('anna', '198.51.100.7');
    expect(wait).toBeLessThanOrEqual(MIN);
    c.now += wait;
    expect(th.retryAfter('anna', '198.51.100.7')).toBe(0);
    th.succeed('anna', '198.51.100.7');
    expect(th.retryAfter('anna', '203.0.113.9.9')).toBe(0);
  });

  it('forgets failures outside the window and after a success', () => {
    const { c, th } = clock();
    for (let i = 0; i < 4; i++) th.fail('bob', 'ip');
    c.now = 16 * MIN;
    expect(th.fail('bob', 'ip')).toBe(false);
    for (let i = 0; i < 3; i++) th.fail('bob', 'ip');
    th.succeed('bob', 'ip');
    expect(th.fail('bob', 'ip')).toBe(false);
    expect(th.retryAfter('bob', 'ip')).toBe(0);
  });
});
