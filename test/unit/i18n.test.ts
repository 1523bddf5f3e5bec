import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMessages, type Messages, translator } from '../../src/web/i18n.js';
import { CHECKLIST_KINDS, GRADES, ITEM_KINDS, LANGS, QUESTION_TYPES } from '../../src/domain/bank/schema.js';
import { ROLES } from '../../src/domain/roles.js';
import { STAGES } from '../../src/domain/vacancy.js';
import { INTERVIEW_STAGES, RECOMMENDATIONS } from '../../src/domain/interview.js';
import { PIPELINE, SOURCES } from '../../src/domain/candidate.js';
import { CONSENT_SOURCES, CONSENT_STATES, ERASED_CATEGORIES } from '../../src/domain/consent.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}

function files(dir: string, ext: string[]): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.some((e) => p.endsWith(e)) ? [p] : [];
  });
}

const ru = flatten(readMessages('ru'));
const en = flatten(readMessages('en'));
const base = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));

describe('translations', () => {
  it('have the same keys in Russian and English', () => {
    const ruBase = base(ru);
    const enBase = base(en);
    expect([...ruBase].filter((k) => !enBase.has(k))).toEqual([]);
    expect([...enBase].filter((k) => !ruBase.has(k))).toEqual([]);
  });

  it('have every plural form each language needs', () => {
    for (const k of base(ru))
      if (ru.some((x) => x === `${k}_one`)) for (const f of ['one', 'few', 'many']) expect(ru).toContain(`${k}_${f}`);
    for (const k of base(en)) if (en.some((x) => x === `${k}_one`)) expect(en).toContain(`${k}_other`);
  });

  it('have no empty strings', () => {
    const empty = (m: Messages): boolean => Object.values(m).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));
    expect(empty(readMessages('ru'))).toBe(false);
    expect(empty(readMessages('en'))).toBe(false);
  });

  it('contain every literal key that templates and code use', () => {
    const used = new Set<string>();
    const sources = [...files('views', ['.ejs']), ...files('src', ['.ts'])];
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z_]+(?:\.[a-z0-9_]+)+)'/g)) used.add(m[1]!);
      // Keys handed to the error or flash machinery rather than to t() directly.
      for (const m of text.matchAll(/'((?:errors|auth|vacancies|users)\.[a-z0-9_]+)'/g)) used.add(m[1]!);
    }
    for (const k of used) if (k.endsWith('_')) used.delete(k); // prefixes of the dynamic families below
    expect(used.size).toBeGreaterThan(50);
    const ruBase = base(ru);
    const enBase = base(en);
    expect([...used].filter((k) => !ruBase.has(k))).toEqual([]);
    expect([...used].filter((k) => !enBase.has(k))).toEqual([]);
  });

  it('contain every key built from a value at run time', () => {
    const families: Record<string, readonly string[]> = {
      'bank.kind_': ITEM_KINDS,
      'bank.type_': QUESTION_TYPES,
      'bank.group_': ['hard', 'soft', 'industry'],
      'bank.other_lang_': LANGS,
      'checklist.kind_': CHECKLIST_KINDS,
      'vacancies.status_': ['open', 'closed'],
      'roles.': ROLES,
      'grades.': GRADES,
      'stages.': STAGES,
      'errors.status_': ['400', '401', '403', '404', '413', '422', '500'],
      'interviews.stage_': INTERVIEW_STAGES,
      'scorecard.rec_': [...RECOMMENDATIONS, 'none'],
      'pipeline.': PIPELINE,
      'sources.': SOURCES,
      'verdicts.': ['pass', 'review', 'reject'],
      'screening.status_': ['met', 'not_met', 'unknown'],
      'consent.state_': CONSENT_STATES,
      'consent.source_': CONSENT_SOURCES,
      'consent.category_': ERASED_CATEGORIES,
      'consent.grounds_': ['retention', 'consent_withdrawn', 'request'],
      'consent.cannot_': ['request', 'accept', 'decline', 'withdraw', 'record'],
      'extract.': [
        'empty',
        'too_large',
        'too_many',
        'bad_upload',
        'unsupported_type',
        'type_mismatch',
        'no_text_layer',
        'encrypted',
        'corrupt',
        'too_complex',
      ],
    };
    const dynamic = Object.entries(families).flatMap(([prefix, values]) => values.map((v) => prefix + v));
    expect(dynamic.filter((k) => !ru.includes(k))).toEqual([]);
    expect(dynamic.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('pluralize Russian correctly', () => {
    const t = translator('ru');
    expect(t('bank.found', { count: 1 })).toBe('1 элемент');
    expect(t('bank.found', { count: 3 })).toBe('3 элемента');
    expect(t('bank.found', { count: 11 })).toBe('11 элементов');
    expect(translator('en')('bank.found', { count: 2 })).toBe('2 items');
  });

  // translator() resolves plain, {{param}} and plural messages itself for speed; i18next is the reference.
  it('give exactly what i18next gives, for every key, with and without parameters and counts', async () => {
    const i18next = (await import('i18next')).default;
    for (const lang of LANGS) {
      const ref = i18next.createInstance();
      await ref.init({
        resources: { [lang]: { translation: readMessages(lang) } },
        lng: lang,
        fallbackLng: false,
        interpolation: { escapeValue: false },
        returnNull: false,
      });
      const t = translator(lang);
      for (const key of base(lang === 'ru' ? ru : en)) {
        expect(t(key), key).toBe(ref.t(key));
        const params = { name: 'Анна <b>', code: 'K-7Q2', n: 3, page: 2, pages: 9, done: 1, total: 4, version: 2, reason: 'x' };
        expect(t(key, params), key).toBe(ref.t(key, params));
        for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1000, 1.5])
          expect(t(key, { ...params, count }), `${key} ${count}`).toBe(ref.t(key, { ...params, count }));
      }
    }
  });
});
