import { z } from 'zod';
import { phoneE164 } from './contacts.js';
import { msg } from './messages.js';

export const PIPELINE = ['new', 'screening', 'interview', 'take_home', 'offer', 'hired', 'rejected'] as const;
export type PipelineStage = (typeof PIPELINE)[number];
export const SOURCES = ['hh', 'linkedin', 'superjob', 'referral', 'agency', 'career_site', 'import', 'other'] as const;
export type Source = (typeof SOURCES)[number];
export const CONSENT_VERSION = 'pd-consent-2026-01';
export const MAX_RESUME_CHARS = 100_000;

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * The phone as duplicates are matched on: E.164 by libphonenumber-js, a number without a country code
 * read as Russian, so «8 (916) 555-12-34» equals "+7 916 5551234". Null when it cannot be a phone.
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  return phoneE164(phone);
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg('errors.too_long', { max }))
    .default('')
    .transform((v) => (v === '' ? null : v));

export const candidateFormSchema = z.object({
  full_name: z
    .string()
    .trim()
    .min(1, 'errors.required')
    .max(200, msg('errors.too_long', { max: 200 })),
  email: optionalTrimmed(200).refine((v) => v === null || (EMAIL_RE.test(v) && !/\s/.test(v)), 'errors.email'),
  phone: optionalTrimmed(50).refine((v) => v === null || normalizePhone(v) !== null, 'errors.phone'),
  city: optionalTrimmed(100),
  source: z.enum(SOURCES, { error: 'errors.choice' }),
  resume_text: z
    .string()
    .max(MAX_RESUME_CHARS, msg('errors.too_long', { max: MAX_RESUME_CHARS }))
    .default(''),
  cover_letter: optionalTrimmed(20_000),
  consent: z.literal('1', { error: 'errors.consent_required' }),
  consent_date: z.iso.date({ error: 'errors.date' }),
  confirm_duplicate: z.literal('1').optional(),
  pending: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,64}$/)
    .optional()
    .catch(undefined),
});
export type CandidateForm = z.infer<typeof candidateFormSchema>;

export function consentDateProblem(date: string, today: string): string | null {
  return date > today ? 'errors.date_future' : null;
}

// Search text and queries live in search.ts; re-exported for the callers that know them from here.
export { ftsQuery, searchable } from './search.js';
