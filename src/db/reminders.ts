import type { DB } from './connection.js';

export type ReminderKind = 'scorecard' | 'grading' | 'take_home_deadline';

export interface RecipientUser {
  user_id: number;
  user_name: string;
  user_email: string | null;
  user_locale: 'ru' | 'en' | null;
  time_zone: string | null;
  reminders_off: number;
}

export interface DueScorecard extends RecipientUser {
  scorecard_id: number;
  interview_id: number;
  stage: string;
  scheduled_at: string;
  duration_min: number;
  hours: number;
  candidate_name: string;
  title_ru: string;
  title_en: string;
}

export interface DueGrading extends RecipientUser {
  assignment_id: number;
  code: string;
  item_id: string;
  lang: 'ru' | 'en';
  department: string;
  user_role: string;
  user_department: string | null;
  disabled: number;
  last_submitted_at: string;
  days: number;
  title_ru: string;
  title_en: string;
}

export interface DueDeadline {
  assignment_id: number;
  candidate_id: number;
  candidate_name: string;
  candidate_email: string;
  item_id: string;
  lang: 'ru' | 'en';
  deadline_at: string;
  title_ru: string;
  title_en: string;
}

const USER_COLUMNS = `u.id AS user_id, u.display_name AS user_name, u.email AS user_email, u.locale AS user_locale,
  u.time_zone, u.reminders_off`;

