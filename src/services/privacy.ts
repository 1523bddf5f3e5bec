import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from '../db/connection.js';
import { createRepos, type Repos } from '../db/repos.js';
import { auditLine, SYSTEM_ACTOR, type Actor } from './audit.js';
import { refreshScore } from './scores.js';
import { settingsRepo } from '../db/settings.js';
import { backupsDir, pruneExpiredBackups } from './backup.js';
import { ERASED_CATEGORIES } from '../domain/consent.js';
import type { DestructionRecord } from '../db/consent.js';

/** Why a candidate's data are destroyed, and which scheduled job did it (null: a person). */
export interface ErasureGrounds {
  grounds: DestructionRecord['grounds'];
  job: string | null;
}

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

/**
 * Anonymizes one candidate: the personal data, the refreshed score and the audit line in one
 * transaction; their files leave the disk only after it committed, and only those nothing else uses.
 */
export function eraseCandidate(
  repos: Repos,
  dataDir: string,
  candidateId: number,
  actor: Actor,
  detail?: Record<string, unknown>,
  why: ErasureGrounds = { grounds: 'request', job: null },
  now: Date = new Date(),
): void {
  let mails: number[] = [];
  const orphaned = repos.transaction(() => {
    const vacancyId = repos.candidates.get(candidateId)?.vacancyId ?? null;
    const files = repos.privacy.anonymize(candidateId, `#${candidateId}`);
    mails = repos.outbox.redactForCandidate(candidateId);
    refreshScore(repos, candidateId);
    auditLine(repos, actor, 'candidate.erase', { type: 'candidate', id: candidateId }, detail);
    // The destruction record outlives the data: the candidate is named only by its reference.
    const at = now.toISOString();
    repos.consent.addDestruction({
      candidateRef: `#${candidateId}`,
      vacancyId,
      categories: ERASED_CATEGORIES,
      grounds: why.grounds,
      detail: detail ? JSON.stringify(detail) : null,
      performedBy: actor.userId,
      performedByName: actor.userName,
      performedByJob: why.job,
      performedAt: at,
    });
    repos.consent.markErased(candidateId, at);
    return files;
  });
  for (const name of orphaned) {
    if (/^[0-9a-f]{64}\.[a-z0-9]+$/.test(name)) rmSync(join(dataDir, 'files', name), { force: true });
  }
  // The old values are zeroed in the database file (secure_delete); the log's copies go with a checkpoint.
  repos.system.checkpoint();
  // The .eml copies of the letters to the candidate (mail kept without SMTP) go too.
  for (const id of mails) rmSync(join(dataDir, 'outbox', `${id}.eml`), { force: true });
}

/** The retention job: candidates rejected longer ago than the retention period lose their personal data. */
export function runRetention(
  db: DB,
  dataDir: string,
  now = new Date(),
  repos: Repos = createRepos(db),
  limit = Number.POSITIVE_INFINITY,
): { months: number; anonymized: number[]; more: boolean } {
  const months = retentionMonths(db);
  const due = repos.privacy.dueForRetention(retentionCutoff(months, now));
  // A limit lets the server's job erase a long backlog (the first run over years of history) in slices, serving
  // requests in between; `more` says that some are still due.
  const ids = due.length > limit ? due.slice(0, limit) : due;
  for (const id of ids)
    eraseCandidate(repos, dataDir, id, SYSTEM_ACTOR, { by: 'retention', months }, { grounds: 'retention', job: 'retention' }, now);
  // What was erased earlier leaves the backups as they age out.
  pruneExpiredBackups(backupsDir(dataDir), now);
  settingsRepo(db).set('retention_last_run', JSON.stringify({ at: now.toISOString(), anonymized: ids.length }));
  return { months, anonymized: ids, more: ids.length < due.length };
}

/** What the web layer may do about personal data, bound to one database and data folder. */
export function privacyService(db: DB, dataDir: string, repos: Repos = createRepos(db)) {
  const settings = settingsRepo(db);
  return {
    erase: (candidateId: number, actor: Actor) => eraseCandidate(repos, dataDir, candidateId, actor),
    run: (now = new Date()) => runRetention(db, dataDir, now, repos),
    months: () => retentionMonths(db),
    setMonths: (m: number) => settings.set('retention_months', String(m)),
    dueCount: (now = new Date()) => repos.privacy.dueForRetention(retentionCutoff(retentionMonths(db), now)).length,
    lastRun: (): { at: string; anonymized: number } | null => {
      const v = settings.get('retention_last_run');
      return v ? (JSON.parse(v) as { at: string; anonymized: number }) : null;
    },
  };
}
export type PrivacyService = ReturnType<typeof privacyService>;
