-- Longer prefix indexes: people type word stems of 5–7 letters ("продаж", "перегов"), and a prefix
-- without its own index means merging the posting lists of every word that starts with it.
CREATE VIRTUAL TABLE candidates_fts_v2 USING fts5 (
  full_name,
  resume_text,
  tokenize = 'unicode61',
  prefix = '2 3 4 5 6 7'
);
INSERT INTO candidates_fts_v2 (rowid, full_name, resume_text) SELECT rowid, full_name, resume_text FROM candidates_fts;
DROP TABLE candidates_fts;
ALTER TABLE candidates_fts_v2 RENAME TO candidates_fts;
