import type { Repos } from '../db/repos.js';
import type { RecipientUser } from '../db/reminders.js';
import type { Lang } from '../domain/bank/schema.js';
import type { Role } from '../domain/roles.js';
import { firstNameOf } from '../domain/consent.js';
import { canGradeFor } from '../domain/policy.js';
import { vacancyTitle } from '../domain/vacancy.js';
import { dayKey, DEFAULT_ZONE, formatInZone, nextDay, zoneOf } from '../domain/zone.js';
import type { Actor } from './audit.js';
import { queueTemplatedMail } from './mail.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACTOR: Actor = { userId: null, userName: 'scheduler: reminders', ip: null };

export interface ReminderCounts {
  scorecard: number;
  grading: number;
  take_home_deadline: number;
}

/** A user who wants reminder mail and has an address to receive it. */
function reachable(u: RecipientUser): u is RecipientUser & { user_email: string } {
  return u.reminders_off === 0 && typeof u.user_email === 'string' && u.user_email.trim() !== '';
}

const titleOf = (r: { title_ru: string; title_en: string }, lang: Lang) => vacancyTitle({ titleRu: r.title_ru, titleEn: r.title_en }, lang);

/**
 * The reminder job. Each reminder is claimed in reminders_sent (kind + item + recipient + the
 * recipient's calendar day) in the same transaction as its letter is queued, so however often the
 * job runs, and whichever process runs it, nobody gets the same reminder twice in a day.
 */
export function runReminders(repos: Repos, publicUrl: string, now: Date): ReminderCounts {
  const counts: ReminderCounts = { scorecard: 0, grading: 0, take_home_deadline: 0 };
  const nowMs = now.getTime();

  for (const r of repos.reminders.dueScorecards(now.toISOString())) {
    const endsAt = Date.parse(r.scheduled_at) + r.duration_min * 60_000;
    if (endsAt + r.hours * HOUR > nowMs || !reachable(r)) continue;
    const zone = zoneOf(r);
    const day = dayKey(now, zone);
    const lang: Lang = r.user_locale ?? 'ru';
    const sent = repos.transaction(() => {
      const recipient = `user:${r.user_id}`;
      if (!repos.reminders.claim('scorecard', r.scorecard_id, recipient, day)) return false;
      const id = queueTemplatedMail(repos, ACTOR, {
        template: 'scorecard_reminder',
        lang,
        to: { address: r.user_email, name: r.user_name },
        vars: {
          user: { name: r.user_name },
          candidate: { full_name: r.candidate_name, first_name: firstNameOf(r.candidate_name) },
          vacancy: { title: titleOf(r, lang) },
          interview: { starts_at: formatInZone(r.scheduled_at, zone, lang), ended_hours: Math.floor((nowMs - endsAt) / HOUR) },
          scorecard: { link: `${publicUrl}/interviews/${r.interview_id}/scorecard` },
        },
        userId: r.user_id,
      });
      repos.reminders.linkOutbox('scorecard', r.scorecard_id, recipient, day, id);
      return true;
    });
    if (sent) counts.scorecard += 1;
  }

  for (const r of repos.reminders.pendingGrading()) {
    if (Date.parse(r.last_submitted_at) + r.days * DAY > nowMs || !reachable(r)) continue;
    // Graders see only what the grading rules let them: a head moved to another department is not chased.
    if (!canGradeFor({ role: r.user_role as Role, department: r.user_department, disabled: r.disabled }, r.department)) continue;
    const zone = zoneOf(r);
    const day = dayKey(now, zone);
    const lang: Lang = r.user_locale ?? 'ru';
    const sent = repos.transaction(() => {
      const recipient = `user:${r.user_id}`;
      if (!repos.reminders.claim('grading', r.assignment_id, recipient, day)) return false;
      // Blind grading: the letter names the work by its code, never the candidate.
      const id = queueTemplatedMail(repos, ACTOR, {
        template: 'grading_reminder',
        lang,
        to: { address: r.user_email, name: r.user_name },
        vars: {
          user: { name: r.user_name },
          vacancy: { title: titleOf(r, lang) },
          task: {
            code: r.code,
            title: repos.bank.get(r.item_id, r.lang)?.title ?? r.item_id,
            submitted_at: formatInZone(r.last_submitted_at, zone, lang),
            days: Math.floor((nowMs - Date.parse(r.last_submitted_at)) / DAY),
          },
          grading: { link: `${publicUrl}/grading/${encodeURIComponent(r.code)}` },
        },
        userId: r.user_id,
      });
      repos.reminders.linkOutbox('grading', r.assignment_id, recipient, day, id);
      return true;
    });
    if (sent) counts.grading += 1;
  }

  // Candidates have no time zone of their own: Moscow decides which day is "tomorrow".
  const tomorrow = nextDay(dayKey(now, DEFAULT_ZONE));
  for (const r of repos.reminders.deadlinesBetween(now.toISOString(), new Date(nowMs + 2 * DAY).toISOString())) {
    if (dayKey(new Date(r.deadline_at), DEFAULT_ZONE) !== tomorrow) continue;
    const lang = repos.offers.candidateLang(r.candidate_id) ?? 'ru';
    const day = dayKey(now, DEFAULT_ZONE);
    const sent = repos.transaction(() => {
      const recipient = `candidate:${r.candidate_id}`;
      if (!repos.reminders.claim('take_home_deadline', r.assignment_id, recipient, day)) return false;
      const id = queueTemplatedMail(repos, ACTOR, {
        template: 'take_home_deadline_reminder',
        lang,
        to: { address: r.candidate_email, name: r.candidate_name },
        vars: {
          candidate: { first_name: firstNameOf(r.candidate_name), full_name: r.candidate_name },
          vacancy: { title: titleOf(r, lang) },
          task: { title: repos.bank.get(r.item_id, r.lang)?.title ?? r.item_id, deadline: formatInZone(r.deadline_at, DEFAULT_ZONE, lang) },
        },
        candidateId: r.candidate_id,
      });
      repos.reminders.linkOutbox('take_home_deadline', r.assignment_id, recipient, day, id);
      return true;
    });
    if (sent) counts.take_home_deadline += 1;
  }
  return counts;
}
