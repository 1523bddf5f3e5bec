/**
 * The pipeline page's days in each stage and results by source walk every candidate and stage
 * event of the vacancy; it is kept per vacancy under the version triggers raise on every change to them (migration
 * 019, reportsRepo.version), so a page view after no change reads one row instead of the vacancy's whole history.
 */
import { resultsBySource, timeInStage, type SourceResult } from '../domain/funnel.js';
import type { OffersRepo } from '../db/offers.js';
import type { ReportsRepo } from '../db/reports.js';

export interface FunnelStats {
  times: ReturnType<typeof timeInStage>;
  sources: SourceResult[];
  /** Every fit with its coverage and source (candidate_list rows: a change to any raises the version). */
  fits: ReturnType<ReportsRepo['fits']>;
  /** Final decisions counted per reason, outcome and source (a decision raises the version: migration 024). */
  outcomes: ReturnType<OffersRepo['reasonStats']>;
}

const caches = new WeakMap<ReportsRepo, Map<number, { version: number; stats: FunnelStats }>>();

export function funnelStats(repos: { reports: ReportsRepo; offers: OffersRepo }, vacancyId: number): FunnelStats {
  const { reports } = repos;
  let cache = caches.get(reports);
  if (cache === undefined) caches.set(reports, (cache = new Map()));
  // The version is read before the rows: a change in between only makes the next view compute again.
  const version = reports.version(vacancyId);
  const kept = cache.get(vacancyId);
  if (kept?.version === version) return kept.stats;
  const candidates = reports.funnelCandidates(vacancyId);
  const events = reports.stageEvents(vacancyId);
  const stats = {
    times: timeInStage(new Map(candidates.map((c) => [c.id, c.createdAt])), events),
    sources: resultsBySource(candidates, events),
    fits: reports.fits(vacancyId),
    outcomes: repos.offers.reasonStats(vacancyId),
  };
  cache.set(vacancyId, { version, stats });
  return stats;
}
