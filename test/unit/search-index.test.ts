import { describe, expect, it } from 'vitest';
import { candidatesRepo } from '../../src/db/candidates.js';
import { openDatabase } from '../../src/db/connection.js';
import { ftsQuery } from '../../src/domain/candidate.js';
import { inWrittenColumns, searchScope } from '../../src/domain/search.js';
import { serverJobs } from '../../src/services/jobs.js';
import { compactSearchIndex, SEGMENTS_MAX } from '../../src/services/search-index.js';

/** A search index written one row per transaction, as candidates arrive: FTS5 leaves it in several segments. */
function fragmented(rows = 60) {
  const db = openDatabase(':memory:');
  const insert = db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems, scope) VALUES (?, ?, ?, ?, ?)');
  for (let id = 1; id <= rows; id++)
    insert.run(id, `Кандидат ${id}`, id % 3 === 0 ? 'вела переговоры с сетями' : 'продажи в рознице', '', searchScope(1));
  const hits = (q: string) =>
    db
      .prepare<[string], number>('SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(inWrittenColumns(ftsQuery(q)!));
  return { db, repo: candidatesRepo(db), hits };
}

describe('search index upkeep', () => {
  it('merges a fragmented index into one segment, in slices with a pause between them, finding the same rows', async () => {
    const { repo, hits } = fragmented();
    const before = repo.searchSegments();
    expect(before).toBeGreaterThan(1);
    const found = { talks: hits('переговоры'), sales: hits('продажи'), name: hits('Кандидат 42') };
    expect(found.talks).toHaveLength(20);
    let pauses = 0;
    const r = await compactSearchIndex(repo, () => void (pauses += 1), { max: 1, pages: 1 });
    expect(r).toMatchObject({ segmentsBefore: before, segmentsAfter: 1 });
    expect(r.slices).toBeGreaterThan(0);
    expect(pauses).toBe(r.slices);
    expect(repo.searchSegments()).toBe(1);
    expect({ talks: hits('переговоры'), sales: hits('продажи'), name: hits('Кандидат 42') }).toEqual(found);
    // Nothing left to merge: a second run does nothing.
    expect(await compactSearchIndex(repo, undefined, { max: 0 })).toMatchObject({ segmentsAfter: 1, slices: 0 });
  });

  it('leaves an index of few segments alone', async () => {
    const { repo } = fragmented(3);
    const n = repo.searchSegments();
    expect(n).toBeLessThanOrEqual(SEGMENTS_MAX);
    expect(await compactSearchIndex(repo)).toEqual({ segmentsBefore: n, segmentsAfter: n, slices: 0 });
  });

  it('is one of the server jobs, and reports the segments it leaves', async () => {
    const { db, repo } = fragmented(200);
    const job = serverJobs(db, { dataDir: '/nonexistent', publicUrl: 'http://localhost:3000' }, () => undefined).find(
      (j) => j.name === 'search_index',
    );
    expect(job).toBeDefined();
    expect(repo.searchSegments()).toBeGreaterThan(SEGMENTS_MAX);
    expect(await job!.run(new Date())).toEqual({ segments: 1 });
  });
});
