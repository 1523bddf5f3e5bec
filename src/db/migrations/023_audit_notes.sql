-- Free text of audit entries (a reason HR typed, a candidate's address) lives beside the entry, so
-- erasing a candidate removes it while the append-only entry stays. candidate_id says whose it is.
CREATE TABLE audit_notes (
  audit_id INTEGER NOT NULL REFERENCES audit_log (id),
  path TEXT NOT NULL,
  candidate_id INTEGER,
  text TEXT NOT NULL,
  PRIMARY KEY (audit_id, path)
);
CREATE INDEX audit_notes_candidate ON audit_notes (candidate_id);

-- Entries written before: their typed reasons move out (the only free text the app logged), and
-- the candidates' addresses on their own link's entries. The append-only trigger steps aside for
-- this one migration, inside its transaction.
DROP TRIGGER audit_log_no_update;
INSERT INTO audit_notes (audit_id, path, candidate_id, text)
  SELECT l.id, 'reason',
    CASE l.subject_type
      WHEN 'candidate' THEN CAST(l.subject_id AS INTEGER)
      WHEN 'interview' THEN (SELECT candidate_id FROM interviews WHERE id = CAST(l.subject_id AS INTEGER))
      WHEN 'assignment' THEN (SELECT candidate_id FROM assignments WHERE id = CAST(l.subject_id AS INTEGER))
    END,
    json_extract(l.detail, '$.reason')
  FROM audit_log l
  WHERE json_valid(l.detail) AND json_type(l.detail, '$.reason') = 'text'
    AND json_extract(l.detail, '$.reason') GLOB '*[^A-Za-z0-9_.:/+-]*';
UPDATE audit_log SET detail = json_set(detail, '$.reason', json_object('$note', 'reason'))
  WHERE id IN (SELECT audit_id FROM audit_notes WHERE path = 'reason');
INSERT INTO audit_notes (audit_id, path, candidate_id, text)
  SELECT l.id, '$ip', (SELECT candidate_id FROM assignments WHERE id = CAST(l.subject_id AS INTEGER)), l.ip
  FROM audit_log l WHERE l.user_id IS NULL AND l.subject_type = 'assignment' AND l.ip IS NOT NULL;
UPDATE audit_log SET ip = NULL WHERE id IN (SELECT audit_id FROM audit_notes WHERE path = '$ip');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- Candidates erased before this release: their notes go now.
DELETE FROM audit_notes WHERE candidate_id IN (SELECT id FROM candidates WHERE anonymized_at IS NOT NULL);

-- Search index: a deleted row's words leave the index at once instead of waiting for a merge.
INSERT INTO candidates_fts (candidates_fts, rank) VALUES ('secure-delete', 1);
