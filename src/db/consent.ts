import type { DB } from './connection.js';
import type { ConsentSource, ConsentState } from '../domain/consent.js';

export interface ConsentRow {
  candidate_id: number;
  state: Exclude<ConsentState, 'not_requested'>;
  source: ConsentSource | null;
  source_detail: string | null;
  text_version: string | null;
  text_lang: string | null;
  accepted_text: string | null;
  ip: string | null;
  user_agent: string | null;
  decided_at: string | null;
  recorded_by: number | null;
  token_hash: string | null;
  token_expires_at: string | null;
  requested_at: string | null;
  requested_by: number | null;
  withdrawn_at: string | null;
  erasure_due_at: string | null;
  erased_at: string | null;
  updated_at: string;
}

export interface ConsentText {
  id: number;
  version: string;
  lang: 'ru' | 'en';
  body: string;
  published_at: string;
}

export interface ConsentEventRow {
  id: number;
  state: string;
  source: string | null;
  text_version: string | null;
  ip: string | null;
  user_agent: string | null;
  user_name: string | null;
  created_at: string;
}

export interface DestructionRecord {
  id: number;
  candidate_ref: string;
  vacancy_id: number | null;
  categories: string;
  grounds: 'retention' | 'consent_withdrawn' | 'request';
  detail: string | null;
  performed_by: number | null;
  performed_by_name: string | null;
  performed_by_job: string | null;
  performed_at: string;
}

export type ConsentChange = Partial<Omit<ConsentRow, 'candidate_id' | 'updated_at'>> & { state: ConsentRow['state'] };

const COLUMNS = [
  'state',
  'source',
  'source_detail',
  'text_version',
  'text_lang',
  'accepted_text',
  'ip',
  'user_agent',
  'decided_at',
  'recorded_by',
  'token_hash',
  'token_expires_at',
  'requested_at',
  'requested_by',
  'withdrawn_at',
  'erasure_due_at',
  'erased_at',
] as const;

