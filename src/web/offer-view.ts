import type { Request } from 'express';
import type { Candidate } from '../db/candidates.js';
import type { OffersRepo } from '../db/offers.js';
import { FUNNEL, funnelRank } from '../domain/funnel.js';
import type { Outcome, ReasonKind } from '../domain/offer.js';

/** The active reasons of the given kinds, in the reader's language, for a radio group or a select. */
export function reasonOptions(req: Request, kinds: readonly ReasonKind[]): { value: string; label: string; kind: ReasonKind }[] {
  const { repos, lang } = req.ctx;
  return repos.offers
    .reasons()
    .filter((r) => r.retiredAt === null && kinds.includes(r.kind))
    .map((r) => ({ value: String(r.id), label: lang === 'ru' ? r.labelRu : r.labelEn, kind: r.kind }));
}

/**
 * What the candidate page shows of the end of the journey: the steps reached (the furthest stage; a take-home
 * task shown as done once graded), the final decision, the latest offer, and the reasons to choose from.
 */
export function decisionDayView(req: Request, c: Pick<Candidate, 'id' | 'stage'>) {
  const { repos, lang } = req.ctx;
  const furthest = funnelRank(repos.offers.furthestStage(c.id) ?? 'new') ?? 0;
  const graded = repos.assignments.forCandidate(c.id).some((a) => repos.assignments.grades(a.id).length > 0);
  const interviewed = repos.interviews
    .forCandidate(c.id)
    .some((iv) => repos.interviews.scorecards(iv.id).some((s) => s.status === 'submitted'));
  const outcome = repos.offers.outcome(c.id);
  const reason = outcome?.reasonId ? repos.offers.reason(outcome.reasonId) : undefined;
  const offer = repos.offers.latestOffer(c.id);
  return {
    steps: FUNNEL.map((stage, i) => ({
      stage,
      reached: i <= furthest,
      current: stage === c.stage,
      done: (stage === 'take_home' && graded) || (stage === 'interview' && interviewed) || i < furthest,
    })),
    outcome: outcome ? { ...outcome, reasonLabel: reason ? (lang === 'ru' ? reason.labelRu : reason.labelEn) : null } : null,
    offer: offer ? { status: offer.status, createdAt: offer.createdAt } : null,
    reasonGroups: (['company', 'candidate'] as const).map((kind) => ({ kind, options: reasonOptions(req, [kind]) })),
  };
}

/**
 * Final decisions of a vacancy's candidates per reason and per source: which reasons close candidates, and
 * which sources bring people who are hired, turned down, or who turn us down.
 */
export function decisionStats(req: Request, rows: ReturnType<OffersRepo['reasonStats']>) {
  const { repos, lang, t } = req.ctx;
  const reasons = new Map(repos.offers.reasons().map((r) => [r.id, r]));
  const total = rows.reduce((n, r) => n + r.n, 0);
  const byReason = new Map<string, { label: string; kind: string; retired: boolean; n: number; sources: Map<string, number> }>();
  const bySource = new Map<string, Record<Outcome, number> & { total: number }>();
  for (const r of rows) {
    const reason = r.reasonId === null ? undefined : reasons.get(r.reasonId);
    const key = reason ? String(reason.id) : `none-${r.outcome}`;
    let entry = byReason.get(key);
    if (!entry) {
      entry = {
        label: reason ? (lang === 'ru' ? reason.labelRu : reason.labelEn) : t('offers.no_reason'),
        kind: reason?.kind ?? (r.outcome === 'hired' ? 'hire' : r.outcome === 'declined_by_candidate' ? 'candidate' : 'company'),
        retired: reason?.retiredAt !== null && reason !== undefined,
        n: 0,
        sources: new Map(),
      };
      byReason.set(key, entry);
    }
    entry.n += r.n;
    entry.sources.set(r.source, (entry.sources.get(r.source) ?? 0) + r.n);
    let s = bySource.get(r.source);
    if (!s) bySource.set(r.source, (s = { hired: 0, rejected_by_company: 0, declined_by_candidate: 0, total: 0 }));
    s[r.outcome] += r.n;
    s.total += r.n;
  }
  const share = (n: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
  return {
    total,
    reasons: [...byReason.values()]
      .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, lang))
      .map((r) => ({
        ...r,
        share: share(r.n),
        sources: [...r.sources.entries()].sort((a, b) => b[1] - a[1]).map(([source, n]) => ({ label: t(`sources.${source}`), n })),
      })),
    sources: [...bySource.entries()]
      .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
      .map(([source, s]) => ({ label: t(`sources.${source}`), ...s })),
  };
}
