import { CHECKLIST_KEYS, type ChecklistKind } from '../bank/schema.js';
export type { ChecklistKind } from '../bank/schema.js';

export interface ChecklistItemInput {
  key: string;
  kind: ChecklistKind;
  weight: number;
  /** Only for custom HR items: any of these (case-insensitive, ё=е) marks the item met. */
  keywords?: string[];
}

export type ItemStatus = 'met' | 'not_met' | 'unknown';

/** A short sentence shown to HR in both languages; the page picks the user's. */
export interface LocalizedText {
  ru: string;
  en: string;
}

export interface ItemResult {
  status: ItemStatus;
  /** Verbatim substring of the resume text, or null when nothing in the text supports the status. */
  evidence: string | null;
  /** Short machine-readable explanation, e.g. 'relevant_years=5.5'. */
  detail?: string;
  /**
   * Why the item is not_met (or unknown) when there is no quote to show, e.g. «нет упоминаний FMCG в 4 местах
   * работы» / "no mention of FMCG in 4 jobs". Absence is evidence only when the career is readable.
   */
  reason?: LocalizedText;
}

export interface YearMonth {
  year: number;
  month: number;
}

export interface JobEntry {
  start: YearMonth;
  end: YearMonth | 'present';
  title: string;
  relevant: boolean;
  months: number;
  /** The line(s) holding the date range, verbatim. */
  evidence: string;
}

export interface ExperienceSummary {
  totalYears: number;
  relevantYears: number;
  jobs: JobEntry[];
  shortTenures: number;
  /** A total the resume states itself, e.g. hh.ru «Опыт работы — 7 лет 3 месяца». */
  declaredTotalYears: number | null;
  /**
   * Whether the career shows selling to business customers at all (any relevant job, or a declared sales total):
   * true / false when the resume has a readable dated career, null when it does not say.
   */
  b2bSales: boolean | null;
}

/** A screening verdict, in the order forms, filters and reports list them. */
export const VERDICTS = ['pass', 'review', 'reject'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictReason {
  key: string;
  kind: ChecklistKind;
  status: ItemStatus;
}

/**
 * A vacancy's verdict policy. Knockouts are the checklist items of kind 'knockout'; the items of kind 'required'
 * are the ones counted for a pass.
 */
export interface VerdictPolicy {
  /** "pass" needs every knockout met and at least this many required items met (capped at their number). */
  minRequiredMet: number;
}

export const DEFAULT_VERDICT_POLICY: VerdictPolicy = { minRequiredMet: 2 };

/**
 * Which rule decided the verdict:
 * - pass: every knockout met and enough required items met;
 * - reject_knockout: a knockout not met and the profile is not B2B sales at all;
 * - review_knockout_b2b: a knockout not met, but the candidate does sell to business customers (or it is unknown);
 * - review_knockout_unknown: a knockout the resume does not settle;
 * - review_required: knockouts met, too few required items met.
 */
export type VerdictRule = 'pass' | 'reject_knockout' | 'review_knockout_b2b' | 'review_knockout_unknown' | 'review_required';

export interface VerdictProposal {
  verdict: Verdict;
  /** Weighted share of met items (met 1, unknown ½), 0–100: for sorting and the screening stage score. */
  score: number;
  /** Every item that is not met, most severe first. */
  reasons: VerdictReason[];
  rule: VerdictRule;
  /** The checklist keys that decided the verdict (the one-line reason names them), in checklist order. */
  decisive: string[];
}

/** What the verdict needs beyond item statuses: kept with the screening so HR overrides re-decide the same way. */
export interface VerdictProfile {
  b2bSales: boolean | null;
}

export interface ScreeningResult extends VerdictProposal {
  experience: ExperienceSummary;
  items: Record<string, ItemResult>;
}

export interface ScreeningOptions {
  now: Date;
  policy?: VerdictPolicy;
}

// One list of template keys for the whole app: the bank's checklist schema owns it.
export const TEMPLATE_KEYS = CHECKLIST_KEYS;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
