import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidatesRepo } from '../../src/db/candidates.js';
import { vacanciesRepo } from '../../src/db/vacancies.js';
import { currentVerdict, screenText, verdictProfile } from '../../src/services/screening.js';
import { buildApp, loginAs, type Agent, type TestApp } from '../helpers/app.js';

const RESUME_RU = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const today = () => new Date().toISOString().slice(0, 10);

interface Item {
  id: number;
  key: string;
  kind: string;
}
const items = (t: TestApp) =>
  t.db.prepare('SELECT id, key, kind FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position').all(t.demoVacancyId) as Item[];
const minRequired = (t: TestApp) =>
  (t.db.prepare('SELECT min_required_met AS n FROM vacancies WHERE id = ?').get(t.demoVacancyId) as { n: number }).n;
const screening = (t: TestApp, id: number) =>
  t.db.prepare('SELECT proposed_verdict, proposed_rule, verdict, rule, decisive FROM screenings WHERE candidate_id = ?').get(id) as {
    proposed_verdict: string;
    proposed_rule: string;
    verdict: string;
    rule: string;
    decisive: string;
  };

/** The policy form as the page posts it: every item's kind (as stored unless overridden) and the number. */
function policyForm(t: TestApp, csrf: string, minRequiredMet: string, kinds: Record<string, string> = {}) {
  return {
    _csrf: csrf,
    min_required: minRequiredMet,
    ...Object.fromEntries(items(t).map((i) => [`kind_${i.id}`, kinds[i.key] ?? i.kind])),
  };
}

/** A candidate whose statuses HR has confirmed: both knockouts, FMCG and key accounts met; CRM and results not. */
async function confirmedCandidate(t: TestApp, agent: Agent, csrf: string): Promise<number> {
  const res = await agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
    _csrf: csrf,
    full_name: 'Анна Петрова',
    email: 'anna@example.ru',
    phone: '+7 916 555-12-34',
    source: 'hh',
    resume_text: RESUME_RU,
    cover_letter: '',
    consent: '1',
    consent_date: today(),
  });
  expect(res.status).toBe(302);
  const id = Number(res.headers.location?.split('/').pop());
  const set = { experience_3y: 'met', higher_education: 'met', fmcg: 'met', key_accounts: 'met', crm: 'not_met', kpi_results: 'not_met' };
  for (const [key, status] of Object.entries(set))
    await agent.post(`/candidates/${id}/items/${key}`).type('form').send({ _csrf: csrf, status }).expect(302);
  return id;
}

