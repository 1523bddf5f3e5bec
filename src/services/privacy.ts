import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../db/connection.js';
import { privacyRepo } from '../db/privacy.js';
import { settingsRepo } from '../db/settings.js';

export const DEFAULT_RETENTION_MONTHS = 6;

export function retentionMonths(db: DB): number {
  const v = Number(settingsRepo(db).get('retention_months'));
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_RETENTION_MONTHS;
}

export function retentionCutoff(months: number, now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Anonymizes one candidate and deletes their files from disk once nothing else uses them. */
export function eraseCandidate(db: DB, dataDir: string, candidateId: number): void {
  const orphaned = privacyRepo(db).anonymize(candidateId, `#${candidateId}`);
  for (const name of orphaned) {
    if (/^[0-9a-f]{64}\.[a-z0-9]+$/.test(name)) rmSync(join(dataDir, 'files', name), { force: true });
  }
}

/** The retention job: candidates rejected longer ago than the retention period lose their personal data. */
export function runRetention(db: DB, dataDir: string, now = new Date()): { months: number; anonymized: number[] } {
  const months = retentionMonths(db);
  const ids = privacyRepo(db).dueForRetention(retentionCutoff(months, now));
  for (const id of ids) eraseCandidate(db, dataDir, id);
  settingsRepo(db).set('retention_last_run', JSON.stringify({ at: now.toISOString(), anonymized: ids.length }));
  return { months, anonymized: ids };
}

/** What the web layer may do about personal data, bound to one database and data folder. */
export function privacyService(db: DB, dataDir: string) {
  const settings = settingsRepo(db);
  return {
    erase: (candidateId: number) => eraseCandidate(db, dataDir, candidateId),
    run: (now = new Date()) => runRetention(db, dataDir, now),
    months: () => retentionMonths(db),
    setMonths: (m: number) => settings.set('retention_months', String(m)),
    dueCount: (now = new Date()) => privacyRepo(db).dueForRetention(retentionCutoff(retentionMonths(db), now)).length,
    lastRun: (): { at: string; anonymized: number } | null => {
      const v = settings.get('retention_last_run');
      return v ? (JSON.parse(v) as { at: string; anonymized: number }) : null;
    },
  };
}
export type PrivacyService = ReturnType<typeof privacyService>;
