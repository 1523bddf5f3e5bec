import { describe, expect, it } from 'vitest';
import { policyFormSchema, policySummary, quotedList, verdictReason, type PolicyItem } from '../../src/domain/verdict-policy.js';
import { translator } from '../../src/web/i18n.js';
import { parseForm } from '../../src/web/validation.js';

const ru = translator('ru');
const en = translator('en');

const RU: PolicyItem[] = [
  { key: 'experience_3y', label: 'Опыт продаж от 3 лет', kind: 'knockout' },
  { key: 'fmcg', label: 'Опыт в FMCG', kind: 'required' },
  { key: 'key_accounts', label: 'Ключевые клиенты', kind: 'required' },
  { key: 'higher_education', label: 'Высшее образование', kind: 'knockout' },
  { key: 'business_degree', label: 'Профильное образование', kind: 'nice_to_have' },
  { key: 'crm', label: 'CRM', kind: 'required' },
  { key: 'kpi_results', label: 'Результаты в цифрах', kind: 'required' },
];
const EN: PolicyItem[] = RU.map((i) => ({
  ...i,
  label: (
    {
      experience_3y: '3+ years in sales',
      fmcg: 'FMCG',
      key_accounts: 'Key accounts',
      higher_education: 'Higher education',
      business_degree: 'Business degree',
      crm: 'CRM',
      kpi_results: 'Measurable results',
    } as Record<string, string>
  )[i.key]!,
}));
const only = (items: PolicyItem[], keys: string[]) => items.filter((i) => keys.includes(i.key));

describe('policySummary', () => {
  it('says the demo policy in plain Russian and English', () => {
    expect(policySummary(RU, { minRequiredMet: 2 }, 'ru', ru)).toBe(
      'Проходит: выполнены все стоп-факторы («Опыт продаж от 3 лет» и «Высшее образование») и не меньше 2 из 4 обязательных пунктов; ' +
        'отказ: стоп-фактор не выполнен и нет опыта B2B-продаж; иначе — на рассмотрение.',
    );
    expect(policySummary(EN, { minRequiredMet: 2 }, 'en', en)).toBe(
      'Pass: all knockouts (“3+ years in sales” and “Higher education”) and at least 2 of the 4 required items met; ' +
        'reject: a knockout not met and no B2B sales experience at all; otherwise review.',
    );
  });

  it('agrees in number with one knockout and one required item', () => {
    const items = only(RU, ['experience_3y', 'fmcg']);
    expect(policySummary(items, { minRequiredMet: 1 }, 'ru', ru)).toBe(
      'Проходит: выполнены стоп-фактор «Опыт продаж от 3 лет» и не меньше 1 из 1 обязательного пункта; отказ: стоп-фактор не выполнен и нет опыта B2B-продаж; иначе — на рассмотрение.',
    );
    expect(policySummary(items, { minRequiredMet: 0 }, 'ru', ru)).toMatch(/^Проходит: выполнен стоп-фактор «Опыт продаж от 3 лет»; отказ:/);
    expect(policySummary(only(EN, ['experience_3y', 'fmcg']), { minRequiredMet: 1 }, 'en', en)).toMatch(
      /^Pass: the knockout “3\+ years in sales” and at least 1 of the 1 required item met;/,
    );
  });

  it('caps the number needed at the required items there are, and says when nothing can reject', () => {
    expect(policySummary(RU, { minRequiredMet: 9 }, 'ru', ru)).toContain('не меньше 4 из 4 обязательных пунктов');
    const noKnockouts = only(RU, ['fmcg', 'crm']);
    expect(policySummary(noKnockouts, { minRequiredMet: 2 }, 'ru', ru)).toBe(
      'Проходит: выполнены не меньше 2 из 2 обязательных пунктов; отказ: не бывает — стоп-факторов нет; иначе — на рассмотрение.',
    );
    expect(policySummary(noKnockouts, { minRequiredMet: 0 }, 'en', en)).toMatch(/^Pass: everyone — there are no knockouts/);
    expect(policySummary([], { minRequiredMet: 2 }, 'en', en)).toMatch(/^Pass: nobody — the checklist has no items;/);
  });
});

