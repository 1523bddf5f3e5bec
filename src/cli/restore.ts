// npm run restore -- <file> [--yes]
// Replaces the app's database with a backup. Stop the server first: the restore refuses while the database is open.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { BackupError, backupsDir, databaseCounts, listBackups, restoreDatabase, verifyBackup } from '../services/backup.js';
import { keepDataPrivate } from '../storage/private.js';

const USAGE = 'usage: npm run restore -- <backup file> [--yes]   (stop the server first)';

// Local rather than common.ts's: see src/cli/backup.ts.
import { runCli, UsageError } from './run.js';

function parse(argv: string[]): { file: string; yes: boolean } {
  let yes = false;
  const paths: string[] = [];
  for (const a of argv) {
    if (a === '--yes' || a === '-y') yes = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (paths.length !== 1) throw new UsageError(paths.length === 0 ? 'which backup? give its file' : 'give exactly one backup file');
  return { file: paths[0]!, yes };
}

/** A bare name as printed by `npm run backup` or listed below is looked up in the backups folder. */
function locate(file: string, dir: string): string {
  if (existsSync(file) || file.includes('/') || file.includes('\\')) return file;
  const inBackups = join(dir, file);
  return existsSync(inBackups) ? inBackups : file;
}

function table(backup: Record<string, number>, current: Record<string, number> | null): string {
  const names = [...new Set([...Object.keys(backup), ...Object.keys(current ?? {})])];
  const rows = names.map((n) => [n, String(backup[n] ?? '—'), current ? String(current[n] ?? '—') : '—']);
  const w = [Math.max(5, ...rows.map((r) => r[0]!.length)), Math.max(6, ...rows.map((r) => r[1]!.length)), 7];
  const line = (r: string[]) => `  ${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padStart(w[2]!)}`;
  return [line(['rows', 'backup', 'current']), ...rows.map(line)].join('\n');
}

async function confirm(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Type "yes" to replace the current database: ')).trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  keepDataPrivate(config.dataDir);
  const dir = backupsDir(config.dataDir);
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    const known = listBackups(dir).slice(0, 10);
    if (e instanceof UsageError && known.length > 0)
      e.message += `\nbackups in ${dir}, newest first:\n${known.map((b) => `  ${b.name}`).join('\n')}`;
    throw e;
  }
  const file = locate(args.file, dir);
  const verdict = verifyBackup(file);
  if (!verdict.ok) {
    console.error(`Cannot restore ${file}:\n${verdict.problems.map((p) => `  - ${p}`).join('\n')}\nNothing was changed.`);
    return 1;
  }
  const current = databaseCounts(config.dbFile);
  console.log(`Backup:   ${file} (schema version ${verdict.schemaVersion}, integrity_check ok)`);
  console.log(`Replaces: ${config.dbFile}${existsSync(config.dbFile) ? '' : ' (does not exist yet)'}`);
  console.log(table(verdict.counts, current));
  if (existsSync(config.dbFile)) console.log(`The current database will first be saved as ${dir}/pre-restore-kam-hire-….db.`);
  if (!args.yes) {
    // CI and scripts have no one to answer a prompt; they must say --yes explicitly.
    if (!process.stdin.isTTY) throw new UsageError('not restoring without --yes: there is no terminal to confirm on');
    if (!(await confirm())) {
      console.log('Nothing was changed.');
      return 1;
    }
  }
  const r = await restoreDatabase(file, config.dbFile, { backupsDir: dir });
  console.log(
    `Restored ${basename(file)} into ${r.target} (schema version ${r.schemaVersion}${r.migrationsApplied > 0 ? `, ${r.migrationsApplied} migration(s) applied` : ''}, integrity_check ok).`,
  );
  if (r.safetyCopy) console.log(`The previous database is kept as ${r.safetyCopy}.`);
  return 0;
}

runCli(main, USAGE, (e) => (e instanceof BackupError ? `Restore failed: ${e.message}` : null));