describe('the verdict policy on the checklist page', () => {
  it('shows the policy in plain words, in Russian and in English', async () => {
    const t = buildApp();
    const ru = await loginAs(t, 'hr', { lang: 'ru' });
    const page = await ru.agent.get(`/vacancies/${t.demoVacancyId}/checklist`).expect(200);
    expect(page.text).toContain('Правило решения');
    expect(page.text).toContain(
      'Проходит: выполнены все стоп-факторы («Опыт в продажах или работе с ключевыми клиентами от 3 лет» и «Высшее образование») и не меньше 2 из 4 обязательных пунктов; отказ: стоп-фактор не выполнен и нет опыта B2B-продаж; иначе — на рассмотрение.',
    );
    expect(page.text).toMatch(/<input id="f-min_required" name="min_required" type="number" value="2"/);
    const en = await loginAs(t, 'hr', { lang: 'en' });
    const enPage = await en.agent.get(`/vacancies/${t.demoVacancyId}/checklist`).expect(200);
    expect(enPage.text).toContain(
      'Pass: all knockouts (“3+ years in sales or key account management” and “Higher education”) and at least 2 of the 4 required items met;',
    );
    // Each item's kind is a labelled select.
    const crm = items(t).find((i) => i.key === 'crm')!;
    expect(enPage.text).toContain(`<label for="f-kind_${crm.id}">CRM experience</label>`);
  });

  it('saves kinds and the number, re-decides the verdicts keeping confirmations, and writes an audit line', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    expect(screening(t, id)).toMatchObject({ verdict: 'pass', rule: 'pass' });
    expect(JSON.parse(screening(t, id).decisive)).toEqual(['experience_3y', 'higher_education', 'fmcg', 'key_accounts']);

    // Three of the four required items now needed: two met, so "review", naming the two missing.
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, csrf, '3'));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/vacancies/${t.demoVacancyId}/checklist#policy`);
    expect(minRequired(t)).toBe(3);
    expect(screening(t, id)).toMatchObject({ verdict: 'review', rule: 'review_required' });
    expect(JSON.parse(screening(t, id).decisive)).toEqual(['crm', 'kpi_results']);
    // The confirmations stay as HR set them.
    expect(
      t.db
        .prepare("SELECT status, confirmed_by IS NOT NULL AS confirmed FROM screening_items WHERE candidate_id = ? AND key = 'crm'")
        .get(id),
    ).toEqual({ status: 'not_met', confirmed: 1 });
    const page = await agent.get(`/candidates/${id}`);
    expect(page.text).toContain(
      'Review: 2 of the 4 required items met, at least 3 needed; not met or unknown: “CRM experience” and “Measurable results in the resume”',
    );
    expect(page.text).toContain('Verdict decided again under the changed policy: Pass → Review');

    // CRM made a knockout (and N back to 2): it is not met, the candidate sells to businesses, so "review" naming it.
    await agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, csrf, '2', { crm: 'knockout' }))
      .expect(302);
    expect(items(t).find((i) => i.key === 'crm')!.kind).toBe('knockout');
    expect(screening(t, id)).toMatchObject({ verdict: 'review', rule: 'review_knockout_b2b' });
    expect(JSON.parse(screening(t, id).decisive)).toEqual(['crm']);
    // The score follows the kinds: CRM, not met, is now among its knockouts.
    const score = JSON.parse(
      (t.db.prepare('SELECT result FROM candidate_scores WHERE candidate_id = ?').get(id) as { result: string }).result,
    ) as { knockouts: string[] };
    expect(score.knockouts).toEqual(['crm']);

    const audit = t.db.prepare("SELECT detail FROM audit_log WHERE action = 'checklist.policy' ORDER BY id").all() as { detail: string }[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.detail)).toEqual({
      min_required: { from: 3, to: 2 },
      kinds: [{ key: 'crm', from: 'required', to: 'knockout' }],
      verdicts_changed: 0,
    });
  });

  it("re-decides the proposed verdict too, from the tool's own statuses", async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    const proposed = t.db.prepare('SELECT key, proposed_status AS s FROM screening_items WHERE candidate_id = ?').all(id) as {
      key: string;
      s: 'met' | 'not_met' | 'unknown';
    }[];
    const statuses = Object.fromEntries(proposed.map((r) => [r.key, r.s]));
    await agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, csrf, '4'))
      .expect(302);
    const v = vacanciesRepo(t.db);
    const s = candidatesRepo(t.db).screening(id)!;
    const expected = currentVerdict(statuses, v.checklist(t.demoVacancyId), { minRequiredMet: 4 }, verdictProfile(s.experience));
    expect(screening(t, id)).toMatchObject({ proposed_verdict: expected.verdict, proposed_rule: expected.rule });
  });

  it('refuses a number above the required items with the message at the field, a linked summary, the typed values kept and nothing saved', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const before = items(t);
    // CRM marked nice-to-have in the same form: three required items left, so 4 is too many.
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, csrf, '4', { crm: 'nice_to_have' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain(
      '<p class="field-error" id="f-min_required-error">Enter a whole number from 0 to 3: no more than the checklist has required items.</p>',
    );
    expect(res.text).toContain('<a href="#f-min_required">Required items needed for “Pass”: Enter a whole number from 0 to 3');
    expect(res.text).toMatch(/<input id="f-min_required" name="min_required" type="number" value="4"[^>]*aria-invalid="true"/);
    const crm = before.find((i) => i.key === 'crm')!;
    expect(res.text).toMatch(
      new RegExp(`<select id="f-kind_${crm.id}" name="kind_${crm.id}"[^>]*>[\\s\\S]*?<option value="nice_to_have" selected>`),
    );
    expect(items(t)).toEqual(before);
    expect(minRequired(t)).toBe(2);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'checklist.policy'").get()).toEqual({ n: 0 });

    const ru = await loginAs(t, 'hr', { lang: 'ru' });
    const bad = await ru.agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, ru.csrf, 'два'));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Введите целое число от 0 до 4 — не больше, чем обязательных пунктов в чек-листе.');
    expect(bad.text).toContain('value="два"');
    const kind = await ru.agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, ru.csrf, '2', { fmcg: 'mandatory' }));
    expect(kind.status).toBe(422);
    expect(kind.text).toContain(
      `<a href="#f-kind_${before.find((i) => i.key === 'fmcg')!.id}">Опыт в FMCG: Выберите один из предложенных вариантов.</a>`,
    );
    expect(minRequired(t)).toBe(2);
  });

  it('is for HR and admins only, and needs the CSRF token', async () => {
    const t = buildApp();
    for (const role of ['interviewer', 'department_head'] as const) {
      const p = await loginAs(t, role, { department: 'Коммерческий отдел' });
      expect((await p.agent.get(`/vacancies/${t.demoVacancyId}/checklist`)).status).toBe(403);
      expect(
        (
          await p.agent
            .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
            .type('form')
            .send(policyForm(t, p.csrf, '0'))
        ).status,
      ).toBe(403);
    }
    const hr = await loginAs(t, 'hr');
    const forged = await hr.agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send({ ...policyForm(t, hr.csrf, '0'), _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(minRequired(t)).toBe(2);
    const admin = await loginAs(t, 'admin');
    await admin.agent
      .post(`/vacancies/${t.demoVacancyId}/verdict-policy`)
      .type('form')
      .send(policyForm(t, admin.csrf, '1'))
      .expect(302);
    expect(minRequired(t)).toBe(1);
  });

  it("changing one item's kind on its own form re-decides the verdicts too", async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    const fmcg = t.db.prepare("SELECT * FROM vacancy_checklist_items WHERE vacancy_id = ? AND key = 'fmcg'").get(t.demoVacancyId) as {
      id: number;
      label_ru: string;
      label_en: string;
      weight: number;
    };
    // FMCG no longer required: one required item met of three, two needed.
    await agent
      .post(`/vacancies/${t.demoVacancyId}/checklist/${fmcg.id}`)
      .type('form')
      .send({
        _csrf: csrf,
        label_ru: fmcg.label_ru,
        label_en: fmcg.label_en,
        hint_ru: '',
        hint_en: '',
        kind: 'nice_to_have',
        weight: String(fmcg.weight),
        keywords: '',
      })
      .expect(302);
    expect(screening(t, id)).toMatchObject({ verdict: 'review', rule: 'review_required' });
    expect(t.db.prepare("SELECT detail FROM audit_log WHERE action = 'checklist.item_update'").get()).toEqual({
      detail: JSON.stringify({ key: 'fmcg', kind: { from: 'required', to: 'nice_to_have' } }),
    });
  });

  it('deleting a required item re-decides the verdicts too', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    const keyAccounts = items(t).find((i) => i.key === 'key_accounts')!;
    await agent.post(`/vacancies/${t.demoVacancyId}/checklist/${keyAccounts.id}/delete`).type('form').send({ _csrf: csrf }).expect(302);
    // One required item met (FMCG) of the three left, two needed.
    expect(screening(t, id)).toMatchObject({ verdict: 'review', rule: 'review_required' });
    expect(JSON.parse(screening(t, id).decisive)).toEqual(['crm', 'kpi_results']);
  });
});

