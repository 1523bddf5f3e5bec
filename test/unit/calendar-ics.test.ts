import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { feedIcs, interviewUid, invitationIcs, isTimeZone, siteIdOf, type IcsEvent } from '../../src/domain/calendar/ics.js';
import { formatInZone, offeredTimes, offerState, overlaps, slotOfferFormSchema } from '../../src/domain/calendar/slots.js';

// Every invitation is read back with ical.js, as a calendar would import it.
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const vevent = root.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { root, vevent, event: new ICAL.Event(vevent) };
}

const base = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: interviewUid(42, siteIdOf('https://hire.example.ru')),
  sequence: 0,
  startsAt: '2026-12-10T08:00:00.000Z', // 11:00 in Moscow
  durationMin: 60,
  summary: 'Собеседование: KAM',
  description: 'Оценочная карта: https://hire.example.ru/interviews/42/scorecard',
  location: 'Zoom',
  url: 'https://hire.example.ru/interviews/42/scorecard',
  cancelled: false,
  organizer: { name: 'Мария HR', email: 'hr@example.ru' },
  attendees: [{ name: 'Анна Петрова', email: 'anna@example.ru' }],
  ...over,
});

describe('calendar invitations (ical-generator, read back with ical.js)', () => {
  it('is a METHOD:REQUEST with a stable UID built from the interview id and the site', () => {
    const a = invitationIcs(base(), 'Europe/Moscow');
    const b = invitationIcs(base({ sequence: 3, startsAt: '2026-12-11T08:00:00.000Z' }), 'Asia/Novosibirsk');
    expect(a.method).toBe('REQUEST');
    const pa = parse(a.content);
    const pb = parse(b.content);
    expect(pa.root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(pa.event.uid).toBe('interview-42@hire.example.ru');
    expect(pb.event.uid).toBe(pa.event.uid);
    expect(pa.event.sequence).toBe(0);
    expect(pb.event.sequence).toBe(3);
    expect(pa.event.summary).toBe('Собеседование: KAM');
    expect(pa.event.location).toBe('Zoom');
    expect(String(pa.vevent.getFirstPropertyValue('organizer'))).toBe('mailto:hr@example.ru');
    expect(pa.event.attendees.map((x) => String(x.getFirstValue()).toLowerCase())).toEqual(['mailto:anna@example.ru']);
    expect(pa.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('writes the cancellation as METHOD:CANCEL with the same UID, a higher SEQUENCE and STATUS:CANCELLED', () => {
    const c = invitationIcs(base({ sequence: 2, cancelled: true }), 'Europe/Moscow');
    expect(c.method).toBe('CANCEL');
    const p = parse(c.content);
    expect(p.root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(p.event.uid).toBe('interview-42@hire.example.ru');
    expect(p.event.sequence).toBe(2);
    expect(p.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it.each([
    ['Europe/Moscow', '11:00', 3 * 3600],
    ['Asia/Novosibirsk', '15:00', 7 * 3600],
    ['Europe/London', '08:00', 0],
  ])('places the interview right in %s (local %s, the same instant everywhere)', (zone, local, offset) => {
    const { content } = invitationIcs(base(), zone);
    expect(content).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
    expect(content).toContain(`DTSTART;TZID=${zone}:20261210T${local.replace(':', '')}00`);
    const { event } = parse(content);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(event.startDate.zone?.tzid).toBe(zone);
    expect(event.startDate.utcOffset()).toBe(offset);
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(content).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it('follows summer time where a zone has it (London in July is UTC+1)', () => {
    const { content } = invitationIcs(base({ startsAt: '2026-07-01T08:00:00.000Z' }), 'Europe/London');
    const { event } = parse(content);
    expect(content).toContain('DTSTART;TZID=Europe/London:20260701T090000');
    expect(event.startDate.utcOffset()).toBe(3600);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('publishes a feed without METHOD, one event per interview, cancelled ones marked', () => {
    const text = feedIcs(
      'Interviews — Ivan',
      [base(), base({ uid: interviewUid(43, 'x'), cancelled: true, sequence: 1 })],
      'Asia/Novosibirsk',
    );
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.getFirstPropertyValue('method')).toBeNull();
    const events = root.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(['interview-42@hire.example.ru', 'interview-43@x']);
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
  });

  it('accepts only zones Intl knows', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Asia/Novosibirsk')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/Moscow; DROP TABLE')).toBe(false);
  });
});

describe('slots', () => {
  it('finds overlaps of half-open intervals', () => {
    expect(overlaps('2026-12-10T08:00:00Z', 60, '2026-12-10T08:30:00Z', 60)).toBe(true);
    expect(overlaps('2026-12-10T08:00:00Z', 60, '2026-12-10T09:00:00Z', 60)).toBe(false);
    expect(overlaps('2026-12-10T09:00:00Z', 30, '2026-12-10T08:00:00Z', 90)).toBe(true);
  });

  it('reads the offered times as Moscow wall time and refuses fewer than two, past or repeated ones', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const form = (rows: Record<string, string>) => {
      const r = slotOfferFormSchema.safeParse({ stage: 'competency', duration_min: '60', interviewers: ['1'], expires_days: '3', ...rows });
      if (!r.success) throw new Error(JSON.stringify(r.error.issues));
      return r.data;
    };
    const ok = offeredTimes(form({ slot1_date: '2026-12-10', slot1_time: '15:00', slot2_date: '2026-12-10', slot2_time: '11:00' }), now);
    expect(ok).toEqual({ times: ['2026-12-10T08:00:00.000Z', '2026-12-10T12:00:00.000Z'], problems: [] });
    expect(offeredTimes(form({ slot1_date: '2026-12-10', slot1_time: '11:00' }), now).problems).toEqual([
      { field: 'slot1_date', key: 'slots.error_two_slots' },
    ]);
    const bad = offeredTimes(
      form({
        slot1_date: '2026-11-10',
        slot1_time: '11:00',
        slot2_date: '2026-12-10',
        slot2_time: '11:00',
        slot3_date: '2026-12-10',
        slot3_time: '11:00',
      }),
      now,
    );
    expect(bad.problems).toEqual([
      { field: 'slot1_date', key: 'slots.error_past' },
      { field: 'slot3_date', key: 'slots.error_duplicate' },
    ]);
    const half = slotOfferFormSchema.safeParse({
      stage: 'competency',
      duration_min: '60',
      interviewers: ['1'],
      expires_days: '3',
      slot2_date: '2026-12-10',
    });
    expect(half.success).toBe(false);
    expect(half.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['slot2_time', 'errors.time']]);
  });

  it('closes a link once booked, after expiry, or when the candidate is rejected or erased', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const open = { status: 'open' as const, expiresAt: '2026-12-03T00:00:00Z', candidateId: 1 };
    expect(offerState(open, 'interview', now)).toBe('open');
    expect(offerState({ ...open, status: 'booked' }, 'interview', now)).toBe('booked');
    expect(offerState({ ...open, expiresAt: '2026-11-30T00:00:00Z' }, 'interview', now)).toBe('expired');
    expect(offerState(open, 'rejected', now)).toBe('withdrawn');
    expect(offerState({ ...open, candidateId: null }, null, now)).toBe('withdrawn');
  });

  it('shows a time in the reader zone with its offset', () => {
    expect(formatInZone('2026-12-10T08:00:00Z', 'en', 'Europe/Moscow')).toMatchObject({ time: '11:00', offset: 'UTC+03:00' });
    expect(formatInZone('2026-12-10T08:00:00Z', 'ru', 'Asia/Novosibirsk')).toMatchObject({ time: '15:00', offset: 'UTC+07:00' });
    expect(formatInZone('2026-12-10T08:00:00Z', 'en', 'Europe/London')).toMatchObject({ time: '08:00', offset: 'UTC+00:00' });
  });
});
