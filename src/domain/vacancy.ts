import { z } from 'zod';
import { msg } from './messages.js';
import { COMPETENCY_IDS, GRADES, type CompetencyId, type Grade, type Lang } from './bank/schema.js';
import { toLatin } from './translit.js';

export const STAGES = ['screening', 'interview', 'case', 'take_home'] as const;
export type Stage = (typeof STAGES)[number];
export const CURRENCIES = ['RUB', 'USD', 'EUR', 'KZT', 'BYN'] as const;

const bilingual = z.object({ ru: z.string(), en: z.string() });
const gradeLevels = z.object({
  junior: z.number().int().min(1).max(5),
  middle: z.number().int().min(1).max(5),
  senior: z.number().int().min(1).max(5),
});

/** The stored profile: everything about a vacancy beyond its title, department, grade and status. */
export const vacancyProfileSchema = z.object({
  responsibilities: bilingual,
  requirementsMust: bilingual,
  requirementsNice: bilingual,
  kpis: z.object({
    retentionPct: z.number().nullable(),
    churnPct: z.number().nullable(),
    upsellPct: z.number().nullable(),
    meetingsPerMonth: z.number().nullable(),
    marginGrowthPct: z.number().nullable(),
  }),
  compensation: z.object({
    salaryMin: z.number().nullable(),
    salaryMax: z.number().nullable(),
    currency: z.enum(CURRENCIES),
    bonusPctMin: z.number().nullable(),
    bonusPctMax: z.number().nullable(),
  }),
  competencyWeights: z.record(z.enum(COMPETENCY_IDS), z.number().int().min(0).max(5)),
  gradeLevels: z.record(z.enum(COMPETENCY_IDS), gradeLevels),
  stageWeights: z.record(z.enum(STAGES), z.number().int().min(0).max(100)),
  questionIds: z.array(z.string()),
  caseIds: z.array(z.string()),
  taskIds: z.array(z.string()),
});
export type VacancyProfile = z.infer<typeof vacancyProfileSchema>;

export interface VacancyCore {
  slug: string;
  titleRu: string;
  titleEn: string;
  department: string;
  targetGrade: Grade;
}

// ---- The HTML form ----------------------------------------------------------------------
// Messages are i18n keys; the web layer translates them next to the field.

const trimmed = (max: number) => z.string().trim().max(max, 'errors.too_long');
const lines = trimmed(5000).default('');
const toNumberOrNull = (v: unknown) => {
  if (v === undefined || v === null) return null;
  const s = String(v)
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  return s === '' ? null : Number(s);
};
const optNumber = (min: number, max: number) =>
  z.preprocess(
    toNumberOrNull,
    z.number({ error: 'errors.number' }).min(min, msg('errors.range', { min, max })).max(max, msg('errors.range', { min, max })).nullable(),
  );
const level = z.preprocess(
  toNumberOrNull,
  z.number({ error: 'errors.number' }).int('errors.integer').min(1, 'errors.level').max(5, 'errors.level'),
);
const weight = z.preprocess(
  toNumberOrNull,
  z.number({ error: 'errors.number' }).int('errors.integer').min(0, 'errors.weight').max(5, 'errors.weight'),
);
const stageWeight = z.preprocess(
  toNumberOrNull,
  z.number({ error: 'errors.number' }).int('errors.integer').min(0, 'errors.percent').max(100, 'errors.percent'),
);
const idList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(500));

const levelsRow = z
  .object({ junior: level, middle: level, senior: level })
  .refine((l) => l.junior <= l.middle && l.middle <= l.senior, { message: 'errors.levels_order', path: ['senior'] });
const levelsShape = Object.fromEntries(COMPETENCY_IDS.map((c) => [c, levelsRow])) as Record<CompetencyId, typeof levelsRow>;
const weightsShape = Object.fromEntries(COMPETENCY_IDS.map((c) => [c, weight])) as Record<CompetencyId, typeof weight>;
const stagesShape = Object.fromEntries(STAGES.map((s) => [s, stageWeight])) as Record<Stage, typeof stageWeight>;

const always = () => true;
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

