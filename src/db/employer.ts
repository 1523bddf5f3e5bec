import type { DB } from './connection.js';
import { parseEmployer, type Employer } from '../domain/employer.js';

/** The employer and contact shown to candidates, kept as one settings row. */
export function employerRepo(db: DB) {
  const get = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'employer'");
  const set = db.prepare("INSERT INTO settings (key, value) VALUES ('employer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  return {
    get: (): Employer => parseEmployer(get.get()?.value),
    set: (e: Employer) => set.run(JSON.stringify(e)),
  };
}
