import type { DB } from './connection.js';

export interface Assignment {
  id: number;
  candidateId: number;
  vacancyId: number;
  department: string;
  candidateStage: string;
  /** The candidate's personal data was erased (retention or a request). */
  candidateErased: boolean;
  kind: 'task' | 'case';
  itemId: string;
  lang: 'ru' | 'en';
  bankVersion: number;
  briefOverride: string | null;
  code: string;
  deadlineAt: string;
  graceHours: number;
  openedAt: string | null;
  unblindedAt: string | null;
  createdAt: string;
}

interface AssignmentRow {
  id: number;
  candidate_id: number;
  vacancy_id: number;
  department: string;
  candidate_stage: string;
  candidate_erased: 0 | 1;
  kind: 'task' | 'case';
  item_id: string;
  lang: 'ru' | 'en';
  bank_version: number;
  brief_override: string | null;
  code: string;
  deadline_at: string;
  grace_hours: number;
  opened_at: string | null;
  unblinded_at: string | null;
  created_at: string;
}

const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  candidateId: r.candidate_id,
  vacancyId: r.vacancy_id,
  department: r.department,
  candidateStage: r.candidate_stage,
  candidateErased: r.candidate_erased === 1,
  kind: r.kind,
  itemId: r.item_id,
  lang: r.lang,
  bankVersion: r.bank_version,
  briefOverride: r.brief_override,
  code: r.code,
  deadlineAt: r.deadline_at,
  graceHours: r.grace_hours,
  openedAt: r.opened_at,
  unblindedAt: r.unblinded_at,
  createdAt: r.created_at,
});

export interface SubmissionFile {
  id: number;
  position: number;
  fileId: number;
  originalName: string;
  storageName: string;
  scrubbedStorageName: string | null;
  kind: string;
  mime: string;
  size: number;
  extractedText: string | null;
}

export interface Submission {
  id: number;
  version: number;
  body: string;
  link: string | null;
  late: boolean;
  submittedAt: string;
  files: SubmissionFile[];
}

export interface Grade {
  id: number;
  graderId: number;
  graderName: string;
  submissionVersion: number;
  scores: Record<string, number>;
  comment: string;
  submittedAt: string;
}

export interface NewSubmissionFile {
  file: { sha256: string; storageName: string; originalName: string; mime: string; size: number };
  scrubbedStorageName: string | null;
  kind: string;
  extractedText: string | null;
}

const SELECT = `SELECT a.*, c.vacancy_id, c.stage AS candidate_stage, c.anonymized_at IS NOT NULL AS candidate_erased, v.department FROM assignments a
  JOIN candidates c ON c.id = a.candidate_id JOIN vacancies v ON v.id = c.vacancy_id`;