export const vacancyFormSchema = z
  .object({
    title_ru: trimmed(200).default(''),
    title_en: trimmed(200).default(''),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, 'errors.too_long')
      .regex(/^([a-z0-9][a-z0-9-]*)?$/, 'errors.slug')
      .default(''),
    department: trimmed(120).min(1, 'errors.required'),
    target_grade: z.enum(GRADES, { error: 'errors.choice' }),
    responsibilities_ru: lines,
    responsibilities_en: lines,
    must_ru: lines,
    must_en: lines,
    nice_ru: lines,
    nice_en: lines,
    kpi_retention: optNumber(0, 100),
    kpi_churn: optNumber(0, 100),
    kpi_upsell: optNumber(0, 1000),
    kpi_meetings: optNumber(0, 500),
    kpi_margin: optNumber(-100, 1000),
    salary_min: optNumber(0, 1e9),
    salary_max: optNumber(0, 1e9),
    currency: z.enum(CURRENCIES, { error: 'errors.choice' }),
    bonus_min: optNumber(0, 100),
    bonus_max: optNumber(0, 100),
    weights: z.object(weightsShape),
    levels: z.object(levelsShape),
    stages: z.object(stagesShape),
    questions: idList,
    cases: idList,
    tasks: idList,
  })
  // Cross-field rules run even when other fields are invalid (`when`), so the user sees every
  // problem at once; the values may then be malformed, hence the defensive checks.
  .refine((f) => Boolean(f.title_ru || f.title_en), { when: always, path: ['title_ru'], message: 'errors.title_required' })
  .refine((f) => !(isNum(f.salary_min) && isNum(f.salary_max) && f.salary_min > f.salary_max), {
    when: always,
    path: ['salary_max'],
    message: 'errors.salary_range',
  })
  .refine((f) => !(isNum(f.bonus_min) && isNum(f.bonus_max) && f.bonus_min > f.bonus_max), {
    when: always,
    path: ['bonus_max'],
    message: 'errors.bonus_range',
  })
  .refine((f) => STAGES.some((st) => f.stages?.[st] !== 0), {
    when: always,
    path: ['stages', 'screening'],
    message: 'errors.stage_weights_empty',
  })
  .refine((f) => COMPETENCY_IDS.some((c) => f.weights?.[c] !== 0), {
    when: always,
    path: ['weights', COMPETENCY_IDS[0]],
    message: 'errors.weights_empty',
  });
export type VacancyForm = z.infer<typeof vacancyFormSchema>;
/** What the form shows: strings as the user typed them, keyed like the form fields. */
export type VacancyFormValues = Record<string, unknown>;

export function formToVacancy(f: VacancyForm): { core: Omit<VacancyCore, 'slug'> & { slug: string }; profile: VacancyProfile } {
  const titleRu = f.title_ru || f.title_en;
  const titleEn = f.title_en || f.title_ru;
  return {
    core: { slug: f.slug, titleRu, titleEn, department: f.department, targetGrade: f.target_grade },
    profile: {
      responsibilities: { ru: f.responsibilities_ru, en: f.responsibilities_en },
      requirementsMust: { ru: f.must_ru, en: f.must_en },
      requirementsNice: { ru: f.nice_ru, en: f.nice_en },
      kpis: {
        retentionPct: f.kpi_retention,
        churnPct: f.kpi_churn,
        upsellPct: f.kpi_upsell,
        meetingsPerMonth: f.kpi_meetings,
        marginGrowthPct: f.kpi_margin,
      },
      compensation: {
        salaryMin: f.salary_min,
        salaryMax: f.salary_max,
        currency: f.currency,
        bonusPctMin: f.bonus_min,
        bonusPctMax: f.bonus_max,
      },
      competencyWeights: { ...f.weights },
      gradeLevels: { ...f.levels },
      stageWeights: { ...f.stages },
      questionIds: f.questions,
      caseIds: f.cases,
      taskIds: f.tasks,
    },
  };
}

const n2s = (n: number | null) => (n === null ? '' : String(n));

