import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private.js';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Content-addressed store: the same bytes are kept once, and a name never changes meaning. */
export function fileStore(dataDir: string) {
  const dir = join(dataDir, 'files');
  return {
    save(buf: Uint8Array, ext: string): { sha256: string; storageName: string } {
      const hash = sha256(buf);
      const storageName = `${hash}.${ext}`;
      const target = join(dir, storageName);
      if (!existsSync(target)) {
        mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
        // Write then rename, so a crash never leaves a half-written file under its final name.
        const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          writeFileSync(tmp, buf, { mode: PRIVATE_FILE_MODE });
          renameSync(tmp, target);
        } catch (e) {
          // A full disk leaves a 0-byte or partial file behind; it never outlives the failure.
          rmSync(tmp, { force: true });
          throw e;
        }
      }
      return { sha256: hash, storageName };
    },
    read(storageName: string): Buffer {
      if (!/^[0-9a-f]{64}\.[a-z0-9]+$/.test(storageName)) throw new Error('bad storage name');
      return readFileSync(join(dir, storageName));
    },
  };
}
export type FileStore = ReturnType<typeof fileStore>;

const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * An upload kept while its form is re-shown (a field error, a duplicate warning), so the user
 * does not have to choose the file again. Tokens are random; entries expire after a day.
 */
export function pendingUploads(dataDir: string) {
  const dir = join(dataDir, 'pending');
  const path = (token: string) => join(dir, token);
  return {
    put(buf: Uint8Array, originalName: string): string {
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      const token = randomBytes(18).toString('base64url');
      try {
        writeFileSync(`${path(token)}.bin`, buf, { mode: PRIVATE_FILE_MODE });
        writeFileSync(`${path(token)}.json`, JSON.stringify({ originalName }), { mode: PRIVATE_FILE_MODE });
      } catch (e) {
        rmSync(`${path(token)}.bin`, { force: true });
        rmSync(`${path(token)}.json`, { force: true });
        throw e;
      }
      return token;
    },
    get(token: string): { buf: Buffer; originalName: string } | null {
      if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
      try {
        const meta = JSON.parse(readFileSync(`${path(token)}.json`, 'utf8')) as { originalName: string };
        return { buf: readFileSync(`${path(token)}.bin`), originalName: meta.originalName };
      } catch {
        return null;
      }
    },
    drop(token: string): void {
      if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return;
      rmSync(`${path(token)}.bin`, { force: true });
      rmSync(`${path(token)}.json`, { force: true });
    },
    sweep(now = Date.now()): void {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (now - statSync(p).mtimeMs > PENDING_TTL_MS) rmSync(p, { force: true });
      }
    },
  };
}
export type PendingUploads = ReturnType<typeof pendingUploads>;
