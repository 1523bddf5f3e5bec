/**
 * Everything under DATA_DIR is private to the account that runs the app: the database holds live
 * session ids (and the session secret unless SESSION_SECRET is set), the files folder holds
 * resumes. Folders are 0700, files 0600.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * From now on, files and folders this process creates — including the database's -wal and -shm
 * files, backups and uploads — get no group or other permissions.
 */
export function restrictNewFiles(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; they create nothing under DATA_DIR.
  }
}

/** Creates DATA_DIR (0700) if needed and takes group/other permissions off what is already in it. */
export function keepDataPrivate(dataDir: string): void {
  restrictNewFiles();
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dataDir);
}

function tighten(path: string): void {
  const st = lstatSync(path);
  // A symlink's target is not ours to change.
  if (st.isSymbolicLink()) return;
  const want = st.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
  if ((st.mode & 0o077) !== 0) chmodSync(path, st.mode & want);
  if (st.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name));
}

/** mkdir -p with 0700 for the folders it creates. */
export function privateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** chmod 0600, for files made by something that ignores the umask. */
export function privateFile(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** DATA_DIR cannot be used; the message is one line saying what is wrong and what to do. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

function advice(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'the disk is full: free some space';
  if (code === 'EROFS') return 'it is on a read-only file system: set DATA_DIR to a writable folder';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of the path is a file, not a folder: set DATA_DIR to a folder';
  return 'give the account that runs KAM Hire write access to it, or set DATA_DIR to another folder';
}

/** Explains a failure to use DATA_DIR (or the database in it) in one line. */
export function dataDirProblem(what: string, e: unknown): DataDirError {
  const code = (e as { code?: string } | null)?.code;
  return new DataDirError(`Cannot start: ${what} is not usable${code ? ` (${code})` : ''}: ${advice(code)}.`);
}

/**
 * Checked before anything else at start: DATA_DIR exists or can be created, is a folder, and a
 * file can be written in it. Throws DataDirError with a one-line explanation otherwise.
 */
export function checkDataDir(dataDir: string): void {
  const what = `DATA_DIR ${dataDir}`;
  try {
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (e) {
    throw dataDirProblem(what, e);
  }
  if (!statSync(dataDir).isDirectory()) throw dataDirProblem(what, { code: 'ENOTDIR' });
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    writeFileSync(probe, 'ok', { mode: PRIVATE_FILE_MODE });
  } catch (e) {
    throw dataDirProblem(what, e);
  } finally {
    rmSync(probe, { force: true });
  }
}
