import type Database from 'better-sqlite3';
import type { DB } from './connection.js';
import { keysetArms, keysetParams, orderBy, reversed, type SortKey } from './keyset.js';
import type { PipelineStage } from '../domain/candidate.js';
import type { ConsentState } from '../domain/consent.js';
import {
  expandLongPrefixes,
  inVacancy,
  inWrittenColumns,
  MAX_PREFIX_WORDS,
  searchable,
  searchScope,
  searchStems,
} from '../domain/search.js';
import { textLang } from '../domain/offer.js';
import type {
  ExperienceSummary,
  ItemStatus,
  LocalizedText,
  ScreeningResult,
  Verdict,
  VerdictProposal,
  VerdictRule,
} from '../domain/screening/index.js';

/** A verdict with what decided it: stored for the tool's proposal and for the verdict after HR's confirmations. */
export type VerdictOutcome = Pick<VerdictProposal, 'verdict' | 'score' | 'rule' | 'decisive'>;

export interface StoredFile {
  id: number;
  sha256: string;
  originalName: string;
  mime: string;
  size: number;
  storageName: string;
}

export interface Candidate {
  id: number;
  vacancyId: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** Where the candidate lives, as HR confirmed it (proposed from the resume); null when unknown. */
  city: string | null;
  source: string;
  stage: PipelineStage;
  stageChangedAt: string;
  consentAt: string;
  consentVersion: string;
  resumeText: string;
  coverLetter: string | null;
  fileId: number | null;
  duplicateOf: number | null;
  duplicateReason: string | null;
  createdAt: string;
  /** The language letters to the candidate are written in. */
  lang: 'ru' | 'en';
}

interface CandidateRow {
  id: number;
  vacancy_id: number;
  full_name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  source: string;
  stage: PipelineStage;
  stage_changed_at: string;
  consent_at: string;
  consent_version: string;
  resume_text: string;
  cover_letter: string | null;
  file_id: number | null;
  duplicate_of: number | null;
  duplicate_reason: string | null;
  created_at: string;
  lang: 'ru' | 'en' | null;
}

const toCandidate = (r: CandidateRow): Candidate => ({
  id: r.id,
  vacancyId: r.vacancy_id,
  fullName: r.full_name,
  email: r.email,
  phone: r.phone,
  city: r.city,
  source: r.source,
  stage: r.stage,
  stageChangedAt: r.stage_changed_at,
  consentAt: r.consent_at,
  consentVersion: r.consent_version,
  resumeText: r.resume_text,
  coverLetter: r.cover_letter,
  fileId: r.file_id,
  duplicateOf: r.duplicate_of,
  duplicateReason: r.duplicate_reason,
  createdAt: r.created_at,
  // NULL: the resume's language (domain/offer.ts).
  lang: r.lang ?? textLang(r.resume_text),
});

export interface NewCandidate {
  vacancyId: number;
  fullName: string;
  email: string | null;
  emailNorm: string | null;
  phone: string | null;
  phoneNorm: string | null;
  city: string | null;
  source: string;
  consentAt: string;
  consentVersion: string;
  resumeText: string;
  resumeSha256: string;
  coverLetter: string | null;
  file: Omit<StoredFile, 'id'> | null;
  duplicate: { of: number; reason: DuplicateReason } | null;
  createdBy: number | null;
}

export type DuplicateReason = 'file' | 'resume' | 'email' | 'phone';

export interface ScreeningItemRow {
  key: string;
  proposedStatus: ItemStatus;
  evidence: string | null;
  detail: string | null;
  /** Why the item is not met or unknown when there is no quote; null when the rules gave none. */
  reason: LocalizedText | null;
  status: ItemStatus;
  confirmedBy: number | null;
  confirmedAt: string | null;
}

export interface Screening {
  relevantYears: number;
  totalYears: number;
  experience: ExperienceSummary;
  proposedVerdict: Verdict;
  proposedScore: number;
  /** The rule and checklist keys behind the proposal; null for screenings stored before they were kept. */
  proposedRule: VerdictRule | null;
  proposedDecisive: string[];
  verdict: Verdict;
  score: number;
  /** The rule and checklist keys behind the current verdict; null for screenings stored before they were kept. */
  rule: VerdictRule | null;
  decisive: string[];
  decision: Verdict | null;
  decisionReason: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  screenedAt: string;
  items: ScreeningItemRow[];
}

export interface CandidateEvent {
  id: number;
  userName: string | null;
  kind: 'created' | 'item' | 'decision' | 'rescreen' | 'stage';
  subject: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  createdAt: string;
}

export interface ListFilter {
  vacancyId: number;
  stage?: PipelineStage | undefined;
  verdict?: Verdict | undefined;
  source?: string | undefined;
  /** Already an FTS5 query (see ftsQuery); null for no text search. */
  match?: string | null | undefined;
  sort: 'score' | 'fit' | 'newest' | 'name';
  limit: number;
  /** Rows skipped; ignored when a cursor row (after/before) is given and still in the vacancy. */
  offset: number;
  /** Keyset paging: the page after this candidate's row (the previous page's last), in the sort's order. */
  after?: number | undefined;
  /** Keyset paging: the page before this candidate's row (the next page's first). */
  before?: number | undefined;
}

