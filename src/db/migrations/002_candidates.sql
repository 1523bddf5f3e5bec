-- Original uploaded files; the bytes live under DATA_DIR/files/, named by their SHA-256.
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  original_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  storage_name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX files_sha256 ON files (sha256);

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id),
  full_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  -- Normalized copies for duplicate detection: lower-cased e-mail, digits-only phone.
  email_norm TEXT,
  phone_norm TEXT,
  source TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'new'
    CHECK (stage IN ('new', 'screening', 'interview', 'take_home', 'offer', 'hired', 'rejected')),
  stage_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  consent_at TEXT NOT NULL,
  consent_version TEXT NOT NULL,
  resume_text TEXT NOT NULL,
  resume_sha256 TEXT NOT NULL,
  cover_letter TEXT,
  file_id INTEGER REFERENCES files (id),
  duplicate_of INTEGER REFERENCES candidates (id),
  duplicate_reason TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidates_vacancy_stage ON candidates (vacancy_id, stage);
CREATE INDEX candidates_email ON candidates (email_norm);
CREATE INDEX candidates_phone ON candidates (phone_norm);
CREATE INDEX candidates_resume_sha ON candidates (vacancy_id, resume_sha256);

-- One screening per candidate: the tool's proposal and the person's decision side by side.
CREATE TABLE screenings (
  candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
  relevant_years REAL NOT NULL,
  total_years REAL NOT NULL,
  experience TEXT NOT NULL,
  proposed_verdict TEXT NOT NULL CHECK (proposed_verdict IN ('pass', 'review', 'reject')),
  proposed_score INTEGER NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'review', 'reject')),
  score INTEGER NOT NULL,
  decision TEXT CHECK (decision IN ('pass', 'review', 'reject')),
  decision_reason TEXT,
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT,
  screened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX screenings_verdict ON screenings (verdict, score);

CREATE TABLE screening_items (
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  proposed_status TEXT NOT NULL CHECK (proposed_status IN ('met', 'not_met', 'unknown')),
  evidence TEXT,
  detail TEXT,
  status TEXT NOT NULL CHECK (status IN ('met', 'not_met', 'unknown')),
  confirmed_by INTEGER REFERENCES users (id),
  confirmed_at TEXT,
  PRIMARY KEY (candidate_id, key)
);

-- Who changed what and when: item confirmations/overrides, decisions, re-screens, stage moves.
CREATE TABLE candidate_events (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'item', 'decision', 'rescreen', 'stage')),
  subject TEXT,
  old_value TEXT,
  new_value TEXT,
  reason TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidate_events_candidate ON candidate_events (candidate_id, id);

-- Full-text search over names and resumes. unicode61 folds case for Cyrillic and Latin;
-- ё is folded to е by the application before indexing and querying. Prefix indexes keep
-- prefix queries ("перегов"*) fast.
CREATE VIRTUAL TABLE candidates_fts USING fts5 (
  full_name,
  resume_text,
  tokenize = 'unicode61',
  prefix = '2 3 4'
);
