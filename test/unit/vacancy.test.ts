import { describe, expect, it } from 'vitest';
import { defaultProfile, formToVacancy, slugify, splitLines, vacancyFormSchema, vacancyToFormValues } from '../../src/domain/vacancy.js';
import { COMPETENCY_IDS } from '../../src/domain/bank/schema.js';
import { msg, parseMsg } from '../../src/domain/messages.js';
import { vacancyForm } from '../helpers/factories.js';

const template = {
  matrix: COMPETENCY_IDS.map((id) => ({ id, levels: { junior: 2, middle: 3, senior: 4 } })),
  questionIds: [{ id: 'q-a', competency: 'negotiation' as const }],
  caseIds: ['case-a'],
  taskIds: ['task-a'],
};

describe('vacancy form', () => {
  it('round-trips through the stored profile', () => {
    const parsed = vacancyFormSchema.parse(vacancyForm());
    const { core, profile } = formToVacancy(parsed);
    const again = vacancyFormSchema.parse(vacancyToFormValues(core, profile));
    expect(formToVacancy(again)).toEqual({ core, profile });
  });

  it('reads numbers as people type them', () => {
    const f = vacancyFormSchema.parse(vacancyForm({ salary_min: '150 000', kpi_margin: '2,5', kpi_upsell: '' }));
    expect(f.salary_min).toBe(150000);
    expect(f.kpi_margin).toBe(2.5);
    expect(f.kpi_upsell).toBeNull();
  });

  it('fills the missing title from the other language', () => {
    const { core } = formToVacancy(vacancyFormSchema.parse(vacancyForm({ title_en: '' })));
    expect(core.titleEn).toBe(core.titleRu);
  });

  it('reports every problem at once, each on its field', () => {
    const r = vacancyFormSchema.safeParse(
      vacancyForm({
        title_ru: '',
        title_en: '',
        department: '',
        bonus_min: '20',
        bonus_max: '10',
        stages: { screening: '0', interview: '0', case: '0', take_home: '0' },
      }),
    );
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title_ru', 'department', 'bonus_max', 'stages.screening']));
  });
});

describe('defaultProfile', () => {
  it('takes the grade matrix and selections from the template', () => {
    const p = defaultProfile(template);
    expect(p.gradeLevels.negotiation).toEqual({ junior: 2, middle: 3, senior: 4 });
    expect(p.questionIds).toEqual(['q-a']);
    expect(p.compensation.bonusPctMin).toBe(5);
    expect(p.compensation.bonusPctMax).toBe(15);
    expect(Object.keys(p.competencyWeights)).toHaveLength(COMPETENCY_IDS.length);
  });
});

describe('helpers', () => {
  it('transliterates Russian titles into slugs', () => {
    expect(slugify('Менеджер по работе с ключевыми клиентами (Middle), FMCG')).toBe('menedzher-po-rabote-s-klyuchevymi-klientami-middle');
    expect(slugify('!!!')).toBe('vacancy');
  });

  it('splits list text into items', () => {
    expect(splitLines('- one\n\n• two\r\n  three  ')).toEqual(['one', 'two', 'three']);
  });

  it('carries message parameters', () => {
    expect(parseMsg(msg('errors.range', { min: 0, max: 100 }))).toEqual({ key: 'errors.range', params: { min: '0', max: '100' } });
    expect(parseMsg('errors.required')).toEqual({ key: 'errors.required', params: {} });
  });
});
