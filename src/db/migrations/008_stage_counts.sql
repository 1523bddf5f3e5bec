-- Candidates per vacancy and stage, for the stage tabs on every list page: kept by triggers rather
-- than counted over the whole vacancy on each request.
CREATE TABLE vacancy_stage_counts (
  vacancy_id INTEGER NOT NULL,
  stage TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (vacancy_id, stage)
);
INSERT INTO vacancy_stage_counts (vacancy_id, stage, n) SELECT vacancy_id, stage, COUNT(*) FROM candidates GROUP BY vacancy_id, stage;

CREATE TRIGGER stage_counts_insert AFTER INSERT ON candidates BEGIN
  INSERT INTO vacancy_stage_counts (vacancy_id, stage, n) VALUES (NEW.vacancy_id, NEW.stage, 1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER stage_counts_delete AFTER DELETE ON candidates BEGIN
  UPDATE vacancy_stage_counts SET n = n - 1 WHERE vacancy_id = OLD.vacancy_id AND stage = OLD.stage;
END;
CREATE TRIGGER stage_counts_update AFTER UPDATE OF vacancy_id, stage ON candidates
WHEN OLD.vacancy_id <> NEW.vacancy_id OR OLD.stage <> NEW.stage BEGIN
  UPDATE vacancy_stage_counts SET n = n - 1 WHERE vacancy_id = OLD.vacancy_id AND stage = OLD.stage;
  INSERT INTO vacancy_stage_counts (vacancy_id, stage, n) VALUES (NEW.vacancy_id, NEW.stage, 1)
  ON CONFLICT (vacancy_id, stage) DO UPDATE SET n = n + 1;
END;
