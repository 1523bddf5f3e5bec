-- Outgoing mail. A message is written here in the same transaction as the action that caused it
-- (an interview scheduled, a task assigned, a rejection); a sender delivers it afterwards, so a
-- crash between the action and the delivery loses nothing.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  -- RFC 5322 Message-ID, fixed when queued and reused by every try, so a receiver can drop a
  -- duplicate if a try was handed over but not recorded.
  message_id TEXT NOT NULL UNIQUE,
  -- A template key (domain/mail/message.ts) or 'custom'.
  kind TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  candidate_id INTEGER REFERENCES candidates (id) ON DELETE SET NULL,
  -- The recipient when it is a user of the app (an interviewer, HR), for reminders and feeds.
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  to_address TEXT NOT NULL,
  to_name TEXT,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  -- JSON array of {filename, contentType, content (UTF-8 text), method?}: calendar invitations.
  attachments TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'kept')),
  tries INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_error TEXT,
  sent_at TEXT,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX outbox_due ON outbox (state, next_try_at);
CREATE INDEX outbox_candidate ON outbox (candidate_id, id);
CREATE INDEX outbox_user ON outbox (user_id, id);
