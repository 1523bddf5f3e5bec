import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { registerSqlFunctions } from './functions.js';

export type DB = Database.Database;

// Read from src/ also when running compiled (dist/db/connection.js is as deep as src/db/connection.ts), so the
// .sql files have one home and the build copies nothing.
const MIGRATIONS_DIR = new URL('../../src/db/migrations/', import.meta.url).pathname;

export function openDatabase(file: string): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed, so erased personal data does not linger in free pages.
  db.pragma('secure_delete = ON');
  // WAL with synchronous=NORMAL is durable across application crashes, which is what autosave needs.
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f }));

export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return migrationFiles(dir).map((m) => ({ ...m, sql: readFileSync(join(dir, m.name), 'utf8') }));
}

/** Forward-only: each migration runs once, inside one transaction with its bookkeeping row. */
export function migrate(db: DB, given?: Migration[]): number {
  registerSqlFunctions(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => (r as { version: number }).version),
  );
  // At start only the files not yet applied are read (usually none).
  const migrations =
    given ??
    migrationFiles(MIGRATIONS_DIR)
      .filter((m) => !applied.has(m.version))
      .map((m) => ({ ...m, sql: readFileSync(join(MIGRATIONS_DIR, m.name), 'utf8') }));
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  let count = 0;
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name);
    })();
    count += 1;
  }
  return count;
}

// Prepared once per connection: /health asks on every call.
const versionStatements = new WeakMap<DB, Database.Statement<[], { v: number | null }>>();

export function schemaVersion(db: DB): number {
  let stmt = versionStatements.get(db);
  if (stmt === undefined)
    versionStatements.set(db, (stmt = db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')));
  return stmt.get()?.v ?? 0;
}
