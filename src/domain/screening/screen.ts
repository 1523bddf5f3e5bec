import { buildDoc } from './doc.js';
import { analyzeExperience } from './experience.js';
import { ruleBusinessDegree, ruleHigherEducation } from './rules-education.js';
import { ruleExperience3y, ruleStableTenure } from './rules-experience.js';
import { ruleCrm, ruleCustom, ruleFmcg, ruleKeyAccounts, ruleKpi } from './rules-keywords.js';
import { ruleForeignLanguage } from './rules-language.js';
import {
  TEMPLATE_KEYS,
  type ChecklistItemInput,
  type ItemResult,
  type ItemStatus,
  type ScreeningOptions,
  type ScreeningResult,
  type TemplateKey,
} from './types.js';
import { proposeVerdict } from './verdict.js';

const TEMPLATE_SET: ReadonlySet<string> = new Set(TEMPLATE_KEYS);

export function isTemplateKey(key: string): key is TemplateKey {
  return TEMPLATE_SET.has(key);
}

/**
 * Screens one resume against a checklist: per-item status with a verbatim quote, the experience
 * summary and a proposed verdict. Pure: the clock comes from `opts.now`.
 *
 * Template keys use the built-in rules; `keywords` on a template item act as extra synonyms only when
 * the built-in rule finds nothing (unknown, or not_met by absence). Any other key is a custom HR item
 * matched by its keywords.
 */
export function screenResume(text: string, checklist: readonly ChecklistItemInput[], opts: ScreeningOptions): ScreeningResult {
  const doc = buildDoc(text);
  const analysis = analyzeExperience(doc, opts.now);
  const run: Record<TemplateKey, () => ItemResult> = {
    experience_3y: () => ruleExperience3y(analysis),
    fmcg: () => ruleFmcg(doc, analysis),
    key_accounts: () => ruleKeyAccounts(doc, analysis),
    higher_education: () => ruleHigherEducation(doc, opts.now),
    business_degree: () => ruleBusinessDegree(doc, opts.now),
    foreign_language: () => ruleForeignLanguage(doc, analysis),
    crm: () => ruleCrm(doc, analysis),
    kpi_results: () => ruleKpi(doc, analysis),
    stable_tenure: () => ruleStableTenure(analysis),
  };

  const items: Record<string, ItemResult> = {};
  const statuses: Record<string, ItemStatus> = {};
  for (const item of checklist) {
    let result: ItemResult;
    if (isTemplateKey(item.key)) {
      result = run[item.key]();
      if (result.status !== 'met' && item.keywords !== undefined && item.keywords.length > 0) {
        const extra = ruleCustom(doc, item.keywords);
        if (extra.status === 'met') result = extra;
      }
    } else result = ruleCustom(doc, item.keywords);
    items[item.key] = result;
    statuses[item.key] = result.status;
  }
  return {
    experience: analysis.summary,
    items,
    ...proposeVerdict(statuses, checklist, opts.policy, { b2bSales: analysis.summary.b2bSales }),
  };
}
