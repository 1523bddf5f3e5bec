/**
 * experience_3y and stable_tenure, both derived from the dated jobs of analyzeExperience.
 *
 * experience_3y:
 * - with dated jobs: relevant years (union of relevant intervals) ≥ 3 → met; otherwise not_met, except
 *   when jobs whose title could not be found, or a declared total well above the dated total (> 1 year
 *   more: some jobs did not parse), could still make up the difference → unknown;
 * - without dated jobs, a declared total decides: < 3 years → not_met (relevant can only be less);
 *   ≥ 3 with sales named in the same statement ("8 years of FMCG sales experience") → met;
 *   ≥ 3 without it (hh.ru «Опыт работы — 7 лет») → unknown, because it does not say which roles;
 * - nothing at all → unknown.
 *
 * stable_tenure: a short tenure is a finished job under 12 months (a current job is not short yet;
 * internships and year-only entries never are). ≥ 2 short → not_met; otherwise met when the career is
 * readable (a single short spell is met, with its line quoted so HR sees it); no dated jobs → unknown.
 */
import type { ExperienceAnalysis, Job } from './experience.js';
import { NO_DATED_CAREER, inJobs } from './reasons.js';
import type { ItemResult, LocalizedText } from './types.js';

const THRESHOLD_YEARS = 3;
const DECLARED_GAP_YEARS = 1;

function longest(jobs: readonly Job[]): Job | undefined {
  let best: Job | undefined;
  for (const j of jobs) if (best === undefined || j.months > best.months) best = j;
  return best;
}

export function ruleExperience3y(a: ExperienceAnalysis): ItemResult {
  const { summary, jobs, declared } = a;
  if (jobs.length > 0) {
    const relevant = jobs.filter((j) => j.relevant);
    const detail = `relevant_years=${summary.relevantYears}`;
    if (summary.relevantYears >= THRESHOLD_YEARS) return { status: 'met', evidence: longest(relevant)?.evidence ?? null, detail };
    const untitledYears = a.untitledMonths / 12;
    const missingDeclared = declared !== null && declared.years - summary.totalYears > DECLARED_GAP_YEARS;
    if (summary.relevantYears + untitledYears >= THRESHOLD_YEARS || missingDeclared) {
      const evidence = longest(relevant)?.evidence ?? longest(jobs.filter((j) => !j.hasTitle))?.evidence ?? declared?.evidence ?? null;
      return { status: 'unknown', evidence, detail: `${detail};untitled_years=${Math.round(untitledYears * 10) / 10}` };
    }
    const ev = longest(relevant)?.evidence ?? null;
    const years = summary.relevantYears;
    return {
      status: 'not_met',
      evidence: ev,
      detail,
      ...(ev === null || relevant.length === 0 ? { reason: noRelevant(jobs.length, years) } : {}),
    };
  }
  // No dates: the jobs the resume lists without dates still say whether any of them is selling.
  const undatedRelevant = a.undated.filter((u) => u.relevant);
  const allSelling = a.undated.length > 0 && undatedRelevant.length === a.undated.length;
  if (declared !== null) {
    const detail = `declared_years=${declared.years}`;
    if (declared.years < THRESHOLD_YEARS) return { status: 'not_met', evidence: declared.evidence, detail };
    if (a.undated.length > 0 && undatedRelevant.length === 0)
      return { status: 'not_met', evidence: null, detail, reason: noRelevant(a.undated.length, 0) };
    return { status: declared.salesContext || allSelling ? 'met' : 'unknown', evidence: declared.evidence, detail };
  }
  if (a.undated.length > 0 && undatedRelevant.length === 0) {
    return { status: 'not_met', evidence: null, detail: 'undated_jobs', reason: noRelevant(a.undated.length, 0) };
  }
  return { status: 'unknown', evidence: null, detail: 'no_dated_jobs', reason: NO_DATED_CAREER };
}

function noRelevant(jobs: number, years: number): LocalizedText {
  if (years > 0) return { ru: `${years} г. опыта продаж B2B — меньше 3 лет`, en: `${years} years of B2B sales — under 3` };
  const where = inJobs(jobs);
  return { ru: `нет продаж B2B или работы с клиентами-компаниями ${where.ru}`, en: `no B2B selling or account work ${where.en}` };
}

const SHORT_LIMIT = 2;

export function ruleStableTenure(a: ExperienceAnalysis): ItemResult {
  const { jobs, summary } = a;
  const short = jobs.filter((j) => j.end !== 'present' && j.months < 12 && !j.internship);
  const detail = `short_tenures=${summary.shortTenures};jobs=${jobs.length}`;
  const firstShort = short[0];
  if (short.length >= SHORT_LIMIT && firstShort !== undefined) return { status: 'not_met', evidence: firstShort.evidence, detail };
  if (firstShort !== undefined) return { status: 'met', evidence: firstShort.evidence, detail };
  const best = longest(jobs);
  if (best !== undefined) return { status: 'met', evidence: best.evidence, detail };
  return { status: 'unknown', evidence: null, detail, reason: NO_DATED_CAREER };
}
