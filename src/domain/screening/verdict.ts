import type { ChecklistItemInput, ChecklistKind, ItemStatus, VerdictProposal, VerdictReason } from './types.js';

const CREDIT: Record<ItemStatus, number> = { met: 1, unknown: 0.5, not_met: 0 };
const KIND_ORDER: Record<ChecklistKind, number> = { knockout: 0, required: 1, nice_to_have: 2 };
const STATUS_ORDER: Record<ItemStatus, number> = { not_met: 0, unknown: 1, met: 2 };

export const PASS_SCORE = 60;
export const REJECT_SCORE = 40;

/**
 * Proposes a verdict from item statuses — the machine's own or the ones HR confirmed.
 *
 * score = round(100 · Σ weight·credit / Σ weight), credit met = 1, unknown = ½, not_met = 0;
 * items with weight ≤ 0 do not count, and an empty (or all-zero) checklist scores 0.
 * A checklist key missing from `items` counts as unknown.
 *
 * verdict:
 * 1. any knockout not_met → reject;
 * 2. any knockout unknown, or any required not_met/unknown → review,
 *    unless score < 40 → reject (too little is left to be worth a human look);
 * 3. otherwise pass when score ≥ 60, else review.
 *
 * reasons lists every item that is not met, most severe first: knockout before required before
 * nice_to_have, not_met before unknown, then checklist order.
 */
export function proposeVerdict(items: Readonly<Record<string, ItemStatus>>, checklist: readonly ChecklistItemInput[]): VerdictProposal {
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

  const has = (kind: ChecklistKind, status: ItemStatus) => reasons.some((r) => r.kind === kind && r.status === status);
  let verdict: VerdictProposal['verdict'];
  if (has('knockout', 'not_met')) verdict = 'reject';
  else if (has('knockout', 'unknown') || has('required', 'not_met') || has('required', 'unknown')) verdict = score < REJECT_SCORE ? 'reject' : 'review';
  else verdict = score >= PASS_SCORE ? 'pass' : 'review';

  return { verdict, score, reasons: reasons.map(({ key, kind, status }) => ({ key, kind, status })) };
}
