/**
 * Faults of the storage under DATA_DIR, told apart from bugs: the disk (or the database's size
 * limit) is full, or the folder is not writable. They are the host's condition, not the request's:
 * the app answers 503 ("nothing was saved"), keeps running, and works again once space returns.
 */
export type StorageFault = 'full' | 'not_writable';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_PERM']);

/** The fault behind err (or its cause), or null when err is something else. */
export function storageFault(err: unknown): StorageFault | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (FULL.has(code) || code.startsWith('SQLITE_IOERR')) return 'full';
    if (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY')) return 'not_writable';
  }
  return null;
}
