import { z } from 'zod';
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

/** Digits only, with a Russian 8-prefix read as +7, so «8 (916) 123-45-67» equals "+7 916 1234567". */
export function normalizePhone(phone: string | null | undefined): string | null {
  let d = (phone ?? '').replace(/\D/g, '');
  if (d.length === 11 && d.startsWith('8')) d = `7${d.slice(1)}`;
  if (d.length === 10 && d.startsWith('9')) d = `7${d}`;
  return d.length >= 7 ? d : null;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE_RE = /(?:\+\s?\d|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/;
const NAME_LINE = /^\s*(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*$|^\s*(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s*$/;
const NOT_A_NAME = /^(Резюме|Опыт|Образование|Желаемая|Контакты|Ключевые|Навыки|Знание|Curriculum|Resume|Work|Experience|Education|Summary|Contact|Top|Skills|Languages|Certifications|Honors|Publications|Key|Sales|Category|Account|Trade|Business|Page|Менеджер|Manager)\b/i;

/** Contacts for bulk import, where nobody typed them: the first e-mail, phone and name-like line. */
export function guessContacts(text: string): { fullName: string | null; email: string | null; phone: string | null } {
  const head = text.slice(0, 4000);
  const email = EMAIL_RE.exec(head)?.[0] ?? null;
  const names = head
    .split('\n')
    .slice(0, 40)
    .map((l) => l.trim())
    .filter((l) => NAME_LINE.test(l) && !NOT_A_NAME.test(l));
  // LinkedIn exports put skills before the name; a line that shares a word with the e-mail is the safer pick.
  const local = email?.split('@')[0]?.toLowerCase().split(/[._-]+/) ?? [];
  const byEmail = names.find((n) => n.toLowerCase().split(/\s+/).some((w) => local.includes(w)));
  return { fullName: byEmail ?? names[0] ?? null, email, phone: PHONE_RE.exec(head)?.[0]?.trim() ?? null };
}

const optionalTrimmed = (max: number) =>
  z.string().trim().max(max, msg('errors.too_long', { max })).default('').transform((v) => (v === '' ? null : v));

export const candidateFormSchema = z
  .object({
    full_name: z.string().trim().min(1, 'errors.required').max(200, msg('errors.too_long', { max: 200 })),
    email: optionalTrimmed(200).refine((v) => v === null || EMAIL_RE.test(v) && !/\s/.test(v), 'errors.email'),
    phone: optionalTrimmed(50).refine((v) => v === null || normalizePhone(v) !== null, 'errors.phone'),
    source: z.enum(SOURCES, { error: 'errors.choice' }),
    resume_text: z.string().max(MAX_RESUME_CHARS, msg('errors.too_long', { max: MAX_RESUME_CHARS })).default(''),
    cover_letter: optionalTrimmed(20_000),
    consent: z.literal('1', { error: 'errors.consent_required' }),
    consent_date: z.iso.date({ error: 'errors.date' }),
    confirm_duplicate: z.literal('1').optional(),
    pending: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/).optional().catch(undefined),
  });
export type CandidateForm = z.infer<typeof candidateFormSchema>;

export function consentDateProblem(date: string, today: string): string | null {
  return date > today ? 'errors.date_future' : null;
}

/** ё and е are one letter for search; FTS5 does not fold them itself. */
export function searchable(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/**
 * Turns what a person types into a safe FTS5 query: every word quoted (so no FTS syntax can be
 * injected) and prefix-matched, all words required. Returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = searchable(input.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}
