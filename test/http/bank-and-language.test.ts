import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { anonymous, buildApp, loginAs } from '../helpers/app.js';

describe('question bank pages', () => {
  it('lists and filters by kind, competency, type and language', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    const all = await agent.get('/bank?lang=en&kind=question');
    const n = (html: string) => Number(/(\d+) items?/.exec(html)?.[1]);
    expect(n(all.text)).toBeGreaterThanOrEqual(40);
    const neg = await agent.get('/bank?lang=en&kind=question&competency=negotiation');
    expect(n(neg.text)).toBeGreaterThan(0);
    expect(n(neg.text)).toBeLessThan(n(all.text));
    expect(neg.text).toContain('href="/bank/en/q-negotiation-01"');
    const technical = await agent.get('/bank?lang=en&kind=question&type=technical');
    expect(technical.text).not.toMatch(/<td>Behavioural<\/td>/);
    const ru = await agent.get('/bank?lang=ru&kind=case');
    expect(ru.text).toContain('href="/bank/ru/case-client-leaving"');
    // Unknown filter values are ignored rather than failing.
    expect((await agent.get('/bank?kind=bogus&competency=x')).status).toBe(200);
  });

  it('shows a question with probes, anchors and red flags', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'interviewer', { lang: 'ru' });
    const res = await agent.get('/bank/ru/q-negotiation-01');
    expect(res.status).toBe(200);
    for (const heading of ['Уточняющие вопросы', 'Сильный ответ показывает', 'Красные флаги', 'Шкала оценки'])
      expect(res.text).toContain(heading);
    expect(res.text).toContain('href="/bank/en/q-negotiation-01"');
  });

  it('shows a competency with its grade matrix row and a case with its rubric', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    const comp = await agent.get('/bank/en/negotiation');
    expect(comp.text).toContain('Expected level by grade');
    const kase = await agent.get('/bank/en/case-key-account-selection');
    expect(kase.text).toContain('Rubric');
    expect(kase.text).toContain('<table>');
    expect((await agent.get('/bank/en/nothing-here')).status).toBe(404);
    expect((await agent.get('/bank/de/negotiation')).status).toBe(404);
  });
});

describe('language', () => {
  it('follows Accept-Language for anonymous users, then the switch', async () => {
    const t = buildApp();
    const ru = await request(t.app).get('/login').set('Accept-Language', 'ru-RU,ru;q=0.9');
    expect(ru.text).toContain('<html lang="ru">');
    expect(ru.text).toContain('Имя пользователя');
    const { agent, csrf } = await anonymous(t.app, 'en');
    expect((await agent.get('/login')).text).toContain('Username');
    await agent.post('/lang').type('form').send({ _csrf: csrf, lang: 'ru', next: '/login' }).expect(302);
    expect((await agent.get('/login')).text).toContain('Имя пользователя');
  });

  it("stores a signed-in user's choice on the account", async () => {
    const t = buildApp();
    const { agent, csrf, userId } = await loginAs(t, 'hr', { lang: 'en' });
    const res = await agent.post('/lang').type('form').send({ _csrf: csrf, lang: 'ru', next: '/vacancies' });
    expect(res.headers.location).toBe('/vacancies');
    expect(t.db.prepare('SELECT locale FROM users WHERE id = ?').get(userId)).toEqual({ locale: 'ru' });
    const page = await agent.get('/vacancies').set('Accept-Language', 'en');
    expect(page.text).toContain('Вакансии');
  });

  it('formats dates and money per locale', async () => {
    const t = buildApp();
    const { agent: en } = await loginAs(t, 'hr', { lang: 'en' });
    const { agent: ru } = await loginAs(t, 'hr', { lang: 'ru' });
    const enPage = (await en.get(`/vacancies/${t.demoVacancyId}`)).text;
    const ruPage = (await ru.get(`/vacancies/${t.demoVacancyId}`)).text;
    expect(enPage).toMatch(/RUB\s?150,000/);
    expect(ruPage).toMatch(/150\s000\s₽/);
  });
});
