import { describe, expect, it } from 'vitest';
import { anonymous, buildApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';

// Issue 13, finding 3 over HTTP. The app trusts X-Forwarded-For from loopback, so each request
// can come from the address the test names.
describe('login throttling cannot be turned against a user', () => {
  it('five wrong passwords from one address lock that address only', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const { agent, csrf } = await anonymous(t.app);
    const attempt = (password: string, ip: string) =>
      agent.post('/login').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrf, username: 'anna', password });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password', '198.51.100.1')).status).toBe(401);
    const locked = await attempt(TEST_PASSWORD, '198.51.100.1');
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Too many failed attempts');
    // The real user, elsewhere, signs in at once.
    expect((await attempt(TEST_PASSWORD, '203.0.113.5')).status).toBe(302);
  });

  it('made-up names from an office NAT do not lock its real users out', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'boris' });
    const { agent, csrf } = await anonymous(t.app);
    const from = (username: string, password: string) =>
      agent.post('/login').set('X-Forwarded-For', '192.0.2.10').type('form').send({ _csrf: csrf, username, password });
    // 20 failures with made-up names: the old throttle locked the whole address for 15 minutes.
    for (let i = 0; i < 20; i++) expect((await from(`made-up-${i}`, 'whatever-password')).status).toBe(401);
    let res = await from('boris', TEST_PASSWORD);
    if (res.status === 429) {
      // A short delay for the whole address, never a lock.
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers['retry-after'])));
      res = await from('boris', TEST_PASSWORD);
    }
    expect(res.status).toBe(302);
  }, 60_000);
});
