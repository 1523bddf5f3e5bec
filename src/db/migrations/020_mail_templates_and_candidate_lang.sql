-- HR's own versions of the mail templates (the shipped defaults live in mail-templates/<key>.<lang>.md).
-- No row: the default is in force; "reset to default" deletes the row.
CREATE TABLE mail_templates (
  key TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (key, lang)
);

-- The language letters to the candidate are written in is candidates.lang (migration 017): set from
-- the resume at intake, editable on the card; NULL reads as the resume's language.
