import type { Repos } from '../db/repos.js';
import type { Lang } from '../domain/bank/schema.js';
import { canGrade, isHr, seesDecisionQueue, type Actor as PolicyActor } from '../domain/policy.js';
import { vacancyTitle } from '../domain/vacancy.js';
import { dayKey, nextDay, zoneOf } from '../domain/zone.js';

export type TaskKind = 'scorecards' | 'grading' | 'interviews_today' | 'interviews_tomorrow' | 'decisions' | 'consent_withdrawn';

export interface TaskItem {
  label: string;
  href: string;
  /** An instant shown next to the label (interview start, erasure date). */
  at?: string;
  count?: number;
}

export interface TaskEntry {
  kind: TaskKind;
  count: number;
  /** Where the work is done: the first item, or the list of them. */
  href: string;
  items: TaskItem[];
}

const HOUR = 3_600_000;
const SHOWN = 5;

/**
 * What waits for this user, with counts: their missing scorecards, take-home work to grade,
 * their interviews today and tomorrow (in their time zone), screened candidates waiting for a
 * decision (HR; a head for their department) and withdrawn consents awaiting erasure (HR).
 */
export function myTasks(repos: Repos, user: PolicyActor, lang: Lang, now: Date): TaskEntry[] {
  const entries: TaskEntry[] = [];
  const nowMs = now.getTime();
  // The entry links to its one item, else to the list of them, else (no list page) to the first, the oldest.
  const add = (kind: TaskKind, items: TaskItem[], listHref: string | null, count = items.length) => {
    const first = items[0];
    if (count === 0 || !first) return;
    entries.push({ kind, count, href: items.length === 1 || listHref === null ? first.href : listHref, items: items.slice(0, SHOWN) });
  };

  const missing = repos.reminders
    .myStartedInterviewsWithoutScorecard(user.id, now.toISOString())
    .filter((i) => Date.parse(i.scheduled_at) + i.duration_min * 60_000 <= nowMs);
  add(
    'scorecards',
    missing.map((i) => ({ label: i.candidate_name, href: `/interviews/${i.interview_id}/scorecard`, at: i.scheduled_at })),
    null,
  );

  const toGrade = repos.assignments
    .forGrader(user.id)
    .filter((a) => !a.graded && canGrade(user, a, true) && repos.assignments.submissions(a.id).length > 0);
  add(
    'grading',
    // Blind grading holds: the home page also names candidates (interviews), so no grading code appears here;
    // the codes are on the grading list, which names nobody.
    toGrade.map((a) => ({ label: repos.bank.get(a.itemId, lang)?.title ?? a.itemId, href: '/grading' })),
    '/grading',
  );

  const zone = zoneOf(repos.reminders.settings(user.id) ?? {});
  const today = dayKey(now, zone);
  const tomorrow = nextDay(today);
  // A window wide enough for any zone's today and tomorrow; the zone's calendar decides.
  const soon = repos.reminders.myInterviewsBetween(
    user.id,
    new Date(nowMs - 38 * HOUR).toISOString(),
    new Date(nowMs + 62 * HOUR).toISOString(),
  );
  for (const [kind, day] of [
    ['interviews_today', today],
    ['interviews_tomorrow', tomorrow],
  ] as const) {
    const items = soon
      .filter((i) => dayKey(new Date(i.scheduled_at), zone) === day)
      .map((i) => ({ label: i.candidate_name, href: `/interviews/${i.interview_id}`, at: i.scheduled_at }));
    add(kind, items, null);
  }

  const waiting = repos.candidates.waitingByVacancy();
  const hr = isHr(user);
  const queues = repos.vacancies
    .openListings()
    .filter((v) => (waiting.get(v.id) ?? 0) > 0 && seesDecisionQueue(user, v))
    .map((v) => ({
      label: vacancyTitle(v, lang),
      href: hr ? `/vacancies/${v.id}/candidates` : `/vacancies/${v.id}`,
      count: waiting.get(v.id) ?? 0,
    }));
  add(
    'decisions',
    queues,
    '/vacancies',
    queues.reduce((n, q) => n + q.count, 0),
  );

  if (hr) {
    const withdrawn = repos.consent.withdrawnPending();
    add(
      'consent_withdrawn',
      withdrawn.map((w) => ({ label: w.full_name, href: `/candidates/${w.candidate_id}/consent`, at: w.erasure_due_at })),
      null,
    );
  }
  return entries;
}