/** A vacancy's candidates in one pipeline stage (kept by triggers, migration 008); stages without any are left out. */
export interface StageCount {
  stage: PipelineStage;
  n: number;
}

export interface ListResult {
  rows: ListRow[];
  /** Exact, or the cap when `capped`. */
  total: number;
  capped: boolean;
  /** The vacancy's per-stage counts (kept by triggers), read with the page: its stage tabs and, unfiltered, its count. */
  stages: StageCount[];
}

export interface ListRow {
  id: number;
  fullName: string;
  source: string;
  stage: PipelineStage;
  createdAt: string;
  verdict: Verdict | null;
  decision: Verdict | null;
  score: number | null;
  relevantYears: number | null;
  duplicateOf: number | null;
  fit: number | null;
  /** How many of the vacancy's stages the fit is based on. */
  completedStages: number | null;
  totalStages: number | null;
  grade: string | null;
  /** The interviewers' overall recommendations on submitted scorecards, counted (kept columns). */
  recStrongNo: number;
  recNo: number;
  recYes: number;
  recStrongYes: number;
  /** Consent to process personal data (152-FZ), read with the row (only a page's rows are looked up). */
  consentState: ConsentState;
}

function keyList(json: string | null): string[] {
  if (!json) return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
}

function localized(json: string | null): LocalizedText | null {
  if (!json) return null;
  const v = JSON.parse(json) as Partial<LocalizedText> | null;
  return v && typeof v.ru === 'string' && typeof v.en === 'string' ? { ru: v.ru, en: v.en } : null;
}

/**
 * The costs walkPage weighs (measured on a merged index; see there): what asking the search index about one row costs,
 * and what reading one hit costs, in µs. Tests set them to force either plan.
 */
export interface SearchCosts {
  probeUs: number;
  hitUs: number;
}