/** The inverse of formToVacancy, so the edit form starts from what is stored. */
export function vacancyToFormValues(core: VacancyCore, p: VacancyProfile): VacancyFormValues {
  return {
    title_ru: core.titleRu,
    title_en: core.titleEn,
    slug: core.slug,
    department: core.department,
    target_grade: core.targetGrade,
    responsibilities_ru: p.responsibilities.ru,
    responsibilities_en: p.responsibilities.en,
    must_ru: p.requirementsMust.ru,
    must_en: p.requirementsMust.en,
    nice_ru: p.requirementsNice.ru,
    nice_en: p.requirementsNice.en,
    kpi_retention: n2s(p.kpis.retentionPct),
    kpi_churn: n2s(p.kpis.churnPct),
    kpi_upsell: n2s(p.kpis.upsellPct),
    kpi_meetings: n2s(p.kpis.meetingsPerMonth),
    kpi_margin: n2s(p.kpis.marginGrowthPct),
    salary_min: n2s(p.compensation.salaryMin),
    salary_max: n2s(p.compensation.salaryMax),
    currency: p.compensation.currency,
    bonus_min: n2s(p.compensation.bonusPctMin),
    bonus_max: n2s(p.compensation.bonusPctMax),
    weights: Object.fromEntries(COMPETENCY_IDS.map((c) => [c, String(p.competencyWeights[c] ?? 0)])),
    levels: Object.fromEntries(
      COMPETENCY_IDS.map((c) => {
        const l = p.gradeLevels[c] ?? { junior: 1, middle: 1, senior: 1 };
        return [c, { junior: String(l.junior), middle: String(l.middle), senior: String(l.senior) }];
      }),
    ),
    stages: Object.fromEntries(STAGES.map((s) => [s, String(p.stageWeights[s] ?? 0)])),
    questions: p.questionIds,
    cases: p.caseIds,
    tasks: p.taskIds,
  };
}

export interface TemplateInputs {
  matrix: { id: CompetencyId; levels: Record<Grade, number> }[];
  questionIds: { id: string; competency: CompetencyId }[];
  caseIds: string[];
  taskIds: string[];
}

// The middle-grade competencies the reference articles stress most get the highest default weight.
const DEFAULT_WEIGHTS: Partial<Record<CompetencyId, number>> = {
  client_relationships: 5,
  negotiation: 5,
  sales_planning: 4,
  market_analysis: 4,
  portfolio_segmentation: 4,
  communication: 3,
  strategic_thinking: 3,
  contracts_receivables: 3,
  retail_chains: 3,
  trade_marketing: 3,
  cross_functional: 2,
  resilience: 3,
  foreign_language: 1,
};

export function defaultProfile(t: TemplateInputs): VacancyProfile {
  const weights = Object.fromEntries(COMPETENCY_IDS.map((c) => [c, DEFAULT_WEIGHTS[c] ?? 3])) as Record<CompetencyId, number>;
  const levels = Object.fromEntries(
    COMPETENCY_IDS.map((c) => {
      const row = t.matrix.find((m) => m.id === c);
      return [c, row ? { ...row.levels } : { junior: 2, middle: 3, senior: 4 }];
    }),
  ) as Record<CompetencyId, { junior: number; middle: number; senior: number }>;
  return {
    responsibilities: { ru: '', en: '' },
    requirementsMust: { ru: '', en: '' },
    requirementsNice: { ru: '', en: '' },
    kpis: { retentionPct: null, churnPct: null, upsellPct: null, meetingsPerMonth: null, marginGrowthPct: null },
    compensation: { salaryMin: null, salaryMax: null, currency: 'RUB', bonusPctMin: 5, bonusPctMax: 15 },
    competencyWeights: weights,
    gradeLevels: levels,
    stageWeights: { screening: 15, interview: 45, case: 20, take_home: 20 },
    questionIds: t.questionIds.filter((q) => (weights[q.competency] ?? 0) > 0).map((q) => q.id),
    caseIds: [...t.caseIds],
    taskIds: [...t.taskIds],
  };
}

export function slugify(title: string): string {
  // One transliteration for the whole app (х → kh, щ → shch), as names and addresses are written.
  const latin = toLatin(title);
  return (
    latin
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'vacancy'
  );
}

export function vacancyTitle(v: { titleRu: string; titleEn: string }, lang: Lang): string {
  return lang === 'ru' ? v.titleRu || v.titleEn : v.titleEn || v.titleRu;
}

/** Text fields are bilingual; show the reader's language and fall back to the other one. */
export function pick(text: { ru: string; en: string }, lang: Lang): string {
  return lang === 'ru' ? text.ru || text.en : text.en || text.ru;
}

export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
}
