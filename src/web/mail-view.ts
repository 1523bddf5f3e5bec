import type { Request } from 'express';
import type { Candidate } from '../db/candidates.js';
import type { Vacancy } from '../db/vacancies.js';
import type { TemplateKey, TemplateVars } from '../domain/mail/message.js';
import { fillKnown, renderTemplate, type RenderedMail } from '../domain/mail/render.js';
import { composeSchema, firstNameOf, TEMPLATE_VOCABULARY } from '../domain/mail/vocabulary.js';
import { vacancyTitle } from '../domain/vacancy.js';
import { templateFor } from '../services/mail.js';
import { formatters } from './i18n.js';
import { userOf } from './types.js';
import { parseForm, type FieldErrors } from './validation.js';

/**
 * "Send to the candidate" next to an action (assigning a task, rejecting): the template in force in
 * the candidate's language, filled with what is known now and editable before sending.
 */

/** The values every letter to a candidate can use, in the candidate's language. */
export function candidateVars(req: Request, c: Candidate, v: Vacancy): TemplateVars {
  return {
    candidate: { name: c.fullName, first_name: firstNameOf(c.fullName), full_name: c.fullName },
    vacancy: { title: vacancyTitle(v, c.lang) },
    sender: { name: userOf(req).display_name },
  };
}

/** A date and time as the letter's reader expects it, with the zone named (the app's times are Moscow time). */
export function mailDateTime(iso: string, lang: 'ru' | 'en'): string {
  return `${formatters(lang).dateTime(iso)} (${lang === 'ru' ? 'МСК' : 'Moscow time'})`;
}

export interface ComposeValues {
  send_mail: string;
  mail_to: string;
  mail_subject: string;
  mail_body: string;
}

/** The form's first values: the address on the card, the template with today's values filled in. */
export function composeDefaults(req: Request, key: TemplateKey, c: Candidate, vars: TemplateVars, send: boolean): ComposeValues {
  const t = templateFor(req.ctx.repos, key, c.lang);
  return {
    send_mail: send ? '1' : '',
    mail_to: c.email ?? '',
    mail_subject: fillKnown(t.subject, vars),
    mail_body: fillKnown(t.body, vars),
  };
}

/** The placeholders still allowed in the edited letter (filled at sending), for the hint under the body. */
export const placeholderHint = (key: TemplateKey) => TEMPLATE_VOCABULARY[key].map((p) => `{{${p}}}`).join(', ');

export type ComposeResult =
  | { send: false }
  | { send: true; to: string; subject: string; body: string }
  | { send: null; errors: FieldErrors };

/** Reads the compose fields; nothing to check when the box is not ticked. */
export function parseCompose(key: TemplateKey, body: Record<string, unknown>): ComposeResult {
  if (body.send_mail !== '1') return { send: false };
  const parsed = parseForm(composeSchema(key), body);
  if (!parsed.ok) return { send: null, errors: parsed.errors };
  return { send: true, to: parsed.data.mail_to, subject: parsed.data.mail_subject, body: parsed.data.mail_body };
}

/** The letter as it goes out: HR's subject and body with the remaining placeholders filled. */
export function renderCompose(m: { subject: string; body: string }, vars: TemplateVars): RenderedMail {
  return renderTemplate({ subject: m.subject, body: m.body }, vars);
}
