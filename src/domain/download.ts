/**
 * Headers for every file the app hands out. The type comes from the kind the server verified by
 * content when the file arrived — never from the uploader's name or browser — and the name's
 * extension is made to match it, so `solution.js` or `run.bat` submitted as plain text download
 * as `solution.txt` / `run.txt`, text/plain. Anything not in the allowed list is served as
 * application/octet-stream. Always an attachment, always nosniff.
 */

export const SERVED_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  rtf: 'application/rtf',
  txt: 'text/plain; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

const MAX_STEM = 120;

/** The verified kind of a stored file from its storage name (`<sha256>.<kind>`). */
export function storedKind(storageName: string): string {
  return /\.([a-z0-9]+)$/.exec(storageName)?.[1] ?? '';
}

/** A file name whose extension is the verified kind's, without paths, controls or quoting tricks. */
export function safeDownloadName(name: string, kind: string): string {
  const ext = kind in SERVED_TYPES ? kind : 'bin';
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    // Control and bidi-override characters, and what Windows forbids in names.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_STEM);
  return `${stem === '' ? 'file' : stem}.${ext}`;
}

function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Type, Content-Disposition (ASCII fallback plus RFC 5987 UTF-8 name) and nosniff. */
export function downloadHeaders(name: string, kind: string): Record<string, string> {
  const filename = safeDownloadName(name, kind);
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return {
    'Content-Type': SERVED_TYPES[kind] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`,
    'X-Content-Type-Options': 'nosniff',
  };
}
