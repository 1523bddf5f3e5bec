import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { backupDatabase, backupsDir } from '../../src/services/backup.js';
import { fileStore, pendingUploads } from '../../src/storage/files.js';

// Issue 13, finding 8: the database (with live session ids), backups and uploads were 0644.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const mode = (p: string) => statSync(p).mode & 0o777;

describe('files under DATA_DIR are private to the app', () => {
  it('creates folders 0700 and files 0600 — database, -wal, -shm, uploads, pending, backups — and tightens old ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kam-perm-'));
    dirs.push(dataDir);
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'files'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'files', 'old.pdf'), 'x', { mode: 0o644 });
    chmodSync(join(dataDir, 'files', 'old.pdf'), 0o644);

    const { db } = await bootstrap(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_PASSWORD: 'permission-test' }));
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('perm_test', 'x') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
      expect(mode(dataDir)).toBe(0o700);
      for (const f of ['kam-hire.db', 'kam-hire.db-wal', 'kam-hire.db-shm']) expect(mode(join(dataDir, f)), f).toBe(0o600);
      expect(mode(join(dataDir, 'files'))).toBe(0o700);
      expect(mode(join(dataDir, 'files', 'old.pdf'))).toBe(0o600);

      const saved = fileStore(dataDir).save(new TextEncoder().encode('resume'), 'txt');
      expect(mode(join(dataDir, 'files', saved.storageName))).toBe(0o600);
      pendingUploads(dataDir).put(new TextEncoder().encode('resume'), 'cv.txt');
      expect(mode(join(dataDir, 'pending'))).toBe(0o700);

      const backup = await backupDatabase(db, backupsDir(dataDir));
      expect(mode(backupsDir(dataDir))).toBe(0o700);
      expect(mode(backup.file)).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('takes the session secret from SESSION_SECRET and then keeps none in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kam-secret-'));
    dirs.push(dataDir);
    const secret = 'a-session-secret-from-the-environment';
    const booted = await bootstrap(
      loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_PASSWORD: 'permission-test', SESSION_SECRET: secret }),
    );
    try {
      expect(booted.sessionSecret).toBe(secret);
      expect(booted.db.prepare("SELECT value FROM settings WHERE key = 'session_secret'").get()).toBeUndefined();
    } finally {
      booted.db.close();
    }
  });
});
