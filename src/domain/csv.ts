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
