/** The resume generator's foundations: the seeded PRNG, small text helpers, months, and the shapes every part shares. */

export type ResumeLang = 'ru' | 'en';
export type ResumeProfile = 'strong' | 'average' | 'weak' | 'offtrack';
export type ResumeStyle = 'hh' | 'ru_free' | 'linkedin' | 'us';

/** fmix32 of both halves, so seeds above 2^32, negative or neighbouring seeds still start far apart. */
export function mixSeed(seed: number): number {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  let h = (s >>> 0) ^ Math.imul(Math.floor(s / 4294967296) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = mixSeed(seed);
  }

  /** mulberry32: tiny, fast and good enough for picking words. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return nth(list, Math.floor(this.next() * list.length));
  }

  /** Two different items (the list must hold at least two). */
  pickTwo<T>(list: readonly T[]): [T, T] {
    const i = Math.floor(this.next() * list.length);
    const j = (i + 1 + Math.floor(this.next() * (list.length - 1))) % list.length;
    return [nth(list, i), nth(list, j)];
  }

  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<W extends Readonly<Record<string, number>>>(weights: W): keyof W & string {
    const keys = Object.keys(weights) as (keyof W & string)[];
    let total = 0;
    for (const k of keys) total += weights[k] ?? 0;
    let x = this.next() * total;
    for (const k of keys) {
      x -= weights[k] ?? 0;
      if (x < 0) return k;
    }
    return nth(keys, keys.length - 1);
  }

  /** Fisher–Yates on a copy: the pools are shared constants. */
  shuffled<T>(list: readonly T[]): T[] {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = nth(a, i);
      a[i] = nth(a, j);
      a[j] = t;
    }
    return a;
  }
}

