/** CSV for Excel: a byte-order mark so it reads Cyrillic as UTF-8, cells it opens as text. */

export const CSV_BOM = '\ufeff';

/** A CSV cell that Excel opens as text: quoted, and never read as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with the given separator (`;` for Russian Excel, `,` for English), CRLF-terminated. */
export function csvLine(cells: readonly unknown[], sep: ';' | ','): string {
  return `${cells.map(csvCell).join(sep)}\r\n`;
}

/**
 * How numbers and times are written in a CSV for the spreadsheet that opens it: with `;` (Russian Excel) a
 * decimal comma, with `,` a decimal point; a time as a local date and time in the given zone (Moscow by
 * default), in the form that spreadsheet reads as a date: `02.12.2026 14:05` with `;`, `2026-12-02 14:05` with `,`.
 */
export function csvFormat(sep: ';' | ',', timeZone = 'Europe/Moscow') {
  const number = new Intl.NumberFormat(sep === ';' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 2, useGrouping: false });
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    /** A number (or a numeric string from SQL); anything else, and null, stays as it is. */
    number: (v: unknown): unknown => {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      return typeof n === 'number' && Number.isFinite(n) ? number.format(n) : v;
    },
    /** An ISO time (UTC, as stored) as a local date and time. */
    dateTime: (iso: string): string => {
      const d = new Date(/Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
      if (Number.isNaN(d.getTime())) return iso;
      const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
      return sep === ';' ? `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    },
  };
}
