import type { Repos } from '../db/repos.js';
import type { Candidate } from '../db/candidates.js';
import type { Vacancy } from '../db/vacancies.js';
import type { Lang } from '../domain/bank/schema.js';
import { proposeKit, type InterviewStage } from '../domain/interview.js';
import { DEFAULT_TIME_ZONE, feedIcs, interviewUid, invitationIcs, siteIdOf, type IcsEvent } from '../domain/calendar/ics.js';
import { formatInZone, offerState, overlaps } from '../domain/calendar/slots.js';
import type { MailAttachment, TemplateKey, TemplateVars } from '../domain/mail/message.js';
import { renderTemplate, type MailTemplate } from '../domain/mail/render.js';
import { vacancyTitle } from '../domain/vacancy.js';
import { auditLine, type Actor } from './audit.js';
import { queueMail, templateFor } from './mail.js';
import { advanceForWork } from './offers.js';
import { candidateLang } from './candidate-lang.js';

/** Messages in a language (the web layer's translator), so a use-case can word a notice to a person. */
export type Texts = (lang: Lang) => (key: string, params?: Record<string, unknown>) => string;

export interface CalendarDeps {
  /** The app's public address, for links and the UID's site id. */
  publicUrl: string;
  texts: Texts;
}

/** The message HR left in the form: subject and Markdown body with {{placeholders}}; null: nothing to the candidate. */
export type CandidateMessage = MailTemplate | null;

export { candidateLang } from './candidate-lang.js';

/** Scheduled interviews of these people that overlap [startsAt, +durationMin), except `excludeId`. */
export function findOverlaps(repos: Repos, interviewerIds: number[], startsAt: string, durationMin: number, excludeId?: number) {
  const until = new Date(new Date(startsAt).getTime() + durationMin * 60_000).toISOString();
  return repos.calendar
    .busy(interviewerIds, until)
    .filter((b) => b.interviewId !== excludeId && overlaps(startsAt, durationMin, b.scheduledAt, b.durationMin));
}

/** The kit proposed for a new interview: the vacancy's selection, weighted, probing the screening gaps. */
export function kitFor(repos: Repos, candidateId: number, vacancy: Vacancy, stage: InterviewStage) {
  const s = repos.candidates.screening(candidateId);
  const kit = proposeKit({
    stage,
    weights: vacancy.profile.competencyWeights,
    selectedQuestionIds: vacancy.profile.questionIds,
    selectedCaseIds: vacancy.profile.caseIds,
    questions: repos.bank
      .questions('en')
      .map((q) => ({ id: q.id, competency: q.meta.competency, type: q.meta.type, screeningGaps: q.meta.screening_gaps })),
    cases: repos.bank.cases('en').map((c) => ({ id: c.id, competencies: c.meta.competencies })),
    gaps: s ? s.items.filter((i) => i.status !== 'met').map((i) => i.key) : [],
  });
  return kit.map((k) => ({ ...k, bankVersions: repos.bank.currentVersions(k.itemId) }));
}

type Notice = 'invitation' | 'changed' | 'cancelled';
const TEMPLATE_OF: Record<Notice, TemplateKey> = {
  invitation: 'interview_invitation',
  changed: 'interview_changed',
  cancelled: 'interview_cancelled',
};

/** Placeholder values about an interview, as the reader of `lang` in `timeZone` sees it. */
export function interviewVars(
  deps: CalendarDeps,
  lang: Lang,
  timeZone: string,
  x: { candidate: Candidate; vacancy: Vacancy; stage: InterviewStage; scheduledAt: string; durationMin: number; location: string | null },
): TemplateVars {
  const t = deps.texts(lang);
  const when = formatInZone(x.scheduledAt, lang, timeZone);
  const zone = t('calendar.zone_label', { zone: timeZone, offset: when.offset });
  return {
    candidate: { name: x.candidate.fullName },
    vacancy: { title: vacancyTitle(x.vacancy, lang) },
    interview: {
      stage: t(`interviews.stage_${x.stage}`),
      date: when.date,
      time: when.time,
      time_zone: zone,
      starts_at: `${when.date}, ${when.time} (${zone})`,
      duration_min: x.durationMin,
      location: x.location || t('calendar.location_tbc'),
    },
  };
}

