-- Search finds word forms: a third column holds the Snowball stems (Russian and English) of the name
-- and resume words whose stem differs from the word, computed by the app's own function
-- (kam_search_stems, src/domain/search.ts). Queries match a typed word as a prefix of a written word
-- or as a stem, so «переговорами» finds «переговоры» and «Кузнецову» finds «Кузнецова».
-- The stored name and resume text are copied as they are (already ё-folded); only the stems are new.
CREATE VIRTUAL TABLE candidates_fts_v3 USING fts5 (
  full_name,
  resume_text,
  stems,
  tokenize = 'unicode61',
  prefix = '2 3 4 5 6 7'
);
INSERT INTO candidates_fts_v3 (rowid, full_name, resume_text, stems)
  SELECT rowid, full_name, resume_text, kam_search_stems(full_name || char(10) || resume_text) FROM candidates_fts;
DROP TABLE candidates_fts;
ALTER TABLE candidates_fts_v3 RENAME TO candidates_fts;
