CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'hr', 'interviewer', 'department_head')),
  department TEXT,
  locale TEXT CHECK (locale IN ('ru', 'en')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE sessions (
  sid TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Current version of each bank item; older versions stay in bank_item_versions so that
-- kits and scorecards built from them keep showing what was asked.
CREATE TABLE bank_items (
  id TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  kind TEXT NOT NULL CHECK (kind IN ('competency', 'question', 'case', 'task', 'checklist')),
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  title TEXT NOT NULL,
  competency TEXT,
  qtype TEXT,
  meta TEXT NOT NULL,
  body TEXT NOT NULL,
  file TEXT NOT NULL,
  retired_at TEXT,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (id, lang)
);
CREATE INDEX bank_items_kind ON bank_items (kind, lang);

CREATE TABLE bank_item_versions (
  id TEXT NOT NULL,
  lang TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  meta TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (id, lang, version)
);

CREATE TABLE vacancies (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  department TEXT NOT NULL,
  target_grade TEXT NOT NULL CHECK (target_grade IN ('junior', 'middle', 'senior')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  -- The rest of the profile is one JSON document validated by vacancyProfileSchema on every write.
  profile TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE vacancy_checklist_items (
  id INTEGER PRIMARY KEY,
  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  label_ru TEXT NOT NULL,
  label_en TEXT NOT NULL,
  hint_ru TEXT,
  hint_en TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('knockout', 'required', 'nice_to_have')),
  weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
  position INTEGER NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]',
  UNIQUE (vacancy_id, key)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
