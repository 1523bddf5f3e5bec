import type { CandidatesRepo } from '../db/candidates.js';

/**
 * Keeps the candidate search index in few segments. FTS5 writes each transaction's rows as a new segment and merges
 * them only in groups of four (automerge), so a company adding candidates one by one keeps ten or twenty; every search
 * reads each one, and asking the index about a single row (how a search with many hits finds its first page,
 * src/db/candidates.ts walkPage) costs 0.3–0.4 ms at 22 segments against 15–30 µs at one (100,000 candidates).
 *
 * Past SEGMENTS_MAX segments the index is merged into one, a slice of pages at a time. Measured at 100,000 candidates:
 * 12 s in all (600 slices of 200 pages, none over 50 ms); the server yields to requests between slices. A merge
 * rewrites the whole index, so it waits for some fifty to a few hundred new candidates (segments come and go as FTS5
 * merges them), not for every one.
 */
export const SEGMENTS_MAX = 8;
/** Pages one slice writes: a slice holds the database's write lock for about 10 ms. */
export const SLICE_PAGES = 50;

export interface CompactResult {
  segmentsBefore: number;
  segmentsAfter: number;
  slices: number;
}

/** Merges the index when it has more than SEGMENTS_MAX segments; `pause` runs between slices (the server yields there). */
export async function compactSearchIndex(
  candidates: Pick<CandidatesRepo, 'searchSegments' | 'mergeSearchStep'>,
  pause: () => Promise<void> | void = () => undefined,
  opts: { max?: number; pages?: number } = {},
): Promise<CompactResult> {
  const segmentsBefore = candidates.searchSegments();
  let slices = 0;
  if (segmentsBefore > (opts.max ?? SEGMENTS_MAX)) {
    while (candidates.mergeSearchStep(opts.pages ?? SLICE_PAGES)) {
      slices += 1;
      await pause();
    }
  }
  return { segmentsBefore, segmentsAfter: slices ? candidates.searchSegments() : segmentsBefore, slices };
}
