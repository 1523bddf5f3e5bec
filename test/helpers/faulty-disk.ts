import Database from 'better-sqlite3';
import type { DB } from '../../src/db/connection.js';

/**
 * A connection whose writes fail exactly as SQLite's do when the disk is full (SqliteError,
 * code SQLITE_FULL) while `state.full` is set; reads keep working. Statements prepared before the
 * switch fail too, as they would on a real full disk.
 */
export function faultyDatabase(db: DB, state: { full: boolean }): DB {
  const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql);
  const full = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const stmt = target.prepare(sql);
          return new Proxy(stmt, {
            get(s, p) {
              const v = Reflect.get(s, p, s) as unknown;
              if (typeof v !== 'function') return v;
              if ((p === 'run' || p === 'get' || p === 'all') && isWrite(sql)) {
                return (...args: unknown[]) => {
                  if (state.full) throw full();
                  return (v as (...a: unknown[]) => unknown).apply(s, args);
                };
              }
              return (v as (...a: unknown[]) => unknown).bind(s);
            },
          });
        };
      }
      if (prop === 'exec') {
        return (sql: string) => {
          if (state.full && isWrite(sql)) throw full();
          return target.exec(sql);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
