// npm run backup -- [--keep N]
// Online backup of the app's database into <DATA_DIR>/backups/; safe while the server is running and writing.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../config.js';
import { BackupError, backupDatabase, backupsDir } from '../services/backup.js';
import { keepDataPrivate } from '../storage/private.js';

const USAGE = 'usage: npm run backup -- [--keep N]   (keeps the newest N backups; default 14, or the BACKUP_KEEP variable)';

// Not common.ts's UsageError/parseArgs: importing common.ts loads the web app and the extractors, seconds of
// start-up that a nightly cron job should not pay for one flag.
import { runCli, UsageError } from './run.js';

function parseKeep(argv: string[], env: NodeJS.ProcessEnv): number {
  let raw = env.BACKUP_KEEP === '' ? undefined : env.BACKUP_KEEP;
  let from = 'BACKUP_KEEP';
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--keep' || a.startsWith('--keep=')) {
      raw = a === '--keep' ? argv[++i] : a.slice('--keep='.length);
      from = '--keep';
      if (raw === undefined) throw new UsageError('--keep needs a value');
    } else throw new UsageError(a.startsWith('-') ? `unknown option ${a}` : `unexpected argument "${a}"`);
  }
  if (raw === undefined) return 14;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${from} must be a whole number of at least 1, not "${raw}"`);
  return Number(raw);
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<number> {
  const keep = parseKeep(process.argv.slice(2), process.env);
  const config = loadConfig();
  keepDataPrivate(config.dataDir);
  if (!existsSync(config.dbFile)) {
    console.error(`There is no database at ${config.dbFile}: nothing to back up (is DATA_DIR right?).`);
    return 1;
  }
  // Not openDatabase: it would apply pending migrations, and a backup taken just before an upgrade must hold the
  // database exactly as the old version left it.
  const db = new Database(config.dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const r = await backupDatabase(db, backupsDir(config.dataDir), { keep });
    console.log(`Backup: ${r.file}`);
    console.log(`Size: ${formatBytes(r.bytes)} (${r.pages} pages), integrity_check ok`);
    console.log(
      r.removed.length > 0
        ? `Removed (keeping the newest ${keep}): ${r.removed.map((f) => basename(f)).join(', ')}`
        : `Removed: none (keeping the newest ${keep})`,
    );
    const files = join(config.dataDir, 'files');
    if (existsSync(files)) console.log(`Note: uploaded files in ${files} are not in the database backup; copy that folder as well.`);
    return 0;
  } finally {
    db.close();
  }
}

runCli(main, USAGE, (e) => (e instanceof BackupError ? `Backup failed: ${e.message}` : null));