export function candidatesRepo(db: DB, costs: SearchCosts = { probeUs: 20, hitUs: 0.12 }) {
  // The list reads only candidate_list (thin, kept by triggers) and, for a search, the FTS index.
  // Each sort has its own index so a page is read in order without sorting the whole vacancy.
  const desc = (column: string, nullable = true): SortKey => ({ column, desc: true, nullable });
  const SORT: Record<ListFilter['sort'], { index: string; keys: SortKey[] }> = {
    score: { index: 'candidate_list_score', keys: [desc('score'), desc('candidate_id', false)] },
    // Coverage first: a fit from fewer completed stages never ranks above one from more (issue 12).
    fit: { index: 'candidate_list_coverage_fit', keys: [desc('completed_stages'), desc('fit'), desc('candidate_id', false)] },
    newest: { index: 'candidate_list_newest', keys: [desc('candidate_id', false)] },
    name: {
      index: 'candidate_list_name',
      keys: [{ column: 'full_name', desc: false, collate: 'NOCASE', nullable: false }, desc('candidate_id', false)],
    },
  };
  const FILTERS = `vacancy_id = @vacancyId AND (@stage IS NULL OR stage = @stage)
      AND (@verdict IS NULL OR effective_verdict = @verdict) AND (@source IS NULL OR source = @source)`;
  const COLUMNS = `candidate_id AS id, full_name AS fullName, source, stage, created_at AS createdAt, verdict, decision,
      score, relevant_years AS relevantYears, duplicate_of AS duplicateOf, fit, completed_stages AS completedStages, total_stages AS totalStages, grade,
      rec_strong_no AS recStrongNo, rec_no AS recNo, rec_yes AS recYes, rec_strong_yes AS recStrongYes,
      COALESCE((SELECT state FROM candidate_consents WHERE candidate_consents.candidate_id = candidate_list.candidate_id), 'not_requested') AS consentState`;
  const FTS_IDS = 'SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH @match';
  /** Totals above this are shown as "1000+": counting 60,000 search hits exactly would cost more than the page. */
  const COUNT_CAP = 1000;
  /**
   * How a page is read: `browse` walks the sort's index; `fewHits` starts from the (at most COUNT_CAP) search hits
   * and sorts them; `manyHits` walks the sort's index and keeps the rows that are hits; `ids` walks the sort's index like
   * `browse` but reads only the ids (the index holds them), for walkPage.
   */
  type Walk = 'browse' | 'fewHits' | 'manyHits' | 'ids';
  const pageStatements = new Map<string, Database.Statement<ListParams, ListRow>>();
  /**
   * The statement for a page: read forwards or backwards (`rev`, for the rows before a cursor and for pages
   * nearer the end than the start), from an offset (`nulls` null) or after a cursor row whose NULL keys are `nulls`.
   */
  const pageStatement = (sort: ListFilter['sort'], walk: Walk, rev: boolean, nulls: boolean[] | null) => {
    const cacheKey = `${sort} ${walk} ${rev} ${nulls?.map(Number).join('') ?? '-'}`;
    let stmt = pageStatements.get(cacheKey);
    if (stmt === undefined) {
      const keys = rev ? reversed(SORT[sort].keys) : SORT[sort].keys;
      // Few hits: they drive (CROSS JOIN keeps them outside), each looked up by id, and only they are sorted. Left to
      // itself SQLite walked the whole vacancy in sort order testing each row against the hits: 5 ms for a search
      // with no hit at all in a vacancy of 100,000. (The count before this statement read every hit already.)
      const from =
        walk === 'fewHits'
          ? `(${FTS_IDS.replace('SELECT rowid', 'SELECT rowid AS hit')}) AS hits CROSS JOIN candidate_list ON candidate_list.candidate_id = hits.hit`
          : `candidate_list INDEXED BY ${SORT[sort].index}`;
      const where =
        walk === 'manyHits'
          ? // The unary + keeps the hits a filter on the index walk: as an index constraint they made SQLite
            // probe the index once per hit of the whole company and sort them all (80 ms at 30,000 candidates).
            `${FILTERS} AND +candidate_id IN (${FTS_IDS})`
          : FILTERS;
      const order = orderBy(keys);
      const columns = walk === 'ids' ? 'candidate_id AS id' : COLUMNS;
      const sql =
        nulls === null
          ? `SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`
          : `${keysetArms(keys, nulls)
              .map((arm) => `SELECT * FROM (SELECT ${columns} FROM ${from} WHERE ${where} AND ${arm} ORDER BY ${order} LIMIT @limit)`)
              .join(' UNION ALL ')} LIMIT @limit`;
      stmt = db.prepare<ListParams, ListRow>(sql);
      pageStatements.set(cacheKey, stmt);
    }
    return stmt;
  };
  const cursorRow = db.prepare<[number, number], Record<string, unknown>>(
    'SELECT candidate_id, score, completed_stages, fit, full_name FROM candidate_list WHERE candidate_id = ? AND vacancy_id = ?',
  );
  const counts = {
    browse: db.prepare<ListParams, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM candidate_list WHERE ${FILTERS} LIMIT ${COUNT_CAP + 1})`,
    ),
    // A search within the vacancy's scope and no other filter: the search index alone answers.
    // Both search counts also give the id of the last hit counted (they read the hits in id order), for probeDensity.
    hits: db.prepare<ListParams, CappedCount>(
      `SELECT COUNT(*) AS n, MAX(hit) AS last FROM (SELECT rowid AS hit FROM candidates_fts WHERE candidates_fts MATCH @match LIMIT ${COUNT_CAP + 1})`,
    ),
    // The company's size, to weigh the vacancy's scope (see list()).
    company: db.prepare<[], { n: number }>('SELECT COALESCE(SUM(n), 0) AS n FROM vacancy_stage_counts'),
    // Otherwise: walks the hits lazily (the FTS index drives, CROSS JOIN keeps it outside), stops at the cap.
    search: db.prepare<ListParams, CappedCount>(
      `SELECT COUNT(*) AS n, MAX(hit) AS last FROM (SELECT candidates_fts.rowid AS hit FROM candidates_fts
       CROSS JOIN candidate_list ON candidate_list.candidate_id = candidates_fts.rowid
       WHERE candidates_fts MATCH @match AND ${FILTERS} LIMIT ${COUNT_CAP + 1})`,
    ),
    // The vacancy's lowest and highest candidate id (two index seeks).
    span: db.prepare<ListParams, { lo: number | null; hi: number | null }>(
      `SELECT (SELECT MIN(candidate_id) FROM candidate_list WHERE vacancy_id = @vacancyId) AS lo,
              (SELECT MAX(candidate_id) FROM candidate_list WHERE vacancy_id = @vacancyId) AS hi`,
    ),
  };
  type CappedCount = { n: number; last: number | null };
  // Is this one row a hit? FTS5 finds it by id in each of the index's segments. The id is bound as a BigInt: bound as
  // a JS number it arrives as REAL, and FTS5 then ignores `rowid = ?` and returns every hit.
  const isHit = db.prepare<[string, bigint], number>('SELECT 1 FROM candidates_fts WHERE candidates_fts MATCH ? AND rowid = ?').pluck();

  /**
   * A page of a search with many hits, found by walking the sort's index and asking the search index about each row
   * in turn, until the page is full. A search matching half of a 100,000-candidate vacancy fills its first page
   * after some fifty rows (about 1 ms on a merged index), where reading its hits first costs 5–10 ms (every hit is
   * listed and kept before the first row). Measured on this machine: a row costs 15–30 µs to ask about on a merged
   * index (more with more segments: services/search-index.ts), a hit about 0.12 µs to read (SearchCosts).
   *
   * Taken only when the estimate says it is cheaper (`hits` and `density` from the capped count), and given up
   * (null: the caller reads the hits after all) as soon as its pace says the rest would cost more than reading the hits:
   * on a badly fragmented index that is after three rows.
   */
  const { probeUs: PROBE_US, hitUs: HIT_US } = costs;
  const walkPage = (
    open: () => IterableIterator<{ id: number }>,
    match: string,
    skip: number,
    limit: number,
    est: { hits: number; density: number },
  ): ListRow[] | null => {
    if (((skip + limit) / est.density) * PROBE_US > est.hits * HIT_US) return null;
    const budget = (est.hits * HIT_US) / 1000;
    const start = performance.now();
    const ids: number[] = [];
    let seen = 0;
    let probes = 0;
    let firstDone = start;
    for (const { id } of open()) {
      probes += 1;
      if (isHit.get(match, BigInt(id)) !== undefined && seen++ >= skip) {
        ids.push(id);
        if (ids.length === limit) break;
      }
      // Every few rows: at the pace so far, would the rest of the walk still cost less than reading the hits? An index of
      // many segments makes each row dearer to ask about (0.4 ms at 22 segments against 15–30 µs at one), and hits
      // can be rarer in the sort's order than on the whole (a name sort meeting the same few resumes first); then the
      // walk is given up after a few rows. The pace leaves out the first row, which costs several times the next ones;
      // the share of hits still to come is the estimate's, or the share met so far when that is lower.
      // (Leaving the loop ends the statement: for…of calls the iterator's return().)
      if (probes === 1) firstDone = performance.now();
      else if (probes % 4 === 3) {
        const now = performance.now();
        const pace = (now - firstDone) / (probes - 1);
        // (The share met so far counts once the walk has passed the rows that should have given four hits.)
        const density = probes * est.density >= 4 ? Math.min(est.density, (seen + 1) / (probes + 1)) : est.density;
        if (now - start + ((skip + limit - seen) / density) * pace > budget) return null;
      }
    }
    const byId = new Map(rowsByIds.all(JSON.stringify(ids)).map((r) => [r.id, r]));
    // (A row another process deleted meanwhile is left out.)
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const rowsByIds = db.prepare<[string], ListRow>(
    `SELECT ${COLUMNS} FROM candidate_list WHERE candidate_id IN (SELECT value FROM json_each(?))`,
  );
  /**
   * The share of the vacancy's candidates a search matches, from where its capped count stopped: the hits were read in
   * id order, so COUNT_CAP + 1 hits among the `walkRows` candidates the walk would pass (the vacancy's, or its stage's)
   * up to id `last`, taken as spread evenly over the vacancy's ids. A verdict or source filter makes it an underestimate,
   * which only makes a walk less likely.
   * With it, the hits that reading them would list: in a vacancy of half the company «переговор» cost 0.27 µs a hit of
   * the vacancy, twice the 0.12 of a company's only vacancy, as FTS5 steps through the other half's hits too.
   */
  const probeDensity = (p: ListParams, last: number, walkRows: number, companyRows: number) => {
    const { lo, hi } = counts.span.get(p)!;
    if (lo === null || hi === null) return null;
    const read = (walkRows * (last - lo + 1)) / (hi - lo + 1);
    const density = Math.min(1, (COUNT_CAP + 1) / Math.max(1, read));
    // Reading the hits lists the company's (within the scope or not, FTS5 steps through every hit of the words):
    // taken as matching the vacancy's share.
    return { density, hits: density * Math.max(walkRows, companyRows) };
  };

  type ListParams = Omit<ListFilter, 'stage' | 'verdict' | 'source' | 'match'> & {
    stage: string | null;
    verdict: string | null;
    source: string | null;
    /** The search as FTS5 reads it: the typed words, within the vacancy's scope (inVacancy) or not (inWrittenColumns). */
    match?: string;
  };
  const stmts = {
    insertFile: db.prepare(
      `INSERT INTO files (sha256, original_name, mime, size, storage_name) VALUES (@sha256, @originalName, @mime, @size, @storageName)`,
    ),
    file: db.prepare<[number], { id: number; sha256: string; original_name: string; mime: string; size: number; storage_name: string }>(
      'SELECT * FROM files WHERE id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO candidates (vacancy_id, full_name, email, phone, email_norm, phone_norm, city, source, consent_at, consent_version,
         resume_text, resume_sha256, cover_letter, file_id, duplicate_of, duplicate_reason, created_by)
       VALUES (@vacancyId, @fullName, @email, @phone, @emailNorm, @phoneNorm, @city, @source, @consentAt, @consentVersion,
         @resumeText, @resumeSha256, @coverLetter, @fileId, @duplicateOf, @duplicateReason, @createdBy)`,
    ),
    insertFts: db.prepare('INSERT INTO candidates_fts (rowid, full_name, resume_text, stems, scope) VALUES (?, ?, ?, ?, ?)'),
    // The index's words beginning with a prefix (bounds: the prefix, and the prefix followed by the last code point).
    wordsFrom: db
      .prepare<[string, string], string>(`SELECT term FROM candidates_fts_vocab WHERE term >= ? AND term < ? LIMIT ${MAX_PREFIX_WORDS + 1}`)
      .pluck(),
    get: db.prepare<[number], CandidateRow>('SELECT * FROM candidates WHERE id = ?'),
    dupByFile: db.prepare<[string, number], { id: number }>(
      `SELECT c.id FROM candidates c JOIN files f ON f.id = c.file_id WHERE f.sha256 = ? AND c.vacancy_id = ? ORDER BY c.id LIMIT 1`,
    ),
    dupByResume: db.prepare<[string, number], { id: number }>(
      'SELECT id FROM candidates WHERE resume_sha256 = ? AND vacancy_id = ? ORDER BY id LIMIT 1',
    ),
    dupByEmail: db.prepare<[string], { id: number }>('SELECT id FROM candidates WHERE email_norm = ? ORDER BY id LIMIT 1'),
    dupByPhone: db.prepare<[string], { id: number }>('SELECT id FROM candidates WHERE phone_norm = ? ORDER BY id LIMIT 1'),
    insertScreening: db.prepare(
      `INSERT INTO screenings (candidate_id, relevant_years, total_years, experience, proposed_verdict, proposed_score,
         proposed_rule, proposed_decisive, verdict, score, rule, decisive)
       VALUES (@candidateId, @relevantYears, @totalYears, @experience, @verdict, @score, @rule, @decisive, @verdict, @score, @rule, @decisive)
       ON CONFLICT (candidate_id) DO UPDATE SET relevant_years = excluded.relevant_years, total_years = excluded.total_years,
         experience = excluded.experience, proposed_verdict = excluded.proposed_verdict, proposed_score = excluded.proposed_score,
         proposed_rule = excluded.proposed_rule, proposed_decisive = excluded.proposed_decisive,
         screened_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ),
    upsertItem: db.prepare(
      `INSERT INTO screening_items (candidate_id, key, proposed_status, evidence, detail, reason, status)
       VALUES (@candidateId, @key, @status, @evidence, @detail, @reason, @status)
       ON CONFLICT (candidate_id, key) DO UPDATE SET proposed_status = excluded.proposed_status, evidence = excluded.evidence,
         detail = excluded.detail, reason = excluded.reason, status = CASE WHEN confirmed_by IS NULL THEN excluded.status ELSE status END`,
    ),
    deleteItemsNotIn: db.prepare(`DELETE FROM screening_items WHERE candidate_id = ? AND key NOT IN (SELECT value FROM json_each(?))`),
    screening: db.prepare<
      [number],
      {
        relevant_years: number;
        total_years: number;
        experience: string;
        proposed_verdict: Verdict;
        proposed_score: number;
        proposed_rule: VerdictRule | null;
        proposed_decisive: string | null;
        verdict: Verdict;
        score: number;
        rule: VerdictRule | null;
        decisive: string | null;
        decision: Verdict | null;
        decision_reason: string | null;
        decided_by: number | null;
        decided_at: string | null;
        screened_at: string;
      }
    >('SELECT * FROM screenings WHERE candidate_id = ?'),
    items: db.prepare<
      [number],
      {
        key: string;
        proposed_status: ItemStatus;
        evidence: string | null;
        detail: string | null;
        reason: string | null;
        status: ItemStatus;
        confirmed_by: number | null;
        confirmed_at: string | null;
      }
    >('SELECT * FROM screening_items WHERE candidate_id = ?'),
    setItem: db.prepare(
      `UPDATE screening_items SET status = @status, confirmed_by = @userId, confirmed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE candidate_id = @candidateId AND key = @key`,
    ),
    setVerdict: db.prepare(
      'UPDATE screenings SET verdict = @verdict, score = @score, rule = @rule, decisive = @decisive WHERE candidate_id = @candidateId',
    ),
    setBoth: db.prepare(
      `UPDATE screenings SET proposed_verdict = @pVerdict, proposed_score = @pScore, proposed_rule = @pRule, proposed_decisive = @pDecisive,
         verdict = @verdict, score = @score, rule = @rule, decisive = @decisive WHERE candidate_id = @candidateId`,
    ),
    setDecision: db.prepare(
      `UPDATE screenings SET decision = @decision, decision_reason = @reason, decided_by = @userId,
       decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE candidate_id = @candidateId`,
    ),
    setStage: db.prepare(
      `UPDATE candidates SET stage = ?, stage_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ),
    event: db.prepare(
      `INSERT INTO candidate_events (candidate_id, user_id, kind, subject, old_value, new_value, reason)
       VALUES (@candidateId, @userId, @kind, @subject, @oldValue, @newValue, @reason)`,
    ),
    events: db.prepare<[number], CandidateEvent>(
      `SELECT e.id, u.display_name AS userName, e.kind, e.subject, e.old_value AS oldValue, e.new_value AS newValue,
              e.reason, e.created_at AS createdAt
       FROM candidate_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.candidate_id = ? ORDER BY e.id`,
    ),
    stageCounts: db.prepare<[number], StageCount>('SELECT stage, n FROM vacancy_stage_counts WHERE vacancy_id = ? AND n > 0'),
    idsForVacancy: db.prepare<[number], { id: number }>('SELECT id FROM candidates WHERE vacancy_id = ? ORDER BY id'),
    sources: db.prepare<[number], { source: string }>('SELECT DISTINCT source FROM candidates WHERE vacancy_id = ? ORDER BY 1'),
    waiting: db.prepare<[], { vacancyId: number; n: number }>(
      // Kept by triggers on candidate_list (migration 019): screened (candidate_list.verdict is set exactly when a
      // screening exists), no decision yet, stage new or screening.
      'SELECT vacancy_id AS vacancyId, n FROM vacancy_waiting_counts WHERE n > 0',
    ),
  };

  type Event = {
    candidateId: number;
    userId: number | null;
    kind: CandidateEvent['kind'];
    subject?: string | null;
    oldValue?: string | null;
    newValue?: string | null;
    reason?: string | null;
  };
  const logEvent = (e: Event) => stmts.event.run({ subject: null, oldValue: null, newValue: null, reason: null, ...e });

  const setVerdict = (candidateId: number, v: VerdictOutcome) =>
    stmts.setVerdict.run({ candidateId, verdict: v.verdict, score: v.score, rule: v.rule, decisive: JSON.stringify(v.decisive) });

  function saveScreening(candidateId: number, result: ScreeningResult) {
    stmts.insertScreening.run({
      candidateId,
      relevantYears: result.experience.relevantYears,
      totalYears: result.experience.totalYears,
      experience: JSON.stringify(result.experience),
      verdict: result.verdict,
      score: result.score,
      rule: result.rule,
      decisive: JSON.stringify(result.decisive),
    });
    for (const [key, item] of Object.entries(result.items)) {
      stmts.upsertItem.run({
        candidateId,
        key,
        status: item.status,
        evidence: item.evidence,
        detail: item.detail ?? null,
        reason: item.reason ? JSON.stringify({ ru: item.reason.ru, en: item.reason.en }) : null,
      });
    }
    stmts.deleteItemsNotIn.run(candidateId, JSON.stringify(Object.keys(result.items)));
  }

  const wordsFor = (prefix: string): string[] | null => {
    const words = stmts.wordsFrom.all(prefix, `${prefix}\u{10FFFF}`);
    return words.length > MAX_PREFIX_WORDS ? null : words.filter((w) => w.startsWith(prefix));
  };
  /**
   * wordsFor, remembered until the search index changes. The vocabulary table counts each word's rows as it lists
   * it: 0.6 ms for «переговор» at 100,000 candidates, for a search that then takes 1.5 ms. The index's structure
   * record (FTS5 keeps it in row 10 of its data table) changes with every write to the index, by this process or
   * another; a word deleted since is harmless in an OR, and a word added comes with a new structure. Without that
   * record (another FTS5 layout), nothing is remembered.
   */
  const vocabulary = { version: null as string | null, words: new Map<string, string[] | null>() };
  const structure = db.prepare<[], Buffer>('SELECT block FROM candidates_fts_data WHERE id = 10').pluck();
  const knownWords = (): ((prefix: string) => string[] | null) => {
    const block = structure.get();
    const version = block instanceof Uint8Array ? Buffer.from(block).toString('base64') : null;
    if (version === null) return wordsFor;
    if (version !== vocabulary.version) {
      vocabulary.version = version;
      vocabulary.words.clear();
    }
    return (prefix) => {
      let words = vocabulary.words.get(prefix);
      if (words === undefined) {
        words = wordsFor(prefix);
        if (vocabulary.words.size < 1000) vocabulary.words.set(prefix, words);
      }
      return words;
    };
  };
  const params = (f: ListFilter): ListParams => ({
    vacancyId: f.vacancyId,
    stage: f.stage ?? null,
    verdict: f.verdict ?? null,
    source: f.source ?? null,
    sort: f.sort,
    limit: f.limit,
    offset: f.offset,
    ...(f.match ? { match: f.match } : {}),
  });

  const setLang = db.prepare('UPDATE candidates SET lang = ? WHERE id = ?');
  const index = {
    // Each segment has rows in the index's page table (%_idx), keyed by segment first.
    segments: db.prepare<[], number>('SELECT COUNT(*) FROM (SELECT 1 FROM candidates_fts_idx GROUP BY segid)').pluck(),
    // A negative page count merges every segment, whatever its level, writing about that many pages (FTS5's 'merge').
    merge: db.prepare<[number]>("INSERT INTO candidates_fts (candidates_fts, rank) VALUES ('merge', ?)"),
    changes: db.prepare<[], number>('SELECT total_changes()').pluck(),
  };
  return {
    /** Candidate, file, search row, screening and its first event: all or nothing. */
    create: (c: NewCandidate, screening: ScreeningResult): number =>
      db.transaction(() => {
        const fileId = c.file ? Number(stmts.insertFile.run(c.file).lastInsertRowid) : null;
        const id = Number(
          stmts.insert.run({
            ...c,
            fileId,
            duplicateOf: c.duplicate?.of ?? null,
            duplicateReason: c.duplicate?.reason ?? null,
          }).lastInsertRowid,
        );
        stmts.insertFts.run(
          id,
          searchable(c.fullName),
          searchable(c.resumeText),
          searchStems(`${c.fullName}\n${c.resumeText}`),
          searchScope(c.vacancyId),
        );
        saveScreening(id, screening);
        logEvent({ candidateId: id, userId: c.createdBy, kind: 'created', newValue: screening.verdict });
        return id;
      })(),
    findDuplicate: (q: {
      vacancyId: number;
      fileSha: string | null;
      resumeSha: string;
      emailNorm: string | null;
      phoneNorm: string | null;
    }): { id: number; reason: DuplicateReason } | null => {
      const byFile = q.fileSha ? stmts.dupByFile.get(q.fileSha, q.vacancyId) : undefined;
      if (byFile) return { id: byFile.id, reason: 'file' };
      const byResume = stmts.dupByResume.get(q.resumeSha, q.vacancyId);
      if (byResume) return { id: byResume.id, reason: 'resume' };
      const byEmail = q.emailNorm ? stmts.dupByEmail.get(q.emailNorm) : undefined;
      if (byEmail) return { id: byEmail.id, reason: 'email' };
      const byPhone = q.phoneNorm ? stmts.dupByPhone.get(q.phoneNorm) : undefined;
      if (byPhone) return { id: byPhone.id, reason: 'phone' };
      return null;
    },
    get: (id: number) => {
      const r = stmts.get.get(id);
      return r ? toCandidate(r) : undefined;
    },
    file: (id: number): StoredFile | undefined => {
      const r = stmts.file.get(id);
      return r
        ? { id: r.id, sha256: r.sha256, originalName: r.original_name, mime: r.mime, size: r.size, storageName: r.storage_name }
        : undefined;
    },
    screening: (id: number): Screening | undefined => {
      const s = stmts.screening.get(id);
      if (!s) return undefined;
      return {
        relevantYears: s.relevant_years,
        totalYears: s.total_years,
        experience: JSON.parse(s.experience) as ExperienceSummary,
        proposedVerdict: s.proposed_verdict,
        proposedScore: s.proposed_score,
        proposedRule: s.proposed_rule,
        proposedDecisive: keyList(s.proposed_decisive),
        verdict: s.verdict,
        score: s.score,
        rule: s.rule,
        decisive: keyList(s.decisive),
        decision: s.decision,
        decisionReason: s.decision_reason,
        decidedBy: s.decided_by,
        decidedAt: s.decided_at,
        screenedAt: s.screened_at,
        items: stmts.items.all(id).map((i) => ({
          key: i.key,
          proposedStatus: i.proposed_status,
          evidence: i.evidence,
          detail: i.detail,
          reason: localized(i.reason),
          status: i.status,
          confirmedBy: i.confirmed_by,
          confirmedAt: i.confirmed_at,
        })),
      };
    },
    /** A person's confirmation or override of one item, with the verdict it leads to. */
    setItemStatus: (candidateId: number, key: string, status: ItemStatus, old: ItemStatus, verdict: VerdictOutcome, userId: number) =>
      db.transaction(() => {
        stmts.setItem.run({ candidateId, key, status, userId });
        setVerdict(candidateId, verdict);
        logEvent({ candidateId, userId, kind: 'item', subject: key, oldValue: old, newValue: status });
      })(),
    rescreen: (candidateId: number, result: ScreeningResult, verdict: VerdictOutcome, userId: number | null) =>
      db.transaction(() => {
        saveScreening(candidateId, result);
        setVerdict(candidateId, verdict);
        logEvent({ candidateId, userId, kind: 'rescreen', newValue: verdict.verdict });
      })(),
    /**
     * The verdicts decided again from the item statuses as they stand (after the vacancy's verdict policy or item
     * kinds changed); the history notes it when the current verdict changed.
     */
    redecide: (candidateId: number, proposed: VerdictOutcome, current: VerdictOutcome, old: Verdict, userId: number | null) =>
      db.transaction(() => {
        stmts.setBoth.run({
          candidateId,
          pVerdict: proposed.verdict,
          pScore: proposed.score,
          pRule: proposed.rule,
          pDecisive: JSON.stringify(proposed.decisive),
          verdict: current.verdict,
          score: current.score,
          rule: current.rule,
          decisive: JSON.stringify(current.decisive),
        });
        if (current.verdict !== old)
          logEvent({ candidateId, userId, kind: 'rescreen', subject: 'policy', oldValue: old, newValue: current.verdict });
      })(),
    decide: (
      candidateId: number,
      d: { decision: Verdict; reason: string; old: Verdict | null; stage: { from: PipelineStage; to: PipelineStage } | null },
      userId: number,
    ) =>
      db.transaction(() => {
        stmts.setDecision.run({ candidateId, decision: d.decision, reason: d.reason, userId });
        logEvent({ candidateId, userId, kind: 'decision', oldValue: d.old, newValue: d.decision, reason: d.reason });
        if (d.stage && d.stage.from !== d.stage.to) {
          stmts.setStage.run(d.stage.to, candidateId);
          logEvent({ candidateId, userId, kind: 'stage', oldValue: d.stage.from, newValue: d.stage.to, reason: d.reason });
        }
      })(),
    moveStage: (candidateId: number, from: PipelineStage, to: PipelineStage, reason: string | null, userId: number) =>
      db.transaction(() => {
        stmts.setStage.run(to, candidateId);
        logEvent({ candidateId, userId, kind: 'stage', oldValue: from, newValue: to, reason });
      })(),
    events: (candidateId: number) => stmts.events.all(candidateId),
    /** The language letters to the candidate are written in. */
    setLang: (candidateId: number, lang: 'ru' | 'en') => setLang.run(lang, candidateId).changes > 0,
    /** A page of the list and its total; `capped` means there are more than `total` (shown as "1000+"). */
    list: (f: ListFilter): ListResult => {
      const p = params(f);
      // The vacancy's kept per-stage counts: read once, they size the vacancy (or a stage) for every count and plan below
      // and give the page its stage tabs.
      const stages = stmts.stageCounts.all(f.vacancyId);
      const kept = (stage: string | null) => stages.reduce((n, s) => (stage === null || s.stage === stage ? n + s.n : n), 0);
      let walk: Walk = 'browse';
      let n: number;
      // For a search with many hits: how many, and what share of the vacancy (see walkPage).
      let estimate: { hits: number; density: number } | null = null;
      let probe = '';
      // Exact when the kept per-stage counts (migration 008) answer: filtered by stage at most.
      let exact = false;
      if (!f.match) {
        exact = p.verdict === null && p.source === null;
        n = exact ? kept(p.stage) : counts.browse.get(p)!.n;
      } else {
        const words = expandLongPrefixes(f.match, knownWords());
        // A vacancy of up to two thirds of the company is searched within its scope, so neither the count nor the page
        // reads the other vacancies' hits; a bigger one is not, as its scope would only add a step to every hit.
        // Measured at 100,000 candidates (count and first page): in a vacancy of half the company «менеджер» took 7.1 ms
        // scoped against 10.2 ms not; in the company's only vacancy «переговор» took 8.6 ms scoped against 4.2 ms not.
        const vacancyRows = kept(null);
        const companyRows = counts.company.get()!.n;
        const scoped = 3 * vacancyRows <= 2 * companyRows;
        p.match = scoped ? inVacancy(f.vacancyId, words) : inWrittenColumns(words);
        const filtered = p.stage !== null || p.verdict !== null || p.source !== null;
        // The capped count also tells which plan is cheaper: up to the cap, starting from the hits and
        // sorting them; past it, walking the sorted index until a page of hits is found.
        const count = (scoped && !filtered ? counts.hits : counts.search).get(p)!;
        n = count.n;
        walk = n <= COUNT_CAP ? 'fewHits' : 'manyHits';
        if (walk === 'manyHits' && count.last !== null) {
          // The rows the walk passes: the vacancy's, or its stage's (kept counts); other filters are not counted.
          const walkRows = p.stage !== null && p.verdict === null && p.source === null ? kept(p.stage) : vacancyRows;
          estimate = probeDensity(p, count.last, walkRows, companyRows);
          // The walk's rows are the vacancy's already: it asks about the typed words only.
          probe = inWrittenColumns(words);
        }
      }
      const total = exact ? n : Math.min(n, COUNT_CAP);
      const capped = !exact && n > COUNT_CAP;
      const cursorId = f.after ?? f.before;
      const cursor = cursorId === undefined ? undefined : cursorRow.get(cursorId, f.vacancyId);
      if (cursor !== undefined) {
        // The rows after (or before) the row the previous page ended (or began) with: index ranges, whatever the page number.
        const values = SORT[f.sort].keys.map((k) => cursor[k.column] ?? null);
        const rev = f.after === undefined;
        const nulls = values.map((v) => v === null);
        const walked =
          estimate &&
          walkPage(
            () => pageStatement(f.sort, 'ids', rev, nulls).iterate({ ...p, ...keysetParams(values), limit: -1 } as ListParams),
            probe,
            0,
            f.limit,
            estimate,
          );
        if (walked) return { rows: rev ? walked.reverse() : walked, total, capped, stages };
        const rows = pageStatement(f.sort, walk, rev, nulls).all({ ...p, ...keysetParams(values) } as ListParams);
        return { rows: rev ? rows.reverse() : rows, total, capped, stages };
      }
      // A page nearer the end than the start (the last page, say) is read backwards from the end.
      if (!capped && f.offset > total / 2 && f.offset < total) {
        const end = Math.min(f.offset + f.limit, total);
        const rows = pageStatement(f.sort, walk, true, null).all({ ...p, limit: end - f.offset, offset: total - end });
        return { rows: rows.reverse(), total, capped, stages };
      }
      const walked =
        estimate &&
        walkPage(
          () => pageStatement(f.sort, 'ids', false, null).iterate({ ...p, limit: -1, offset: 0 }),
          probe,
          f.offset,
          f.limit,
          estimate,
        );
      return { rows: walked ?? pageStatement(f.sort, walk, false, null).all(p), total, capped, stages };
    },
    stageCounts: (vacancyId: number) => stmts.stageCounts.all(vacancyId),
    idsForVacancy: (vacancyId: number) => stmts.idsForVacancy.all(vacancyId).map((r) => r.id),
    sources: (vacancyId: number) => stmts.sources.all(vacancyId).map((r) => r.source),
    waitingByVacancy: () => new Map(stmts.waiting.all().map((r) => [r.vacancyId, r.n])),
    /** How many segments the search index is in (each search reads every one: see walkPage). */
    searchSegments: () => index.segments.get()!,
    /** One step of merging the search index into one segment, writing about `pages` pages; false when nothing was left. */
    mergeSearchStep: (pages: number): boolean => {
      const before = index.changes.get()!;
      index.merge.run(-Math.abs(pages));
      // FTS5's documented test: a step that merged something changes two rows or more.
      return index.changes.get()! - before >= 2;
    },
  };
}
export type CandidatesRepo = ReturnType<typeof candidatesRepo>;