function ics(uid: string, sequence: number, cancelled: boolean, timeZone: string, event: Omit<IcsEvent, 'uid' | 'sequence' | 'cancelled'>) {
  const made = invitationIcs({ ...event, uid, sequence, cancelled }, timeZone);
  const attachment: MailAttachment = {
    filename: cancelled ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${made.method}`,
    content: made.content,
    method: made.method,
  };
  return attachment;
}

/**
 * Queues the candidate's message (when HR left one) and each interviewer's copy, every one with its
 * .ics (REQUEST, or CANCEL when cancelled) at the interview's current SEQUENCE. Runs inside the
 * caller's transaction; a broken placeholder throws and nothing is kept.
 */
function notify(repos: Repos, actor: Actor, deps: CalendarDeps, interviewId: number, notice: Notice, message: CandidateMessage): void {
  const interview = repos.interviews.get(interviewId);
  if (!interview) return;
  const candidate = repos.candidates.get(interview.candidateId);
  const vacancy = repos.vacancies.findById(interview.vacancyId);
  if (!candidate || !vacancy) return;
  const uid = interviewUid(interview.id, siteIdOf(deps.publicUrl));
  const sequence = repos.calendar.sequence(interview.id);
  const cancelled = notice === 'cancelled';
  const organizerUser = actor.userId === null ? undefined : repos.users.findById(actor.userId);
  const organizer = organizerUser?.email ? { name: organizerUser.display_name, email: organizerUser.email } : null;
  const x = {
    candidate,
    vacancy,
    stage: interview.stage,
    scheduledAt: interview.scheduledAt,
    durationMin: interview.durationMin,
    location: interview.location,
  };
  // One letter with its .ics, to the candidate or an interviewer: each sees the event in their own zone.
  const invite = (
    to: { address: string; name: string },
    lang: Lang,
    rendered: ReturnType<typeof renderTemplate>,
    event: { timeZone: string; summary: string; url: string | null },
    userId?: number,
  ) =>
    queueMail(repos, actor, {
      kind: TEMPLATE_OF[notice],
      lang,
      to,
      ...rendered,
      attachments: [
        ics(uid, sequence, cancelled, event.timeZone, {
          startsAt: interview.scheduledAt,
          durationMin: interview.durationMin,
          summary: event.summary,
          description: rendered.text,
          location: interview.location,
          url: event.url,
          organizer,
          attendees: [{ name: to.name, email: to.address }],
        }),
      ],
      candidateId: candidate.id,
      ...(userId === undefined ? {} : { userId }),
    });

  if (message && candidate.email) {
    const lang = candidateLang(repos, candidate);
    const t = deps.texts(lang);
    const vars = interviewVars(deps, lang, DEFAULT_TIME_ZONE, x);
    const rendered = renderTemplate(message, vars);
    invite({ address: candidate.email, name: candidate.fullName }, lang, rendered, {
      timeZone: DEFAULT_TIME_ZONE,
      summary: t('calendar.summary_candidate', { vacancy: vacancyTitle(vacancy, lang) }),
      url: null,
    });
  }

  for (const card of repos.interviews.scorecards(interview.id)) {
    const user = repos.users.findById(card.interviewerId);
    if (!user?.email || user.disabled) continue;
    const lang: Lang = user.locale ?? 'ru';
    const t = deps.texts(lang);
    const timeZone = repos.calendar.timeZone(user.id);
    const vars: TemplateVars = {
      ...interviewVars(deps, lang, timeZone, x),
      links: { scorecard: `${deps.publicUrl}/interviews/${interview.id}/scorecard`, kit: `${deps.publicUrl}/interviews/${interview.id}` },
    };
    const template: MailTemplate = {
      subject: t(`calendar.staff_subject_${notice}`, { candidate: '{{candidate.name}}', when: '{{interview.starts_at}}' }),
      body: [
        t(`calendar.staff_intro_${notice}`),
        '',
        `- ${t('calendar.staff_candidate', { candidate: '{{candidate.name}}' })}`,
        `- ${t('calendar.staff_vacancy', { vacancy: '{{vacancy.title}}' })}`,
        `- ${t('calendar.staff_stage', { stage: '{{interview.stage}}' })}`,
        `- ${t('calendar.staff_when', { when: '{{interview.starts_at}}', minutes: '{{interview.duration_min}}' })}`,
        `- ${t('calendar.staff_where', { where: '{{interview.location}}' })}`,
        '',
        cancelled ? '' : t('calendar.staff_links', { scorecard: '{{links.scorecard}}', kit: '{{links.kit}}' }),
      ].join('\n'),
    };
    const rendered = renderTemplate(template, vars);
    invite(
      { address: user.email, name: user.display_name },
      lang,
      rendered,
      {
        timeZone,
        summary: t('calendar.summary_staff', { candidate: candidate.fullName, stage: t(`interviews.stage_${interview.stage}`) }),
        url: `${deps.publicUrl}/interviews/${interview.id}/scorecard`,
      },
      user.id,
    );
  }
}

/** The shipped or HR-edited template, as the text HR sees (and may edit) in a form before sending. */
export function messageDraft(repos: Repos, key: TemplateKey, lang: Lang): MailTemplate {
  return templateFor(repos, key, lang);
}

export interface ScheduleInput {
  candidate: Candidate;
  vacancy: Vacancy;
  stage: InterviewStage;
  scheduledAt: string;
  durationMin: number;
  location: string | null;
  interviewerIds: number[];
  message: CandidateMessage;
}

/** HR schedules an interview: the interview, its kit and scorecards, the audit line and every invitation, together. */
export function scheduleInterview(repos: Repos, actor: Actor & { userId: number }, deps: CalendarDeps, s: ScheduleInput): number {
  return repos.transaction(() => {
    const id = repos.interviews.create(
      {
        candidateId: s.candidate.id,
        stage: s.stage,
        scheduledAt: s.scheduledAt,
        durationMin: s.durationMin,
        location: s.location,
        createdBy: actor.userId,
      },
      s.interviewerIds,
      kitFor(repos, s.candidate.id, s.vacancy, s.stage),
    );
    auditLine(repos, actor, 'interview.create', { type: 'interview', id }, { candidateId: s.candidate.id, scheduledAt: s.scheduledAt });
    // Scheduling the interview moves the candidate to the interview stage (never back).
    advanceForWork(repos, s.candidate, 'interview_scheduled', actor);
    notify(repos, actor, deps, id, 'invitation', s.message);
    return id;
  });
}

/** HR moves an interview: new time, SEQUENCE + 1, the updated invitation to everybody. */
export function rescheduleInterview(
  repos: Repos,
  actor: Actor,
  deps: CalendarDeps,
  id: number,
  c: { scheduledAt: string; durationMin: number; location: string | null },
  message: CandidateMessage,
): boolean {
  return repos.transaction(() => {
    if (!repos.calendar.reschedule(id, c)) return false;
    repos.calendar.release(id);
    repos.calendar.bumpSequence(id);
    auditLine(repos, actor, 'interview.reschedule', { type: 'interview', id }, { scheduledAt: c.scheduledAt, durationMin: c.durationMin });
    notify(repos, actor, deps, id, 'changed', message);
    return true;
  });
}

/** HR cancels an interview: status, SEQUENCE + 1 and METHOD:CANCEL to everybody. */
export function cancelInterview(repos: Repos, actor: Actor, deps: CalendarDeps, id: number, message: CandidateMessage): boolean {
  return repos.transaction(() => {
    if (!repos.calendar.cancel(id)) return false;
    repos.calendar.release(id);
    repos.calendar.bumpSequence(id);
    auditLine(repos, actor, 'interview.cancel', { type: 'interview', id });
    notify(repos, actor, deps, id, 'cancelled', message);
    return true;
  });
}

// ---- Personal feed ---------------------------------------------------------------------------

/** Sets (or replaces) a user's feed token hash; the old address stops working at once. */
export function renewFeed(repos: Repos, actor: Actor & { userId: number }, tokenHash: string): void {
  repos.transaction(() => {
    repos.calendar.setFeed(actor.userId, tokenHash);
    auditLine(repos, actor, 'calendar.feed_renew', { type: 'user', id: actor.userId });
  });
}

export function revokeFeed(repos: Repos, actor: Actor & { userId: number }): void {
  repos.transaction(() => {
    if (repos.calendar.deleteFeed(actor.userId)) auditLine(repos, actor, 'calendar.feed_revoke', { type: 'user', id: actor.userId });
  });
}

/** The user's interviews (last 90 days onwards) as an iCalendar feed in their zone and language. */
export function feedFor(repos: Repos, deps: CalendarDeps, userId: number): string | undefined {
  const user = repos.users.findById(userId);
  if (!user || user.disabled) return undefined;
  const lang: Lang = user.locale ?? 'ru';
  const t = deps.texts(lang);
  const site = siteIdOf(deps.publicUrl);
  const events: IcsEvent[] = repos.calendar.feedFor(userId).map((i) => ({
    uid: interviewUid(i.id, site),
    sequence: i.icsSequence,
    startsAt: i.scheduledAt,
    durationMin: i.durationMin,
    summary: t('calendar.summary_staff', { candidate: i.candidateName, stage: t(`interviews.stage_${i.stage}`) }),
    description: `${lang === 'ru' ? i.vacancyTitleRu || i.vacancyTitleEn : i.vacancyTitleEn || i.vacancyTitleRu}\n${deps.publicUrl}/interviews/${i.id}`,
    location: i.location,
    url: `${deps.publicUrl}/interviews/${i.id}`,
    cancelled: i.status === 'cancelled',
    organizer: null,
    attendees: [],
  }));
  return feedIcs(t('calendar.feed_name', { name: user.display_name }), events, repos.calendar.timeZone(userId));
}

// ---- Self-scheduling ---------------------------------------------------------------------------

export interface OfferInput {
  candidate: Candidate;
  vacancy: Vacancy;
  stage: InterviewStage;
  durationMin: number;
  location: string | null;
  interviewerIds: number[];
  times: string[];
  expiresAt: string;
  tokenHash: string;
  link: string;
  message: CandidateMessage;
}

/** Placeholder values for the slot_offer message. */
export function offerVars(
  deps: CalendarDeps,
  lang: Lang,
  o: Pick<OfferInput, 'candidate' | 'vacancy' | 'times' | 'expiresAt' | 'link' | 'durationMin'>,
): TemplateVars {
  const t = deps.texts(lang);
  const exp = formatInZone(o.expiresAt, lang, DEFAULT_TIME_ZONE);
  return {
    candidate: { name: o.candidate.fullName },
    vacancy: { title: vacancyTitle(o.vacancy, lang) },
    slots: {
      link: o.link,
      list: o.times
        .map((iso) => {
          const w = formatInZone(iso, lang, DEFAULT_TIME_ZONE);
          return `- ${w.date}, ${w.time}`;
        })
        .join('\n'),
      time_zone: t('calendar.zone_label', { zone: DEFAULT_TIME_ZONE, offset: exp.offset }),
      duration_min: o.durationMin,
      expires_at: `${exp.date}, ${exp.time}`,
    },
  };
}

/** HR offers times; the candidate gets the private link (when HR sends the message). */
export function offerSlots(repos: Repos, actor: Actor & { userId: number }, deps: CalendarDeps, o: OfferInput): number {
  return repos.transaction(() => {
    const lang = candidateLang(repos, o.candidate);
    const id = repos.calendar.createOffer(
      {
        candidateId: o.candidate.id,
        stage: o.stage,
        durationMin: o.durationMin,
        location: o.location,
        interviewerIds: [...new Set(o.interviewerIds)],
        lang,
        tokenHash: o.tokenHash,
        expiresAt: o.expiresAt,
        createdBy: actor.userId,
      },
      o.times,
    );
    auditLine(repos, actor, 'slots.offer', { type: 'slot_offer', id }, { candidateId: o.candidate.id, slots: o.times.length });
    if (o.message && o.candidate.email) {
      const rendered = renderTemplate(o.message, offerVars(deps, lang, o));
      queueMail(repos, actor, {
        kind: 'slot_offer',
        lang,
        to: { address: o.candidate.email, name: o.candidate.fullName },
        ...rendered,
        candidateId: o.candidate.id,
      });
    }
    return id;
  });
}

/** The offered times a candidate may still pick: in the future and free for every interviewer. */
export function availableSlots(repos: Repos, offerId: number, now: Date) {
  const offer = repos.calendar.offer(offerId);
  if (!offer) return [];
  return repos.calendar
    .slots(offerId)
    .filter((s) => new Date(s.startsAt).getTime() > now.getTime())
    .filter((s) => findOverlaps(repos, offer.interviewerIds, s.startsAt, offer.durationMin).length === 0);
}

export type PickResult = { ok: true; interviewId: number } | { ok: false; reason: 'taken' | 'closed' };

class PickRefused extends Error {
  constructor(readonly reason: 'taken' | 'closed') {
    super(reason);
  }
}

const isConstraint = (e: unknown) =>
  e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');

/**
 * The candidate picks a time. One IMMEDIATE transaction (other processes wait for it): the conditional update books the offer only while it
 * is open (a second tab loses), each (interviewer, start) is claimed under a primary key and checked
 * against the interviewers' other interviews (a second candidate loses); the loser changes nothing.
 */
export function pickSlot(repos: Repos, actor: Actor, deps: CalendarDeps, offerId: number, slotId: number, now: Date): PickResult {
  try {
    return repos.calendar.immediate((): PickResult => {
      const offer = repos.calendar.offer(offerId);
      const candidate = offer?.candidateId ? repos.candidates.get(offer.candidateId) : undefined;
      if (!offer || !candidate || offerState(offer, offer.candidateStage, now) !== 'open') throw new PickRefused('closed');
      const slot = repos.calendar.slots(offerId).find((s) => s.id === slotId);
      if (!slot || new Date(slot.startsAt).getTime() <= now.getTime()) throw new PickRefused('taken');
      const vacancy = repos.vacancies.findById(candidate.vacancyId);
      if (!vacancy) throw new PickRefused('closed');
      if (findOverlaps(repos, offer.interviewerIds, slot.startsAt, offer.durationMin).length > 0) throw new PickRefused('taken');
      const id = repos.interviews.create(
        {
          candidateId: candidate.id,
          stage: offer.stage,
          scheduledAt: slot.startsAt,
          durationMin: offer.durationMin,
          location: offer.location,
          // The HR user who made the offer (NULL once that account is deleted).
          createdBy: offer.createdBy as number,
        },
        offer.interviewerIds,
        kitFor(repos, candidate.id, vacancy, offer.stage),
      );
      if (!repos.calendar.book(offerId, id, now.toISOString())) throw new PickRefused('closed');
      for (const u of offer.interviewerIds) repos.calendar.claim(u, slot.startsAt, id);
      auditLine(repos, actor, 'slots.pick', { type: 'interview', id }, { offerId, startsAt: slot.startsAt });
      // The stage moves on the HR user's offer that the candidate took up.
      if (offer.createdBy !== null) advanceForWork(repos, candidate, 'interview_scheduled', { ...actor, userId: offer.createdBy });
      const lang = candidateLang(repos, candidate);
      notify(repos, actor, deps, id, 'invitation', templateFor(repos, 'interview_invitation', lang));
      return { ok: true, interviewId: id };
    });
  } catch (e) {
    if (e instanceof PickRefused) return { ok: false, reason: e.reason };
    if (isConstraint(e)) return { ok: false, reason: 'taken' };
    throw e;
  }
}
