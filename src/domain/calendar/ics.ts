import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

export { isTimeZone } from '../time-zone.js';

/** The zones offered in pickers: Russia's zones first, then the rest of the runtime's list. */
export function timeZoneChoices(): string[] {
  const russian = [
    'Europe/Kaliningrad',
    'Europe/Moscow',
    'Europe/Samara',
    'Asia/Yekaterinburg',
    'Asia/Omsk',
    'Asia/Novosibirsk',
    'Asia/Krasnoyarsk',
    'Asia/Irkutsk',
    'Asia/Yakutsk',
    'Asia/Vladivostok',
    'Asia/Magadan',
    'Asia/Kamchatka',
  ];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...russian, ...all.filter((z) => !russian.includes(z))];
}

/** A stable iCalendar UID for an interview: the same on the first invitation, every update and the cancellation. */
export function interviewUid(interviewId: number, siteId: string): string {
  return `interview-${interviewId}@${siteId}`;
}

/** The site's id for UIDs: the host of its public address (e.g. hire.example.ru). */
export function siteIdOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).host || 'kam-hire.local';
  } catch {
    return 'kam-hire.local';
  }
}

export interface IcsPerson {
  name: string;
  email: string | null;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  startsAt: string;
  durationMin: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  organizer: IcsPerson | null;
  attendees: IcsPerson[];
}

const endOf = (startsAt: string, durationMin: number) => new Date(new Date(startsAt).getTime() + durationMin * 60_000).toISOString();

function addEvent(cal: ReturnType<typeof ical>, e: IcsEvent, timeZone: string, stamp: Date) {
  cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp,
    start: new TZDate(e.startsAt, timeZone),
    end: new TZDate(endOf(e.startsAt, e.durationMin), timeZone),
    timezone: timeZone,
    summary: e.summary,
    description: e.description,
    location: e.location,
    url: e.url,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer?.email ? { name: e.organizer.name, email: e.organizer.email } : null,
    attendees: e.attendees.flatMap((a) =>
      a.email
        ? [{ name: a.name, email: a.email, rsvp: !e.cancelled, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }]
        : [],
    ),
  });
}

const calendar = (method: ICalCalendarMethod | null, name?: string) =>
  ical({
    prodId: { company: 'KAM Hire', product: 'Interviews', language: 'RU' },
    method,
    name: name ?? null,
    // name: null keeps DTSTAMP in UTC; the generator adds a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  });

/**
 * One invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one interview, its times
 * written in the reader's zone with that zone's VTIMEZONE, so calendars place it right.
 */
export function invitationIcs(e: IcsEvent, timeZone: string, now = new Date()): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const method = e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const cal = calendar(method);
  addEvent(cal, e, timeZone, now);
  return { method: e.cancelled ? 'CANCEL' : 'REQUEST', content: cal.toString() };
}

/** A subscribed feed (no METHOD: it is published, not an invitation) of a person's interviews. */
export function feedIcs(name: string, events: IcsEvent[], timeZone: string, now = new Date()): string {
  const cal = calendar(null, name);
  for (const e of events) addEvent(cal, e, timeZone, now);
  return cal.toString();
}
