import type { DB } from '../../src/db/connection.js';

/**
 * The database with its `prepare` watched: every SQL text prepared through the returned handle (also later, by a
 * repository that prepares statements when first needed) lands in `sqls`. Repositories keep their SQL private;
 * tests and benchmarks read the plans of what they really run.
 */
export function watchPrepare(db: DB): { db: DB; sqls: string[] } {
  const sqls: string[] = [];
  const watched = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare')
        return (sql: string) => {
          sqls.push(sql);
          return target.prepare(sql);
        };
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: watched, sqls };
}

/**
 * The database with the statements whose SQL passes `wanted` spied on: every `get` and `all` call on them is reported
 * with its arguments, then runs as it would.
 */
export function spyStatements(db: DB, wanted: (sql: string) => boolean, onCall: (args: unknown[]) => void): DB {
  const prepare = db.prepare.bind(db);
  const spy = Object.create(db) as DB;
  spy.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    if (!wanted(sql)) return stmt;
    for (const m of ['get', 'all'] as const) {
      const run = stmt[m].bind(stmt) as (...a: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        onCall(args);
        return run(...args);
      };
    }
    return stmt;
  }) as DB['prepare'];
  return spy;
}
