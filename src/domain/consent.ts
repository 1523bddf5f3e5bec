/**
 * Consent to the processing of a candidate's personal data (152-FZ as in force since 1 September 2025):
 * a separate document, its text versioned, the answer kept with the exact text, time, address and browser.
 * Pure rules: which answer may follow which, how long a link lives, when erasure is due.
 */

export const CONSENT_STATES = ['not_requested', 'requested', 'given', 'declined', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const CONSENT_SOURCES = ['link', 'paper', 'job_board', 'hr_recorded'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
/** What HR may record by hand. */
export const MANUAL_SOURCES = ['paper', 'job_board'] as const;

/** Every state an event can lead to (nothing leads back to «not requested»). */
export type StoredConsentState = Exclude<ConsentState, 'not_requested'>;

export type ConsentEvent = 'request' | 'accept' | 'decline' | 'withdraw' | 'record';

/**
 * The state after an event, or null when the event is not allowed in that state:
 * - HR asks (again) while there is no answer or the answer was no;
 * - the candidate accepts or declines a request (and may still accept after declining);
 * - a given consent can only be withdrawn, and a withdrawn one is final (erasure follows);
 * - HR records a consent obtained elsewhere (paper, job board) unless it was withdrawn.
 * A consent HR only ticked on the old form ("recorded by HR", no document behind it) may be replaced
 * by a proper one: HR may ask for it by link or record the paper or job-board document.
 */
export function nextConsentState(state: ConsentState, event: ConsentEvent, source: ConsentSource | null = null): StoredConsentState | null {
  const replaceable = state === 'given' && source === 'hr_recorded';
  switch (event) {
    case 'request':
      return state === 'not_requested' || state === 'requested' || state === 'declined' || replaceable ? 'requested' : null;
    case 'accept':
      return state === 'requested' || state === 'declined' ? 'given' : null;
    case 'decline':
      return state === 'requested' ? 'declined' : null;
    case 'withdraw':
      return state === 'given' ? 'withdrawn' : null;
    case 'record':
      return state === 'not_requested' || state === 'requested' || state === 'declined' || replaceable ? 'given' : null;
  }
}

/** A consent link answers a request for this long; withdrawing through it is possible for as long as the consent stands. */
export const CONSENT_LINK_DAYS = 14;
/** The law gives 30 days from the withdrawal; the job erases a day earlier, so a server stopped for a day still keeps the term. */
export const ERASURE_LEGAL_DAYS = 30;
export const ERASURE_AFTER_DAYS = ERASURE_LEGAL_DAYS - 1;

const DAY = 86_400_000;

export function linkExpiresAt(now: Date): string {
  return new Date(now.getTime() + CONSENT_LINK_DAYS * DAY).toISOString();
}

export function erasureDueAt(withdrawnAt: Date): string {
  return new Date(withdrawnAt.getTime() + ERASURE_AFTER_DAYS * DAY).toISOString();
}

/** Whether the link may still be used to accept or decline (withdrawal does not expire). */
export function canAnswer(state: ConsentState, expiresAt: string | null, now: Date): boolean {
  if (state !== 'requested' && state !== 'declined') return false;
  return expiresAt !== null && Date.parse(expiresAt) > now.getTime();
}

/** Fills the document's {{operator}} and {{vacancy}}; the result is what the candidate reads and what is kept. */
export function fillConsentText(body: string, values: { operator: string; vacancy: string }): string {
  return body.replace(/\{\{\s*(operator|vacancy)\s*\}\}/g, (_m, k: 'operator' | 'vacancy') => values[k]);
}

/** Categories of personal data the erasure removes, as listed in a destruction record. */
export const ERASED_CATEGORIES = [
  'identity',
  'contacts',
  'resume',
  'files',
  'screening_evidence',
  'interview_notes',
  'take_home_work',
  'grader_comments',
  'consent_technical',
] as const;

/** The first name for a greeting: «Иванова Анна Сергеевна» → Анна (surname first when a patronymic follows), "Anna Ivanova" → Anna. */
export function firstNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 3 && /(?:вич|вна|ична|оглы|кызы)$/iu.test(words[2] as string)) return words[1] as string;
  return words[0] ?? fullName;
}
