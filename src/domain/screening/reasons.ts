/**
 * Short absence reasons shown to HR next to an item that has no quote: «нет упоминаний FMCG в 4 местах работы» /
 * "no mention of FMCG in 4 jobs". Absence is evidence only when the career is readable (dated jobs) or, for the
 * education items, when the resume has an education section; otherwise the item stays unknown with its own reason.
 */
import type { LocalizedText } from './types.js';

const RU_PLURAL = new Intl.PluralRules('ru');
const EN_PLURAL = new Intl.PluralRules('en');

/** «в 1 месте работы», «в 3 местах работы»; "in 1 job", "in 3 jobs". */
export function inJobs(n: number): LocalizedText {
  return {
    ru: `в ${n} ${RU_PLURAL.select(n) === 'one' ? 'месте' : 'местах'} работы`,
    en: `in ${n} ${EN_PLURAL.select(n) === 'one' ? 'job' : 'jobs'}`,
  };
}

/** «нет упоминаний {what} в N местах работы» / "no mention of {what} in N jobs". */
export function noMention(ru: string, en: string, jobs: number): LocalizedText {
  const where = inJobs(jobs);
  return { ru: `нет упоминаний ${ru} ${where.ru}`, en: `no mention of ${en} ${where.en}` };
}

export const NO_DATED_CAREER: LocalizedText = {
  ru: 'в резюме нет датированного опыта работы',
  en: 'the resume gives no dated work history',
};

export const NO_EDUCATION_SECTION: LocalizedText = {
  ru: 'в резюме нет раздела об образовании',
  en: 'the resume has no education section',
};