/** Consent states, their history, the versioned consent texts and the destruction records. */
export function consentRepo(db: DB) {
  const stmts = {
    get: db.prepare<[number], ConsentRow>('SELECT * FROM candidate_consents WHERE candidate_id = ?'),
    byToken: db.prepare<[string], ConsentRow>('SELECT * FROM candidate_consents WHERE token_hash = ?'),
    insert: db.prepare(
      `INSERT INTO candidate_consents (candidate_id, ${COLUMNS.join(', ')}) VALUES (@candidate_id, ${COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE candidate_consents SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE candidate_id = @candidate_id`,
    ),
    event: db.prepare(
      `INSERT INTO consent_events (candidate_id, state, source, text_version, ip, user_agent, user_id, created_at)
       VALUES (@candidateId, @state, @source, @textVersion, @ip, @userAgent, @userId, @at)`,
    ),
    events: db.prepare<[number], ConsentEventRow>(
      `SELECT e.id, e.state, e.source, e.text_version, e.ip, e.user_agent, u.display_name AS user_name, e.created_at
       FROM consent_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.candidate_id = ? ORDER BY e.id`,
    ),
    latestText: db.prepare<[string], ConsentText>('SELECT * FROM consent_texts WHERE lang = ? ORDER BY published_at DESC, id DESC LIMIT 1'),
    text: db.prepare<[string, string], ConsentText>('SELECT * FROM consent_texts WHERE version = ? AND lang = ?'),
    dueErasure: db.prepare<[string], { candidate_id: number }>(
      `SELECT candidate_id FROM candidate_consents WHERE erasure_due_at IS NOT NULL AND erased_at IS NULL AND erasure_due_at <= ?
       ORDER BY erasure_due_at`,
    ),
    // A withdrawal always sets its erasure date: so the partial index of scheduled erasures answers (HR's home page
    // read every consent row of the company before).
    withdrawnPending: db.prepare<
      [],
      { candidate_id: number; erasure_due_at: string; withdrawn_at: string; full_name: string; vacancy_id: number }
    >(
      `SELECT cc.candidate_id, cc.erasure_due_at, cc.withdrawn_at, c.full_name, c.vacancy_id FROM candidate_consents cc
       JOIN candidates c ON c.id = cc.candidate_id
       WHERE cc.state = 'withdrawn' AND cc.erasure_due_at IS NOT NULL AND cc.erased_at IS NULL ORDER BY cc.erasure_due_at`,
    ),
    markErased: db.prepare(
      `UPDATE candidate_consents SET erased_at = ?, ip = NULL, user_agent = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE candidate_id = ?`,
    ),
    scrubEvents: db.prepare('UPDATE consent_events SET ip = NULL, user_agent = NULL WHERE candidate_id = ?'),
    setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    addDestruction: db.prepare(
      `INSERT INTO destruction_records (candidate_ref, vacancy_id, categories, grounds, detail, performed_by, performed_by_name, performed_by_job, performed_at)
       VALUES (@candidateRef, @vacancyId, @categories, @grounds, @detail, @performedBy, @performedByName, @performedByJob, @performedAt)`,
    ),
    // Who hears about a withdrawal: the vacancy's creator when they are active HR with an address, else every active HR.
    hrRecipients: db.prepare<[number, number], { id: number; display_name: string; email: string; locale: 'ru' | 'en' | null }>(
      `SELECT u.id, u.display_name, u.email, u.locale FROM users u
       WHERE u.disabled = 0 AND u.email IS NOT NULL AND u.email <> '' AND u.role IN ('hr', 'admin')
         AND (u.id = (SELECT created_by FROM vacancies WHERE id = ?) OR NOT EXISTS (
           SELECT 1 FROM users c JOIN vacancies v ON v.created_by = c.id WHERE v.id = ? AND c.disabled = 0 AND c.email IS NOT NULL
             AND c.email <> '' AND c.role IN ('hr', 'admin'))
           AND u.role = 'hr')
       ORDER BY u.id`,
    ),
    destructions: db.prepare<{ from: string; to: string }, DestructionRecord>(
      'SELECT * FROM destruction_records WHERE performed_at >= @from AND performed_at < @to ORDER BY performed_at, id',
    ),
  };

  return {
    get: (candidateId: number) => stmts.get.get(candidateId),
    byTokenHash: (hash: string) => stmts.byToken.get(hash),
    /** Writes the new state (all columns: pass the previous row spread in) and its history line. */
    save(candidateId: number, change: ConsentChange, event: { userId: number | null; at: string }) {
      const prev = stmts.get.get(candidateId);
      const row: Record<string, unknown> = { candidate_id: candidateId };
      for (const c of COLUMNS) row[c] = c in change ? (change[c] ?? null) : (prev?.[c] ?? null);
      (prev ? stmts.update : stmts.insert).run(row);
      stmts.event.run({
        candidateId,
        state: change.state,
        source: (row.source as string | null) ?? null,
        textVersion: (row.text_version as string | null) ?? null,
        ip: change.state === 'requested' ? null : ((row.ip as string | null) ?? null),
        userAgent: change.state === 'requested' ? null : ((row.user_agent as string | null) ?? null),
        userId: event.userId,
        at: event.at,
      });
    },
    events: (candidateId: number) => stmts.events.all(candidateId),
    latestText: (lang: string) => stmts.latestText.get(lang),
    text: (version: string, lang: string) => stmts.text.get(version, lang),
    dueForErasure: (nowIso: string) => stmts.dueErasure.all(nowIso).map((r) => r.candidate_id),
    withdrawnPending: () => stmts.withdrawnPending.all(),
    /** After erasure: the consent row stays (the proof of what was agreed and when), its address and browser go. */
    markErased: (candidateId: number, at: string) => {
      stmts.markErased.run(at, candidateId);
      stmts.scrubEvents.run(candidateId);
    },
    addDestruction: (r: {
      candidateRef: string;
      vacancyId: number | null;
      categories: readonly string[];
      grounds: DestructionRecord['grounds'];
      detail: string | null;
      performedBy: number | null;
      performedByName: string | null;
      performedByJob: string | null;
      performedAt: string;
    }) => Number(stmts.addDestruction.run({ ...r, categories: JSON.stringify(r.categories) }).lastInsertRowid),
    destructions: (from: string, to: string) => stmts.destructions.all({ from, to }),
    /** A setting the consent text names (the operator). */
    setting: (key: string) => stmts.setting.get(key)?.value,
    hrRecipients: (vacancyId: number) => stmts.hrRecipients.all(vacancyId, vacancyId),
  };
}
export type ConsentRepo = ReturnType<typeof consentRepo>;
