-- A take-home task or written case sent to a candidate. The candidate reaches it through a
-- private link whose token is stored only as a hash; graders know it only by its code.
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('task', 'case')),
  item_id TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  bank_version INTEGER NOT NULL,
  brief_override TEXT,
  code TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  deadline_at TEXT NOT NULL,
  grace_hours INTEGER NOT NULL DEFAULT 24,
  opened_at TEXT,
  unblinded_at TEXT,
  unblinded_by INTEGER REFERENCES users (id),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX assignments_candidate ON assignments (candidate_id);

CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  -- One key per rendered form: a double click or a resent request cannot create a second version.
  idempotency_key TEXT NOT NULL,
  submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (assignment_id, version),
  UNIQUE (assignment_id, idempotency_key)
);

CREATE TABLE submission_files (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files (id),
  -- The metadata-free copy graders download, and its text where it could be read.
  scrubbed_storage_name TEXT,
  kind TEXT NOT NULL,
  extracted_text TEXT
);

CREATE TABLE assignment_graders (
  assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  added_by INTEGER REFERENCES users (id),
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (assignment_id, user_id)
);

CREATE TABLE grades (
  id INTEGER PRIMARY KEY,
  assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  grader_id INTEGER NOT NULL REFERENCES users (id),
  submission_version INTEGER NOT NULL,
  scores TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (assignment_id, grader_id)
);

-- Who lifted the blind, when and why: blindness is the rule, so every exception is on record.
CREATE TABLE unblind_events (
  id INTEGER PRIMARY KEY,
  assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
