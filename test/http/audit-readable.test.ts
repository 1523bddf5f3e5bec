import { describe, expect, it } from 'vitest';
import { buildApp, loginAs } from '../helpers/app.js';
import { zonedMidnight } from '../../src/web/audit-view.js';

const today = () => new Date().toISOString().slice(0, 10);

async function setup() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr', { lang: 'ru', username: 'hr_olga' });
  const admin = await loginAs(t, 'admin', { lang: 'ru' });
  const add = await hr.agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: hr.csrf,
    full_name: 'Ирина Соколова',
    email: 'irina@example.com',
    phone: '',
    source: 'hh',
    resume_text: 'Менеджер по работе с ключевыми клиентами, 6 лет в FMCG. Высшее образование.',
    consent: '1',
    consent_date: today(),
  });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const item = t.db
    .prepare('SELECT id, key, label_ru, label_en FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position LIMIT 1')
    .get(t.demoVacancyId) as { id: number; key: string; label_ru: string; label_en: string };
  await hr.agent.post(`/candidates/${candidateId}/items/${item.key}`).type('form').send({ _csrf: hr.csrf, status: 'not_met' }).expect(302);
  return { t, hr, admin, candidateId, item };
}

describe('history and audit lines in words', () => {
  it('names a checklist item by its label in the history, also after the item is deleted', async () => {
    const { t, hr, candidateId, item } = await setup();
    await hr.agent.post(`/vacancies/${t.demoVacancyId}/checklist/${item.id}/delete`).type('form').send({ _csrf: hr.csrf }).expect(302);
    const page = await hr.agent.get(`/candidates/${candidateId}`);
    const history = page.text.slice(page.text.indexOf('id="history"'));
    expect(history).toContain(`${item.label_ru}:`);
    expect(history).not.toContain(`${item.key}:`);
  });

  it('shows the admin readable actions, subjects and details in the reader’s language, raw JSON only as a secondary detail', async () => {
    const { t, admin, candidateId, item } = await setup();
    const ru = await admin.agent.get('/admin/audit?action=screening.item');
    expect(ru.status).toBe(200);
    const body = ru.text.slice(ru.text.indexOf('<tbody>'));
    expect(body).toContain('Статус пункта чек-листа изменён вручную');
    expect(body).toContain(`<a href="/candidates/${candidateId}">Кандидат Ирина Соколова</a>`);
    expect(body).toContain(`Пункт: ${item.label_ru}`);
    expect(body).toContain('Стало: Не выполнено');
    expect(body).toContain('<details class="audit-raw">');
    expect(body).not.toContain('<code>screening.item</code>');
    // English for an English reader.
    await admin.agent.post('/lang').type('form').send({ _csrf: admin.csrf, lang: 'en', next: '/' });
    const en = await admin.agent.get('/admin/audit?action=screening.item');
    expect(en.text).toContain('Checklist item status set by hand');
    expect(en.text).toContain(`Item: ${item.label_en}`);
    // The action filter offers groups and actions in words.
    expect(en.text).toMatch(/<option value="screening"\s*>Screening: all actions<\/option>/);
    const group = await admin.agent.get('/admin/audit?action=screening');
    expect(group.text).toContain('Checklist item status set by hand');
    expect(group.text).not.toContain('Candidate added</td>');
    // Every action stored here reads in words, never as its code.
    const actions = (t.db.prepare('SELECT DISTINCT action FROM audit_log').all() as { action: string }[]).map((r) => r.action);
    const all = await admin.agent.get('/admin/audit');
    for (const a of actions) expect(all.text, a).not.toContain(`>${a}<`);
  });

  it('filters by user and by days in the configured zone (Moscow)', async () => {
    const { t, admin, candidateId } = await setup();
    const hrId = (t.db.prepare("SELECT id FROM users WHERE username = 'hr_olga'").get() as { id: number }).id;
    // An entry at 21:30 UTC on 1 March is 00:30 on 2 March in Moscow.
    // (The log is append-only: an entry of that time is added as it would have been written then.)
    t.db
      .prepare(
        "INSERT INTO audit_log (at, user_id, user_name, action, subject_type, subject_id, detail) VALUES ('2026-03-01T21:30:00.000Z', ?, 'Olga (hr_olga)', 'screening.item', 'candidate', ?, NULL)",
      )
      .run(hrId, String(candidateId));
    const day2 = await admin.agent.get(`/admin/audit?user=${hrId}&from=2026-03-02&to=2026-03-02`);
    expect(day2.text).toContain(`<a href="/candidates/${candidateId}">`);
    expect(day2.text).toContain('1 запись');
    expect(day2.text).toContain('Статус пункта чек-листа изменён вручную');
    const day1 = await admin.agent.get(`/admin/audit?user=${hrId}&from=2026-03-01&to=2026-03-01`);
    expect(day1.text).toContain('<tbody></tbody>');
    expect(zonedMidnight('2026-03-02', 'Europe/Moscow')).toBe('2026-03-01T21:00:00.000Z');
    expect(zonedMidnight('2026-07-01', 'Europe/London')).toBe('2026-06-30T23:00:00.000Z');
  });
});
