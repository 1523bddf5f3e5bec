import { z } from 'zod';
import { INTERVIEW_STAGES, localToIso } from '../interview.js';
import { msg } from '../messages.js';
import { candidateLinksOpen } from '../policy.js';

/** How many time rows the offer form has; the candidate needs at least two to choose from. */
export const SLOT_ROWS = 5;
export const MIN_SLOTS = 2;

/** Two intervals [start, start + duration) share at least a minute. */
export function overlaps(aStart: string, aMin: number, bStart: string, bMin: number): boolean {
  const a0 = new Date(aStart).getTime();
  const b0 = new Date(bStart).getTime();
  return a0 < b0 + bMin * 60_000 && b0 < a0 + aMin * 60_000;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time');
const optionalText = (max: number) => z.string().trim().max(max, msg('errors.too_long', { max })).default('');

/** The candidate's message as HR leaves it (subject and Markdown body with {{placeholders}}), when sending. */
export const messageFields = {
  send_to_candidate: z.literal('1').optional(),
  mail_subject: optionalText(300),
  mail_body: optionalText(20_000),
};

const slotRows = Object.fromEntries(
  Array.from({ length: SLOT_ROWS }, (_, n) => [
    [`slot${n + 1}_date`, z.union([z.literal(''), z.iso.date({ error: 'errors.date' })]).default('')],
    [`slot${n + 1}_time`, z.union([z.literal(''), time]).default('')],
  ]).flat(),
) as Record<string, z.ZodDefault<z.ZodUnion<[z.ZodLiteral<''>, z.ZodString]>>>;

export const slotOfferFormSchema = z
  .object({
    stage: z.enum(INTERVIEW_STAGES, { error: 'errors.choice' }),
    duration_min: z.coerce
      .number({ error: 'errors.number' })
      .int('errors.integer')
      .min(15, msg('errors.range', { min: 15, max: 240 }))
      .max(240, msg('errors.range', { min: 15, max: 240 })),
    location: optionalText(500),
    interviewers: z.preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.coerce.number().int().positive()).min(1, 'errors.interviewers_required').max(10),
    ),
    expires_days: z.coerce
      .number({ error: 'errors.number' })
      .int('errors.integer')
      .min(1, msg('errors.range', { min: 1, max: 14 }))
      .max(14, msg('errors.range', { min: 1, max: 14 })),
    ...slotRows,
    ...messageFields,
  })
  .superRefine((f, ctx) => {
    const rec = f as unknown as Record<string, string>;
    for (let n = 1; n <= SLOT_ROWS; n += 1) {
      const d = rec[`slot${n}_date`];
      const t = rec[`slot${n}_time`];
      if (d && !t) ctx.addIssue({ code: 'custom', path: [`slot${n}_time`], message: 'errors.time' });
      if (t && !d) ctx.addIssue({ code: 'custom', path: [`slot${n}_date`], message: 'errors.date' });
    }
  });
export type SlotOfferForm = z.infer<typeof slotOfferFormSchema>;

export type SlotProblem = { field: string; key: string };

/**
 * The filled rows of the offer form as instants (Moscow wall time → UTC), with the problems that
 * stop an offer: fewer than two times, a time in the past, the same time twice.
 */
export function offeredTimes(form: SlotOfferForm, now: Date): { times: string[]; problems: SlotProblem[] } {
  const rec = form as unknown as Record<string, string>;
  const times: string[] = [];
  const problems: SlotProblem[] = [];
  for (let n = 1; n <= SLOT_ROWS; n += 1) {
    const d = rec[`slot${n}_date`];
    const t = rec[`slot${n}_time`];
    if (!d || !t) continue;
    const iso = localToIso(d, t);
    if (!iso) problems.push({ field: `slot${n}_date`, key: 'errors.date' });
    else if (new Date(iso).getTime() <= now.getTime()) problems.push({ field: `slot${n}_date`, key: 'slots.error_past' });
    else if (times.includes(iso)) problems.push({ field: `slot${n}_date`, key: 'slots.error_duplicate' });
    else times.push(iso);
  }
  if (times.length + problems.length < MIN_SLOTS) problems.push({ field: 'slot1_date', key: 'slots.error_two_slots' });
  return { times: times.sort(), problems };
}

export type OfferState = 'open' | 'expired' | 'booked' | 'withdrawn';

/** Whether the candidate's link still lets them pick: the candidate still in the process, unbooked, unexpired. */
export function offerState(
  offer: { status: 'open' | 'booked'; expiresAt: string; candidateId: number | null },
  candidateStage: string | null,
  now: Date,
): OfferState {
  // The candidate's stage is null once their data is erased (or the row is gone).
  if (offer.candidateId === null || !candidateLinksOpen({ stage: candidateStage ?? '', erased: candidateStage === null }))
    return 'withdrawn';
  if (offer.status === 'booked') return 'booked';
  if (new Date(offer.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** A time shown to a person: date and time in their zone, with the zone's UTC offset. */
export function formatInZone(iso: string, lang: 'ru' | 'en', timeZone: string): { date: string; time: string; offset: string } {
  const d = new Date(iso);
  const tag = lang === 'ru' ? 'ru-RU' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'long', timeZone }).format(d);
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  const offset =
    new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', 'UTC') ?? 'UTC';
  return { date, time, offset: offset === 'UTC' ? 'UTC+00:00' : offset };
}
