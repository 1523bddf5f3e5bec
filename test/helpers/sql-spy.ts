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
