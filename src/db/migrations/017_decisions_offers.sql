-- Decision day: the final decision with a reason from a list the admin keeps, the offer stage with its
-- approvals, the candidate's language (for the offer letter), and the furthest stage each candidate
-- reached, so the funnel counts everyone who got to a stage or past it, rejected candidates included.

-- The order of the pipeline as the funnel reads it (domain/funnel.ts FUNNEL; a unit test keeps the two equal).
-- "rejected" has no rank: it ends a journey, it is not a step of it.
CREATE TABLE pipeline_stage_ranks (
  stage TEXT PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO pipeline_stage_ranks (stage, rank) VALUES
  ('new', 0), ('screening', 1), ('interview', 2), ('take_home', 3), ('offer', 4), ('hired', 5);

ALTER TABLE candidates ADD COLUMN furthest_stage TEXT NOT NULL DEFAULT 'new'
  CHECK (furthest_stage IN ('new', 'screening', 'interview', 'take_home', 'offer', 'hired'));
-- The language the candidate is written to (offer letter); NULL: the language of the resume.
ALTER TABLE candidates ADD COLUMN lang TEXT CHECK (lang IN ('ru', 'en'));

-- The furthest stage from what is known: the current stage, every stage in the history, and the work
-- that defines a stage (an interview scheduled, a take-home task assigned).
UPDATE candidates SET furthest_stage = COALESCE((
  SELECT r.stage FROM pipeline_stage_ranks r WHERE r.rank = (
    SELECT MAX(k.rank) FROM pipeline_stage_ranks k WHERE k.stage IN (
      SELECT candidates.stage
      UNION ALL SELECT e.new_value FROM candidate_events e WHERE e.candidate_id = candidates.id AND e.kind = 'stage'
      UNION ALL SELECT e.old_value FROM candidate_events e WHERE e.candidate_id = candidates.id AND e.kind = 'stage'
      UNION ALL SELECT 'interview' WHERE EXISTS (SELECT 1 FROM interviews i WHERE i.candidate_id = candidates.id)
      UNION ALL SELECT 'take_home' WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.candidate_id = candidates.id)
    )
  )
), 'new');
UPDATE candidates SET lang = kam_text_lang(resume_text) WHERE lang IS NULL AND resume_text <> '';

-- A stage further than any before becomes the furthest; moving back (or to "rejected") keeps it.
CREATE TRIGGER candidates_furthest_insert AFTER INSERT ON candidates
WHEN (SELECT rank FROM pipeline_stage_ranks WHERE stage = NEW.stage) > (SELECT rank FROM pipeline_stage_ranks WHERE stage = NEW.furthest_stage)
BEGIN
  UPDATE candidates SET furthest_stage = NEW.stage WHERE id = NEW.id;
END;
CREATE TRIGGER candidates_furthest_update AFTER UPDATE OF stage ON candidates
WHEN (SELECT rank FROM pipeline_stage_ranks WHERE stage = NEW.stage) > (SELECT rank FROM pipeline_stage_ranks WHERE stage = NEW.furthest_stage)
BEGIN
  UPDATE candidates SET furthest_stage = NEW.stage WHERE id = NEW.id;
END;

-- Candidates per vacancy and furthest stage, kept by triggers like vacancy_stage_counts (008): the funnel
-- sums them from each stage onwards. Every change is an upsert, so the order the triggers fire in cannot
-- lose a count.
CREATE TABLE vacancy_furthest_counts (
  vacancy_id INTEGER NOT NULL,
  stage TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (vacancy_id, stage)
);
INSERT INTO vacancy_furthest_counts (vacancy_id, stage, n) SELECT vacancy_id, furthest_stage, COUNT(*) FROM candidates GROUP BY vacancy_id, furthest_stage;

