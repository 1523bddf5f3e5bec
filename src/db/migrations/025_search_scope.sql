-- Search within a vacancy without reading the rest of the company's hits. Each search row gets a fourth column,
-- scope, holding one token for the candidate's vacancy ("v12"): a search ANDs it with the typed words, so FTS5 walks
-- only that vacancy's hits (at 100,000 candidates over 50 vacancies it used to read every vacancy's hits to count one
-- vacancy's). The words are matched in the other three columns only, so typing "v12" never matches a scope.
-- The vocabulary table lists the index's words, for expanding a long typed prefix into the words it stands for
-- (src/db/candidates.ts: a prefix longer than the prefix indexes below would otherwise merge every word's list first).
CREATE VIRTUAL TABLE candidates_fts_v4 USING fts5 (
  full_name,
  resume_text,
  stems,
  scope,
  tokenize = 'unicode61',
  prefix = '2 3 4 5 6 7'
);
-- Bulk load as in 014: one merge at the end, then the everyday settings (and 023's secure delete) again.
INSERT INTO candidates_fts_v4 (candidates_fts_v4, rank) VALUES ('automerge', 0);
INSERT INTO candidates_fts_v4 (candidates_fts_v4, rank) VALUES ('crisismerge', 2000);
INSERT INTO candidates_fts_v4 (rowid, full_name, resume_text, stems, scope)
  SELECT f.rowid, f.full_name, f.resume_text, f.stems, 'v' || c.vacancy_id
  FROM candidates_fts f JOIN candidates c ON c.id = f.rowid;
INSERT INTO candidates_fts_v4 (candidates_fts_v4) VALUES ('optimize');
INSERT INTO candidates_fts_v4 (candidates_fts_v4, rank) VALUES ('automerge', 4);
INSERT INTO candidates_fts_v4 (candidates_fts_v4, rank) VALUES ('crisismerge', 16);
INSERT INTO candidates_fts_v4 (candidates_fts_v4, rank) VALUES ('secure-delete', 1);
DROP TABLE candidates_fts;
ALTER TABLE candidates_fts_v4 RENAME TO candidates_fts;
CREATE VIRTUAL TABLE candidates_fts_vocab USING fts5vocab(candidates_fts, 'row');
