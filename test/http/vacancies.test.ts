import { describe, expect, it } from 'vitest';
import { buildApp, loginAs } from '../helpers/app.js';
import { vacancyForm } from '../helpers/factories.js';
import { seedDemoVacancy } from '../../src/bootstrap.js';

const count = (t: ReturnType<typeof buildApp>) => (t.db.prepare('SELECT COUNT(*) AS n FROM vacancies').get() as { n: number }).n;

describe('vacancy profile', () => {
  it('exists as the bilingual demo vacancy after the first start', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    const en = await agent.get(`/vacancies/${t.demoVacancyId}`);
    expect(en.text).toContain('Key Account Manager (Middle), FMCG');
    const { agent: ru } = await loginAs(t, 'hr', { lang: 'ru' });
    const page = await ru.get(`/vacancies/${t.demoVacancyId}`);
    expect(page.text).toContain('Менеджер по работе с ключевыми клиентами (Middle), FMCG');
    expect(page.text).toContain('Компетенции и матрица грейдов');
    // The checklist was copied from the template with its fixed keys.
    const keys = t.db.prepare('SELECT key FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position').all(t.demoVacancyId);
    expect(keys.map((k) => (k as { key: string }).key)).toEqual([
      'experience_3y',
      'fmcg',
      'key_accounts',
      'higher_education',
      'business_degree',
      'foreign_language',
      'crm',
      'kpi_results',
      'stable_tenure',
    ]);
  });

  it("shows HR's home the twelve most recently changed open vacancies and links to the rest", async () => {
    const t = buildApp();
    for (let i = 0; i < 13; i++) {
      t.db.prepare("DELETE FROM settings WHERE key = 'demo_vacancy_seeded'").run();
      seedDemoVacancy(t.db);
    }
    const { agent } = await loginAs(t, 'hr');
    const home = await agent.get('/');
    expect((home.text.match(/<li class="card">/g) ?? []).length).toBe(12);
    expect(home.text).toContain('<a href="/vacancies">2 more open vacancies — all vacancies</a>');
    const { agent: ru } = await loginAs(t, 'hr', { lang: 'ru' });
    expect((await ru.get('/')).text).toContain('Ещё 2 открытые вакансии — все вакансии');
  });

  it('is created from a valid form, with a slug made from the title', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const res = await agent
      .post('/vacancies')
      .type('form')
      .send({ ...vacancyForm(), _csrf: csrf });
    expect(res.status).toBe(302);
    const id = Number(res.headers.location!.split('/').pop());
    const row = t.db.prepare('SELECT slug, title_en, target_grade, profile FROM vacancies WHERE id = ?').get(id) as {
      slug: string;
      title_en: string;
      target_grade: string;
      profile: string;
    };
    expect(row).toMatchObject({ slug: 'kam-senior-beverages', title_en: 'KAM (Senior), beverages', target_grade: 'senior' });
    const profile = JSON.parse(row.profile);
    expect(profile.compensation).toMatchObject({ salaryMin: 200000, salaryMax: 300000, currency: 'RUB' });
    expect(profile.kpis.marginGrowthPct).toBe(1.5);
    expect(profile.questionIds).toEqual(['q-negotiation-01']);
    const show = await agent.get(res.headers.location!);
    expect(show.text).toContain('The vacancy is created.');
  });

  it('shows field errors, keeps the input and saves nothing on bad input', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const before = count(t);
    const bad = vacancyForm({
      title_ru: '',
      title_en: '',
      department: '   ',
      salary_min: '500000',
      salary_max: 'двести',
      kpi_retention: '140',
      responsibilities_en: 'Keep <script>alert(1)</script> this text',
      levels: { ...(vacancyForm().levels as object), negotiation: { junior: '4', middle: '3', senior: '5' } },
    });
    const res = await agent
      .post('/vacancies')
      .type('form')
      .send({ ...bad, _csrf: csrf });
    expect(res.status).toBe(422);
    expect(count(t)).toBe(before);
    expect(res.text).toContain('Give the vacancy a title in at least one language.');
    expect(res.text).toMatch(/id="f-department-error"[^>]*>Fill in this field\./);
    expect(res.text).toMatch(/id="f-salary_max-error"[^>]*>Enter a number\./);
    expect(res.text).toMatch(/id="f-kpi_retention-error"[^>]*>Enter a number from 0 to 100\./);
    expect(res.text).toContain('Levels must not go down from junior to senior.');
    expect(res.text).toContain('value="двести"');
    expect(res.text).toContain('Keep &lt;script&gt;alert(1)&lt;/script&gt; this text');
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });

  it('shows the errors in Russian for a Russian reader', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr', { lang: 'ru' });
    const res = await agent
      .post('/vacancies')
      .type('form')
      .send({ ...vacancyForm({ salary_min: '10', salary_max: '5' }), _csrf: csrf });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Максимум не может быть меньше минимума.');
  });

  it('refuses a slug already taken and ids that are not in the bank', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const res = await agent
      .post('/vacancies')
      .type('form')
      .send({ ...vacancyForm({ slug: 'kam-middle-fmcg', questions: ['q-nope'] }), _csrf: csrf });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Another vacancy already uses this address.');
    expect(count(t)).toBe(1);
  });

  it('is edited, and the edit form starts from what is stored', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const edit = await agent.get(`/vacancies/${t.demoVacancyId}/edit`);
    expect(edit.text).toContain('value="Key Account Manager (Middle), FMCG"');
    expect(edit.text).toContain('value="150000"');
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}`)
      .type('form')
      .send({ ...vacancyForm({ title_en: 'KAM renamed', slug: 'kam-middle-fmcg' }), _csrf: csrf });
    expect(res.status).toBe(302);
    const row = t.db.prepare('SELECT title_en, slug FROM vacancies WHERE id = ?').get(t.demoVacancyId);
    expect(row).toEqual({ title_en: 'KAM renamed', slug: 'kam-middle-fmcg' });
  });

  it('is closed and reopened', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    await agent.post(`/vacancies/${t.demoVacancyId}/status`).type('form').send({ _csrf: csrf, status: 'closed' }).expect(302);
    expect(t.db.prepare('SELECT status FROM vacancies').get()).toEqual({ status: 'closed' });
    await agent.post(`/vacancies/${t.demoVacancyId}/status`).type('form').send({ _csrf: csrf, status: 'open' }).expect(302);
    expect(t.db.prepare('SELECT status FROM vacancies').get()).toEqual({ status: 'open' });
  });

  it('renders a printable job description from the profile', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'department_head', { department: 'Коммерческий отдел', lang: 'ru' });
    const res = await agent.get(`/vacancies/${t.demoVacancyId}/job-description`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Чем предстоит заниматься');
    expect(res.text).toContain('Ведение портфеля из 8–12 ключевых клиентов');
    expect(res.text).toMatch(/Оклад 150\s000\s₽ – 220\s000\s₽ в месяц/);
    expect(res.text).toContain('data-print');
  });

  it('is hidden from a department head of another department', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'department_head', { department: 'Логистика' });
    expect((await agent.get(`/vacancies/${t.demoVacancyId}`)).status).toBe(403);
    expect((await agent.get(`/vacancies/${t.demoVacancyId}/job-description`)).status).toBe(403);
    expect((await agent.get('/vacancies')).text).not.toContain('Key Account Manager (Middle), FMCG');
  });

  it('answers 404 for an unknown vacancy', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr');
    expect((await agent.get('/vacancies/999')).status).toBe(404);
    expect((await agent.get('/vacancies/abc')).status).toBe(404);
  });
});
