import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { listMigrations, openDatabase, type DB } from '../db/connection.js';
import { PRIVATE_DIR_MODE, privateFile } from '../storage/private.js';

/** Backups live next to the database, so one DATA_DIR holds everything an install needs. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

export class BackupError extends Error {}

export interface BackupInfo {
  name: string;
  file: string;
  bytes: number;
  /** From the name (UTC), not the file's mtime, which a copy or a restore from tape changes. */
  takenAt: Date;
  kind: 'backup' | 'pre-restore';
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** How often a write from another connection made SQLite start the copy over. */
  restarts: number;
  removed: string[];
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  schemaVersion: number | null;
  counts: Record<string, number>;
}

export interface RestoreResult {
  target: string;
  safetyCopy: string | null;
  schemaVersion: number;
  migrationsApplied: number;
  counts: Record<string, number>;
}

const NAME = /^(pre-restore-)?kam-hire-(\d{8})-(\d{6})(?:-(\d+))?\.db$/;
const REQUIRED_TABLES = ['schema_migrations', 'users', 'settings', 'vacancies', 'candidates'];
const COUNTED_TABLES = ['users', 'vacancies', 'candidates', 'interviews', 'assignments', 'submissions', 'files', 'audit_log'];
// Small steps keep the event loop responsive if the server itself ever takes a backup.
const STEP_PAGES = 256;
const ALL_PAGES = 0x7fffffff;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Sorts "…-120000.db" after "…-115959-3.db" and "…-120000-2.db" after "…-120000.db", which plain string order does not. */
function sortKey(name: string): string | null {
  const m = NAME.exec(name);
  return m ? `${m[2]}${m[3]}${(m[4] ?? '1').padStart(6, '0')}` : null;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: (BackupInfo & { key: string })[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    const key = sortKey(name);
    if (!m || !key) continue;
    const file = join(dir, name);
    const st = statSync(file);
    if (!st.isFile()) continue;
    const [d, t] = [m[2]!, m[3]!];
    const takenAt = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`);
    out.push({ name, file, bytes: st.size, takenAt, kind: m[1] ? 'pre-restore' : 'backup', key });
  }
  return out.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)).map(({ key: _key, ...info }) => info);
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a directory for fsync; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Gives `tmp` its final name without ever replacing a file: two backups in the same second get "-2", "-3"… */
function placeUnderUniqueName(tmp: string, dir: string, prefix: string, now: Date): string {
  const base = `${prefix}kam-hire-${stamp(now)}`;
  for (let n = 1; ; n += 1) {
    const file = join(dir, n === 1 ? `${base}.db` : `${base}-${n}.db`);
    try {
      // link fails on an existing name where rename would silently overwrite another process's backup.
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      if (existsSync(file)) continue;
      renameSync(tmp, file); // file systems without hard links
      fsyncPath(dir);
      return file;
    }
    rmSync(tmp, { force: true });
    fsyncPath(dir);
    return file;
  }
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * The online backup API: a consistent snapshot while other connections keep writing (WAL readers do not block
 * writers). SQLite restarts the copy when another connection writes between steps, so after one restart the
 * rest goes in a single step, which cannot be interrupted, and a busy server cannot starve the backup.
 */
async function copyOnline(db: DB, dest: string): Promise<{ pages: number; restarts: number }> {
  let last = Number.POSITIVE_INFINITY;
  let restarts = 0;
  const meta = await db.backup(dest, {
    progress: ({ remainingPages }) => {
      if (remainingPages >= last) restarts += 1;
      last = remainingPages;
      return restarts > 0 ? ALL_PAGES : STEP_PAGES;
    },
  });
  return { pages: meta.totalPages, restarts };
}

/**
 * The copy carries the source's WAL flag; switching it to a rollback journal makes it a single self-contained
 * file, so opening it read-only later leaves no -wal/-shm files behind in the backups folder.
 */
function makeSelfContained(file: string): void {
  const conn = new Database(file, { fileMustExist: true });
  try {
    conn.pragma('journal_mode = DELETE');
  } finally {
    conn.close();
  }
}

function checkCopy(file: string): string[] {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = conn.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.map((r) => r.integrity_check).join() !== 'ok')
      problems.push(
        `integrity_check: ${integrity
          .slice(0, 5)
          .map((r) => r.integrity_check)
          .join('; ')}`,
      );
    const quick = conn.pragma('quick_check', { simple: true });
    if (quick !== 'ok') problems.push(`quick_check: ${String(quick)}`);
    return problems;
  } finally {
    conn.close();
  }
}

async function snapshot(
  db: DB,
  dir: string,
  prefix: string,
  now: Date,
  check: boolean,
): Promise<{ file: string; pages: number; restarts: number }> {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // A dot name that does not match NAME: a crash mid-copy leaves nothing that looks like a backup or gets pruned.
  const tmp = join(dir, `.${prefix}kam-hire-${process.pid}-${randomBytes(4).toString('hex')}.db.tmp`);
  try {
    const { pages, restarts } = await copyOnline(db, tmp);
    makeSelfContained(tmp);
    if (check) {
      const problems = checkCopy(tmp);
      if (problems.length > 0) throw new BackupError(`the backup copy failed its check, nothing was kept: ${problems.join(' | ')}`);
    }
    // A backup holds everything the database does: readable by the app's account only.
    privateFile(tmp);
    return { file: placeUnderUniqueName(tmp, dir, prefix, now), pages, restarts };
  } finally {
    removeWithSideFiles(tmp);
  }
}

/**
 * Backups (and pre-restore copies) older than this are deleted by every backup run and by the daily
 * retention job: data erased from the database is gone from every backup at most this long after.
 */
export const BACKUP_MAX_AGE_DAYS = 30;

/** Deletes backups taken more than maxAgeDays before now; returns the files removed. */
export function pruneExpiredBackups(dir: string, now = new Date(), maxAgeDays = BACKUP_MAX_AGE_DAYS): string[] {
  const cutoff = now.getTime() - maxAgeDays * 86_400_000;
  const removed: string[] = [];
  for (const b of listBackups(dir)) {
    if (b.takenAt.getTime() < cutoff) {
      rmSync(b.file, { force: true });
      removed.push(b.file);
    }
  }
  return removed;
}

/** Takes an online backup of `db` into `dir` as kam-hire-YYYYMMDD-HHMMSS.db (UTC), checks it, keeps the newest `keep`. */
export async function backupDatabase(
  db: DB,
  dir: string,
  opts: { keep?: number; now?: Date /** null: no age limit (default BACKUP_MAX_AGE_DAYS) */; maxAgeDays?: number | null } = {},
): Promise<BackupResult> {
  const keep = opts.keep ?? 14;
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`keep must be a whole number of at least 1, not ${keep}`);
  const { file, pages, restarts } = await snapshot(db, resolve(dir), '', opts.now ?? new Date(), true);
  // The new backup is never pruned, even when a clock set back makes it look older than the rest.
  const others = listBackups(dirname(file)).filter((b) => b.kind === 'backup' && b.file !== file);
  const removed: string[] = [];
  for (const old of others.slice(keep - 1)) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  if (opts.maxAgeDays !== null)
    for (const old of pruneExpiredBackups(dirname(file), opts.now ?? new Date(), opts.maxAgeDays ?? BACKUP_MAX_AGE_DAYS))
      if (old !== file) removed.push(old);
  return { file, bytes: statSync(file).size, pages, restarts, removed };
}

function readHeader(file: string): Buffer {
  const buf = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

function tableNames(conn: DB): Set<string> {
  return new Set((conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
}

function countTables(conn: DB, tables: Set<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    if (tables.has(t)) counts[t] = (conn.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
  }
  return counts;
}

/** Checks an open database the way a restore needs: intact, KAM Hire's, and not newer than this code. */
function inspect(conn: DB): { problems: string[]; schemaVersion: number | null; counts: Record<string, number> } {
  const problems: string[] = [];
  const integrity = (conn.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.join() !== 'ok') {
    problems.push(`the database is damaged (integrity_check: ${integrity.slice(0, 3).join('; ')}${integrity.length > 3 ? '; …' : ''})`);
  }
  const tables = tableNames(conn);
  let schemaVersion: number | null = null;
  if (!tables.has('schema_migrations')) {
    problems.push('this is not a KAM Hire database: it has no schema_migrations table');
    return { problems, schemaVersion, counts: {} };
  }
  const known = listMigrations();
  const latest = known.at(-1)?.version ?? 0;
  const byVersion = new Map(known.map((m) => [m.version, m.name]));
  const applied = conn.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  schemaVersion = applied.at(-1)?.version ?? 0;
  if (schemaVersion > latest) {
    problems.push(
      `the backup was made by a newer KAM Hire (schema version ${schemaVersion}, this version knows up to ${latest}): update the app first`,
    );
  } else {
    // Another app with its own schema_migrations table would pass the other checks; the migration names give it away.
    const foreign = applied.find((m) => byVersion.get(m.version) !== m.name);
    if (foreign)
      problems.push(
        `this is not a KAM Hire database: its migration ${foreign.version} is "${foreign.name}", expected "${byVersion.get(foreign.version) ?? 'none'}"`,
      );
  }
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) problems.push(`tables are missing: ${missing.join(', ')}`);
  return { problems, schemaVersion, counts: countTables(conn, tables) };
}

/** Read-only: tells whether `file` can be restored, and what it holds. Never throws for a bad file. */
export function verifyBackup(file: string): VerifyResult {
  const fail = (problem: string): VerifyResult => ({ ok: false, problems: [problem], schemaVersion: null, counts: {} });
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return fail(`${file} is not a file`);
    size = st.size;
  } catch {
    return fail(`there is no file ${file}`);
  }
  if (size === 0) return fail('the file is empty');
  const header = readHeader(file);
  if (size < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0')
    return fail('this is not an SQLite database (wrong file header)');
  // A truncated copy can still open, and the header says how big it should be whenever the two counters match.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pageCount > 0 && size < pageSize * pageCount) {
    return fail(`the file is truncated: ${size} bytes, the database needs ${pageSize * pageCount}`);
  }
  const walMode = header[18] === 2 && header[19] === 2;
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  const hadWal = existsSync(wal);
  const hadShm = existsSync(shm);
  if (walMode && hadWal && statSync(wal).size > 0) {
    return fail(
      `${basename(wal)} next to it holds changes that are not in the file itself: this is a live database, not a backup (use npm run backup)`,
    );
  }
  let conn: DB | undefined;
  try {
    conn = new Database(file, { readonly: true, fileMustExist: true });
    const r = inspect(conn);
    return { ok: r.problems.length === 0, ...r };
  } catch (e) {
    const damaged = e instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(e.code);
    return fail(
      `${damaged ? 'the database is damaged' : 'the file cannot be read as a database'}: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    conn?.close();
    // A read-only connection to a WAL-flagged file creates these and cannot remove them; we created them, so we do.
    if (walMode && !hadWal && existsSync(wal) && statSync(wal).size === 0) rmSync(wal, { force: true });
    if (walMode && !hadShm && !existsSync(wal)) rmSync(shm, { force: true });
  }
}