export function assignmentsRepo(db: DB) {
  const stmts = {
    insert: db.prepare(
      `INSERT INTO assignments (candidate_id, kind, item_id, lang, bank_version, brief_override, code, token_hash, deadline_at, grace_hours, created_by)
       VALUES (@candidateId, @kind, @itemId, @lang, @bankVersion, @briefOverride, @code, @tokenHash, @deadlineAt, @graceHours, @createdBy)`,
    ),
    codeTaken: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM assignments WHERE code = ?'),
    addGrader: db.prepare('INSERT OR IGNORE INTO assignment_graders (assignment_id, user_id, added_by) VALUES (?, ?, ?)'),
    get: db.prepare<[number], AssignmentRow>(`${SELECT} WHERE a.id = ?`),
    byCode: db.prepare<[string], AssignmentRow>(`${SELECT} WHERE a.code = ?`),
    byToken: db.prepare<[string], AssignmentRow>(`${SELECT} WHERE a.token_hash = ?`),
    forCandidate: db.prepare<[number], AssignmentRow>(`${SELECT} WHERE a.candidate_id = ? ORDER BY a.id`),
    forVacancy: db.prepare<[number], AssignmentRow>(`${SELECT} WHERE c.vacancy_id = ? ORDER BY a.id`),
    forGrader: db.prepare<{ uid: number }, AssignmentRow & { graded: number }>(
      `SELECT a.*, c.vacancy_id, c.stage AS candidate_stage, v.department,
         EXISTS (SELECT 1 FROM grades gr WHERE gr.assignment_id = a.id AND gr.grader_id = @uid) AS graded
       FROM assignments a JOIN candidates c ON c.id = a.candidate_id JOIN vacancies v ON v.id = c.vacancy_id
       JOIN assignment_graders g ON g.assignment_id = a.id AND g.user_id = @uid
       ORDER BY graded, a.deadline_at`,
    ),
    graders: db.prepare<[number], { id: number; name: string; role: string; graded: number }>(
      `SELECT u.id, u.display_name AS name, u.role, EXISTS (SELECT 1 FROM grades g WHERE g.assignment_id = ag.assignment_id AND g.grader_id = u.id) AS graded
       FROM assignment_graders ag JOIN users u ON u.id = ag.user_id WHERE ag.assignment_id = ? ORDER BY u.display_name`,
    ),
    isGrader: db.prepare<[number, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM assignment_graders WHERE assignment_id = ? AND user_id = ?',
    ),
    markOpened: db.prepare(`UPDATE assignments SET opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND opened_at IS NULL`),
    setDeadline: db.prepare('UPDATE assignments SET deadline_at = ? WHERE id = ?'),
    setToken: db.prepare('UPDATE assignments SET token_hash = ? WHERE id = ?'),
    unblind: db.prepare(
      `UPDATE assignments SET unblinded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), unblinded_by = ? WHERE id = ? AND unblinded_at IS NULL`,
    ),
    unblindEvent: db.prepare('INSERT INTO unblind_events (assignment_id, user_id, reason) VALUES (?, ?, ?)'),
    nextVersion: db.prepare<[number], { n: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS n FROM submissions WHERE assignment_id = ?'),
    byKey: db.prepare<[number, string], { version: number }>(
      'SELECT version FROM submissions WHERE assignment_id = ? AND idempotency_key = ?',
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (assignment_id, version, body, link, late, idempotency_key) VALUES (@assignmentId, @version, @body, @link, @late, @key)`,
    ),
    insertFileRow: db.prepare(
      `INSERT INTO files (sha256, original_name, mime, size, storage_name) VALUES (@sha256, @originalName, @mime, @size, @storageName)`,
    ),
    insertSubmissionFile: db.prepare(
      `INSERT INTO submission_files (submission_id, position, file_id, scrubbed_storage_name, kind, extracted_text) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    submissions: db.prepare<
      [number],
      { id: number; version: number; body: string; link: string | null; late: number; submitted_at: string }
    >('SELECT * FROM submissions WHERE assignment_id = ? ORDER BY version DESC'),
    files: db.prepare<
      [number],
      {
        id: number;
        position: number;
        file_id: number;
        original_name: string;
        storage_name: string;
        scrubbed_storage_name: string | null;
        kind: string;
        mime: string;
        size: number;
        extracted_text: string | null;
      }
    >(
      `SELECT sf.id, sf.position, sf.file_id, f.original_name, f.storage_name, sf.scrubbed_storage_name, sf.kind, f.mime, f.size, sf.extracted_text
       FROM submission_files sf JOIN files f ON f.id = sf.file_id WHERE sf.submission_id = ? ORDER BY sf.position`,
    ),
    grades: db.prepare<
      [number],
      {
        id: number;
        grader_id: number;
        grader_name: string;
        submission_version: number;
        scores: string;
        comment: string;
        submitted_at: string;
      }
    >(
      `SELECT g.*, u.display_name AS grader_name FROM grades g JOIN users u ON u.id = g.grader_id WHERE g.assignment_id = ? ORDER BY g.submitted_at`,
    ),
    insertGrade: db.prepare(
      `INSERT INTO grades (assignment_id, grader_id, submission_version, scores, comment) VALUES (@assignmentId, @graderId, @version, @scores, @comment)
       ON CONFLICT (assignment_id, grader_id) DO NOTHING`,
    ),
    gradesForItem: db.prepare<[string], { assignment_id: number; grader_id: number; grader_name: string; scores: string }>(
      `SELECT g.assignment_id, g.grader_id, u.display_name AS grader_name, g.scores FROM grades g
       JOIN assignments a ON a.id = g.assignment_id JOIN users u ON u.id = g.grader_id WHERE a.item_id = ?`,
    ),
  };

  const fileRows = (submissionId: number): SubmissionFile[] =>
    stmts.files.all(submissionId).map((f) => ({
      id: f.id,
      position: f.position,
      fileId: f.file_id,
      originalName: f.original_name,
      storageName: f.storage_name,
      scrubbedStorageName: f.scrubbed_storage_name,
      kind: f.kind,
      mime: f.mime,
      size: f.size,
      extractedText: f.extracted_text,
    }));

  return {
    isCodeTaken: (code: string) => stmts.codeTaken.get(code)!.n > 0,
    create: (
      a: {
        candidateId: number;
        kind: 'task' | 'case';
        itemId: string;
        lang: 'ru' | 'en';
        bankVersion: number;
        briefOverride: string | null;
        code: string;
        tokenHash: string;
        deadlineAt: string;
        graceHours: number;
        createdBy: number;
      },
      graders: number[],
    ) =>
      db.transaction(() => {
        const id = Number(stmts.insert.run(a).lastInsertRowid);
        for (const g of new Set(graders)) stmts.addGrader.run(id, g, a.createdBy);
        return id;
      })(),
    get: (id: number) => {
      const r = stmts.get.get(id);
      return r ? toAssignment(r) : undefined;
    },
    byCode: (code: string) => {
      const r = stmts.byCode.get(code);
      return r ? toAssignment(r) : undefined;
    },
    byTokenHash: (hash: string) => {
      const r = stmts.byToken.get(hash);
      return r ? toAssignment(r) : undefined;
    },
    forCandidate: (candidateId: number) => stmts.forCandidate.all(candidateId).map(toAssignment),
    forVacancy: (vacancyId: number) => stmts.forVacancy.all(vacancyId).map(toAssignment),
    forGrader: (userId: number) => stmts.forGrader.all({ uid: userId }).map((r) => ({ ...toAssignment(r), graded: r.graded === 1 })),
    graders: (assignmentId: number) => stmts.graders.all(assignmentId).map((g) => ({ ...g, graded: g.graded === 1 })),
    isGrader: (assignmentId: number, userId: number) => stmts.isGrader.get(assignmentId, userId)!.n > 0,
    addGrader: (assignmentId: number, userId: number, by: number) => stmts.addGrader.run(assignmentId, userId, by).changes > 0,
    markOpened: (id: number) => stmts.markOpened.run(id),
    setDeadline: (id: number, deadlineAt: string) => stmts.setDeadline.run(deadlineAt, id),
    setTokenHash: (id: number, hash: string) => stmts.setToken.run(hash, id),
    unblind: (id: number, userId: number, reason: string) =>
      db.transaction(() => {
        stmts.unblind.run(userId, id);
        stmts.unblindEvent.run(id, userId, reason);
      })(),
    /** A new version with its files; the same idempotency key twice returns the first version. */
    submit: (assignmentId: number, s: { body: string; link: string | null; late: boolean; key: string }, files: NewSubmissionFile[]) =>
      db.transaction((): { version: number; duplicate: boolean } => {
        const existing = stmts.byKey.get(assignmentId, s.key);
        if (existing) return { version: existing.version, duplicate: true };
        const version = stmts.nextVersion.get(assignmentId)!.n;
        const submissionId = Number(
          stmts.insertSubmission.run({ assignmentId, version, body: s.body, link: s.link, late: s.late ? 1 : 0, key: s.key })
            .lastInsertRowid,
        );
        files.forEach((f, i) => {
          const fileId = Number(stmts.insertFileRow.run(f.file).lastInsertRowid);
          stmts.insertSubmissionFile.run(submissionId, i + 1, fileId, f.scrubbedStorageName, f.kind, f.extractedText);
        });
        return { version, duplicate: false };
      })(),
    submissions: (assignmentId: number): Submission[] =>
      stmts.submissions.all(assignmentId).map((s) => ({
        id: s.id,
        version: s.version,
        body: s.body,
        link: s.link,
        late: s.late === 1,
        submittedAt: s.submitted_at,
        files: fileRows(s.id),
      })),
    grades: (assignmentId: number): Grade[] =>
      stmts.grades.all(assignmentId).map((g) => ({
        id: g.id,
        graderId: g.grader_id,
        graderName: g.grader_name,
        submissionVersion: g.submission_version,
        scores: JSON.parse(g.scores) as Record<string, number>,
        comment: g.comment,
        submittedAt: g.submitted_at,
      })),
    /** Once per grader: a second submission of the same grade changes nothing. */
    grade: (g: { assignmentId: number; graderId: number; version: number; scores: Record<string, number>; comment: string }) =>
      stmts.insertGrade.run({ ...g, scores: JSON.stringify(g.scores) }).changes === 1,
    gradesForItem: (itemId: string) =>
      stmts.gradesForItem.all(itemId).map((g) => ({
        assignmentId: g.assignment_id,
        graderId: g.grader_id,
        graderName: g.grader_name,
        scores: JSON.parse(g.scores) as Record<string, number>,
      })),
  };
}
export type AssignmentsRepo = ReturnType<typeof assignmentsRepo>;
