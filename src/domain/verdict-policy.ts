// A vacancy's verdict policy as HR edits and reads it: the form's validation, the policy in plain words, and a
// verdict's one-line reason naming the items that decided it. Pure: the words come from the locale files through
// the `t` the caller passes, so both languages (and their plural forms) live in locales/*.json.
import { z } from 'zod';
import { CHECKLIST_KINDS, type ChecklistKind, type Lang } from './bank/schema.js';
import { msg } from './messages.js';
import type { Verdict, VerdictPolicy, VerdictRule } from './screening/types.js';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One checklist item as the texts need it: its key, its label in the page's language and its kind. */
export interface PolicyItem {
  key: string;
  label: string;
  kind: ChecklistKind;
}

// ---- The form ------------------------------------------------------------------------------------

export const MIN_REQUIRED_FIELD = 'min_required';
export const kindField = (itemId: number) => `kind_${itemId}`;

/**
 * The policy form: a kind for each of the vacancy's checklist items (`kind_<id>`) and how many required items a
 * pass needs (`min_required`), a whole number from 0 to the number of items the form itself marks required.
 */
export function policyFormSchema(itemIds: readonly number[]) {
  const shape: Record<string, z.ZodType<string>> = Object.fromEntries(
    itemIds.map((id) => [kindField(id), z.enum(CHECKLIST_KINDS, { error: 'errors.choice' })]),
  );
  shape[MIN_REQUIRED_FIELD] = z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(10, 'errors.integer');
  return z.object(shape).transform((f: Record<string, string>, ctx) => {
    const kindOf = new Map(itemIds.map((id) => [id, f[kindField(id)] as ChecklistKind]));
    const required = [...kindOf.values()].filter((k) => k === 'required').length;
    const raw = f[MIN_REQUIRED_FIELD] ?? '';
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 0 && n <= required)) {
      ctx.addIssue({
        code: 'custom',
        path: [MIN_REQUIRED_FIELD],
        message: required === 0 ? 'errors.min_required_none' : msg('errors.min_required_range', { max: required }),
      });
      return z.NEVER;
    }
    return { policy: { minRequiredMet: n } as VerdictPolicy, kinds: itemIds.map((id) => ({ id, kind: kindOf.get(id)! })) };
  });
}

// ---- Words ----------------------------------------------------------------------------------------

const LIST_LOCALE: Record<Lang, string> = { ru: 'ru', en: 'en-GB' };
const listFormats = new Map<Lang, Intl.ListFormat>();

/** «A», «B» и «C» / “A”, “B” and “C”. */
export function quotedList(labels: readonly string[], lang: Lang, t: Translate): string {
  let f = listFormats.get(lang);
  if (!f) listFormats.set(lang, (f = new Intl.ListFormat(LIST_LOCALE[lang], { style: 'long', type: 'conjunction' })));
  return f.format(labels.map((label) => t('verdict_text.quoted', { label })));
}

const labelsOf = (items: readonly PolicyItem[], keys: readonly string[]) => keys.map((k) => items.find((i) => i.key === k)?.label ?? k);

/**
 * The policy in plain words, e.g. «Проходит: выполнены все стоп-факторы («Опыт…» и «Высшее образование») и не меньше
 * 2 из 4 обязательных пунктов; отказ: стоп-фактор не выполнен и нет опыта B2B-продаж; иначе — на рассмотрение.»
 * Mirrors proposeVerdict: the number needed is capped at the number of required items.
 */
export function policySummary(items: readonly PolicyItem[], policy: VerdictPolicy, lang: Lang, t: Translate): string {
  const knockouts = items.filter((i) => i.kind === 'knockout');
  const required = items.filter((i) => i.kind === 'required').length;
  const n = Math.max(0, Math.min(Math.floor(policy.minRequiredMet), required));
  const k = knockouts.length;
  const knockoutPhrase = k
    ? t('verdict_text.all_knockouts', {
        count: k,
        items: quotedList(
          knockouts.map((i) => i.label),
          lang,
          t,
        ),
      })
    : '';
  const requiredPhrase = n ? t('verdict_text.at_least', { n, count: required }) : '';
  const pass =
    items.length === 0
      ? t('verdict_text.pass_empty')
      : k && n
        ? t('verdict_text.pass_both', { knockouts: knockoutPhrase, required: requiredPhrase })
        : k
          ? t('verdict_text.pass_knockouts', { count: k, knockouts: knockoutPhrase })
          : n
            ? t('verdict_text.pass_required', { count: n, required: requiredPhrase })
            : t('verdict_text.pass_any');
  return t('verdict_text.summary', { pass, reject: k ? t('verdict_text.reject_rule') : t('verdict_text.reject_never') });
}

export interface VerdictExplained {
  verdict: Verdict;
  rule: VerdictRule;
  /** The checklist keys behind the rule (VerdictProposal.decisive). */
  decisive: readonly string[];
}

/**
 * The verdict's one-line reason naming the items that decided it, e.g. «Отказ: не выполнен стоп-фактор «Опыт в
 * продажах от 3 лет», опыта B2B-продаж нет» or «Проходит: выполнены стоп-факторы «…» и «…» и 3 из 4 обязательных
 * пунктов («FMCG», «…», «CRM»)». `items` is the vacancy's checklist as it stands; `b2bSales` comes from the screening.
 */
export function verdictReason(
  v: VerdictExplained,
  items: readonly PolicyItem[],
  policy: VerdictPolicy,
  b2bSales: boolean | null,
  lang: Lang,
  t: Translate,
): string {
  const list = (keys: readonly string[]) => quotedList(labelsOf(items, keys), lang, t);
  const kindOf = (key: string) => items.find((i) => i.key === key)?.kind;
  const required = items.filter((i) => i.kind === 'required').length;
  const count = v.decisive.length;
  switch (v.rule) {
    case 'pass': {
      const knockouts = v.decisive.filter((k) => kindOf(k) === 'knockout');
      const met = v.decisive.filter((k) => kindOf(k) === 'required');
      const parts = [
        ...(knockouts.length ? [t('verdict_text.knockouts', { count: knockouts.length, items: list(knockouts) })] : []),
        ...(met.length ? [t('verdict_text.of_required', { met: met.length, count: required, items: list(met) })] : []),
      ];
      if (parts.length === 0) return t('verdict_text.reason_pass_empty');
      const what = parts.join(t('verdict_text.and'));
      // "выполнен" for one knockout alone, "выполнены" otherwise.
      return t('verdict_text.reason_pass', { count: parts.length === 1 && met.length === 0 ? knockouts.length : 2, what });
    }
    case 'reject_knockout':
      return t('verdict_text.reason_reject', { count, items: list(v.decisive) });
    case 'review_knockout_b2b':
      return t(b2bSales === true ? 'verdict_text.reason_review_b2b' : 'verdict_text.reason_review_b2b_unknown', {
        count,
        items: list(v.decisive),
      });
    case 'review_knockout_unknown':
      return t('verdict_text.reason_review_unknown', { count, items: list(v.decisive) });
    case 'review_required': {
      if (items.length === 0) return t('verdict_text.reason_review_empty');
      const n = Math.max(0, Math.min(Math.floor(policy.minRequiredMet), required));
      return t('verdict_text.reason_review_required', { met: Math.max(0, required - count), count: required, n, items: list(v.decisive) });
    }
  }
}
