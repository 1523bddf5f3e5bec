import { createHash } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SqliteSessionStore } from '../../src/db/session-store.js';
import { anonymous, buildApp, csrfFrom } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The session id inside express-session's signed cookie value (`s:<id>.<signature>`, URL-encoded). */
function sessionIdOf(setCookie: string[] | string | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = all.find((s) => s.startsWith('kam.sid='));
  if (!c) throw new Error('no session cookie');
  const value = decodeURIComponent(c.slice('kam.sid='.length, c.indexOf(';')));
  return value.slice(2, value.lastIndexOf('.'));
}

describe('a session id is not kept in the database', () => {
  it('the stored row is keyed by its hash; the browser with the id is still signed in, and signing out ends it', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'olga' });
    const { agent, csrf } = await anonymous(t.app);
    const login = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'olga', password: TEST_PASSWORD });
    expect(login.status).toBe(302);
    const sid = sessionIdOf(login.headers['set-cookie']);
    expect(sid.length).toBeGreaterThanOrEqual(24);

    const keys = () => (t.db.prepare('SELECT sid FROM sessions').all() as { sid: string }[]).map((r) => r.sid);
    expect(keys()).toEqual([sha256(sid)]);
    const dump = JSON.stringify(t.db.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain(sid);

    const home = await agent.get('/');
    expect(home.status).toBe(200);
    // The id alone, as a thief with a copy of the database would have to use it, opens nothing: its hash is not an id.
    const forged = await request(t.app)
      .get('/')
      .set('Cookie', `kam.sid=${encodeURIComponent(`s:${sha256(sid)}`)}`);
    expect(forged.status).toBe(302);

    expect(
      (
        await agent
          .post('/logout')
          .type('form')
          .send({ _csrf: csrfFrom(home.text) })
      ).status,
    ).toBe(302);
    // Signing out ends that session; the browser keeps only its language, in a new one.
    expect(keys()).not.toContain(sha256(sid));
    const left = t.db.prepare('SELECT data FROM sessions').all() as { data: string }[];
    expect(left.map((r) => JSON.parse(r.data).userId)).toEqual(left.map(() => undefined));
  });

  it('the store reads, extends and removes a session by the id it is given', () => {
    const t = buildApp();
    const store = new SqliteSessionStore(t.db);
    const expires = new Date(Date.now() + 3_600_000);
    const sess = { cookie: { originalMaxAge: 3_600_000, expires }, userId: 7 } as never;
    store.set('plain-session-id-123', sess);
    const row = t.db.prepare('SELECT sid, expires_at AS e FROM sessions').get() as { sid: string; e: number };
    expect(row.sid).toBe(sha256('plain-session-id-123'));
    let got: unknown;
    store.get('plain-session-id-123', (_e, s) => (got = s));
    expect(got).toMatchObject({ userId: 7 });
    store.get(sha256('plain-session-id-123'), (_e, s) => (got = s));
    expect(got).toBeNull();
    const later = new Date(Date.now() + 7_200_000);
    store.touch('plain-session-id-123', { cookie: { expires: later } } as never);
    expect((t.db.prepare('SELECT expires_at AS e FROM sessions').get() as { e: number }).e).toBe(later.getTime());
    store.destroy('plain-session-id-123');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    store.close();
  });
});