/** What the reminder jobs and "my tasks" read, and the once-a-day ledger of reminders sent. */
export function remindersRepo(db: DB) {
  const stmts = {
    mark: db.prepare('INSERT OR IGNORE INTO reminders_sent (kind, item_id, recipient, day) VALUES (?, ?, ?, ?)'),
    setOutbox: db.prepare('UPDATE reminders_sent SET outbox_id = ? WHERE kind = ? AND item_id = ? AND recipient = ? AND day = ?'),
    scorecards: db.prepare<[string], DueScorecard>(
      `SELECT s.id AS scorecard_id, i.id AS interview_id, i.stage, i.scheduled_at, i.duration_min, v.scorecard_reminder_hours AS hours,
         c.full_name AS candidate_name, v.title_ru, v.title_en, ${USER_COLUMNS}
       FROM scorecards s JOIN interviews i ON i.id = s.interview_id JOIN candidates c ON c.id = i.candidate_id
       JOIN vacancies v ON v.id = c.vacancy_id JOIN users u ON u.id = s.interviewer_id
       WHERE s.status = 'draft' AND i.status = 'scheduled' AND i.scheduled_at <= ? AND c.anonymized_at IS NULL AND u.disabled = 0
       ORDER BY i.scheduled_at`,
    ),
    grading: db.prepare<[], DueGrading>(
      `SELECT a.id AS assignment_id, a.code, a.item_id, a.lang, v.department, u.role AS user_role, u.department AS user_department,
         u.disabled, sub.last_submitted_at, v.grading_reminder_days AS days, v.title_ru, v.title_en, ${USER_COLUMNS}
       FROM assignment_graders g JOIN assignments a ON a.id = g.assignment_id JOIN candidates c ON c.id = a.candidate_id
       JOIN vacancies v ON v.id = c.vacancy_id JOIN users u ON u.id = g.user_id
       JOIN (SELECT assignment_id, MAX(submitted_at) AS last_submitted_at FROM submissions GROUP BY assignment_id) sub ON sub.assignment_id = a.id
       WHERE c.anonymized_at IS NULL AND u.disabled = 0
         AND NOT EXISTS (SELECT 1 FROM grades gr WHERE gr.assignment_id = a.id AND gr.grader_id = g.user_id)
       ORDER BY a.id`,
    ),
    deadlines: db.prepare<{ from: string; to: string }, DueDeadline>(
      `SELECT a.id AS assignment_id, c.id AS candidate_id, c.full_name AS candidate_name, c.email AS candidate_email, a.item_id, a.lang,
         a.deadline_at, v.title_ru, v.title_en
       FROM assignments a JOIN candidates c ON c.id = a.candidate_id JOIN vacancies v ON v.id = c.vacancy_id
       LEFT JOIN candidate_consents cc ON cc.candidate_id = c.id
       WHERE a.deadline_at > @from AND a.deadline_at <= @to AND c.email IS NOT NULL AND c.anonymized_at IS NULL
         AND c.stage NOT IN ('rejected', 'hired') AND COALESCE(cc.state, '') NOT IN ('withdrawn', 'declined')
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = a.id)
       ORDER BY a.deadline_at`,
    ),
    myMissing: db.prepare<
      [number, string],
      { interview_id: number; stage: string; scheduled_at: string; duration_min: number; candidate_name: string }
    >(
      `SELECT i.id AS interview_id, i.stage, i.scheduled_at, i.duration_min, c.full_name AS candidate_name
       FROM scorecards s JOIN interviews i ON i.id = s.interview_id JOIN candidates c ON c.id = i.candidate_id
       WHERE s.interviewer_id = ? AND s.status = 'draft' AND i.status = 'scheduled' AND i.scheduled_at <= ? ORDER BY i.scheduled_at`,
    ),
    myInterviews: db.prepare<
      [number, string, string],
      { interview_id: number; stage: string; scheduled_at: string; candidate_name: string }
    >(
      `SELECT i.id AS interview_id, i.stage, i.scheduled_at, c.full_name AS candidate_name
       FROM scorecards s JOIN interviews i ON i.id = s.interview_id JOIN candidates c ON c.id = i.candidate_id
       WHERE s.interviewer_id = ? AND i.status = 'scheduled' AND i.scheduled_at >= ? AND i.scheduled_at < ? ORDER BY i.scheduled_at`,
    ),
    settings: db.prepare<[number], { reminders_off: number; time_zone: string | null; email: string | null }>(
      'SELECT reminders_off, time_zone, email FROM users WHERE id = ?',
    ),
    setSettings: db.prepare(
      `UPDATE users SET reminders_off = ?, time_zone = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ),
    vacancy: db.prepare<[number], { scorecard_reminder_hours: number; grading_reminder_days: number }>(
      'SELECT scorecard_reminder_hours, grading_reminder_days FROM vacancies WHERE id = ?',
    ),
    setVacancy: db.prepare(
      `UPDATE vacancies SET scorecard_reminder_hours = ?, grading_reminder_days = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ),
  };
  return {
    /** Claims today's reminder about an item for a recipient; false when one was already sent today. */
    claim: (kind: ReminderKind, itemId: number, recipient: string, day: string) =>
      stmts.mark.run(kind, itemId, recipient, day).changes === 1,
    linkOutbox: (kind: ReminderKind, itemId: number, recipient: string, day: string, outboxId: number) =>
      stmts.setOutbox.run(outboxId, kind, itemId, recipient, day),
    dueScorecards: (nowIso: string) => stmts.scorecards.all(nowIso),
    pendingGrading: () => stmts.grading.all(),
    deadlinesBetween: (fromIso: string, toIso: string) => stmts.deadlines.all({ from: fromIso, to: toIso }),
    myStartedInterviewsWithoutScorecard: (userId: number, nowIso: string) => stmts.myMissing.all(userId, nowIso),
    myInterviewsBetween: (userId: number, fromIso: string, toIso: string) => stmts.myInterviews.all(userId, fromIso, toIso),
    settings: (userId: number) => stmts.settings.get(userId),
    setSettings: (userId: number, remindersOff: boolean, timeZone: string | null) =>
      stmts.setSettings.run(remindersOff ? 1 : 0, timeZone, userId),
    vacancySettings: (vacancyId: number) => stmts.vacancy.get(vacancyId),
    setVacancySettings: (vacancyId: number, hours: number, days: number) => stmts.setVacancy.run(hours, days, vacancyId),
  };
}
export type RemindersRepo = ReturnType<typeof remindersRepo>;
