import { z } from 'zod';
import { GRADES, type Grade, type Lang } from './bank/schema.js';
import { msg } from './messages.js';
import { splitLines, detectLang } from './screening/text.js';
import { CURRENCIES, type VacancyProfile } from './vacancy.js';

/*
 * The end of a candidate's journey: the final decision with a reason from the list the admin keeps,
 * and the offer (terms, approvals, letter, the candidate's answer). Pure rules and form schemas.
 */

export const REASON_KINDS = ['company', 'candidate', 'hire'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export const OUTCOMES = ['hired', 'rejected_by_company', 'declined_by_candidate'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which outcome a reason of this kind records. */
export const OUTCOME_OF_KIND: Record<ReasonKind, Outcome> = {
  company: 'rejected_by_company',
  candidate: 'declined_by_candidate',
  hire: 'hired',
};

export const OFFER_STATUSES = ['pending', 'approved', 'refused', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** An offer under way: at most one per candidate. */
export const OPEN_OFFER: ReadonlySet<OfferStatus> = new Set(['pending', 'approved']);

/** The language a text is written in, as the screening reads resumes (Cyrillic against Latin letters). */
export function textLang(text: string): Lang {
  return text.trim() === '' ? 'ru' : detectLang(splitLines(text));
}

/** The candidate's language: as recorded, else the resume's, else Russian. */
export function candidateLang(c: { lang: Lang | null; resumeText: string }): Lang {
  return c.lang ?? textLang(c.resumeText);
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first Monday at least four weeks from today: a usual notice period in Russia is two weeks to a month. */
export function defaultStartDate(today: string): string {
  const d = addDays(today, 28);
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return addDays(d, (8 - dow) % 7);
}

export interface OfferTerms {
  grade: Grade;
  baseSalary: number | null;
  currency: (typeof CURRENCIES)[number];
  bonusPct: number | null;
  startDate: string;
}

/**
 * The terms an offer starts from: the vacancy's grade (or the candidate's recommended one), the middle of
 * the salary range rounded to a thousand, the top of the bonus range.
 */
export function offerDefaults(
  vacancy: { targetGrade: Grade; profile: Pick<VacancyProfile, 'compensation'> },
  recommendedGrade: Grade | null,
  today: string,
): OfferTerms {
  const { salaryMin, salaryMax, currency, bonusPctMin, bonusPctMax } = vacancy.profile.compensation;
  const base =
    salaryMin !== null && salaryMax !== null ? Math.round((salaryMin + salaryMax) / 2 / 1000) * 1000 : (salaryMin ?? salaryMax ?? null);
  return {
    grade: recommendedGrade ?? vacancy.targetGrade,
    baseSalary: base,
    currency,
    bonusPct: bonusPctMax ?? bonusPctMin ?? null,
    startDate: defaultStartDate(today),
  };
}

/** Whether the salary lies outside the vacancy's range (shown to approvers, not refused). */
export function outsideRange(salary: number, c: Pick<VacancyProfile['compensation'], 'salaryMin' | 'salaryMax'>): 'below' | 'above' | null {
  if (c.salaryMin !== null && salary < c.salaryMin) return 'below';
  if (c.salaryMax !== null && salary > c.salaryMax) return 'above';
  return null;
}

// ---- Forms --------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().max(max, msg('errors.too_long', { max })).default('');
const toNumber = (v: unknown) => {
  if (v === undefined || v === null) return undefined;
  const s = String(v)
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  return s === '' ? undefined : Number(s);
};
const reasonId = (key: string) => z.coerce.number({ error: key }).int(key).positive(key);

export const reasonFormSchema = z.object({
  kind: z.enum(REASON_KINDS, { error: 'errors.choice' }),
  label_ru: text(200).pipe(z.string().min(1, 'errors.required')),
  label_en: text(200).pipe(z.string().min(1, 'errors.required')),
});

/** The final decision on the candidate page: a reason from the list (its kind says who said no) and a note. */
export const finalDecisionSchema = z.object({
  reason: z.preprocess((v) => (v === '' ? undefined : v), reasonId('offers.err_reason')),
  note: text(2000),
});

export const offerFormSchema = z.object({
  grade: z.enum(GRADES, { error: 'errors.choice' }),
  base_salary: z.preprocess(
    toNumber,
    z
      .number({ error: 'errors.number' })
      .int('errors.integer')
      .min(1, msg('errors.range', { min: 1, max: 1e9 }))
      .max(1e9, msg('errors.range', { min: 1, max: 1e9 })),
  ),
  currency: z.enum(CURRENCIES, { error: 'errors.choice' }),
  bonus_pct: z.preprocess(
    toNumber,
    z
      .number({ error: 'errors.number' })
      .min(0, msg('errors.range', { min: 0, max: 100 }))
      .max(100, msg('errors.range', { min: 0, max: 100 }))
      .optional(),
  ),
  bonus_terms: text(2000),
  start_date: z.iso.date({ error: 'errors.date' }),
  lang: z.enum(['ru', 'en'], { error: 'errors.choice' }),
});
export type OfferForm = z.infer<typeof offerFormSchema>;

/** A start date in the past is a typing mistake. */
export function startDateProblem(date: string, today: string): string | null {
  return date < today ? 'offers.err_date_past' : null;
}

export const approvalFormSchema = z
  .object({
    verdict: z.enum(['approve', 'refuse'], { error: 'errors.choice' }),
    note: text(2000),
  })
  .refine((f) => f.verdict !== 'refuse' || f.note !== '', { path: ['note'], message: 'offers.err_refusal_note' });

/** The candidate's answer: accepted (a hire reason may be given) or declined (a reason of the candidate's is required). */
export const offerAnswerSchema = z
  .object({
    answer: z.enum(['accepted', 'declined'], { error: 'errors.choice' }),
    reason: z.preprocess((v) => (v === '' ? undefined : v), reasonId('offers.err_reason').optional()),
    note: text(2000),
  })
  .refine((f) => f.answer !== 'declined' || f.reason !== undefined, { path: ['reason'], message: 'offers.err_reason' });

export const secondApproverSchema = z.object({
  second_approver: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
});
