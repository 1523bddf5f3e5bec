import type { DB } from './connection.js';

export function settingsRepo(db: DB) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string) => get.get(key)?.value,
    set: (key: string, value: string) => set.run(key, value),
    /** Returns the stored value, creating it first if needed. */
    ensure: (key: string, make: () => string) => {
      const existing = get.get(key)?.value;
      if (existing !== undefined) return existing;
      const value = make();
      set.run(key, value);
      return value;
    },
  };
}
