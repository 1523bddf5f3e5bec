import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, loginAs } from '../helpers/app.js';
import { TEST_PASSWORD } from '../helpers/factories.js';

describe('user administration', () => {
  it('creates a user with a generated password shown once, who can then sign in', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'admin');
    const res = await agent.post('/admin/users').type('form').send({
      _csrf: csrf,
      username: 'olga',
      display_name: 'Ольга Иванова',
      email: 'olga@example.com',
      role: 'interviewer',
      department: '',
      password: '',
    });
    expect(res.status).toBe(200);
    const password = /<p class="secret"><code>([^<]+)<\/code>/.exec(res.text)?.[1];
    expect(password).toBeTruthy();
    const row = t.db.prepare("SELECT role, password_hash FROM users WHERE username = 'olga'").get() as {
      role: string;
      password_hash: string;
    };
    expect(row.role).toBe('interviewer');
    expect(row.password_hash).not.toContain(password!);

    const { agent: olga, csrf: c2 } = await anonymous(t.app);
    const login = await olga.post('/login').type('form').send({ _csrf: c2, username: 'olga', password });
    expect(login.status).toBe(302);
  });

  it('validates the form, keeps the input and saves nothing', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'admin');
    const before = t.db.prepare('SELECT COUNT(*) AS n FROM users').get();
    const res = await agent.post('/admin/users').type('form').send({
      _csrf: csrf,
      username: 'bad name!',
      display_name: 'Someone',
      email: 'not-an-email',
      role: 'department_head',
      department: '',
      password: 'short',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Use latin letters, digits, dots, hyphens and underscores.');
    expect(res.text).toContain('Enter an e-mail address like name@example.com.');
    expect(res.text).toContain('A department head needs a department.');
    expect(res.text).toContain('At least 10 characters');
    expect(res.text).toContain('value="not-an-email"');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual(before);
  });

  it('refuses a taken username', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'admin', { username: 'root' });
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: csrf, username: 'ROOT', display_name: 'X', email: '', role: 'hr', department: '', password: '' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('This username is taken.');
  });

  it('edits and disables a user, who is then signed out', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const { agent, csrf } = await loginAs(t, 'admin');
    const res = await agent.post(`/admin/users/${hr.userId}`).type('form').send({
      _csrf: csrf,
      display_name: 'Renamed',
      email: '',
      role: 'department_head',
      department: 'Sales',
      disabled: '1',
    });
    expect(res.status).toBe(302);
    expect(t.db.prepare('SELECT display_name, role, department, disabled FROM users WHERE id = ?').get(hr.userId)).toEqual({
      display_name: 'Renamed',
      role: 'department_head',
      department: 'Sales',
      disabled: 1,
    });
    expect((await hr.agent.get('/').set('Accept', 'text/html')).status).toBe(302);
  });

  it('does not let an admin lock themselves out', async () => {
    const t = buildApp();
    const { agent, csrf, userId } = await loginAs(t, 'admin');
    const res = await agent
      .post(`/admin/users/${userId}`)
      .type('form')
      .send({ _csrf: csrf, display_name: 'Me', email: '', role: 'hr', department: '' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('You cannot remove your own administrator role');
    expect(t.db.prepare('SELECT role FROM users WHERE id = ?').get(userId)).toEqual({ role: 'admin' });
  });

  it("resets a password and ends the user's sessions", async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr', { username: 'anna' });
    const { agent, csrf } = await loginAs(t, 'admin');
    const res = await agent.post(`/admin/users/${hr.userId}/password`).type('form').send({ _csrf: csrf, password: 'a-brand-new-password' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('The password for anna is set.');
    expect((await hr.agent.get('/').set('Accept', 'text/html')).status).toBe(302);
    const { agent: again, csrf: c2 } = await anonymous(t.app);
    expect((await again.post('/login').type('form').send({ _csrf: c2, username: 'anna', password: TEST_PASSWORD })).status).toBe(401);
    expect((await again.post('/login').type('form').send({ _csrf: c2, username: 'anna', password: 'a-brand-new-password' })).status).toBe(
      302,
    );
  });
});
