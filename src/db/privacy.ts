import type { DB } from './connection.js';

/**
 * Removes a candidate's personal data while keeping what aggregate statistics need
 * (stage history, ratings, rubric scores, computed scores): names, contacts, resume and
 * cover-letter text, evidence quotes, free-text notes, comments and submitted work go.
 * Returns the storage names of files nobody else references, for the caller to delete.
 */
export function privacyRepo(db: DB) {
  const stmts = {
    candidate: db.prepare(
      `UPDATE candidates SET full_name = @name, email = NULL, phone = NULL, email_norm = NULL, phone_norm = NULL, city = NULL,
         resume_text = '', resume_sha256 = '', cover_letter = NULL, file_id = NULL,
         anonymized_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = @id`,
    ),
    fileOf: db.prepare<[number], { file_id: number | null }>('SELECT file_id FROM candidates WHERE id = ?'),
    fts: db.prepare('DELETE FROM candidates_fts WHERE rowid = ?'),
    // Quotes and absence reasons both come from the resume.
    evidence: db.prepare('UPDATE screening_items SET evidence = NULL, reason = NULL WHERE candidate_id = ?'),
    experience: db.prepare(
      `UPDATE screenings SET experience = json_set(experience, '$.jobs', json('[]')), decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE '—' END WHERE candidate_id = ?`,
    ),
    events: db.prepare('UPDATE candidate_events SET reason = NULL WHERE candidate_id = ?'),
    scorecards: db.prepare(
      `UPDATE scorecards SET data = json_set(data, '$.notes', json('{}'), '$.summary', '') WHERE interview_id IN (SELECT id FROM interviews WHERE candidate_id = ?)`,
    ),
    revisions: db.prepare(
      `UPDATE scorecard_revisions SET data = json_set(data, '$.notes', json('{}'), '$.summary', '')
       WHERE scorecard_id IN (SELECT s.id FROM scorecards s JOIN interviews i ON i.id = s.interview_id WHERE i.candidate_id = ?)`,
    ),
    submissions: db.prepare(
      `UPDATE submissions SET body = '', link = NULL WHERE assignment_id IN (SELECT id FROM assignments WHERE candidate_id = ?)`,
    ),
    submissionFiles: db.prepare<[number], { id: number; file_id: number; scrubbed_storage_name: string | null }>(
      `SELECT sf.id, sf.file_id, sf.scrubbed_storage_name FROM submission_files sf JOIN submissions s ON s.id = sf.submission_id
       JOIN assignments a ON a.id = s.assignment_id WHERE a.candidate_id = ?`,
    ),
    deleteSubmissionFile: db.prepare('DELETE FROM submission_files WHERE id = ?'),
    grades: db.prepare(`UPDATE grades SET comment = '' WHERE assignment_id IN (SELECT id FROM assignments WHERE candidate_id = ?)`),
    briefs: db.prepare('UPDATE assignments SET brief_override = NULL WHERE candidate_id = ?'),
    // Their private links stop at once: no stored hash can match a token any more.
    tokens: db.prepare(`UPDATE assignments SET token_hash = 'erased-' || id WHERE candidate_id = ?`),
    // Free text of audit entries about them (the entries themselves stay, append-only).
    auditNotes: db.prepare('DELETE FROM audit_notes WHERE candidate_id = ?'),
    // Offers and final decisions keep their terms, reasons and dates (statistics); their free-text notes go.
    offerNotes: db.prepare('UPDATE offers SET bonus_terms = NULL, refusal_note = NULL, outcome_note = NULL WHERE candidate_id = ?'),
    outcomeNote: db.prepare('UPDATE candidate_outcomes SET note = NULL WHERE candidate_id = ?'),
    fileRow: db.prepare<[number], { storage_name: string }>('SELECT storage_name FROM files WHERE id = ?'),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    storageRefs: db.prepare<[string, string], { n: number }>(
      `SELECT (SELECT COUNT(*) FROM files WHERE storage_name = ?) + (SELECT COUNT(*) FROM submission_files WHERE scrubbed_storage_name = ?) AS n`,
    ),
    due: db.prepare<[string], { id: number }>(
      // Through the partial index candidates_retention (migration 019); ordered below, since ORDER BY id here would
      // make SQLite prefer reading every candidate in id order.
      `SELECT id FROM candidates WHERE stage = 'rejected' AND anonymized_at IS NULL AND stage_changed_at < ?`,
    ),
  };

  function anonymize(candidateId: number, label: string): string[] {
    return db.transaction(() => {
      const storage: string[] = [];
      const fileId = stmts.fileOf.get(candidateId)?.file_id ?? null;
      stmts.candidate.run({ id: candidateId, name: label });
      stmts.fts.run(candidateId);
      stmts.evidence.run(candidateId);
      stmts.experience.run(candidateId);
      stmts.events.run(candidateId);
      stmts.scorecards.run(candidateId);
      stmts.revisions.run(candidateId);
      stmts.submissions.run(candidateId);
      stmts.grades.run(candidateId);
      stmts.briefs.run(candidateId);
      stmts.tokens.run(candidateId);
      stmts.auditNotes.run(candidateId);
      stmts.offerNotes.run(candidateId);
      stmts.outcomeNote.run(candidateId);
      const dropFile = (id: number) => {
        const row = stmts.fileRow.get(id);
        stmts.deleteFile.run(id);
        if (row) storage.push(row.storage_name);
      };
      for (const sf of stmts.submissionFiles.all(candidateId)) {
        stmts.deleteSubmissionFile.run(sf.id);
        dropFile(sf.file_id);
        if (sf.scrubbed_storage_name) storage.push(sf.scrubbed_storage_name);
      }
      if (fileId !== null) dropFile(fileId);
      // Content-addressed files may be shared (the same resume uploaded twice): keep those still referenced.
      return [...new Set(storage)].filter((name) => stmts.storageRefs.get(name, name)!.n === 0);
    })();
  }

  return {
    anonymize,
    dueForRetention: (cutoffIso: string) =>
      stmts.due
        .all(cutoffIso)
        .map((r) => r.id)
        .sort((a, b) => a - b),
  };
}
export type PrivacyRepo = ReturnType<typeof privacyRepo>;
