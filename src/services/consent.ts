import { randomBytes } from 'node:crypto';
import { hashToken } from '../security/tokens.js';
import type { Repos } from '../db/repos.js';
import { candidateLang } from './candidate-lang.js';
import type { ConsentRow, ConsentText } from '../db/consent.js';
import type { Candidate } from '../db/candidates.js';
import type { Vacancy } from '../db/vacancies.js';
import type { Lang } from '../domain/bank/schema.js';
import {
  erasureDueAt,
  ERASURE_LEGAL_DAYS,
  fillConsentText,
  firstNameOf,
  linkExpiresAt,
  nextConsentState,
  type ConsentEvent,
  type ConsentState,
  type StoredConsentState,
} from '../domain/consent.js';
import { vacancyTitle } from '../domain/vacancy.js';
import { formatInZone, DEFAULT_ZONE } from '../domain/zone.js';
import { auditLine, type Actor } from './audit.js';
import { queueTemplatedMail } from './mail.js';
import { eraseCandidate } from './privacy.js';

/** A consent action refused, with the i18n key of the reason shown to the user. */
export class ConsentError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'ConsentError';
  }
}

export function stateOf(row: ConsentRow | undefined): ConsentState {
  return row?.state ?? 'not_requested';
}

/** The operator named in the consent: the organisation from settings, else a neutral wording. */
export function operatorName(repos: Repos, lang: Lang): string {
  const name = repos.consent.setting(`operator_name_${lang}`) ?? repos.consent.setting('operator_name');
  if (name?.trim()) return name.trim();
  return lang === 'ru' ? 'организация-работодатель, разместившая вакансию' : 'the employer that published the vacancy';
}

export interface ShownText {
  version: string;
  lang: Lang;
  text: string;
}

/** The consent document as a candidate reads it now: the newest version in their language, filled in. */
export function currentText(repos: Repos, vacancy: Vacancy, lang: Lang, version?: string | null): ShownText {
  const row: ConsentText | undefined = (version ? repos.consent.text(version, lang) : undefined) ?? repos.consent.latestText(lang);
  if (!row) throw new Error(`no consent text in ${lang}`);
  return {
    version: row.version,
    lang,
    text: fillConsentText(row.body, { operator: operatorName(repos, lang), vacancy: vacancyTitle(vacancy, lang) }),
  };
}

function must(row: ConsentRow | undefined, event: ConsentEvent): StoredConsentState {
  const state = stateOf(row);
  const next = nextConsentState(state, event, row?.source ?? null);
  if (next === null) throw new ConsentError(`consent.cannot_${event}`);
  return next;
}

/**
 * HR asks the candidate for consent: a fresh private link (only its hash is stored, valid
 * CONSENT_LINK_DAYS) and the consent_request letter, in one transaction. Returns the link.
 */
export function requestConsent(
  repos: Repos,
  actor: Actor & { userId: number },
  c: { candidate: Candidate; vacancy: Vacancy; publicUrl: string; now: Date },
): string {
  const { candidate, vacancy, now } = c;
  if (!candidate.email) throw new ConsentError('consent.no_email');
  const token = randomBytes(32).toString('base64url');
  const link = `${c.publicUrl}/consent/${token}`;
  repos.transaction(() => {
    const row = repos.consent.get(candidate.id);
    if (row?.erased_at) throw new ConsentError('consent.erased');
    const state = must(row, 'request');
    const lang = candidateLang(repos, candidate);
    const text = currentText(repos, vacancy, lang);
    const expires = linkExpiresAt(now);
    repos.consent.save(
      candidate.id,
      {
        state,
        token_hash: hashToken(token),
        token_expires_at: expires,
        requested_at: now.toISOString(),
        requested_by: actor.userId,
        text_version: text.version,
        text_lang: lang,
      },
      { userId: actor.userId, at: now.toISOString() },
    );
    queueTemplatedMail(repos, actor, {
      template: 'consent_request',
      lang,
      to: { address: candidate.email as string, name: candidate.fullName },
      vars: {
        candidate: { first_name: firstNameOf(candidate.fullName), full_name: candidate.fullName },
        vacancy: { title: vacancyTitle(vacancy, lang) },
        consent: { link, expires_at: formatInZone(expires, DEFAULT_ZONE, lang) },
      },
      candidateId: candidate.id,
    });
    auditLine(repos, actor, 'consent.requested', { type: 'candidate', id: candidate.id }, { version: text.version });
  });
  return link;
}

