-- Reminders, the in-server scheduler and consent to personal-data processing (152-FZ as in force
-- since 1 September 2025: consent is a separate document whose text and acceptance are kept).

-- How long after an interview ends a missing scorecard is chased, and after how many days
-- ungraded take-home work is; per vacancy.
ALTER TABLE vacancies ADD COLUMN scorecard_reminder_hours INTEGER NOT NULL DEFAULT 24
  CHECK (scorecard_reminder_hours BETWEEN 1 AND 720);
ALTER TABLE vacancies ADD COLUMN grading_reminder_days INTEGER NOT NULL DEFAULT 3
  CHECK (grading_reminder_days BETWEEN 1 AND 60);

-- A user may switch reminder mail off; their time zone (users.time_zone, migration 021) decides what "today" means.
ALTER TABLE users ADD COLUMN reminders_off INTEGER NOT NULL DEFAULT 0 CHECK (reminders_off IN (0, 1));

-- One row per periodic job. A process runs a job only after taking its lease with a conditional
-- UPDATE (due and not leased by a live run), so two processes on one database never run it together.
CREATE TABLE jobs (
  name TEXT PRIMARY KEY,
  next_run_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_started_at TEXT,
  last_finished_at TEXT,
  last_result TEXT,
  last_error TEXT
);

-- A reminder about one item to one recipient goes out at most once per day (the recipient's day).
CREATE TABLE reminders_sent (
  kind TEXT NOT NULL CHECK (kind IN ('scorecard', 'grading', 'take_home_deadline')),
  item_id INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  day TEXT NOT NULL,
  outbox_id INTEGER,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (kind, item_id, recipient, day)
);

-- The consent document, versioned; a text is never changed once published, a new version is added.
-- {{operator}} and {{vacancy}} are filled when shown; the filled text accepted is kept on the consent.
CREATE TABLE consent_texts (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  body TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (version, lang)
);

-- The consent state of a candidate (no row: not requested).
CREATE TABLE candidate_consents (
  candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('requested', 'given', 'declined', 'withdrawn')),
  -- How the answer was obtained: the private link, paper, a job board, or recorded by HR before this feature.
  source TEXT CHECK (source IN ('link', 'paper', 'job_board', 'hr_recorded')),
  source_detail TEXT,
  text_version TEXT,
  text_lang TEXT,
  accepted_text TEXT,
  ip TEXT,
  user_agent TEXT,
  decided_at TEXT,
  recorded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  token_hash TEXT UNIQUE,
  token_expires_at TEXT,
  requested_at TEXT,
  requested_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  withdrawn_at TEXT,
  erasure_due_at TEXT,
  erased_at TEXT,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidate_consents_erasure ON candidate_consents (erasure_due_at) WHERE erasure_due_at IS NOT NULL AND erased_at IS NULL;

-- Every change of a consent, kept as the history shown to HR.
CREATE TABLE consent_events (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  source TEXT,
  text_version TEXT,
  ip TEXT,
  user_agent TEXT,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX consent_events_candidate ON consent_events (candidate_id, id);

-- Destruction records (акты об уничтожении персональных данных): what was destroyed, when, on
-- what grounds and by whom. No personal data: the candidate is named only by its reference.
CREATE TABLE destruction_records (
  id INTEGER PRIMARY KEY,
  candidate_ref TEXT NOT NULL,
  vacancy_id INTEGER REFERENCES vacancies (id) ON DELETE SET NULL,
  categories TEXT NOT NULL,
  grounds TEXT NOT NULL CHECK (grounds IN ('retention', 'consent_withdrawn', 'request')),
  detail TEXT,
  performed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  performed_by_name TEXT,
  performed_by_job TEXT,
  performed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX destruction_records_at ON destruction_records (performed_at);

-- Candidates added so far carry the consent HR ticked on the form: given, recorded by HR.
INSERT INTO candidate_consents (candidate_id, state, source, text_version, decided_at, updated_at)
  SELECT id, 'given', 'hr_recorded', consent_version, consent_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM candidates WHERE consent_at <> '';
INSERT INTO consent_events (candidate_id, state, source, text_version, created_at)
  SELECT id, 'given', 'hr_recorded', consent_version, consent_at FROM candidates WHERE consent_at <> '';

-- And so does every candidate added later with a consent date (the form's box, an import from a job board).
CREATE TRIGGER candidates_consent_recorded AFTER INSERT ON candidates WHEN NEW.consent_at <> ''
BEGIN
  INSERT OR IGNORE INTO candidate_consents (candidate_id, state, source, text_version, decided_at, recorded_by)
    VALUES (NEW.id, 'given', 'hr_recorded', NEW.consent_version, NEW.consent_at, NEW.created_by);
  INSERT INTO consent_events (candidate_id, state, source, text_version, user_id, created_at)
    VALUES (NEW.id, 'given', 'hr_recorded', NEW.consent_version, NEW.created_by, NEW.consent_at);
END;

INSERT INTO consent_texts (version, lang, body) VALUES ('pd-vacancy-2026-12', 'ru',
'# Согласие на обработку персональных данных соискателя

Я, субъект персональных данных, свободно, своей волей и в своём интересе даю согласие оператору — {{operator}} — на обработку моих персональных данных в целях рассмотрения моей кандидатуры на вакансию «{{vacancy}}» и принятия решения о приёме на работу.

**Какие данные:** фамилия, имя, отчество; контактные данные (адрес электронной почты, телефон, город); сведения об образовании, опыте работы и навыках из резюме и сопроводительного письма; результаты собеседований, тестовых и практических заданий и их оценки.

**Что с ними делают:** сбор, запись, систематизация, накопление, хранение, уточнение, использование, обезличивание, блокирование, удаление и уничтожение, с использованием средств автоматизации и без них. Данные не передаются третьим лицам и не распространяются.

**Срок:** согласие действует до окончания подбора на эту вакансию и срока хранения материалов подбора, установленного оператором, либо до его отзыва.

**Отзыв:** я могу отозвать согласие в любой момент по той же ссылке, по которой его дал, или письменным заявлением оператору. После отзыва оператор прекращает обработку и уничтожает мои данные в течение 30 дней, если иное не предусмотрено законом.

Я подтверждаю, что ознакомлен(а) с текстом согласия, и понимаю, что отказ от согласия означает, что оператор не сможет рассмотреть мою кандидатуру.');
INSERT INTO consent_texts (version, lang, body) VALUES ('pd-vacancy-2026-12', 'en',
'# Consent to the processing of an applicant''s personal data

I, the data subject, freely, of my own will and in my own interest, consent to the operator — {{operator}} — processing my personal data in order to consider my application for the vacancy "{{vacancy}}" and to decide on hiring me.

**Which data:** my full name; contact details (e-mail address, phone, city); my education, work experience and skills as given in my resume and cover letter; the results of interviews, take-home and practical tasks, and their assessments.

**What is done with them:** collection, recording, organisation, accumulation, storage, correction, use, depersonalisation, blocking, deletion and destruction, with and without automated means. The data are not passed to third parties and are not made public.

**Period:** the consent is valid until hiring for this vacancy ends and the operator''s retention period for hiring records has passed, or until I withdraw it.

**Withdrawal:** I may withdraw my consent at any time through the same link I used to give it, or by a written notice to the operator. After withdrawal the operator stops processing and destroys my data within 30 days, unless the law requires otherwise.

I confirm that I have read this consent, and I understand that if I do not consent, the operator cannot consider my application.');
