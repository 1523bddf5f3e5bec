-- Decision day (issue 12): the interviewers' overall recommendations counted beside every fit, a
-- coverage-first order for the list, and when an interviewer first saw the others' scorecards.

-- How many submitted scorecards recommend strong no / no / yes / strong yes. Kept with the score
-- (written in the same transaction as a scorecard submit or amendment), copied to the thin list
-- table by triggers, so lists and the pipeline read them without a join.
ALTER TABLE candidate_scores ADD COLUMN rec_strong_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_scores ADD COLUMN rec_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_scores ADD COLUMN rec_yes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_scores ADD COLUMN rec_strong_yes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_list ADD COLUMN rec_strong_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_list ADD COLUMN rec_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_list ADD COLUMN rec_yes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidate_list ADD COLUMN rec_strong_yes INTEGER NOT NULL DEFAULT 0;

CREATE TEMP TABLE rec_backfill AS
SELECT i.candidate_id,
  SUM(json_extract(s.data, '$.recommendation') = 'strong_no') AS strong_no,
  SUM(json_extract(s.data, '$.recommendation') = 'no') AS no,
  SUM(json_extract(s.data, '$.recommendation') = 'yes') AS yes,
  SUM(json_extract(s.data, '$.recommendation') = 'strong_yes') AS strong_yes
FROM scorecards s JOIN interviews i ON i.id = s.interview_id
WHERE s.status = 'submitted' AND i.status <> 'cancelled' AND json_valid(s.data)
GROUP BY i.candidate_id;

UPDATE candidate_scores SET
  rec_strong_no = COALESCE((SELECT strong_no FROM rec_backfill b WHERE b.candidate_id = candidate_scores.candidate_id), 0),
  rec_no = COALESCE((SELECT no FROM rec_backfill b WHERE b.candidate_id = candidate_scores.candidate_id), 0),
  rec_yes = COALESCE((SELECT yes FROM rec_backfill b WHERE b.candidate_id = candidate_scores.candidate_id), 0),
  rec_strong_yes = COALESCE((SELECT strong_yes FROM rec_backfill b WHERE b.candidate_id = candidate_scores.candidate_id), 0);
DROP TABLE rec_backfill;

UPDATE candidate_list SET
  rec_strong_no = COALESCE((SELECT sc.rec_strong_no FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id), 0),
  rec_no = COALESCE((SELECT sc.rec_no FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id), 0),
  rec_yes = COALESCE((SELECT sc.rec_yes FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id), 0),
  rec_strong_yes = COALESCE((SELECT sc.rec_strong_yes FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id), 0);

-- Triggers of their own (the existing score triggers stay as they are).
CREATE TRIGGER candidate_list_recs_insert AFTER INSERT ON candidate_scores BEGIN
  UPDATE candidate_list SET rec_strong_no = NEW.rec_strong_no, rec_no = NEW.rec_no, rec_yes = NEW.rec_yes, rec_strong_yes = NEW.rec_strong_yes
  WHERE candidate_id = NEW.candidate_id;
END;
CREATE TRIGGER candidate_list_recs_update AFTER UPDATE OF rec_strong_no, rec_no, rec_yes, rec_strong_yes ON candidate_scores BEGIN
  UPDATE candidate_list SET rec_strong_no = NEW.rec_strong_no, rec_no = NEW.rec_no, rec_yes = NEW.rec_yes, rec_strong_yes = NEW.rec_strong_yes
  WHERE candidate_id = NEW.candidate_id;
END;

-- The list's default order: more completed stages first, then fit, so a fit from screening alone
-- never ranks above an interviewed candidate's.
CREATE INDEX candidate_list_coverage_fit ON candidate_list (vacancy_id, completed_stages DESC, fit DESC, candidate_id DESC);

-- When the interviewer first saw the other interviewers' scorecards (interview page or debrief),
-- and whether a later amendment came after it.
ALTER TABLE scorecards ADD COLUMN others_seen_at TEXT;
ALTER TABLE scorecard_revisions ADD COLUMN after_seen_others INTEGER NOT NULL DEFAULT 0;
