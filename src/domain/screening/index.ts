/**
 * Resume screening for KAM hiring: pure functions, no I/O, the clock is always injected.
 *
 * - extractExperience: dated jobs (hh.ru, LinkedIn and free-form date ranges), relevance of each job
 *   from its title, relevant/total years as the union of intervals, short tenures, declared total.
 * - screenResume: per checklist item a status (met / not_met / unknown) with a verbatim quote, plus
 *   the proposed verdict.
 * - proposeVerdict: the verdict from statuses alone, so HR overrides can be re-scored.
 *
 * Conventions (details next to the code): month ranges count inclusively; year-only bounds are
 * mid-year so «2015–2017» is 2 years and a single year is 12 months (dates.ts); careers told in prose
 * ("since 2018", «с 2017 года», "eight years at …") are read when there are no dated job lines (prose.ts);
 * breaks, leave, military service and study periods are not jobs; relevance follows the labelling guide
 * (roles.ts); a declared total alone proves ≥ 3 relevant years only when it names sales or every listed
 * job sells (rules-experience.ts); a short tenure is a finished, non-internship job under 12 months.
 * Absence is evidence when the career is readable: career items with nothing to support them are
 * not_met with a short bilingual reason (reasons.ts), education items likewise when the resume has an
 * education section; otherwise unknown. `experience.b2bSales` tells the verdict whether a failed
 * knockout may reject.
 */
export type {
  ChecklistItemInput,
  ChecklistKind,
  ExperienceSummary,
  ItemResult,
  ItemStatus,
  JobEntry,
  LocalizedText,
  ScreeningOptions,
  ScreeningResult,
  TemplateKey,
  Verdict,
  VerdictPolicy,
  VerdictProfile,
  VerdictProposal,
  VerdictRule,
  VerdictReason,
  YearMonth,
} from './types.js';
export { DEFAULT_VERDICT_POLICY, TEMPLATE_KEYS } from './types.js';
export { extractExperience } from './experience.js';
export { screenResume, isTemplateKey } from './screen.js';
export { proposeVerdict } from './verdict.js';