CREATE TRIGGER furthest_counts_insert AFTER INSERT ON candidates BEGIN
  INSERT INTO vacancy_furthest_counts (vacancy_id, stage, n) VALUES (NEW.vacancy_id, NEW.furthest_stage, 1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER furthest_counts_delete AFTER DELETE ON candidates BEGIN
  INSERT INTO vacancy_furthest_counts (vacancy_id, stage, n) VALUES (OLD.vacancy_id, OLD.furthest_stage, -1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n - 1;
END;
CREATE TRIGGER furthest_counts_update AFTER UPDATE OF vacancy_id, furthest_stage ON candidates
WHEN OLD.vacancy_id <> NEW.vacancy_id OR OLD.furthest_stage <> NEW.furthest_stage BEGIN
  INSERT INTO vacancy_furthest_counts (vacancy_id, stage, n) VALUES (OLD.vacancy_id, OLD.furthest_stage, -1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n - 1;
  INSERT INTO vacancy_furthest_counts (vacancy_id, stage, n) VALUES (NEW.vacancy_id, NEW.furthest_stage, 1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n + 1;
END;

-- Reasons for a final decision, kept by the admin. kind: 'company' (we said no), 'candidate' (they said no),
-- 'hire' (why we said yes). A reason once used is retired, never deleted, so statistics keep their labels.
CREATE TABLE decision_reasons (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('company', 'candidate', 'hire')),
  label_ru TEXT NOT NULL,
  label_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  retired_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO decision_reasons (kind, label_ru, label_en, position) VALUES
  ('company', 'Ожидания по зарплате выше вилки вакансии', 'Salary expectations above the vacancy range', 1),
  ('company', 'Нет опыта работы с федеральными сетями', 'No experience with federal retail chains', 2),
  ('company', 'Кейс или тестовое задание не выполнено на нужном уровне', 'Case or take-home task below the bar', 3),
  ('company', 'Переговорные навыки ниже требуемого грейда', 'Negotiation skills below the required grade', 4),
  ('company', 'Нет опыта в FMCG', 'No FMCG experience', 5),
  ('company', 'Выбран более сильный кандидат', 'A stronger candidate was chosen', 6),
  ('company', 'Не подтвердились рекомендации или данные резюме', 'References or resume facts did not hold up', 7),
  ('candidate', 'Принял другое предложение', 'Accepted another offer', 8),
  ('candidate', 'Не готов к переезду или разъездному графику', 'Not ready to relocate or travel', 9),
  ('candidate', 'Не устроили условия: оклад или бонус', 'Pay or bonus terms not acceptable', 10),
  ('candidate', 'Остался на текущем месте работы (контрпредложение)', 'Stayed with the current employer (counter-offer)', 11),
  ('candidate', 'Перестал выходить на связь', 'Stopped responding', 12),
  ('hire', 'Сильный опыт с ключевыми сетями', 'Strong track record with key chains', 13),
  ('hire', 'Лучший результат кейса и интервью', 'Best case and interview results', 14),
  ('hire', 'Подходит по грейду и бюджету', 'Fits the grade and the budget', 15);

-- The final decision on a candidate (one per candidate; the history is in candidate_events and the audit log).
CREATE TABLE candidate_outcomes (
  candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
  outcome TEXT NOT NULL CHECK (outcome IN ('hired', 'rejected_by_company', 'declined_by_candidate')),
  reason_id INTEGER REFERENCES decision_reasons (id),
  note TEXT,
  -- The stage the candidate was at when decided (statistics: where people drop out).
  stage TEXT NOT NULL,
  decided_by INTEGER REFERENCES users (id),
  decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidate_outcomes_reason ON candidate_outcomes (reason_id);

-- A vacancy may ask for a second approval of every offer, by a named user (besides the department's head).
ALTER TABLE vacancies ADD COLUMN offer_second_approver_id INTEGER REFERENCES users (id);

-- Offers: proposed by HR, approved by the department's head (and the second approver when the vacancy
-- names one), printed, then accepted or declined by the candidate.
CREATE TABLE offers (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'refused', 'accepted', 'declined', 'withdrawn')),
  grade TEXT NOT NULL CHECK (grade IN ('junior', 'middle', 'senior')),
  base_salary INTEGER NOT NULL CHECK (base_salary > 0),
  currency TEXT NOT NULL,
  bonus_pct REAL CHECK (bonus_pct IS NULL OR (bonus_pct >= 0 AND bonus_pct <= 100)),
  bonus_terms TEXT,
  start_date TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  -- Copied from the vacancy when proposed, so changing the setting later does not change an offer under way.
  second_approver_id INTEGER REFERENCES users (id),
  head_approved_by INTEGER REFERENCES users (id),
  head_approved_at TEXT,
  second_approved_by INTEGER REFERENCES users (id),
  second_approved_at TEXT,
  refused_by INTEGER REFERENCES users (id),
  refused_at TEXT,
  refusal_note TEXT,
  outcome_reason_id INTEGER REFERENCES decision_reasons (id),
  outcome_note TEXT,
  outcome_by INTEGER REFERENCES users (id),
  outcome_at TEXT,
  proposed_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX offers_candidate ON offers (candidate_id, id);
-- At most one offer under way per candidate.
CREATE UNIQUE INDEX offers_one_open ON offers (candidate_id) WHERE status IN ('pending', 'approved');
