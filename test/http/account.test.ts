import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, csrfFrom, loginAs } from '../helpers/app.js';
import { TEST_PASSWORD } from '../helpers/factories.js';

const NEW_PASSWORD = 'blue-kettle-on-the-stove';

describe('a user changes their own password', () => {
  it('needs the current password, the strength rule and the same new password twice; keeps nothing half-way', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'interviewer', { lang: 'ru', username: 'iva' });
    const page = await agent.get('/account/password');
    expect(page.status).toBe(200);
    expect(page.text).toContain('autocomplete="current-password"');
    expect(page.text).toContain('href="/account/password"');

    const empty = await agent.post('/account/password').type('form').send({ _csrf: csrf });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="f-current-error"');
    expect(empty.text).toContain('href="#f-current"');

    const short = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, current: TEST_PASSWORD, password: 'short', confirm: 'short' });
    expect(short.status).toBe(422);
    expect(short.text).toContain('В новом пароле нужно не меньше 10 символов.');

    const mismatch = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}x` });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('Новые пароли не совпадают');
    expect(mismatch.text).not.toContain(NEW_PASSWORD);

    const wrong = await agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, current: 'not-my-password', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Это не ваш текущий пароль.');

    // Nothing changed: the old password still signs in.
    const check = await anonymous(t.app);
    const old = await check.agent.post('/login').type('form').send({ _csrf: check.csrf, username: 'iva', password: TEST_PASSWORD });
    expect(old.status).toBe(302);
  });

  it('signs out every other session, keeps this one, and is audited', async () => {
    const t = buildApp();
    const here = await loginAs(t, 'hr', { username: 'hanna' });
    const elsewhere = await anonymous(t.app);
    const signedIn = await elsewhere.agent
      .post('/login')
      .type('form')
      .send({ _csrf: elsewhere.csrf, username: 'hanna', password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    expect((await elsewhere.agent.get('/')).status).toBe(200);

    const ok = await here.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: here.csrf, current: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.status).toBe(302);
    expect(ok.headers.location).toBe('/account/password');
    const after = await here.agent.get('/account/password');
    expect(after.status).toBe(200);
    expect(after.text).toContain('Your password is changed.');

    const gone = await elsewhere.agent.get('/');
    expect(gone.status).toBe(302);
    expect(gone.headers.location).toMatch(/^\/login/);

    const fresh = await anonymous(t.app);
    const bad = await fresh.agent.post('/login').type('form').send({ _csrf: fresh.csrf, username: 'hanna', password: TEST_PASSWORD });
    expect(bad.status).toBe(401);
    const good = await fresh.agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(bad.text), username: 'hanna', password: NEW_PASSWORD });
    expect(good.status).toBe(302);

    const row = t.db.prepare("SELECT user_id, subject_id FROM audit_log WHERE action = 'user.password_change'").get() as {
      user_id: number;
      subject_id: string;
    };
    expect(row).toEqual({ user_id: here.userId, subject_id: 'hanna' });
  });
});
