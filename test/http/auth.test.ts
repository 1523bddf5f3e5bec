import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, csrfFrom, loginAs } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';

describe('login and sessions', () => {
  it('sends anonymous users to login and back to the page they asked for', async () => {
    const t = buildApp();
    const res = await request(t.app).get('/vacancies/1/edit').set('Accept', 'text/html');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fvacancies%2F1%2Fedit');

    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const { agent, csrf } = await anonymous(t.app);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'anna', password: TEST_PASSWORD, next: '/vacancies/1/edit' });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/vacancies/1/edit');
    expect((await agent.get('/vacancies/1/edit')).status).toBe(200);
  });

  it('sets an httpOnly, SameSite=Lax cookie and changes the session id at login', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const before = String(page.headers['set-cookie']);
    expect(before).toMatch(/HttpOnly/i);
    expect(before).toMatch(/SameSite=Lax/i);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), username: 'anna', password: TEST_PASSWORD });
    const after = String(login.headers['set-cookie']);
    expect(after.split(';')[0]).not.toBe(before.split(';')[0]);
  });

  it('never redirects off-site after login', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, username: 'anna', password: TEST_PASSWORD, next: '//evil.example/x' });
    expect(res.headers.location).toBe('/');
  });

  it('refuses a wrong password with a message next to the field and keeps the username', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anna', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Wrong username or password.');
    expect(res.text).toContain('value="anna"');
    expect(res.text).toContain('id="f-password-error"');
  });

  it('refuses empty fields with messages in Russian', async () => {
    const t = buildApp();
    const { agent, csrf } = await anonymous(t.app, 'ru');
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: '', password: '' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Заполните это поле.');
  });

  it('refuses a disabled user, and signs them out at once when disabled later', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'gone', disabled: true });
    const { agent, csrf } = await anonymous(t.app);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'gone', password: TEST_PASSWORD });
    expect(res.status).toBe(401);

    const hr = await loginAs(t, 'hr');
    expect((await hr.agent.get('/vacancies')).status).toBe(200);
    t.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(hr.userId);
    expect((await hr.agent.get('/vacancies').set('Accept', 'text/html')).status).toBe(302);
  });

  it('logs out', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'interviewer');
    const out = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(out.headers.location).toBe('/login');
    expect((await agent.get('/').set('Accept', 'text/html')).status).toBe(302);
  });
});

describe('CSRF', () => {
  it('rejects state-changing requests without the token, and with a wrong one', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    const before = t.db.prepare('SELECT COUNT(*) AS n FROM vacancies').get();
    expect((await agent.post('/vacancies').type('form').send({ title_en: 'X', department: 'Sales' })).status).toBe(403);
    expect((await agent.post('/vacancies').type('form').send({ _csrf: 'forged', title_en: 'X' })).status).toBe(403);
    expect((await agent.post(`/vacancies/${t.demoVacancyId}/status`).type('form').send({ status: 'closed' })).status).toBe(403);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM vacancies').get()).toEqual(before);
  });

  it('rejects a login post without the token', async () => {
    const t = buildApp();
    await makeUser(t.db, { role: 'hr', username: 'anna' });
    const res = await request(t.app).post('/login').type('form').send({ username: 'anna', password: TEST_PASSWORD });
    expect(res.status).toBe(403);
  });

  it('puts a token on every page with a form', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    for (const path of ['/', '/vacancies/new', `/vacancies/${t.demoVacancyId}`, `/vacancies/${t.demoVacancyId}/edit`]) {
      const html = (await agent.get(path)).text;
      const forms = html.match(/<form method="post"/g)?.length ?? 0;
      const tokens = html.match(/name="_csrf"/g)?.length ?? 0;
      expect(tokens).toBe(forms);
    }
  });
});

describe('roles', () => {
  const cases: [string, string, number][] = [
    ['interviewer', '/vacancies', 403],
    ['interviewer', '/admin/users', 403],
    ['hr', '/admin/users', 403],
    ['department_head', '/vacancies/new', 403],
    ['department_head', '/admin/users', 403],
    ['admin', '/admin/users', 200],
    ['hr', '/vacancies/new', 200],
    ['interviewer', '/bank', 200],
    ['department_head', '/bank', 200],
  ];
  it.each(cases)('%s GET %s → %i', async (role, path, status) => {
    const t = buildApp();
    const { agent } = await loginAs(t, role as 'hr');
    expect((await agent.get(path)).status).toBe(status);
  });

  it.each(['admin', 'hr', 'interviewer', 'department_head'] as const)('%s lands on a home page made for the role', async (role) => {
    const t = buildApp();
    const { agent } = await loginAs(t, role, { department: 'Коммерческий отдел' });
    const html = (await agent.get('/')).text;
    const marker = {
      admin: 'Administration',
      hr: 'Open vacancies',
      interviewer: 'Upcoming interviews',
      department_head: 'Take-home tasks to grade',
    }[role];
    expect(html).toContain(marker);
  });

  it('answers JSON clients with JSON errors', async () => {
    const t = buildApp();
    const res = await request(t.app).get('/nowhere').set('Accept', 'application/json');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404 });
  });
});