describe('the candidate page explains the screening', () => {
  it("shows an item's absence reason where there is no quote, and the verdict with its reason, in Russian and English", async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    // The rules' result stored with an absence reason for an item without a quote.
    const v = vacanciesRepo(t.db);
    const checklist = v.checklist(t.demoVacancyId);
    const result = screenText(RESUME_RU, checklist, v.verdictPolicy(t.demoVacancyId));
    result.items.business_degree = {
      status: 'not_met',
      evidence: null,
      reason: { ru: 'нет упоминаний профильного образования в 2 местах учёбы', en: 'no business degree among 2 places of study' },
    };
    const repo = candidatesRepo(t.db);
    const statuses = Object.fromEntries(repo.screening(id)!.items.map((i) => [i.key, i.status]));
    repo.rescreen(
      id,
      result,
      currentVerdict(statuses, checklist, v.verdictPolicy(t.demoVacancyId), verdictProfile(result.experience)),
      null,
    );

    const en = await agent.get(`/candidates/${id}`);
    expect(en.text).toMatch(
      /<tr id="item-business_degree"[\s\S]*?<p class="absence-reason">no business degree among 2 places of study<\/p>/,
    );
    expect(en.text).toContain(
      'Pass: meets the knockouts “3+ years in sales or key account management” and “Higher education” and 2 of the 4 required items (“FMCG experience” and “Work with federal, chain or other key clients”)',
    );
    const ru = await loginAs(t, 'hr', { lang: 'ru' });
    const page = await ru.agent.get(`/candidates/${id}`);
    expect(page.text).toMatch(
      /<tr id="item-business_degree"[\s\S]*?<p class="absence-reason">нет упоминаний профильного образования в 2 местах учёбы<\/p>/,
    );
    expect(page.text).toContain(
      'Проходит: выполнены стоп-факторы «Опыт в продажах или работе с ключевыми клиентами от 3 лет» и «Высшее образование» и 2 из 4 обязательных пунктов («Опыт в FMCG» и «Работа с федеральными, сетевыми или ключевыми клиентами»)',
    );
    // The history names items by label.
    expect(page.text).toContain('Опыт работы в CRM: ');
  });

  it('explains a screening stored before the rule was kept, from its statuses', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const id = await confirmedCandidate(t, agent, csrf);
    t.db
      .prepare('UPDATE screenings SET rule = NULL, decisive = NULL, proposed_rule = NULL, proposed_decisive = NULL WHERE candidate_id = ?')
      .run(id);
    const page = await agent.get(`/candidates/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'Pass: meets the knockouts “3+ years in sales or key account management” and “Higher education” and 2 of the 4 required items',
    );
  });

  it('names the failed knockout when HR marks it not met on a profile that is not B2B sales', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr', { lang: 'ru' });
    const id = await confirmedCandidate(t, agent, csrf);
    // The stored experience says the career is readable and shows no selling to businesses.
    const exp = JSON.parse(
      (t.db.prepare('SELECT experience FROM screenings WHERE candidate_id = ?').get(id) as { experience: string }).experience,
    ) as Record<string, unknown>;
    t.db.prepare('UPDATE screenings SET experience = ? WHERE candidate_id = ?').run(JSON.stringify({ ...exp, b2bSales: false }), id);
    await agent.post(`/candidates/${id}/items/higher_education`).type('form').send({ _csrf: csrf, status: 'not_met' }).expect(302);
    expect(screening(t, id)).toMatchObject({ verdict: 'reject', rule: 'reject_knockout' });
    const page = await agent.get(`/candidates/${id}`);
    expect(page.text).toContain('Отказ: не выполнен стоп-фактор «Высшее образование», опыта B2B-продаж нет');
  });
});
