-- The list and the pipeline board show each fit with its coverage ("based on 1 of 4 stages"), so a
-- fit of 100 from screening alone is not read as a finished assessment.
ALTER TABLE candidate_list ADD COLUMN completed_stages INTEGER;
ALTER TABLE candidate_list ADD COLUMN total_stages INTEGER;

UPDATE candidate_list SET
  completed_stages = (SELECT sc.completed_stages FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id),
  total_stages = (SELECT sc.total_stages FROM candidate_scores sc WHERE sc.candidate_id = candidate_list.candidate_id);

DROP TRIGGER candidate_list_score_insert;
DROP TRIGGER candidate_list_score_update;
CREATE TRIGGER candidate_list_score_insert AFTER INSERT ON candidate_scores BEGIN
  UPDATE candidate_list SET fit = NEW.fit, grade = NEW.grade, completed_stages = NEW.completed_stages, total_stages = NEW.total_stages
  WHERE candidate_id = NEW.candidate_id;
END;
CREATE TRIGGER candidate_list_score_update AFTER UPDATE ON candidate_scores BEGIN
  UPDATE candidate_list SET fit = NEW.fit, grade = NEW.grade, completed_stages = NEW.completed_stages, total_stages = NEW.total_stages
  WHERE candidate_id = NEW.candidate_id;
END;