/** Row counts of a live database, opened the ordinary way so SQLite tidies its own WAL files; null if unreadable. */
export function databaseCounts(file: string): Record<string, number> | null {
  if (!existsSync(file)) return null;
  let conn: DB | undefined;
  try {
    conn = new Database(file, { fileMustExist: true });
    return countTables(conn, tableNames(conn));
  } catch {
    return null;
  } finally {
    conn?.close();
  }
}

const IN_USE = 'stop the server first: another process has the database open';

/**
 * There is no lock file to ask, but SQLite removes the -wal file when its last connection closes: if it is still
 * there after ours closed, someone else (the server) holds the database open, and replacing the file under it
 * would lose its writes or corrupt the copy.
 */
function assertIdle(target: string): void {
  let conn: DB | undefined;
  try {
    conn = new Database(target, { fileMustExist: true });
    const [r] = conn.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r && r.busy !== 0) throw new BackupError(`${IN_USE} (its write-ahead log cannot be checkpointed)`);
  } catch (e) {
    // A damaged current database is a reason to restore, not a reason to refuse.
    if (!(e instanceof Database.SqliteError)) throw e;
  } finally {
    conn?.close();
  }
  if (existsSync(`${target}-wal`)) throw new BackupError(`${IN_USE} (${basename(target)}-wal is still in use)`);
}