export interface LinkAnswer {
  action: 'accept' | 'decline' | 'withdraw';
  ip: string | null;
  userAgent: string | null;
  now: Date;
  /** The text the candidate was shown (its version and filled words are what is kept). */
  shown: ShownText;
}

/**
 * The candidate answers through their link. Accepting keeps the exact text shown, the time, the IP
 * address and the browser; withdrawing schedules erasure (ERASURE_AFTER_DAYS) and tells HR.
 */
export function answerByLink(repos: Repos, actor: Actor, candidate: Candidate, vacancy: Vacancy, a: LinkAnswer): ConsentState {
  return repos.transaction(() => {
    const row = repos.consent.get(candidate.id);
    if (!row || row.erased_at) throw new ConsentError('consent.erased');
    const at = a.now.toISOString();
    const base = { ip: a.ip, user_agent: a.userAgent?.slice(0, 500) ?? null };
    if (a.action === 'withdraw') {
      const next = must(row, 'withdraw');
      const due = erasureDueAt(a.now);
      repos.consent.save(candidate.id, { state: next, ...base, withdrawn_at: at, erasure_due_at: due }, { userId: null, at });
      auditLine(repos, actor, 'consent.withdrawn', { type: 'candidate', id: candidate.id }, { erasureDueAt: due });
      notifyHr(repos, actor, candidate, vacancy, due);
      return next;
    }
    if (row.token_expires_at === null || Date.parse(row.token_expires_at) <= a.now.getTime())
      throw new ConsentError('consent.link_expired');
    const next = must(row, a.action);
    if (a.action === 'accept') {
      repos.consent.save(
        candidate.id,
        {
          state: next,
          source: 'link',
          source_detail: null,
          text_version: a.shown.version,
          text_lang: a.shown.lang,
          accepted_text: a.shown.text,
          decided_at: at,
          recorded_by: null,
          ...base,
        },
        { userId: null, at },
      );
    } else {
      repos.consent.save(candidate.id, { state: next, source: 'link', decided_at: at, ...base }, { userId: null, at });
    }
    auditLine(
      repos,
      actor,
      `consent.${a.action === 'accept' ? 'given' : 'declined'}`,
      { type: 'candidate', id: candidate.id },
      {
        version: a.shown.version,
      },
    );
    return next;
  });
}

function notifyHr(repos: Repos, actor: Actor, candidate: Candidate, vacancy: Vacancy, due: string) {
  for (const u of repos.consent.hrRecipients(vacancy.id)) {
    const lang: Lang = u.locale ?? 'ru';
    queueTemplatedMail(repos, actor, {
      template: 'consent_withdrawn',
      lang,
      to: { address: u.email, name: u.display_name },
      vars: {
        user: { name: u.display_name },
        candidate: { full_name: candidate.fullName },
        vacancy: { title: vacancyTitle(vacancy, lang) },
        erasure: { date: formatInZone(due, DEFAULT_ZONE, lang), days: ERASURE_LEGAL_DAYS },
      },
      candidateId: candidate.id,
      userId: u.id,
    });
  }
}

/** HR records a consent obtained outside the app: on paper or through a job board, on a date. */
export function recordConsent(
  repos: Repos,
  actor: Actor & { userId: number },
  candidateId: number,
  r: { source: 'paper' | 'job_board'; date: string; detail: string | null; now: Date },
): void {
  repos.transaction(() => {
    const row = repos.consent.get(candidateId);
    if (row?.erased_at) throw new ConsentError('consent.erased');
    const state = must(row, 'record');
    repos.consent.save(
      candidateId,
      {
        state,
        source: r.source,
        source_detail: r.detail,
        decided_at: r.date,
        recorded_by: actor.userId,
        token_hash: null,
        token_expires_at: null,
        text_version: null,
        text_lang: null,
        accepted_text: null,
        ip: null,
        user_agent: null,
      },
      { userId: actor.userId, at: r.now.toISOString() },
    );
    auditLine(repos, actor, 'consent.recorded', { type: 'candidate', id: candidateId }, { source: r.source, date: r.date });
  });
}

/** The erasure job: candidates whose consent was withdrawn lose their personal data when due. */
export function runConsentErasure(repos: Repos, dataDir: string, now: Date): { erased: number[] } {
  const ids = repos.consent.dueForErasure(now.toISOString());
  const actor: Actor = { userId: null, userName: 'scheduler: consent_erasure', ip: null };
  for (const id of ids)
    eraseCandidate(repos, dataDir, id, actor, { by: 'consent_withdrawn' }, { grounds: 'consent_withdrawn', job: 'consent_erasure' }, now);
  return { erased: ids };
}
