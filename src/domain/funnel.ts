import { PIPELINE, type PipelineStage } from './candidate.js';

export interface StageEvent {
  candidateId: number;
  from: string | null;
  to: string;
  at: string;
}

/** Stages in the order a candidate moves through them; "rejected" can follow any of them. */
export const FUNNEL: PipelineStage[] = ['new', 'screening', 'interview', 'take_home', 'offer', 'hired'];

export function conversion(
  reached: Partial<Record<PipelineStage, number>>,
): { from: PipelineStage; to: PipelineStage; rate: number | null }[] {
  return FUNNEL.slice(1).map((to, i) => {
    const from = FUNNEL[i]!;
    const base = reached[from] ?? 0;
    return { from, to, rate: base > 0 ? Math.round(((reached[to] ?? 0) / base) * 1000) / 10 : null };
  });
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A candidate as the funnel sees them. */
export interface FunnelCandidate {
  id: number;
  createdAt: string;
  stage: string;
  source: string;
  fit: number | null;
}

export interface SourceResult {
  source: string;
  total: number;
  /** Reached an interview: at or past it now, or ever moved into it. */
  interviewed: number;
  hired: number;
  rejected: number;
  /** Mean fit of those with one, to one decimal; null when none has a fit yet. */
  avgFit: number | null;
}

const AT_OR_PAST_INTERVIEW: ReadonlySet<string> = new Set(['interview', 'take_home', 'offer', 'hired']);

/** Results per source, the largest source first. */
export function resultsBySource(candidates: readonly FunnelCandidate[], events: readonly StageEvent[]): SourceResult[] {
  const everInterviewed = new Set(events.filter((e) => e.to === 'interview').map((e) => e.candidateId));
  const bySource = new Map<string, SourceResult & { fitSum: number; fitCount: number }>();
  for (const c of candidates) {
    let r = bySource.get(c.source);
    if (!r)
      bySource.set(
        c.source,
        (r = { source: c.source, total: 0, interviewed: 0, hired: 0, rejected: 0, avgFit: null, fitSum: 0, fitCount: 0 }),
      );
    r.total += 1;
    if (AT_OR_PAST_INTERVIEW.has(c.stage) || everInterviewed.has(c.id)) r.interviewed += 1;
    if (c.stage === 'hired') r.hired += 1;
    if (c.stage === 'rejected') r.rejected += 1;
    if (c.fit !== null) {
      r.fitSum += c.fit;
      r.fitCount += 1;
    }
  }
  return [...bySource.values()]
    .map(({ fitSum, fitCount, ...r }) => ({ ...r, avgFit: fitCount > 0 ? Math.round((fitSum / fitCount) * 10) / 10 : null }))
    .sort((a, b) => b.total - a.total || a.source.localeCompare(b.source));
}

/**
 * Median days spent in each stage, over stays that have ended (a candidate still in a stage
 * has not finished that stay). Entry into "new" is the candidate's creation time.
 */
export function timeInStage(
  created: ReadonlyMap<number, string>,
  events: readonly StageEvent[],
): Partial<Record<PipelineStage, number | null>> {
  const stays = new Map<string, number[]>();
  const byCandidate = new Map<number, StageEvent[]>();
  for (const e of events) {
    const list = byCandidate.get(e.candidateId);
    if (list) list.push(e);
    else byCandidate.set(e.candidateId, [e]);
  }
  for (const [id, evs] of byCandidate) {
    // ISO timestamps order as plain strings; localeCompare would cost ICU collation per comparison.
    evs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let stage = 'new';
    let since = created.get(id);
    for (const e of evs) {
      if (since) {
        const days = (Date.parse(e.at) - Date.parse(since)) / 86_400_000;
        if (days >= 0) {
          const list = stays.get(stage);
          if (list) list.push(days);
          else stays.set(stage, [days]);
        }
      }
      stage = e.to;
      since = e.at;
    }
  }
  return Object.fromEntries(
    PIPELINE.map((s) => {
      const m = median(stays.get(s) ?? []);
      return [s, m === null ? null : Math.round(m * 10) / 10];
    }),
  );
}

// ---- Stages that move themselves ---------------------------------------------------------------

/** A stage's place in the funnel; "rejected" has none (it ends a journey, it is not a step of it). */
export function funnelRank(stage: string): number | null {
  const i = (FUNNEL as readonly string[]).indexOf(stage);
  return i < 0 ? null : i;
}

/** The work that defines a stage: when it happens, the candidate is at least at that stage. */
export const STAGE_OF_WORK = {
  interview_scheduled: 'interview',
  take_home_assigned: 'take_home',
  offer_proposed: 'offer',
} as const satisfies Record<string, PipelineStage>;
export type StageWork = keyof typeof STAGE_OF_WORK;

/**
 * Where the candidate moves when the work happens: the work's stage if it lies ahead of the current one,
 * else nowhere (null). Never backwards, and never out of an ended journey (hired or rejected).
 */
export function stageAfterWork(current: PipelineStage, work: StageWork): PipelineStage | null {
  const to = STAGE_OF_WORK[work];
  const from = funnelRank(current);
  if (from === null || current === 'hired') return null;
  return funnelRank(to)! > from ? to : null;
}

/** The further of two stages (the furthest a candidate reached does not move back); "rejected" never counts. */
export function furtherStage(a: PipelineStage, b: PipelineStage): PipelineStage {
  const ra = funnelRank(a) ?? -1;
  const rb = funnelRank(b) ?? -1;
  return rb > ra ? b : ra < 0 ? 'new' : a;
}

/**
 * The cumulative funnel: for each stage, how many candidates reached it or a later one, from the count of
 * candidates per furthest stage reached. A candidate rejected after the interview counts at new, screening
 * and interview.
 */
export function cumulativeReached(furthest: Partial<Record<string, number>>): Record<(typeof FUNNEL)[number], number> {
  const out = {} as Record<(typeof FUNNEL)[number], number>;
  let sum = 0;
  for (let i = FUNNEL.length - 1; i >= 0; i--) {
    const stage = FUNNEL[i]!;
    sum += Math.max(0, furthest[stage] ?? 0);
    out[stage] = sum;
  }
  return out;
}
