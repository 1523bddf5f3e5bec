import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, csrfFrom } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';

// Issue 13, finding 9: every cookieless request used to store a 12-hour session.
describe('anonymous requests store no session', () => {
  const count = (t: ReturnType<typeof buildApp>) => (t.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;

  it('for /health, 404s, the login page and redirects', async () => {
    const t = buildApp();
    for (let i = 0; i < 20; i++) {
      expect((await request(t.app).get('/health')).status).toBe(200);
      expect((await request(t.app).get(`/no-such-page-${i}`).set('Accept', 'text/html')).status).toBe(404);
      expect((await request(t.app).get(`/no-such-page-${i}`)).status).toBe(404);
      expect((await request(t.app).get('/login')).status).toBe(200);
      expect((await request(t.app).get('/')).status).toBe(302);
    }
    expect(count(t)).toBe(0);
  });

  it('while the login form keeps its CSRF protection', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'vera' });
    // No cookie, or another browser's cookie: refused.
    const { csrf } = await anonymous(t.app);
    expect((await request(t.app).post('/login').type('form').send({ _csrf: csrf, username: 'vera', password: TEST_PASSWORD })).status).toBe(
      403,
    );
    const other = await anonymous(t.app);
    expect((await other.agent.post('/login').type('form').send({ _csrf: csrf, username: 'vera', password: TEST_PASSWORD })).status).toBe(
      403,
    );
    expect(
      (
        await other.agent
          .post('/login')
          .type('form')
          .send({ _csrf: `${csrf}x`, username: 'vera', password: TEST_PASSWORD })
      ).status,
    ).toBe(403);
    expect(count(t)).toBe(0);
    // The same browser: signed in, and only now a session is stored.
    const ok = await other.agent.post('/login').type('form').send({ _csrf: other.csrf, username: 'vera', password: TEST_PASSWORD });
    expect(ok.status).toBe(302);
    expect(count(t)).toBe(1);
    const home = await other.agent.get('/');
    expect(home.status).toBe(200);
    // Signed in, the token lives in the session; the anonymous one no longer counts once it does.
    const session = csrfFrom(home.text);
    expect(session).not.toBe(other.csrf);
    expect((await other.agent.post('/lang').type('form').send({ _csrf: other.csrf, lang: 'ru' })).status).toBe(403);
    expect((await other.agent.post('/lang').type('form').send({ _csrf: session, lang: 'ru' })).status).toBe(302);
  });
});
