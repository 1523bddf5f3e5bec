import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { DB } from '../../src/db/connection.js';
import { backupDatabase, backupsDir, listBackups, restoreDatabase, verifyBackup } from '../../src/services/backup.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kam-backup-'));
  dirs.push(d);
  return d;
};

let dataDir: string;
let dbFile: string;
let db: DB;
let vacancyId: number;
let knownId: number;

const count = (conn: DB) => (conn.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;
const row = (conn: DB, id: number) => conn.prepare('SELECT * FROM candidates WHERE id = ?').get(id);
const integrity = (conn: DB) => conn.pragma('integrity_check', { simple: true });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const withDb = <T>(file: string, fn: (conn: DB) => T): T => {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(conn);
  } finally {
    conn.close();
  }
};

/**
 * Another process writing straight to the database file, as the server does: only a different connection
 * exercises SQLite's restart-on-foreign-write path in the backup API.
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.env.DB_FILE);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const ins = db.prepare("INSERT INTO candidates (vacancy_id, full_name, source, consent_at, consent_version, resume_text, resume_sha256) VALUES (?, ?, 'import', '2025-01-01', 'v1', ?, ?)");
const text = 'Переговоры с сетями, JBP, промо-календарь. '.repeat(40);
let n = 0;
const batch = db.transaction(() => { for (let i = 0; i < 10; i++) { n++; ins.run(Number(process.env.VACANCY_ID), 'Writer ' + n, text, 'w' + n); } });
const loop = () => { batch(); if (n === 50) process.stdout.write('ready\\n'); setImmediate(loop); };
process.on('SIGTERM', () => { db.close(); process.stdout.write('wrote ' + n + '\\n'); process.exit(0); });
loop();
`;

function startWriter(): Promise<{ proc: ChildProcess; stop: () => Promise<number> }> {
  const proc = spawn(process.execPath, ['-e', WRITER], {
    env: { ...process.env, DB_FILE: dbFile, VACANCY_ID: String(vacancyId) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    // Removed by reference: removeAllListeners('exit') would also drop Node's own listener and 'exit' never fires.
    const early = (code: number | null) => reject(new Error(`writer exited with ${code}: ${err}`));
    proc.once('exit', early);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) {
        proc.off('exit', early);
        resolve({
          proc,
          stop: () =>
            new Promise((res) => {
              proc.once('exit', () => res(Number(/wrote (\d+)/.exec(out)?.[1] ?? 0)));
              proc.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

beforeAll(async () => {
  dataDir = tempDir();
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', DEMO_PASSWORD: 'backup-test-password' });
  dbFile = config.dbFile;
  const booted = await bootstrap(config);
  db = booted.db;
  vacancyId = booted.demoVacancyId!;
  const ins = db.prepare(
    `INSERT INTO candidates (vacancy_id, full_name, email, source, consent_at, consent_version, resume_text, resume_sha256)
     VALUES (?, ?, ?, 'import', '2025-01-01', 'v1', ?, ?)`,
  );
  knownId = Number(
    ins.run(vacancyId, 'Контрольная Запись', 'known@example.com', 'Ключевые клиенты: X5, Магнит 🛒 — 7 лет', 'known').lastInsertRowid,
  );
  // Several MB, so the copy takes many steps and the writer gets to write in between.
  const filler = 'Key account management, trade terms, category reviews. '.repeat(50);
  db.transaction(() => {
    for (let i = 0; i < 3000; i += 1) ins.run(vacancyId, `Seed ${i}`, null, filler, `seed-${i}`);
  })();
});

afterAll(() => {
  if (db?.open) db.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('backup and restore', () => {
  let backupFile: string;
  let inBackup: number;

  it('takes a consistent online backup while another process keeps writing', async () => {
    const writer = await startWriter();
    let atStart: number;
    let atEnd: number;
    let result: Awaited<ReturnType<typeof backupDatabase>>;
    try {
      atStart = count(db);
      result = await backupDatabase(db, backupsDir(dataDir));
      atEnd = count(db);
    } finally {
      await writer.stop();
    }
    backupFile = result.file;
    expect(result.file).toMatch(/backups\/kam-hire-\d{8}-\d{6}(-\d+)?\.db$/);
    expect(atEnd).toBeGreaterThan(atStart); // the writer really wrote while the backup ran
    const { check, rows, known } = withDb(result.file, (c) => ({ check: integrity(c), rows: count(c), known: row(c, knownId) }));
    inBackup = rows;
    console.log(
      JSON.stringify({
        rowsAtStart: atStart,
        rowsAtEnd: atEnd,
        rowsInBackup: rows,
        integrity: check,
        pages: result.pages,
        bytes: result.bytes,
        restarts: result.restarts,
      }),
    );
    expect(check).toBe('ok');
    expect(rows).toBeGreaterThanOrEqual(atStart);
    expect(rows).toBeLessThanOrEqual(atEnd);
    expect(known).toEqual(row(db, knownId));
    // A self-contained file: no -wal/-shm and no temp files left next to it.
    expect(readdirSync(backupsDir(dataDir))).toEqual([result.file.split('/').at(-1)]);
    const v = verifyBackup(result.file);
    expect(v).toMatchObject({ ok: true, problems: [] });
    expect(v.counts).toMatchObject({ users: 4, vacancies: 1, candidates: rows });
  });

  it('restores into a fresh target with the same content, then over it keeping a safety copy', async () => {
    const target = join(tempDir(), 'restored', 'kam-hire.db');
    const first = await restoreDatabase(backupFile, target);
    expect(first.safetyCopy).toBeNull();
    expect(first.counts.candidates).toBe(inBackup);
    const restored = withDb(target, (c) => ({ check: integrity(c), rows: count(c), known: row(c, knownId) }));
    expect(restored).toEqual({ check: 'ok', rows: inBackup, known: row(db, knownId) });

    // Changed after the restore, so the safety copy can be told apart from the backup.
    const w = new Database(target);
    w.prepare('DELETE FROM candidates WHERE id = ?').run(knownId);
    w.close();
    const second = await restoreDatabase(backupFile, target);
    expect(second.safetyCopy).toMatch(/restored\/backups\/pre-restore-kam-hire-\d{8}-\d{6}(-\d+)?\.db$/);
    // The restore closed its connection cleanly: no write-ahead log is left to be replayed over the new file.
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(withDb(second.safetyCopy!, (c) => [count(c), row(c, knownId)])).toEqual([inBackup - 1, undefined]);
    expect(withDb(target, (c) => [integrity(c), count(c), row(c, knownId)])).toEqual(['ok', inBackup, row(db, knownId)]);
  });

  it('refuses damaged and foreign files and leaves the target untouched', async () => {
    const dir = tempDir();
    const target = join(dir, 'kam-hire.db');
    copyFileSync(backupFile, target);
    const before = sha(target);

    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.from('this is not a database at all'.repeat(100)));
    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, readFileSync(backupFile).subarray(0, 200_000));
    const scribbled = join(dir, 'scribbled.db');
    copyFileSync(backupFile, scribbled);
    const fd = openSync(scribbled, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 40, 0x5a), 0, 4096 * 40, 4096 * 20);
    closeSync(fd);
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    f.close();
    const newer = join(dir, 'newer.db');
    copyFileSync(backupFile, newer);
    const n = new Database(newer);
    n.prepare("INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')").run();
    n.close();

    const cases: [string, RegExp][] = [
      [join(dir, 'missing.db'), /there is no file/],
      [garbage, /not an SQLite database/],
      [truncated, /truncated/],
      [scribbled, /damaged|malformed|cannot be read/],
      [foreign, /not a KAM Hire database/],
      [newer, /newer KAM Hire/],
    ];
    for (const [file, message] of cases) {
      await expect(restoreDatabase(file, target), file).rejects.toThrow(message);
      await expect(restoreDatabase(file, target)).rejects.toThrow(/^refusing to restore/);
    }
    expect(sha(target)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['foreign.db', 'garbage.db', 'kam-hire.db', 'newer.db', 'scribbled.db', 'truncated.db']);
  });

  it('refuses while another connection (the server) has the target open', async () => {
    const target = join(tempDir(), 'kam-hire.db');
    copyFileSync(backupFile, target);
    const server = new Database(target);
    server.pragma('journal_mode = WAL');
    server.prepare('SELECT COUNT(*) FROM users').get();
    try {
      await expect(restoreDatabase(backupFile, target)).rejects.toThrow(/stop the server first/);
    } finally {
      server.close();
    }
    await expect(restoreDatabase(backupFile, target)).resolves.toMatchObject({ counts: { candidates: inBackup } });
  });

  it('keeps exactly the newest N backups and never touches other files', async () => {
    const dir = tempDir();
    const old = [
      'kam-hire-20240101-000000.db',
      'kam-hire-20240102-000000.db',
      'kam-hire-20240103-000000.db',
      'kam-hire-20240104-000000.db',
    ];
    const others = ['notes.txt', 'pre-restore-kam-hire-20230101-000000.db', 'kam-hire-latest.db', 'kam-hire-20240105-000000.db.bak'];
    for (const name of [...old, ...others]) writeFileSync(join(dir, name), 'x');
    const now = new Date('2025-03-04T05:06:07.890Z');
    // The count alone here; the age limit (30 days) has its own test (test/http/erasure.test.ts).
    const a = await backupDatabase(db, dir, { keep: 3, now, maxAgeDays: null });
    const b = await backupDatabase(db, dir, { keep: 3, now, maxAgeDays: null });
    expect(a.file.endsWith('kam-hire-20250304-050607.db')).toBe(true);
    expect(b.file.endsWith('kam-hire-20250304-050607-2.db')).toBe(true);
    expect(a.removed.map((f) => f.split('/').at(-1))).toEqual(['kam-hire-20240102-000000.db', 'kam-hire-20240101-000000.db']);
    const kept = listBackups(dir)
      .filter((x) => x.kind === 'backup')
      .map((x) => x.name);
    expect(kept).toEqual(['kam-hire-20250304-050607-2.db', 'kam-hire-20250304-050607.db', 'kam-hire-20240104-000000.db']);
    for (const name of others) expect(existsSync(join(dir, name)), name).toBe(true);
    // A clock set back does not make the new backup the first one pruned.
    const past = await backupDatabase(db, dir, { keep: 2, now: new Date('2020-01-01T00:00:00Z'), maxAgeDays: null });
    expect(existsSync(past.file)).toBe(true);
    expect(
      listBackups(dir)
        .filter((x) => x.kind === 'backup')
        .map((x) => x.name),
    ).toEqual(['kam-hire-20250304-050607-2.db', 'kam-hire-20200101-000000.db']);
  });

  it('round-trips through the command-line tools', () => {
    const run = (script: string, args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, BACKUP_KEEP: '', ...env },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const backup = run('backup', ['--keep', '5']);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const file = /^Backup: (.+)$/m.exec(backup.out)?.[1];
    expect(file).toBeTruthy();
    expect(existsSync(file!)).toBe(true);
    expect(backup.out).toMatch(/integrity_check ok/);
    expect(run('backup', ['--keep', 'zero']).code).toBe(2);

    const name = file!.split('/').at(-1)!;
    const unconfirmed = run('restore', [name]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('--yes');
    expect(unconfirmed.out).toMatch(/candidates\s+\d+\s+\d+/);

    db.close(); // the "server" stops before a restore
    const restored = run('restore', [name, '--yes']);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Restored .+ into .+kam-hire\.db/);
    expect(restored.out).toMatch(/previous database is kept as .+pre-restore-kam-hire-/);
    expect(withDb(dbFile, (c) => integrity(c))).toBe('ok');
  }, 60000);
});
