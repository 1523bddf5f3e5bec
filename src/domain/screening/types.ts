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

export interface ItemResult {
  status: ItemStatus;
  /** Verbatim substring of the resume text, or null when nothing in the text supports the status. */
  evidence: string | null;
  /** Short machine-readable explanation, e.g. 'relevant_years=5.5'. */
  detail?: string;
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
}

export type Verdict = 'pass' | 'review' | 'reject';

export interface VerdictReason {
  key: string;
  kind: ChecklistKind;
  status: ItemStatus;
}

export interface VerdictProposal {
  verdict: Verdict;
  score: number;
  reasons: VerdictReason[];
}

export interface ScreeningResult extends VerdictProposal {
  experience: ExperienceSummary;
  items: Record<string, ItemResult>;
}

export interface ScreeningOptions {
  now: Date;
}

// One list of template keys for the whole app: the bank's checklist schema owns it.
export const TEMPLATE_KEYS = CHECKLIST_KEYS;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
