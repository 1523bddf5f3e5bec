import { z } from 'zod';
import { PIPELINE, SOURCES, ftsQuery } from '../domain/candidate.js';
import { VERDICTS } from '../domain/screening/types.js';
import type { ListFilter, ListResult } from '../db/candidates.js';

export const PAGE_SIZE = 25;

/** A vacancy's candidate list, as its address asks for it; a value that makes no sense falls back to the default. */
export const listQuery = z.object({
  stage: z.enum(PIPELINE).optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  source: z.enum(SOURCES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  // By default coverage first, then fit (issue 12): screening alone never outranks an interview.
  sort: z.enum(['score', 'fit', 'newest', 'name']).default('fit').catch('fit'),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
  // Keyset paging: the next and previous links name the row the page continues from, so page 2,000 costs
  // what page 1 does; the page number stays for reading (and for a link typed by hand).
  after: z.coerce.number().int().min(1).optional().catch(undefined),
  before: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type ListQuery = z.infer<typeof listQuery>;

/** What the repository reads for that address. */
export function listFilter(vacancyId: number, f: ListQuery): ListFilter {
  return {
    vacancyId,
    stage: f.stage,
    verdict: f.verdict,
    source: f.source,
    match: f.q ? ftsQuery(f.q) : null,
    sort: f.sort,
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
    after: f.after,
    before: f.after === undefined ? f.before : undefined,
  };
}

/** The view-model of views/pages/candidates/list.ejs: the rows, the stage tabs, the filters as chosen and the paging links. */
export function candidateListView(vacancy: { id: number; title: string }, f: ListQuery, filter: ListFilter, result: ListResult) {
  const { rows, total, capped, stages } = result;
  // Past 1000 matches the total is not counted exactly; paging then follows the rows themselves.
  const pages = capped ? null : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = (over: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const all = {
      stage: f.stage ?? '',
      verdict: f.verdict ?? '',
      source: f.source ?? '',
      q: f.q ?? '',
      sort: f.sort,
      page: f.page,
      ...over,
    };
    for (const [k, val] of Object.entries(all)) if (val !== '' && val !== undefined && !(k === 'page' && val === 1)) q.set(k, String(val));
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  const counts = new Map(stages.map((r) => [r.stage, r.n]));
  return {
    vacancy,
    filters: { stage: f.stage ?? '', verdict: f.verdict ?? '', source: f.source ?? '', q: f.q ?? '', sort: f.sort },
    stages: PIPELINE.map((s) => ({ stage: s, count: counts.get(s) ?? 0 })),
    verdicts: VERDICTS,
    sources: SOURCES,
    rows,
    total,
    capped,
    page: pages === null ? f.page : Math.min(f.page, pages),
    pages,
    // Previous and next continue from this page's first and last rows; page 1 needs no cursor.
    prevHref: f.page > 1 ? query({ page: f.page - 1, before: f.page > 2 ? rows[0]?.id : undefined }) : null,
    nextHref: (pages === null ? rows.length === PAGE_SIZE : f.page < pages) ? query({ page: f.page + 1, after: rows.at(-1)?.id }) : null,
    firstHref: f.page > 2 ? query({ page: 1 }) : null,
    lastHref: pages !== null && f.page < pages - 1 ? query({ page: pages }) : null,
    // Typed words that make no search (too short, only signs): the list shows everyone and says so.
    searchIgnored: Boolean(f.q) && !filter.match,
  };
}