describe('verdictReason', () => {
  it('names the failed knockout for a reject, in both languages and both numbers', () => {
    expect(
      verdictReason(
        { verdict: 'reject', rule: 'reject_knockout', decisive: ['experience_3y'] },
        RU,
        { minRequiredMet: 2 },
        false,
        'ru',
        ru,
      ),
    ).toBe('Отказ: не выполнен стоп-фактор «Опыт продаж от 3 лет», опыта B2B-продаж нет');
    expect(
      verdictReason(
        { verdict: 'reject', rule: 'reject_knockout', decisive: ['experience_3y', 'higher_education'] },
        RU,
        { minRequiredMet: 2 },
        false,
        'ru',
        ru,
      ),
    ).toBe('Отказ: не выполнены стоп-факторы «Опыт продаж от 3 лет» и «Высшее образование», опыта B2B-продаж нет');
    expect(
      verdictReason(
        { verdict: 'reject', rule: 'reject_knockout', decisive: ['higher_education'] },
        EN,
        { minRequiredMet: 2 },
        false,
        'en',
        en,
      ),
    ).toBe('Reject: the knockout “Higher education” is not met and there is no B2B sales experience');
  });

  it('names the knockouts and the required items met for a pass', () => {
    const pass = {
      verdict: 'pass' as const,
      rule: 'pass' as const,
      decisive: ['experience_3y', 'higher_education', 'fmcg', 'key_accounts', 'crm'],
    };
    expect(verdictReason(pass, RU, { minRequiredMet: 2 }, true, 'ru', ru)).toBe(
      'Проходит: выполнены стоп-факторы «Опыт продаж от 3 лет» и «Высшее образование» и 3 из 4 обязательных пунктов («Опыт в FMCG», «Ключевые клиенты» и «CRM»)',
    );
    expect(verdictReason(pass, EN, { minRequiredMet: 2 }, true, 'en', en)).toBe(
      'Pass: meets the knockouts “3+ years in sales” and “Higher education” and 3 of the 4 required items (“FMCG”, “Key accounts” and “CRM”)',
    );
    const one = only(RU, ['experience_3y', 'business_degree']);
    expect(verdictReason({ verdict: 'pass', rule: 'pass', decisive: ['experience_3y'] }, one, { minRequiredMet: 2 }, true, 'ru', ru)).toBe(
      'Проходит: выполнен стоп-фактор «Опыт продаж от 3 лет»',
    );
  });

  it('explains each kind of review', () => {
    const p = { minRequiredMet: 2 };
    expect(verdictReason({ verdict: 'review', rule: 'review_knockout_b2b', decisive: ['experience_3y'] }, RU, p, true, 'ru', ru)).toBe(
      'На рассмотрение: не выполнен стоп-фактор «Опыт продаж от 3 лет», но есть опыт B2B-продаж',
    );
    expect(verdictReason({ verdict: 'review', rule: 'review_knockout_b2b', decisive: ['experience_3y'] }, EN, p, null, 'en', en)).toBe(
      'Review: the knockout “3+ years in sales” is not met, but the resume does not show whether there is B2B sales experience',
    );
    expect(
      verdictReason(
        { verdict: 'review', rule: 'review_knockout_unknown', decisive: ['experience_3y', 'higher_education'] },
        RU,
        p,
        null,
        'ru',
        ru,
      ),
    ).toBe('На рассмотрение: по резюме не ясно, выполнены ли стоп-факторы «Опыт продаж от 3 лет» и «Высшее образование»');
    expect(
      verdictReason({ verdict: 'review', rule: 'review_required', decisive: ['fmcg', 'crm', 'kpi_results'] }, RU, p, true, 'ru', ru),
    ).toBe(
      'На рассмотрение: выполнено 1 из 4 обязательных пунктов, а нужно не меньше 2; не выполнены или неизвестны: «Опыт в FMCG», «CRM» и «Результаты в цифрах»',
    );
    expect(
      verdictReason({ verdict: 'review', rule: 'review_required', decisive: ['kpi_results'] }, EN, { minRequiredMet: 4 }, true, 'en', en),
    ).toBe('Review: 3 of the 4 required items met, at least 4 needed; not met or unknown: “Measurable results”');
  });

  it('falls back to the key for an item no longer on the checklist', () => {
    expect(
      verdictReason({ verdict: 'reject', rule: 'reject_knockout', decisive: ['gone'] }, RU, { minRequiredMet: 2 }, false, 'ru', ru),
    ).toBe('Отказ: не выполнен стоп-фактор «gone», опыта B2B-продаж нет');
  });

  it('quotes and joins labels the way each language does', () => {
    expect(quotedList(['A'], 'ru', ru)).toBe('«A»');
    expect(quotedList(['A', 'B', 'C'], 'ru', ru)).toBe('«A», «B» и «C»');
    expect(quotedList(['A', 'B', 'C'], 'en', en)).toBe('“A”, “B” and “C”');
  });
});

describe('policyFormSchema', () => {
  const schema = policyFormSchema([11, 12, 13]);
  it('reads the kinds and the number of required items', () => {
    const r = parseForm(schema, { kind_11: 'knockout', kind_12: 'required', kind_13: 'required', min_required: ' 2 ' });
    expect(r).toEqual({
      ok: true,
      data: {
        policy: { minRequiredMet: 2 },
        kinds: [
          { id: 11, kind: 'knockout' },
          { id: 12, kind: 'required' },
          { id: 13, kind: 'required' },
        ],
      },
    });
  });

  it('counts the required items as the form marks them, not as they were', () => {
    const r = parseForm(schema, { kind_11: 'knockout', kind_12: 'required', kind_13: 'nice_to_have', min_required: '2' });
    expect(r).toEqual({ ok: false, errors: { min_required: { key: 'errors.min_required_range', params: { max: '1' } } } });
    expect(en('errors.min_required_range', { max: '1' })).toBe(
      'Enter a whole number from 0 to 1: no more than the checklist has required items.',
    );
  });

  it('refuses a missing, negative, fractional or unknown value with a message for the field', () => {
    const base = { kind_11: 'knockout', kind_12: 'required', kind_13: 'required' };
    for (const bad of ['', '-1', '1.5', 'two', '99999999999']) {
      const r = parseForm(schema, { ...base, min_required: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors)).toEqual(['min_required']);
    }
    const none = parseForm(schema, { kind_11: 'knockout', kind_12: 'nice_to_have', kind_13: 'nice_to_have', min_required: '1' });
    expect(none).toEqual({ ok: false, errors: { min_required: { key: 'errors.min_required_none', params: {} } } });
    const kind = parseForm(schema, { ...base, kind_12: 'mandatory', min_required: '1' });
    expect(kind.ok).toBe(false);
    if (!kind.ok) expect(kind.errors.kind_12).toEqual({ key: 'errors.choice', params: {} });
  });
});
