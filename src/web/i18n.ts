import i18next, { type TFunction } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import type { Lang } from '../domain/bank/schema.js';

const LOCALES_DIR = new URL('../../locales/', import.meta.url).pathname;

export type Messages = { [key: string]: string | Messages };

// One file per area (locales/<lang>/<area>.json, holding {"<area>": {...}}), so features add their own
// files; a top-level key defined twice is a mistake and stops the start.
export function readMessages(lang: Lang): Messages {
  const out: Messages = {};
  for (const file of readdirSync(`${LOCALES_DIR}${lang}`)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(`${LOCALES_DIR}${lang}/${file}`, 'utf8')) as Messages;
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`locales/${lang}/${file}: "${key}" is already defined in another file`);
      out[key] = value;
    }
  }
  return out;
}

const instance = i18next.createInstance();
// initAsync: false makes init synchronous, so the app is ready as soon as this module is imported.
void instance.init({
  resources: { ru: { translation: readMessages('ru') }, en: { translation: readMessages('en') } },
  supportedLngs: ['ru', 'en'],
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false }, // ejs escapes on output
  returnNull: false,
});

const fixed: Record<Lang, TFunction> = { ru: instance.getFixedT('ru'), en: instance.getFixedT('en') };

export type Translate = (key: string, params?: Record<string, unknown>) => string;

// i18next's t() costs ~15–20 µs a call and a list page makes ~150 calls. Messages without parameters
// never change while the process runs, so each is looked up once; {{name}} parameters are filled in
// directly; plurals (count) and anything unusual still go through i18next.
const plain: Record<Lang, Map<string, string>> = { ru: new Map(), en: new Map() };
const templates: Record<Lang, Map<string, Template | null | false>> = { ru: new Map(), en: new Map() };

/**
 * A message split at its {{name}} placeholders: literal texts at even places, names at odd ones.
 * null when the message is not a plain string or nests other messages ($t(...)): i18next fills those;
 * false when there is no such message.
 */
type Template = string[];

function parseTemplate(message: unknown): Template | null | false {
  if (message === undefined || message === null) return false;
  if (typeof message !== 'string' || message.includes('$t(')) return null;
  return message.split(/\{\{(\w+)\}\}/);
}

const pluralRules: Record<Lang, Intl.PluralRules> = { ru: new Intl.PluralRules('ru'), en: new Intl.PluralRules('en') };

export function translator(lang: Lang): Translate {
  const t = fixed[lang];
  const memo = plain[lang];
  const parsed = templates[lang];
  const rules = pluralRules[lang];
  const template = (key: string): Template | null | false => {
    let r = parsed.get(key);
    if (r === undefined) parsed.set(key, (r = parseTemplate(instance.getResource(lang, 'translation', key))));
    return r;
  };
  // {{name}} filled from params; null when the message needs more than that (nesting, a missing value).
  const fill = (parts: Template | null | false, params: Record<string, unknown>): string | null => {
    if (!parts) return null;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const v = params[parts[i]!];
      if (typeof v === 'string') out += v;
      else if (typeof v === 'number') out += String(v);
      else return null;
      out += parts[i + 1]!;
    }
    return out;
  };
  return (key, params) => {
    if (params === undefined) {
      let v = memo.get(key);
      if (v === undefined) memo.set(key, (v = t(key, {}) as string));
      return v;
    }
    if (!('context' in params) && !('ordinal' in params)) {
      const count = params.count;
      let out: string | null = null;
      if (count === undefined) out = fill(template(key), params);
      // Plurals as i18next resolves them (key_one / key_few / key_many / key_other by Intl.PluralRules),
      // without its ~20 µs per call; a language without the form falls back to i18next below.
      else if (typeof count === 'number' && count !== 0) {
        const form = template(`${key}_${rules.select(count)}`);
        out = fill(form === false ? template(key) : form, params);
      }
      if (out !== null) return out;
    }
    return t(key, params) as string;
  };
}

export const LOCALE_TAG: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };

const cache = new Map<string, ReturnType<typeof buildFormatters>>();

/** Dates and numbers as a reader of that language expects them; Moscow time by default. Built once per language. */
export function formatters(lang: Lang, timeZone = 'Europe/Moscow') {
  const key = `${lang}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = buildFormatters(lang, timeZone);
    cache.set(key, f);
  }
  return f;
}

function buildFormatters(lang: Lang, timeZone: string) {
  const tag = LOCALE_TAG[lang];
  // Each Intl object is made on its first use: the first one with a time zone loads ICU's zone rules (~35 ms), which a
  // page without dates (the login page a fresh start answers first) need not wait for.
  const once = <T>(make: () => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const dateF = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone }));
  const dateTimeF = once(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }));
  const numberF = once(() => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }));
  const kilobytesF = once(() => new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }));
  const megabytesF = once(() => new Intl.NumberFormat(tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }));
  const toDate = (v: string | Date) => (typeof v === 'string' ? new Date(v.endsWith('Z') || v.includes('+') ? v : `${v}Z`) : v);
  // A list page formats the same few dates and numbers over and over; Intl formatting is the slow part.
  const dates = new Map<string, string>();
  const numbers = new Map<number, string>();
  return {
    date: (v: string | Date) => {
      if (typeof v !== 'string') return dateF().format(v);
      let out = dates.get(v);
      if (out === undefined) {
        out = dateF().format(toDate(v));
        if (dates.size > 5000) dates.clear();
        dates.set(v, out);
      }
      return out;
    },
    dateTime: (v: string | Date) => dateTimeF().format(toDate(v)),
    number: (n: number) => {
      let out = numbers.get(n);
      if (out === undefined) {
        out = numberF().format(n);
        if (numbers.size > 5000) numbers.clear();
        numbers.set(n, out);
      }
      return out;
    },
    money: (n: number, currency: string) => new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n),
    /** A file size in the reader's units (кБ/МБ, kB/MB, from Intl), binary multiples as file managers show them. */
    bytes: (n: number) => (n < 1024 * 1024 ? kilobytesF().format(n / 1024) : megabytesF().format(n / 1024 / 1024)),
    percent: (n: number) => `${numberF().format(n)}${lang === 'ru' ? ' %' : '%'}`,
  };
}
export type Formatters = ReturnType<typeof buildFormatters>;
