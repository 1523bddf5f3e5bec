-- Calendar invitations, personal feeds and self-scheduling (issue 11, items 4 and 5).

-- Each user's own IANA time zone: their copy of an invitation shows the time there.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Moscow';

-- iCalendar SEQUENCE of the interview's invitation: raised on every change and on cancellation, so
-- calendars replace the event they hold instead of adding a second one.
ALTER TABLE interviews ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;

-- One secret feed address per user; only its SHA-256 is kept, so the address is shown once.
CREATE TABLE calendar_feeds (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Times HR offers a candidate; the candidate picks one through a private link (token stored hashed).
-- candidate_id becomes NULL when the candidate is erased, so the link answers "no longer valid".
CREATE TABLE slot_offers (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER REFERENCES candidates (id) ON DELETE SET NULL,
  stage TEXT NOT NULL CHECK (stage IN ('hr_screen', 'competency', 'case', 'final')),
  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 15 AND 240),
  location TEXT,
  -- JSON array of user ids.
  interviewer_ids TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'booked')),
  interview_id INTEGER REFERENCES interviews (id) ON DELETE SET NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX slot_offers_candidate ON slot_offers (candidate_id);

CREATE TABLE offered_slots (
  id INTEGER PRIMARY KEY,
  offer_id INTEGER NOT NULL REFERENCES slot_offers (id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  UNIQUE (offer_id, starts_at)
);

-- A booked (interviewer, start) pair: the constraint that stops two picks of the same time for the
-- same interviewer, whichever offers they came from. Removed when the interview is cancelled or moved.
CREATE TABLE interviewer_bookings (
  interviewer_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL,
  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  PRIMARY KEY (interviewer_id, starts_at)
);
CREATE INDEX interviewer_bookings_interview ON interviewer_bookings (interview_id);
