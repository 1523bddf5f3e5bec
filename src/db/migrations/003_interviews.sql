CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  stage TEXT NOT NULL CHECK (stage IN ('hr_screen', 'competency', 'case', 'final')),
  scheduled_at TEXT NOT NULL,
  duration_min INTEGER NOT NULL,
  location TEXT,
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX interviews_candidate ON interviews (candidate_id);
CREATE INDEX interviews_scheduled ON interviews (scheduled_at);

-- The kit: what is asked, in order. bank_versions pins the item version per language, so a
-- later change to the bank never changes what this interview asked.
CREATE TABLE kit_items (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'case')),
  item_id TEXT NOT NULL,
  bank_versions TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (interview_id, kind, item_id)
);

-- One scorecard per interviewer per interview. `version` is the optimistic-lock counter every
-- save must name; `data` is the whole draft as JSON (validated by scorecardDataSchema).
CREATE TABLE scorecards (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  interviewer_id INTEGER NOT NULL REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  version INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  amend_reason TEXT,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  submitted_at TEXT,
  UNIQUE (interview_id, interviewer_id)
);
CREATE INDEX scorecards_interviewer ON scorecards (interviewer_id, status);

-- Every submission and amendment, kept for good.
CREATE TABLE scorecard_revisions (
  id INTEGER PRIMARY KEY,
  scorecard_id INTEGER NOT NULL REFERENCES scorecards (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('submit', 'amend')),
  data TEXT NOT NULL,
  reason TEXT,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (scorecard_id, revision)
);
