import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp, loginAs } from '../helpers/app.js';
import { SESSION_IDLE_MS, SESSION_RENEW_MS } from '../../src/web/middleware/session.js';

const MIN = 60_000;

/** The session cookie a response sets, with its expiry; null when it sets none. */
function sessionCookie(res: { headers: Record<string, unknown> }): { expires: number } | null {
  const set = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const c = set.find((s) => s.startsWith('kam.sid='));
  if (!c) return null;
  const exp = /Expires=([^;]+)/.exec(c)?.[1];
  return { expires: exp ? Date.parse(exp) : Number.NaN };
}

// A session ends 12 hours after the last request, to within ten minutes; the cookie is not re-sent on every response.
describe('session expiry follows activity', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const storedExpiry = (t: ReturnType<typeof buildApp>) =>
    (t.db.prepare('SELECT MAX(expires_at) AS e FROM sessions').get() as { e: number }).e;

  it('re-sends the cookie only once per step, with an expiry 12 hours after that request', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    // Within the step the login started: no cookie, nothing stored.
    const quiet = await agent.get('/');
    expect(quiet.status).toBe(200);
    expect(sessionCookie(quiet)).toBeNull();

    vi.setSystemTime(Date.now() + SESSION_RENEW_MS + MIN);
    const renewed = await agent.get('/vacancies');
    expect(renewed.status).toBe(200);
    const c = sessionCookie(renewed);
    expect(c).not.toBeNull();
    expect(Math.abs(c!.expires - (Date.now() + SESSION_IDLE_MS))).toBeLessThan(2000);
    expect(Math.abs(storedExpiry(t) - (Date.now() + SESSION_IDLE_MS))).toBeLessThan(2000);
    // And again quiet for the rest of that step.
    expect(sessionCookie(await agent.get('/'))).toBeNull();
  });

  it('keeps a user who keeps working signed in past 12 hours, and ends the session 12 hours after the last request', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    // A request every half hour for 14 hours.
    for (let i = 0; i < 28; i++) {
      vi.setSystemTime(Date.now() + 30 * MIN);
      const r = await agent.get('/');
      expect(r.status, `request ${i + 1}`).toBe(200);
    }
    // Idle for less than 12 hours minus the step: still signed in.
    vi.setSystemTime(Date.now() + SESSION_IDLE_MS - SESSION_RENEW_MS - MIN);
    expect((await agent.get('/')).status).toBe(200);
    // Idle for 12 hours and a minute: signed out (the stored session has expired too).
    vi.setSystemTime(Date.now() + SESSION_IDLE_MS + MIN);
    const late = await agent.get('/');
    expect(late.status).toBe(302);
    expect(late.headers.location).toMatch(/^\/login/);
  });
});
