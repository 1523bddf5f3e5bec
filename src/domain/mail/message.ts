import type { Lang } from '../bank/schema.js';

/**
 * Every message the app sends is one of these templates (defaults in mail-templates/<key>.<lang>.md,
 * editable by HR) or a 'custom' message written by hand.
 */
export const TEMPLATE_KEYS = [
  'consent_request',
  'interview_invitation',
  'interview_changed',
  'interview_cancelled',
  'slot_offer',
  'take_home_task',
  'take_home_deadline_reminder',
  'submission_thanks',
  'rejection',
  'offer_invitation',
  'scorecard_reminder',
  'grading_reminder',
  'consent_withdrawn',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type MailKind = TemplateKey | 'custom';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (an .ics invitation); binary attachments are not sent by the app. */
  content: string;
  /** iCalendar METHOD (REQUEST, CANCEL) when the attachment is an invitation. */
  method?: string;
}

export interface MailAddress {
  address: string;
  name?: string | null;
}

/** A message ready to be queued: subject and bodies already rendered. */
export interface OutgoingMail {
  kind: MailKind;
  lang: Lang;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** The candidate the message is about (its timeline shows it). */
  candidateId?: number | null;
  /** The recipient when it is a user of the app. */
  userId?: number | null;
}

/** Values for {{placeholders}}: nested objects, e.g. { candidate: { first_name: 'Анна' } }. */
export type TemplateVars = { [key: string]: string | number | null | undefined | TemplateVars };

/** Looks up a dotted placeholder ("candidate.first_name") in vars; undefined when it is not there. */
export function lookupVar(vars: TemplateVars, path: string): string | undefined {
  let cur: TemplateVars | string | number | null | undefined = vars;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  if (cur === null || cur === undefined || typeof cur === 'object') return undefined;
  return String(cur);
}
