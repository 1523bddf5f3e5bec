import type { VacancyCore, VacancyProfile } from '../domain/vacancy.js';
import type { VerdictPolicy } from '../domain/screening/types.js';

export const DEMO_SLUG = 'kam-middle-fmcg';
export const DEMO_DEPARTMENT = 'Коммерческий отдел';

export const demoCore: VacancyCore = {
  slug: DEMO_SLUG,
  titleRu: 'Менеджер по работе с ключевыми клиентами (Middle), FMCG',
  titleEn: 'Key Account Manager (Middle), FMCG',
  department: DEMO_DEPARTMENT,
  targetGrade: 'middle',
};

/** Texts of the demo profile; weights, matrix and selections come from the bank via defaultProfile. */
export const demoTexts: Pick<VacancyProfile, 'responsibilities' | 'requirementsMust' | 'requirementsNice' | 'kpis' | 'compensation'> = {
  responsibilities: {
    ru: [
      'Ведение портфеля из 8–12 ключевых клиентов: федеральные и региональные торговые сети',
      'Годовые переговоры: условия поставки, ассортиментная матрица, бонусы и промо-бюджеты',
      'Планирование продаж по каждому клиенту и контроль выполнения плана',
      'Анализ продаж, доли полки и активности конкурентов; предложения по росту',
      'Контроль дебиторской задолженности и соблюдения условий контрактов',
      'Совместная работа с логистикой, маркетингом и финансами по задачам клиентов',
    ].join('\n'),
    en: [
      'Manage a portfolio of 8–12 key accounts: national and regional retail chains',
      'Run annual negotiations: supply terms, assortment, bonuses and promo budgets',
      'Plan sales for every account and track delivery against the plan',
      'Analyse sales, shelf share and competitor activity; propose growth actions',
      'Control receivables and compliance with contract terms',
      'Work with logistics, marketing and finance on client needs',
    ].join('\n'),
  },
  requirementsMust: {
    ru: [
      'Опыт продаж или работы с ключевыми клиентами от 3 лет',
      'Опыт в FMCG и работа с федеральными или сетевыми клиентами',
      'Высшее образование',
      'Уверенная работа в CRM',
      'Подтверждённые результаты: выполнение плана, рост продаж',
    ].join('\n'),
    en: [
      '3+ years in sales or key account management',
      'FMCG experience with national or chain retail clients',
      'Higher education',
      'Confident use of a CRM',
      'Proven results: plan delivery, sales growth',
    ].join('\n'),
  },
  requirementsNice: {
    ru: ['Экономическое или управленческое образование', 'Английский от B1', 'Опыт трейд-маркетинга или категорийного менеджмента'].join(
      '\n',
    ),
    en: ['Degree in economics or management', 'English at B1 or above', 'Trade marketing or category management experience'].join('\n'),
  },
  kpis: { retentionPct: 90, churnPct: 5, upsellPct: 15, meetingsPerMonth: 12, marginGrowthPct: 2 },
  compensation: { salaryMin: 150000, salaryMax: 220000, currency: 'RUB', bonusPctMin: 5, bonusPctMax: 15 },
};

/**
 * The demo vacancy's verdict policy. Its knockouts are the bank checklist's items of kind 'knockout'
 * (experience_3y, higher_education); a pass needs both met and at least 2 of its required items
 * (fmcg, key_accounts, crm, kpi_results).
 */
export const demoVerdictPolicy: VerdictPolicy = { minRequiredMet: 2 };