/** Keeps the database being replaced. A damaged one is still copied byte for byte: it may be all there is. */
async function safetyCopy(target: string, dir: string, now: Date): Promise<string> {
  const conn = new Database(target, { fileMustExist: true });
  try {
    return (await snapshot(conn, dir, 'pre-restore-', now, false)).file;
  } catch {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.pre-restore-${process.pid}-${randomBytes(4).toString('hex')}.db.tmp`);
    copyFileSync(target, tmp);
    return placeUnderUniqueName(tmp, dir, 'pre-restore-', now);
  } finally {
    conn.close();
  }
}

/**
 * Replaces `targetDbFile` with a verified backup. The server must be stopped; the current database is kept as
 * backups/pre-restore-kam-hire-….db first, and the backup is brought up to this version's schema afterwards.
 */
export async function restoreDatabase(
  backupFile: string,
  targetDbFile: string,
  opts: { safetyCopy?: boolean; backupsDir?: string; now?: Date } = {},
): Promise<RestoreResult> {
  const source = resolve(backupFile);
  const target = resolve(targetDbFile);
  const verdict = verifyBackup(source);
  if (!verdict.ok) throw new BackupError(`refusing to restore ${source}: ${verdict.problems.join('; ')}`);

  const exists = existsSync(target);
  if (exists) assertIdle(target);
  const saved =
    exists && (opts.safetyCopy ?? true)
      ? await safetyCopy(target, opts.backupsDir ?? backupsDir(dirname(target)), opts.now ?? new Date())
      : null;
  if (exists) assertIdle(target);

  mkdirSync(dirname(target), { recursive: true });
  // Same folder as the target, so the final rename is atomic: a crash leaves either the old or the new database.
  const tmp = join(dirname(target), `.${basename(target)}.restore-${randomBytes(4).toString('hex')}.tmp`);
  try {
    copyFileSync(source, tmp);
    privateFile(tmp);
    makeSelfContained(tmp);
    // What was verified is the source; this re-checks the bytes that will actually be installed.
    const problems = checkCopy(tmp);
    if (problems.length > 0) throw new BackupError(`refusing to restore ${source}: the copy failed its check: ${problems.join(' | ')}`);
    fsyncPath(tmp);
    // An old -wal applied to the new file would corrupt it, so it goes before the new file appears.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    rmSync(`${target}-journal`, { force: true });
    renameSync(tmp, target);
    fsyncPath(dirname(target));
  } finally {
    removeWithSideFiles(tmp);
  }

  const db = openDatabase(target);
  try {
    const after = inspect(db);
    if (after.problems.length > 0) {
      throw new BackupError(
        `the restored database failed its check (${after.problems.join('; ')}); ${saved ? `the previous one is kept as ${saved}` : 'there was no previous one'}`,
      );
    }
    return {
      target,
      safetyCopy: saved,
      schemaVersion: after.schemaVersion ?? 0,
      migrationsApplied: listMigrations().filter((m) => m.version > (verdict.schemaVersion ?? 0)).length,
      counts: after.counts,
    };
  } finally {
    db.close();
  }
}
