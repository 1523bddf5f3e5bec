let listed: ReadonlySet<string> | undefined;

/**
 * An IANA zone name the runtime knows (Intl is the judge), e.g. Europe/Moscow, Asia/Novosibirsk, UTC.
 *
 * The canonical names ICU lists answer first (a few milliseconds, once): the first `Intl.DateTimeFormat` made with a
 * time zone loads ICU's zone rules, about 35 ms, which a start that checks TIME_ZONE would otherwise pay before its
 * first answer. Any other name (an alias such as UTC or Europe/Kiev) is tried with a DateTimeFormat, as before.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  listed ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  if (listed.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
