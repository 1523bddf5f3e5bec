-- A thin copy of what the candidate list filters and sorts on. Candidate rows carry whole resumes
-- (3–5 KB); walking them to sort 100,000 candidates cost 200+ ms. Triggers keep this table in step
-- with candidates, screenings and scores, so no code path can forget to update it.
CREATE TABLE candidate_list (
  candidate_id INTEGER PRIMARY KEY,
  vacancy_id INTEGER NOT NULL,
  stage TEXT NOT NULL,
  source TEXT NOT NULL,
  full_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  duplicate_of INTEGER,
  verdict TEXT,
  decision TEXT,
  -- What the list filters on: the person's decision when there is one, else the tool's verdict.
  effective_verdict TEXT,
  score INTEGER,
  relevant_years REAL,
  fit REAL,
  grade TEXT
);
CREATE INDEX candidate_list_score ON candidate_list (vacancy_id, score DESC, candidate_id DESC);
CREATE INDEX candidate_list_fit ON candidate_list (vacancy_id, fit DESC, candidate_id DESC);
CREATE INDEX candidate_list_newest ON candidate_list (vacancy_id, candidate_id DESC);
CREATE INDEX candidate_list_name ON candidate_list (vacancy_id, full_name COLLATE NOCASE, candidate_id DESC);
CREATE INDEX candidate_list_stage ON candidate_list (vacancy_id, stage);

INSERT INTO candidate_list (candidate_id, vacancy_id, stage, source, full_name, created_at, duplicate_of, verdict, decision, effective_verdict, score, relevant_years, fit, grade)
SELECT c.id, c.vacancy_id, c.stage, c.source, c.full_name, c.created_at, c.duplicate_of,
       s.verdict, s.decision, COALESCE(s.decision, s.verdict), s.score, s.relevant_years, sc.fit, sc.grade
FROM candidates c LEFT JOIN screenings s ON s.candidate_id = c.id LEFT JOIN candidate_scores sc ON sc.candidate_id = c.id;

CREATE TRIGGER candidate_list_insert AFTER INSERT ON candidates BEGIN
  INSERT INTO candidate_list (candidate_id, vacancy_id, stage, source, full_name, created_at, duplicate_of)
  VALUES (NEW.id, NEW.vacancy_id, NEW.stage, NEW.source, NEW.full_name, NEW.created_at, NEW.duplicate_of);
END;
CREATE TRIGGER candidate_list_update AFTER UPDATE OF vacancy_id, stage, source, full_name, created_at, duplicate_of ON candidates BEGIN
  UPDATE candidate_list SET vacancy_id = NEW.vacancy_id, stage = NEW.stage, source = NEW.source, full_name = NEW.full_name,
    created_at = NEW.created_at, duplicate_of = NEW.duplicate_of WHERE candidate_id = NEW.id;
END;
CREATE TRIGGER candidate_list_delete AFTER DELETE ON candidates BEGIN
  DELETE FROM candidate_list WHERE candidate_id = OLD.id;
END;
CREATE TRIGGER candidate_list_screening_insert AFTER INSERT ON screenings BEGIN
  UPDATE candidate_list SET verdict = NEW.verdict, decision = NEW.decision, effective_verdict = COALESCE(NEW.decision, NEW.verdict), score = NEW.score, relevant_years = NEW.relevant_years
  WHERE candidate_id = NEW.candidate_id;
END;
CREATE TRIGGER candidate_list_screening_update AFTER UPDATE ON screenings BEGIN
  UPDATE candidate_list SET verdict = NEW.verdict, decision = NEW.decision, effective_verdict = COALESCE(NEW.decision, NEW.verdict), score = NEW.score, relevant_years = NEW.relevant_years
  WHERE candidate_id = NEW.candidate_id;
END;
CREATE TRIGGER candidate_list_score_insert AFTER INSERT ON candidate_scores BEGIN
  UPDATE candidate_list SET fit = NEW.fit, grade = NEW.grade WHERE candidate_id = NEW.candidate_id;
END;
CREATE TRIGGER candidate_list_score_update AFTER UPDATE ON candidate_scores BEGIN
  UPDATE candidate_list SET fit = NEW.fit, grade = NEW.grade WHERE candidate_id = NEW.candidate_id;
END;
