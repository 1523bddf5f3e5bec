-- The pipeline board's people per stage come from an index in board order (best fit first), instead of sorting every
-- candidate of the stage on each request; it also serves (vacancy_id, stage) lookups, so the older index goes.
CREATE INDEX candidate_list_board ON candidate_list (vacancy_id, stage, fit IS NULL, fit DESC, candidate_id DESC);
DROP INDEX candidate_list_stage;

-- A version per vacancy, raised by every change to its candidates' list rows or stage history, from any process:
-- the pipeline page keeps its funnel (reached stages, time in stage, results by source) under it and computes it
-- again only after a change.
CREATE TABLE vacancy_versions (
  vacancy_id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL
);
CREATE TRIGGER vacancy_version_list_insert AFTER INSERT ON candidate_list BEGIN
  INSERT INTO vacancy_versions (vacancy_id, version) VALUES (NEW.vacancy_id, 1)
  ON CONFLICT (vacancy_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER vacancy_version_list_update AFTER UPDATE ON candidate_list BEGIN
  INSERT INTO vacancy_versions (vacancy_id, version) VALUES (OLD.vacancy_id, 1)
  ON CONFLICT (vacancy_id) DO UPDATE SET version = version + 1;
  INSERT INTO vacancy_versions (vacancy_id, version) SELECT NEW.vacancy_id, 1 WHERE NEW.vacancy_id <> OLD.vacancy_id
  ON CONFLICT (vacancy_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER vacancy_version_list_delete AFTER DELETE ON candidate_list BEGIN
  INSERT INTO vacancy_versions (vacancy_id, version) VALUES (OLD.vacancy_id, 1)
  ON CONFLICT (vacancy_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER vacancy_version_stage_event AFTER INSERT ON candidate_events WHEN NEW.kind = 'stage' BEGIN
  INSERT INTO vacancy_versions (vacancy_id, version)
  SELECT vacancy_id, 1 FROM candidate_list WHERE candidate_id = NEW.candidate_id
  ON CONFLICT (vacancy_id) DO UPDATE SET version = version + 1;
END;

-- Candidates screened and waiting for HR's decision, per vacancy, for the home page: kept by triggers instead of
-- counted over every candidate of every vacancy on each view.
CREATE TABLE vacancy_waiting_counts (
  vacancy_id INTEGER PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO vacancy_waiting_counts (vacancy_id, n)
SELECT vacancy_id, COUNT(*) FROM candidate_list
WHERE verdict IS NOT NULL AND decision IS NULL AND stage IN ('new', 'screening') GROUP BY vacancy_id;
CREATE TRIGGER waiting_count_insert AFTER INSERT ON candidate_list
WHEN NEW.verdict IS NOT NULL AND NEW.decision IS NULL AND NEW.stage IN ('new', 'screening') BEGIN
  INSERT INTO vacancy_waiting_counts (vacancy_id, n) VALUES (NEW.vacancy_id, 1) ON CONFLICT (vacancy_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER waiting_count_delete AFTER DELETE ON candidate_list
WHEN OLD.verdict IS NOT NULL AND OLD.decision IS NULL AND OLD.stage IN ('new', 'screening') BEGIN
  UPDATE vacancy_waiting_counts SET n = n - 1 WHERE vacancy_id = OLD.vacancy_id;
END;
CREATE TRIGGER waiting_count_update_old AFTER UPDATE ON candidate_list
WHEN OLD.verdict IS NOT NULL AND OLD.decision IS NULL AND OLD.stage IN ('new', 'screening') BEGIN
  UPDATE vacancy_waiting_counts SET n = n - 1 WHERE vacancy_id = OLD.vacancy_id;
END;
CREATE TRIGGER waiting_count_update_new AFTER UPDATE ON candidate_list
WHEN NEW.verdict IS NOT NULL AND NEW.decision IS NULL AND NEW.stage IN ('new', 'screening') BEGIN
  INSERT INTO vacancy_waiting_counts (vacancy_id, n) VALUES (NEW.vacancy_id, 1) ON CONFLICT (vacancy_id) DO UPDATE SET n = n + 1;
END;

-- The retention job (at start, then daily) looks for rejected, not yet anonymized candidates past the cut-off: from
-- this small index instead of reading every candidate row (with its resume) on each start.
CREATE INDEX candidates_retention ON candidates (stage_changed_at) WHERE stage = 'rejected' AND anonymized_at IS NULL;
