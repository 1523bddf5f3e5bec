import session from 'express-session';
import { hashToken } from '../security/tokens.js';
import type { DB } from './connection.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sessions live in the app's own SQLite file, so a server restart logs nobody out.
 * A session is stored under the hash of its id, never the id itself: the id in a signed-in browser's cookie is all it
 * takes to act as that person, and a copy of the database (a backup, say) must not hand those out.
 * The cleanup timer is unref'd so it never keeps a stopping process alive.
 */
export class SqliteSessionStore extends session.Store {
  private readonly getStmt;
  private readonly setStmt;
  private readonly destroyStmt;
  private readonly touchStmt;
  private readonly cleanupStmt;
  private readonly timer: NodeJS.Timeout;
  /** When each session's expiry was last pushed forward; rolling sessions would otherwise write on every request. */
  private readonly touched = new Map<string, number>();

  constructor(db: DB, cleanupEveryMs = 15 * 60 * 1000) {
    super();
    this.getStmt = db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?');
    this.setStmt = db.prepare(
      `INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    );
    this.destroyStmt = db.prepare('DELETE FROM sessions WHERE sid = ?');
    this.touchStmt = db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?');
    this.cleanupStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    this.timer = setInterval(() => this.cleanup(), cleanupEveryMs);
    this.timer.unref();
  }

  private expiry(sess: session.SessionData): number {
    const exp = sess.cookie?.expires;
    return exp ? new Date(exp).getTime() : Date.now() + DAY_MS;
  }

  cleanup(): void {
    this.cleanupStmt.run(Date.now());
  }

  close(): void {
    clearInterval(this.timer);
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.getStmt.get(hashToken(sid), Date.now());
      cb(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (e) {
      cb(e);
    }
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      this.setStmt.run(hashToken(sid), JSON.stringify(sess), this.expiry(sess));
      cb?.();
    } catch (e) {
      cb?.(e);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      this.destroyStmt.run(hashToken(sid));
      cb?.();
    } catch (e) {
      cb?.(e);
    }
  }

  override touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    const now = Date.now();
    if (now - (this.touched.get(sid) ?? 0) >= 60_000) {
      // Runs inside res.end, where a throw would end the process: pushing the expiry forward is
      // best effort (a full disk just means the session is not extended this time).
      try {
        this.touchStmt.run(this.expiry(sess), hashToken(sid));
      } catch {
        cb?.();
        return;
      }
      this.touched.set(sid, now);
      if (this.touched.size > 50_000) this.touched.clear();
    }
    cb?.();
  }
}
