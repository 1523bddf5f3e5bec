import { describe, expect, it } from 'vitest';
import {
  canAnswer,
  CONSENT_STATES,
  erasureDueAt,
  ERASURE_LEGAL_DAYS,
  fillConsentText,
  firstNameOf,
  linkExpiresAt,
  nextConsentState,
  type ConsentEvent,
  type ConsentState,
} from '../../src/domain/consent.js';
import { dayKey, nextDay, formatInZone } from '../../src/domain/zone.js';

const EVENTS: ConsentEvent[] = ['request', 'accept', 'decline', 'withdraw', 'record'];

describe('consent state machine', () => {
  it('allows exactly these transitions', () => {
    const table: Record<string, string> = {};
    for (const s of CONSENT_STATES) for (const e of EVENTS) table[`${s} ${e}`] = nextConsentState(s, e) ?? '-';
    expect(table).toEqual({
      'not_requested request': 'requested',
      'not_requested accept': '-',
      'not_requested decline': '-',
      'not_requested withdraw': '-',
      'not_requested record': 'given',
      'requested request': 'requested',
      'requested accept': 'given',
      'requested decline': 'declined',
      'requested withdraw': '-',
      'requested record': 'given',
      'given request': '-',
      'given accept': '-',
      'given decline': '-',
      'given withdraw': 'withdrawn',
      'given record': '-',
      'declined request': 'requested',
      'declined accept': 'given',
      'declined decline': '-',
      'declined withdraw': '-',
      'declined record': 'given',
      'withdrawn request': '-',
      'withdrawn accept': '-',
      'withdrawn decline': '-',
      'withdrawn withdraw': '-',
      'withdrawn record': '-',
    });
  });

  it('lets a box ticked by HR be replaced by a documented consent, but never a documented one', () => {
    expect(nextConsentState('given', 'request', 'hr_recorded')).toBe('requested');
    expect(nextConsentState('given', 'record', 'hr_recorded')).toBe('given');
    for (const source of ['link', 'paper', 'job_board'] as const) {
      expect(nextConsentState('given', 'request', source)).toBeNull();
      expect(nextConsentState('given', 'record', source)).toBeNull();
    }
    expect(nextConsentState('withdrawn', 'request', 'hr_recorded')).toBeNull();
  });

  it('answers a request only while the link is valid; erasure falls inside the legal term', () => {
    const now = new Date('2026-03-10T09:00:00.000Z');
    const exp = linkExpiresAt(now);
    expect(canAnswer('requested', exp, now)).toBe(true);
    expect(canAnswer('requested', exp, new Date(Date.parse(exp) + 1))).toBe(false);
    expect(canAnswer('given' as ConsentState, exp, now)).toBe(false);
    expect(canAnswer('requested', null, now)).toBe(false);
    const due = Date.parse(erasureDueAt(now)) - now.getTime();
    expect(due).toBeLessThan(ERASURE_LEGAL_DAYS * 86_400_000);
    expect(due).toBeGreaterThan((ERASURE_LEGAL_DAYS - 2) * 86_400_000);
  });

  it('fills the operator and vacancy into the text, and finds the first name for a greeting', () => {
    expect(fillConsentText('оператору — {{operator}} — на «{{ vacancy }}» {{other}}', { operator: 'ООО «Ромашка»', vacancy: 'KAM' })).toBe(
      'оператору — ООО «Ромашка» — на «KAM» {{other}}',
    );
    expect(firstNameOf('Петрова Анна Сергеевна')).toBe('Анна');
    expect(firstNameOf('Анна Петрова')).toBe('Анна');
    expect(firstNameOf('Anna Petrova')).toBe('Anna');
    expect(firstNameOf('Мамедов Эльдар Рашид оглы')).toBe('Мамедов');
  });
});

describe('days in a zone', () => {
  it('counts the calendar day in the user zone', () => {
    const late = new Date('2026-03-10T22:30:00.000Z');
    expect(dayKey(late, 'Europe/Moscow')).toBe('2026-03-11');
    expect(dayKey(late, 'Europe/London')).toBe('2026-03-10');
    expect(dayKey(late, 'Asia/Vladivostok')).toBe('2026-03-11');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(formatInZone('2026-03-10T12:00:00.000Z', 'Europe/Moscow', 'en')).toContain('15:00');
  });
});