export function nth<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${i} outside a list of ${list.length}`);
  return v;
}

export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

export function ruDuration(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(`${y} ${plural(y, 'год', 'года', 'лет')}`);
  if (m > 0) parts.push(`${m} ${plural(m, 'месяц', 'месяца', 'месяцев')}`);
  return parts.join(' ');
}

export function enDuration(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function lowerFirst(s: string): string {
  // Abbreviated titles (KAM, Key Account Manager) keep their capitals.
  return /^[А-ЯЁ][а-яё]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function thousandsEn(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Native and SIMD-fast; a JS loop over the text cost a fifth of the generation time. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

import { TRANSLIT } from '../../domain/translit.js';

// Inputs come from the fixed name and company lists, so a cache turns nearly every call into a lookup.
export const translitCache = new Map<string, string>();

/** Passport-style transliteration, the way Russians spell their names in e-mails and on LinkedIn. */
export function translit(s: string): string {
  const cached = translitCache.get(s);
  if (cached !== undefined) return cached;
  let out = '';
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i);
    out += TRANSLIT[c] ?? c;
  }
  translitCache.set(s, out);
  return out;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const RU_MONTHS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];
export const RU_MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
export const RU_MONTHS_SHORT = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month index: year * 12 + (month - 1), the unit all timeline arithmetic uses. */
export const yearOf = (i: number): number => Math.floor(i / 12);
export const monthOf = (i: number): number => (i % 12) + 1;

export type Region = 'ru' | 'us' | 'eu';

export interface Person {
  male: boolean;
  first: string;
  last: string;
  middle: string | null;
  /** As the resume writes it: «Фамилия Имя Отчество» for Russian resumes. */
  fullName: string;
  email: string;
  phone: string;
  region: Region;
  birth: { y: number; m: number; d: number };
}

export type FmcgCat =
  | 'dairy'
  | 'drinks'
  | 'confectionery'
  | 'beer'
  | 'snacks'
  | 'household'
  | 'food'
  | 'baby'
  | 'pet'
  | 'meat'
  | 'cosmetics'
  | 'grocery';

export interface CatText {
  /** «производство молочной продукции» */
  ruMade: string;
  /** genitive: «дистрибьютор молочной продукции» */
  ruGen: string;
  /** hh.ru industry lines under the employer. */
  hh: readonly string[];
  en: string;
}

export type EmployerKind = 'producer' | 'distributor' | 'b2b' | 'retail' | 'off';

export interface Employer {
  kind: EmployerKind;
  /** As written in the resume's language, with a legal form for Russian companies where it fits. */
  name: string;
  /** What it does, for «(дистрибьютор молочной продукции)»-style remarks. */
  about: string;
  hh: readonly string[];
  site: string | null;
  cat: FmcgCat | null;
  /** One-line company description that English resumes put under the employer; '' when none. */
  blurb: string;
}

export const CURRENCY: Readonly<Record<Region, (n: number) => string>> = {
  ru: (n) => `RUB ${(n / 10).toFixed(1)} bn`,
  us: (n) => `$${n * 4}M`,
  eu: (n) => `€${n * 3}M`,
};

export type Level = 'rep' | 'sup' | 'kam' | 'b2b' | 'retail' | 'off';
export type Track = 'acc' | 'log' | 'it' | 'law' | 'tech';

export interface Job {
  level: Level;
  /** Month indexes, inclusive. */
  from: number;
  to: number;
  present: boolean;
  employer: Employer;
  title: string;
  bullets: string[];
  /** The first `keep` bullets carry what the profile promises (chains, KPIs, CRM); the rest is filler. */
  keep: number;
  shown: number;
  /** Free-form resumes add «(дистрибьютор молочной продукции)» after a name that says nothing by itself. */
  showAbout: boolean;
}

export interface Career {
  jobs: Job[];
  track: Track;
}

/** What a bullet template may mention. A class, not closures: thousands are made per second. */
export class BulletCtx {
  constructor(
    readonly r: Rng,
    readonly year: number,
    readonly chains: readonly string[],
    readonly crm: string,
    readonly region: Region,
    readonly cat: string,
  ) {}

  chain(): string {
    return this.r.pick(this.chains);
  }

  twoChains(): [string, string] {
    return this.r.pickTwo(this.chains);
  }
}

export type Bullet = (c: BulletCtx) => string;

export interface Pool {
  /** Mentions retail chains / key clients. */
  ka: readonly Bullet[];
  /** A result with a figure. */
  kpi: readonly Bullet[];
  crm: readonly Bullet[];
  misc: readonly Bullet[];
}

export interface Content {
  ka: boolean;
  kpi: boolean;
  crm: boolean;
}

export type EduLevel = 'higher' | 'master' | 'unfinished' | 'college';
export type Cefr = 'A1' | 'A2' | 'B1' | 'B2' | 'C1';

export function ruGender(p: Person, male: string, female: string): string {
  return p.male ? male : female;
}

/** Everything a renderer needs. No Rng here: re-rendering after a size adjustment must not draw again. */
export interface Doc {
  person: Person;
  profile: ResumeProfile;
  lang: ResumeLang;
  career: Career;
  asOf: number;
  city: string;
  edu: EduLevel;
  cefr: Cefr;
  /** Optional blocks that grow or shrink the text towards the size range. */
  extras: { about: number; courses: boolean; more: number };
  /** Choices fixed once per resume so re-rendering after a size adjustment changes nothing else. */
  fixed: Fixed;
}

export interface Fixed {
  dateFormat: number;
  layout: number;
  splitDates: readonly boolean[];
  showCity: readonly boolean[];
  skills: readonly string[];
  courseYear: number;
  course: string;
  courseOrg: string;
  uni: string;
  spec: string;
  college: string;
  master: string;
  salary: number;
  metro: string | null;
  headerVariant: number;
  bulletMark: string;
  relocate: boolean;
  travel: boolean;
  secondLang: string | null;
  cert: string;
  jobCities: readonly string[];
  about: readonly number[];
  coursework: string;
  volunteer: string;
  award: string;
  interests: string;
}
