import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { candidatesRepo, type ListFilter } from '../../src/db/candidates.js';
import { migrate } from '../../src/db/connection.js';
import { keysetArms, type SortKey } from '../../src/db/keyset.js';
import { ftsQuery } from '../../src/domain/candidate.js';
import { spyStatements, watchPrepare } from '../helpers/sql-spy.js';

/**
 * Keyset paging (after / before a row) and pages read backwards from the end must give exactly the rows OFFSET
 * paging gives, in every order, with NULL keys, ties and names that differ only in case, filtered and searched.
 * The reference is a plain ORDER BY over the whole vacancy.
 */
const PAGE = 25;

/**
 * Vacancy 1 (8 of 9 rows of the first `rows`) and 2 (the 9th), and vacancy 3 with `big` more rows, one in nine of
 * them a hit for «переговоры»: most of the company, searched without its scope.
 */
function build(rows: number, big = 0) {
  const db = new Database(':memory:');
  migrate(db);
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const insert = db.prepare(
    `INSERT INTO candidate_list (candidate_id, vacancy_id, stage, source, full_name, created_at, verdict, effective_verdict, score, fit, completed_stages, total_stages)
     VALUES (@id, @vacancy, @stage, @source, @name, '2026-01-01T00:00:00Z', @verdict, @verdict, @score, @fit, @completed, 4)`,
  );
  const fts = db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems, scope) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= rows + big; id++) {
      const vacancy = id > rows ? 3 : id % 9 === 0 ? 2 : 1;
      const name = pick(['Анна Петрова', 'анна петрова', 'АННА ПЕТРОВА', 'Борис Ильин', 'Вера Соколова', 'Zoe Adams', 'zoe adams']);
      insert.run({
        id,
        vacancy,
        stage: pick(['new', 'screening', 'interview', 'offer']),
        source: pick(['hh', 'linkedin']),
        name,
        verdict: pick([null, 'pass', 'review', 'reject']),
        score: rnd() < 0.2 ? null : pick([40, 55, 70, 70, 85, 100]),
        fit: rnd() < 0.3 ? null : pick([51.5, 60, 72.25, 72.25, 90]),
        completed: rnd() < 0.25 ? null : pick([0, 1, 2, 3]),
      });
      const hit = vacancy === 3 ? id % 9 === 0 : rnd() < 0.7;
      fts.run(id, name, hit ? 'вела переговоры с сетями' : 'продажи в рознице', '', `v${vacancy}`);
    }
    // The kept per-vacancy counts (kept by triggers on candidates, which this world bypasses).
    db.exec('INSERT INTO vacancy_stage_counts (vacancy_id, stage, n) SELECT vacancy_id, stage, COUNT(*) FROM candidate_list GROUP BY 1, 2');
  })();
  return db;
}

const ORDER: Record<ListFilter['sort'], string> = {
  score: 'score DESC, candidate_id DESC',
  fit: 'completed_stages DESC, fit DESC, candidate_id DESC',
  newest: 'candidate_id DESC',
  name: 'full_name COLLATE NOCASE ASC, candidate_id DESC',
};

function reference(db: Database.Database, f: ListFilter): number[] {
  const where = [
    'vacancy_id = @vacancyId',
    f.stage ? 'stage = @stage' : '',
    f.verdict ? 'effective_verdict = @verdict' : '',
    f.match ? 'candidate_id IN (SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH @match)' : '',
  ].filter(Boolean);
  return db
    .prepare<Record<string, unknown>, { id: number }>(
      `SELECT candidate_id AS id FROM candidate_list NOT INDEXED WHERE ${where.join(' AND ')} ORDER BY ${ORDER[f.sort]}`,
    )
    .all({ vacancyId: f.vacancyId, stage: f.stage, verdict: f.verdict, match: f.match })
    .map((r) => r.id);
}

/** A repository whose searches with many hits always walk the sort's index (walkPage), counting the rows it asks about. */
function walkingRepo(db: Database.Database) {
  let probes = 0;
  const spy = spyStatements(
    db,
    (sql) => /MATCH \? AND rowid = \?/.test(sql),
    () => {
      probes += 1;
    },
  );
  // Asking about a row costs nothing and reading the hits forever: the walk is always taken and never given up.
  const repo = candidatesRepo(spy, { probeUs: 0, hitUs: 1e9 });
  return { repo, probes: () => probes };
}

