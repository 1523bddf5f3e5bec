import { PIPELINE, type PipelineStage } from './candidate.js';

export interface StageEvent {
  candidateId: number;
  from: string | null;
  to: string;
  at: string;
}

/** Stages in the order a candidate moves through them; "rejected" can follow any of them. */
export const FUNNEL: PipelineStage[] = ['new', 'screening', 'interview', 'take_home', 'offer', 'hired'];

export function conversion(reached: Partial<Record<PipelineStage, number>>): { from: PipelineStage; to: PipelineStage; rate: number | null }[] {
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

/**
 * Median days spent in each stage, over stays that have ended (a candidate still in a stage
 * has not finished that stay). Entry into "new" is the candidate's creation time.
 */
export function timeInStage(created: ReadonlyMap<number, string>, events: readonly StageEvent[]): Partial<Record<PipelineStage, number | null>> {
  const stays = new Map<string, number[]>();
  const byCandidate = new Map<number, StageEvent[]>();
  for (const e of events) {
    const list = byCandidate.get(e.candidateId);
    if (list) list.push(e);
    else byCandidate.set(e.candidateId, [e]);
  }
  for (const [id, evs] of byCandidate) {
    evs.sort((a, b) => a.at.localeCompare(b.at));
    let stage = 'new';
    let since = created.get(id);
    for (const e of evs) {
      if (since) {
        const days = (new Date(e.at).getTime() - new Date(since).getTime()) / 86_400_000;
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
  return Object.fromEntries(PIPELINE.map((s) => {
    const m = median(stays.get(s) ?? []);
    return [s, m === null ? null : Math.round(m * 10) / 10];
  }));
}

/** A CSV cell that Excel opens as text: quoted, and never read as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
