import {
  DEFAULT_VERDICT_POLICY,
  type ChecklistItemInput,
  type ChecklistKind,
  type ItemStatus,
  type VerdictPolicy,
  type VerdictProfile,
  type VerdictProposal,
  type VerdictReason,
  type VerdictRule,
} from './types.js';

const CREDIT: Record<ItemStatus, number> = { met: 1, unknown: 0.5, not_met: 0 };
const KIND_ORDER: Record<ChecklistKind, number> = { knockout: 0, required: 1, nice_to_have: 2 };
const STATUS_ORDER: Record<ItemStatus, number> = { not_met: 0, unknown: 1, met: 2 };

const VERDICT_OF: Record<VerdictRule, VerdictProposal['verdict']> = {
  pass: 'pass',
  reject_knockout: 'reject',
  review_knockout_b2b: 'review',
  review_knockout_unknown: 'review',
  review_required: 'review',
};

/**
 * Proposes a verdict from item statuses — the machine's own or the ones HR confirmed — under the vacancy's policy.
 *
 * score = round(100 · Σ weight·credit / Σ weight), credit met = 1, unknown = ½, not_met = 0;
 * items with weight ≤ 0 do not count, and an empty (or all-zero) checklist scores 0.
 * A checklist key missing from `items` counts as unknown.
 *
 * verdict (knockouts = items of kind 'knockout', required = items of kind 'required'):
 * 1. a knockout not_met → reject when the profile is clearly not B2B sales (`b2bSales === false`), else review;
 * 2. a knockout unknown → review;
 * 3. at least min(policy.minRequiredMet, number of required items) required items met → pass;
 * 4. otherwise review.
 *
 * reasons lists every item that is not met, most severe first: knockout before required before
 * nice_to_have, not_met before unknown, then checklist order. `decisive` names the items behind the rule.
 */
export function proposeVerdict(
  items: Readonly<Record<string, ItemStatus>>,
  checklist: readonly ChecklistItemInput[],
  policy: VerdictPolicy = DEFAULT_VERDICT_POLICY,
  profile: VerdictProfile = { b2bSales: null },
): VerdictProposal {
  const statusOf = (key: string): ItemStatus => (Object.hasOwn(items, key) ? (items[key] ?? 'unknown') : 'unknown');
  let total = 0;
  let earned = 0;
  for (const item of checklist) {
    const w = Number.isFinite(item.weight) && item.weight > 0 ? item.weight : 0;
    total += w;
    earned += w * CREDIT[statusOf(item.key)];
  }
  const score = total === 0 ? 0 : Math.round((100 * earned) / total);

  const reasons: (VerdictReason & { order: number })[] = [];
  checklist.forEach((item, order) => {
    const status = statusOf(item.key);
    if (status !== 'met') reasons.push({ key: item.key, kind: item.kind, status, order });
  });
  reasons.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.order - b.order);

  const keys = (kind: ChecklistKind, pred: (s: ItemStatus) => boolean) =>
    checklist.filter((i) => i.kind === kind && pred(statusOf(i.key))).map((i) => i.key);
  const knockoutsFailed = keys('knockout', (s) => s === 'not_met');
  const knockoutsOpen = keys('knockout', (s) => s === 'unknown');
  const required = keys('required', () => true);
  const requiredMet = keys('required', (s) => s === 'met');
  const needed = Math.max(0, Math.min(Math.floor(policy.minRequiredMet), required.length));

  let rule: VerdictRule;
  let decisive: string[];
  if (knockoutsFailed.length > 0) {
    rule = profile.b2bSales === false ? 'reject_knockout' : 'review_knockout_b2b';
    decisive = knockoutsFailed;
  } else if (knockoutsOpen.length > 0) {
    rule = 'review_knockout_unknown';
    decisive = knockoutsOpen;
  } else if (requiredMet.length >= needed && checklist.length > 0) {
    rule = 'pass';
    decisive = [...keys('knockout', () => true), ...requiredMet];
  } else {
    rule = 'review_required';
    decisive = required.filter((k) => statusOf(k) !== 'met');
  }

  return { verdict: VERDICT_OF[rule], score, reasons: reasons.map(({ key, kind, status }) => ({ key, kind, status })), rule, decisive };
}