describe('candidate list paging', () => {
  const db = build(2_400, 9_900);
  const walking = walkingRepo(db);
  const variants: { name: string; filter: Partial<ListFilter> }[] = [
    { name: 'all', filter: {} },
    { name: 'stage', filter: { stage: 'interview' } },
    { name: 'verdict', filter: { verdict: 'pass' } },
    { name: 'search, over 1000 hits', filter: { match: ftsQuery('переговоры') } },
    { name: 'search, under 1000 hits', filter: { match: ftsQuery('продажи') } },
    { name: 'search and stage', filter: { match: ftsQuery('переговоры'), stage: 'offer' } },
    { name: 'search, over 1000 hits, in the biggest vacancy', filter: { vacancyId: 3, match: ftsQuery('переговоры') } },
  ];
  const repos = [
    { plan: '', repo: candidatesRepo(db) },
    { plan: ' (searches walking the index)', repo: walking.repo },
  ];
  for (const sort of ['fit', 'score', 'newest', 'name'] as const)
    for (const v of variants)
      for (const { plan, repo } of repos.filter((r) => r.plan === '' || v.filter.match))
        it(`${sort}, ${v.name}${plan}: forward and backward by cursor and by page number equal OFFSET paging`, () => {
          const base: ListFilter = { vacancyId: 1, sort, limit: PAGE, offset: 0, ...v.filter };
          const expected = reference(db, base);
          expect(expected.length).toBeGreaterThan(3 * PAGE);
          // Forward, each page after the previous page's last row.
          const forward: number[] = [];
          let page = repo.list(base).rows.map((r) => r.id);
          while (page.length > 0) {
            forward.push(...page);
            if (page.length < PAGE) break;
            page = repo.list({ ...base, offset: forward.length, after: page[page.length - 1] }).rows.map((r) => r.id);
          }
          expect(forward).toEqual(expected);
          // By page number (pages past the middle are read backwards from the end). A walk to page n asks about every row
          // before it, so the walking plan is checked on its first pages only.
          const pages = plan ? Math.min(expected.length, 4 * PAGE) : expected.length;
          for (let offset = 0; offset < pages; offset += PAGE)
            expect(repo.list({ ...base, offset }).rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + PAGE));
          // Backward from the last page, each page before the next page's first row.
          const lastOffset = Math.floor((expected.length - 1) / PAGE) * PAGE;
          let back = expected.slice(lastOffset);
          let before = back[0]!;
          while (before !== expected[0]) {
            const prev = repo.list({ ...base, offset: 0, before }).rows.map((r) => r.id);
            expect(prev.length).toBe(PAGE);
            back = [...prev, ...back];
            before = prev[0]!;
          }
          expect(back).toEqual(expected);
          // The count: exact from the kept counts (no search, verdict or source filter), else exact up to the cap.
          const first = repo.list(base);
          const kept = !base.match && !base.verdict && !base.source;
          expect(first.capped).toBe(!kept && expected.length > 1000);
          expect(first.total).toBe(kept ? expected.length : Math.min(expected.length, 1000));
        });

  it('counts a list without search, verdict or source filter from the kept stage counts, and returns them with every page', () => {
    const repo = candidatesRepo(db);
    const byStage = (vacancyId: number) =>
      db.prepare('SELECT stage, COUNT(*) AS n FROM candidate_list WHERE vacancy_id = ? GROUP BY stage ORDER BY stage').all(vacancyId) as {
        stage: string;
        n: number;
      }[];
    for (const vacancyId of [1, 2, 3]) {
      const all = repo.list({ vacancyId, sort: 'fit', limit: PAGE, offset: 0 });
      const expected = byStage(vacancyId);
      expect([...all.stages].sort((a, b) => a.stage.localeCompare(b.stage))).toEqual(expected);
      expect(all.total).toBe(expected.reduce((s, r) => s + r.n, 0));
      const interview = repo.list({ vacancyId, sort: 'fit', limit: PAGE, offset: 0, stage: 'interview' });
      expect(interview.total).toBe(expected.find((r) => r.stage === 'interview')?.n ?? 0);
      // A filter the kept counts do not cover is counted from the rows; the stage counts still come with the page.
      const passed = repo.list({ vacancyId, sort: 'fit', limit: PAGE, offset: 0, verdict: 'pass' });
      const passing = db.prepare("SELECT COUNT(*) AS n FROM candidate_list WHERE vacancy_id = ? AND verdict = 'pass'").get(vacancyId) as {
        n: number;
      };
      expect(passed.total).toBe(Math.min(1000, passing.n));
      expect(passed.stages.length).toBe(expected.length);
    }
  });

  it('walks the index for a search with many hits, asking about each row it passes, and reads the hits for few', () => {
    const at = walking.probes();
    const page = walking.repo.list({ vacancyId: 1, sort: 'score', limit: PAGE, offset: 0, match: ftsQuery('переговоры') });
    expect(page.rows.map((r) => r.id)).toEqual(
      reference(db, { vacancyId: 1, sort: 'score', limit: PAGE, offset: 0, match: ftsQuery('переговоры') }).slice(0, PAGE),
    );
    // 70% of vacancy 1 are hits: a page of 25 is found among the first rows in order, not among all 2,133.
    expect(walking.probes() - at).toBeGreaterThanOrEqual(PAGE);
    expect(walking.probes() - at).toBeLessThan(3 * PAGE);
    const few = walking.probes();
    walking.repo.list({ vacancyId: 1, sort: 'score', limit: PAGE, offset: 0, match: ftsQuery('продажи') });
    expect(walking.probes()).toBe(few);
  });

  it('remembers the words a long prefix stands for only until the search index changes', () => {
    const small = build(30);
    const repo = candidatesRepo(small);
    const add = (id: number, text: string) => {
      small
        .prepare(
          `INSERT INTO candidate_list (candidate_id, vacancy_id, stage, source, full_name, created_at, total_stages)
           VALUES (?, 1, 'new', 'hh', 'Олег Новиков', '2026-01-01T00:00:00Z', 4)`,
        )
        .run(id);
      small
        .prepare("INSERT INTO candidates_fts (rowid, full_name, resume_text, stems, scope) VALUES (?, 'Олег Новиков', ?, '', 'v1')")
        .run(id, text);
    };
    // «переговорщиками» → the stem «переговорщик», longer than the prefix lists: replaced by the index's words.
    const search = () =>
      repo.list({ vacancyId: 1, sort: 'newest', limit: PAGE, offset: 0, match: ftsQuery('переговорщиками') }).rows.map((r) => r.id);
    add(100, 'лучший переговорщик отдела');
    expect(search()).toEqual([100]);
    // A new word for the same prefix: the words remembered for it would miss the new row.
    add(101, 'команда переговорщиков');
    expect(search()).toEqual([101, 100]);
    small.prepare('DELETE FROM candidates_fts WHERE rowid = 100').run();
    expect(search()).toEqual([101]);
  });

  it('falls back to the page number when the cursor row is gone or in another vacancy', () => {
    const repo = candidatesRepo(db);
    const base: ListFilter = { vacancyId: 1, sort: 'fit', limit: PAGE, offset: PAGE };
    const expected = reference(db, base).slice(PAGE, 2 * PAGE);
    expect(repo.list({ ...base, after: 999_999 }).rows.map((r) => r.id)).toEqual(expected);
    expect(repo.list({ ...base, after: 9 }).rows.map((r) => r.id)).toEqual(expected); // 9 is in vacancy 2
  });

  it('searches a small vacancy within its scope, one that is most of the company without it, long stems as words', () => {
    // What the repository binds to its FTS statements: the MATCH text of each.
    const matches = (vacancyId: number) => {
      const seen: string[] = [];
      const spy = spyStatements(
        db,
        (sql) => sql.includes('MATCH'),
        ([bound]) => {
          if (bound && typeof bound === 'object' && typeof (bound as { match?: unknown }).match === 'string')
            seen.push((bound as { match: string }).match);
        },
      );
      candidatesRepo(spy).list({ vacancyId, sort: 'fit', limit: PAGE, offset: 0, match: ftsQuery('переговоры') });
      return [...new Set(seen)];
    };
    // Vacancy 1 holds 2,133 of 12,300 candidates; vacancy 3, 9,900. «переговор» is longer than the prefix lists:
    // searched as the one word of the index that begins with it.
    expect(matches(1)).toEqual(['{scope}: v1 AND {full_name resume_text stems}: (("переговоры"))']);
    expect(matches(3)).toEqual(['{full_name resume_text stems}: (("переговоры"))']);
  });

  it('reads a page after a cursor as index ranges, never the whole vacancy', () => {
    // The statements the repository prepares, caught on their way to db.prepare.
    const { db: watched, sqls } = watchPrepare(db);
    const spied = candidatesRepo(watched);
    const first = spied.list({ vacancyId: 1, sort: 'fit', limit: PAGE, offset: 0 }).rows;
    const cursor = first.find((r) => r.completedStages !== null && r.fit !== null)!;
    spied.list({ vacancyId: 1, sort: 'fit', limit: PAGE, offset: PAGE, after: cursor.id });
    const keyset = sqls.find((s) => s.includes('UNION ALL'));
    expect(keyset).toBeDefined();
    const plan = db
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${keyset!}`)
      .all({ vacancyId: 1, stage: null, verdict: null, source: null, limit: PAGE, k0: 2, k1: 60, k2: 100 })
      .map((r) => r.detail);
    const reads = plan.filter((d) => /candidate_list\b/.test(d) && /^(SCAN|SEARCH)/.test(d));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    for (const d of reads) expect(d).toMatch(/^SEARCH candidate_list USING (COVERING )?INDEX candidate_list_coverage_fit \(vacancy_id=\?/);
    expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('keysetArms', () => {
  const keys: SortKey[] = [
    { column: 'a', desc: true, nullable: true },
    { column: 'id', desc: true, nullable: false },
  ];
  it('lists the rows after the cursor from the nearest to the farthest', () => {
    expect(keysetArms(keys, [false, false])).toEqual(['a = @k0 AND id < @k1', 'a < @k0', 'a IS NULL']);
    expect(keysetArms(keys, [true, false])).toEqual(['a IS NULL AND id < @k1']);
    expect(keysetArms([{ column: 'n', desc: false, collate: 'NOCASE', nullable: true }], [true])).toEqual(['n IS NOT NULL']);
  });
});
