import type { Request } from 'express';
import { z } from 'zod';
import { isTimeZone } from '../domain/calendar/ics.js';
import type { Lang } from '../domain/bank/schema.js';
import { placeholdersOf, UnknownPlaceholderError } from '../domain/mail/render.js';
import type { BusyInterview } from '../db/calendar.js';
import type { CalendarDeps, CandidateMessage } from '../services/calendar.js';
import { translator } from './i18n.js';
import type { FieldErrors } from './validation.js';

/** An IANA time zone field (users' own zone); checkTimeZone says whether Intl knows it. */
export const timeZoneField = z.string().trim().min(1, 'errors.required').max(64, 'errors.too_long');

/** The error for a zone Intl does not know, in the field's place (undefined when it is fine). */
export function checkTimeZone(errors: FieldErrors, value: string | undefined, field = 'time_zone'): void {
  if (value !== undefined && !errors[field] && !isTimeZone(value)) errors[field] = { key: 'calendar.error_time_zone' };
}

/** What the calendar use-cases need from the app: its public address and its messages. */
export function calendarDeps(req: Request): CalendarDeps {
  return { publicUrl: req.ctx.config.publicUrl, texts: (lang: Lang) => translator(lang) };
}

/**
 * The candidate's message from a form (send_to_candidate, mail_subject, mail_body): null when HR
 * unticked "send", or the field errors that stop it (no address, an empty subject or body).
 */
export function messageFromForm(
  data: { send_to_candidate?: string; mail_subject: string; mail_body: string },
  candidateEmail: string | null,
): { message: CandidateMessage; errors: FieldErrors } {
  if (data.send_to_candidate !== '1') return { message: null, errors: {} };
  const errors: FieldErrors = {};
  if (!candidateEmail) errors.send_to_candidate = { key: 'calendar.error_no_email' };
  if (!data.mail_subject) errors.mail_subject = { key: 'errors.required' };
  if (!data.mail_body) errors.mail_body = { key: 'errors.required' };
  return { message: { subject: data.mail_subject, body: data.mail_body }, errors };
}

/** A template hole found while sending, as an error at the field that has it. */
export function placeholderErrors(e: UnknownPlaceholderError, message: NonNullable<CandidateMessage>): FieldErrors {
  const names = e.placeholders.map((p) => `{{${p}}}`).join(', ');
  const inSubject = placeholdersOf({ subject: message.subject, body: '' }).some((p) => e.placeholders.includes(p));
  return { [inSubject ? 'mail_subject' : 'mail_body']: { key: 'calendar.error_placeholder', params: { names } } };
}

/** The labels of the when-and-where and letter fields that scheduling and moving an interview share, for errorLinks. */
export function interviewFieldLabels(t: (key: string) => string): Record<string, string> {
  return {
    date: t('interviews.date'),
    time: t('interviews.time'),
    duration_min: t('interviews.duration'),
    location: t('interviews.location'),
    send_to_candidate: t('calendar.send_to_candidate'),
    mail_subject: t('calendar.mail_subject'),
    mail_body: t('calendar.mail_body'),
  };
}

/** Overlaps as the warning lists them: who, with which other candidate, when. */
export function overlapView(req: Request, list: BusyInterview[]) {
  return list.map((b) => ({
    interviewId: b.interviewId,
    interviewer: b.interviewerName,
    candidate: b.candidateName,
    when: req.ctx.fmt.dateTime(b.scheduledAt),
    durationMin: b.durationMin,
  }));
}

export { UnknownPlaceholderError };
