-- The explained score of each candidate, recomputed whenever something it depends on is written
-- (screening, scorecards, grades, the vacancy's weights), so pages only read it.
CREATE TABLE candidate_scores (
  candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
  fit REAL,
  completed_stages INTEGER NOT NULL,
  total_stages INTEGER NOT NULL,
  grade TEXT CHECK (grade IN ('junior', 'middle', 'senior')),
  knockouts INTEGER NOT NULL DEFAULT 0,
  disagreement INTEGER NOT NULL DEFAULT 0,
  result TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidate_scores_fit ON candidate_scores (fit);
