/** Calendar days in a user's time zone (Intl, no library needed: only the date is asked for). */

export const DEFAULT_ZONE = 'Europe/Moscow';

/** Zones a user may choose: the IANA names this Node knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export function zoneOf(user: { time_zone?: string | null }): string {
  const z = user.time_zone;
  return z && isTimeZone(z) ? z : DEFAULT_ZONE;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dayKey(at: Date, zone: string): string {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, f);
  }
  return f.format(at);
}

/** The date after a YYYY-MM-DD date. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A date and time as a reader in `zone` sees it, with the zone named (mail has no browser to convert it). */
export function formatInZone(iso: string, zone: string, lang: 'ru' | 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
  return `${text} (${zone})`;
}
