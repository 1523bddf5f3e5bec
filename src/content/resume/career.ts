/** The career builder: a person, their employers and jobs laid out backwards from `asOf`, with bullets drawn from the word pools. */

import {
  type Bullet,
  BulletCtx,
  type Career,
  type Cefr,
  type Content,
  type EduLevel,
  type Employer,
  type EmployerKind,
  type FmcgCat,
  type Job,
  type Level,
  type Person,
  type Region,
  type ResumeLang,
  type ResumeProfile,
  type Rng,
  type Track,
  capitalize,
  monthOf,
  nth,
  pad2,
  thousandsEn,
  translit,
  yearOf,
} from './base.js';
import {
  CATS,
  EMAIL_DOMAINS_RU,
  OFF_TITLES_RU,
  RU_B2B,
  RU_CHAINS,
  RU_CRM,
  RU_DISTRIBUTORS,
  RU_FEMALE,
  RU_LEGAL,
  RU_MALE,
  RU_OFF,
  RU_OFF_BULLETS,
  RU_PATRONYMICS,
  RU_POOLS,
  RU_PRODUCERS,
  RU_RETAIL,
  RU_SURNAMES,
  TITLES_RU,
} from './words-ru.js';
import {
  EMAIL_DOMAINS_EN,
  EN_B2B,
  EN_CHAINS,
  EN_CRM,
  EN_DISTRIBUTORS,
  EN_FIRST_FEMALE,
  EN_FIRST_MALE,
  EN_LAST,
  EN_OFF,
  EN_OFF_BULLETS,
  EN_POOLS,
  EN_PRODUCERS,
  EN_RETAIL,
  OFF_TITLES_EN,
  TITLES_EN,
  US_AREA,
} from './words-en.js';

export function ruSurname(male: string, isMale: boolean): string {
  if (isMale) return male;
  if (/(?:ск|цк)ий$/.test(male)) return `${male.slice(0, -2)}ая`;
  if (/(?:ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}

export function makeEmail(r: Rng, first: string, last: string, birthYear: number, domains: readonly string[]): string {
  const f = first.toLowerCase().replace(/[^a-z]/g, '');
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const yy = pad2(birthYear % 100);
  const local = r.pick([
    `${f}.${l}`,
    `${l}.${f.charAt(0)}`,
    `${f}${l}${yy}`,
    `${f}_${l}`,
    `${f.charAt(0)}${l}${r.int(1, 99)}`,
    `${l}${birthYear}`,
    `${f}.${l}${r.int(1, 9)}`,
  ]);
  return `${local}@${r.pick(domains)}`;
}

export function ruPhone(r: Rng): string {
  const op = r.int(900, 999);
  const a = r.int(100, 999);
  const b = pad2(r.int(0, 99));
  const c = pad2(r.int(0, 99));
  switch (r.int(0, 3)) {
    case 0:
      return `+7 (${op}) ${a}-${b}-${c}`;
    case 1:
      return `8 (${op}) ${a}-${b}-${c}`;
    case 2:
      return `+7 ${op} ${a}-${b}-${c}`;
    default:
      return `+7${op}${a}${b}${c}`;
  }
}

export function usPhone(r: Rng): string {
  const n = `${r.int(200, 999)}-${String(r.int(0, 9999)).padStart(4, '0')}`;
  const area = r.pick(US_AREA);
  return r.chance(0.6) ? `(${area}) ${n}` : `${area}-${n}`;
}

export function euPhone(r: Rng): string {
  return r.pick([
    `+44 7${r.int(100, 999)} ${r.int(100000, 999999)}`,
    `+48 ${r.int(500, 799)} ${r.int(100, 999)} ${r.int(100, 999)}`,
    `+49 15${r.int(1, 9)} ${r.int(1000000, 9999999)}`,
    `+971 5${r.int(0, 9)} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
  ]);
}

export function makePerson(r: Rng, lang: ResumeLang, region: Region, birthYear: number): Person {
  const male = r.chance(0.5);
  const birth = { y: birthYear, m: r.int(1, 12), d: r.int(1, 28) };
  if (region === 'ru') {
    const firstRu = male ? r.pick(RU_MALE) : r.pick(RU_FEMALE);
    const lastRu = ruSurname(r.pick(RU_SURNAMES), male);
    const pair = r.pick(RU_PATRONYMICS);
    const middleRu = male ? pair[0] : pair[1];
    const first = capitalize(translit(firstRu)).replace(/iy$/, 'y');
    const last = capitalize(translit(lastRu)).replace(/iy$/, 'y');
    const email = makeEmail(r, first, last, birthYear, EMAIL_DOMAINS_RU);
    const phone = ruPhone(r);
    // An English resume of a Russian candidate spells the name in Latin and drops the patronymic.
    if (lang === 'en') return { male, first, last, middle: null, fullName: `${first} ${last}`, email, phone, region, birth };
    return {
      male,
      first: firstRu,
      last: lastRu,
      middle: middleRu,
      fullName: `${lastRu} ${firstRu} ${middleRu}`,
      email,
      phone,
      region,
      birth,
    };
  }
  const first = male ? r.pick(EN_FIRST_MALE) : r.pick(EN_FIRST_FEMALE);
  const last = r.pick(EN_LAST);
  const email = makeEmail(r, first, last, birthYear, EMAIL_DOMAINS_EN);
  const phone = region === 'us' ? usPhone(r) : euPhone(r);
  return { male, first, last, middle: null, fullName: `${first} ${last}`, email, phone, region, birth };
}

/** FNV-1a: a company keeps the same size and adjectives wherever it appears. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const siteCache = new Map<string, string>();

export function siteOf(name: string): string {
  let site = siteCache.get(name);
  if (site === undefined) {
    const core = translit(name.replace(/«|»|"|ООО|АО|ПАО|ТД|ТК/g, '')).replace(/[^a-z]/g, '');
    site = `www.${core.slice(0, 14) || 'company'}.ru`;
    siteCache.set(name, site);
  }
  return site;
}

export function ruName(r: Rng, base: string): string {
  if (/[«"]/.test(base) || /^(?:ТД|ТК) /.test(base)) return base;
  const legal = r.pick(RU_LEGAL);
  return legal === '' ? base : `${legal} «${base}»`;
}

export function makeEmployer(r: Rng, kind: EmployerKind, lang: ResumeLang, track: Track): Employer {
  if (lang === 'ru') {
    switch (kind) {
      case 'producer': {
        const [base, cat] = r.pick(RU_PRODUCERS);
        const c = CATS[cat];
        return { kind, name: ruName(r, base), about: c.ruMade, hh: c.hh, site: siteOf(base), cat, blurb: '' };
      }
      case 'distributor': {
        const cat = r.pick<FmcgCat>(['dairy', 'drinks', 'confectionery', 'food', 'snacks', 'beer', 'household', 'grocery']);
        const base = r.pick(RU_DISTRIBUTORS);
        return {
          kind,
          name: ruName(r, base),
          about: `дистрибьютор ${CATS[cat].ruGen}`,
          hh: ['Оптовая торговля', '• Продукты питания, напитки (оптовая торговля)'],
          site: siteOf(base),
          cat,
          blurb: '',
        };
      }
      case 'b2b': {
        const [base, about, hh] = r.pick(RU_B2B);
        return { kind, name: ruName(r, base), about, hh: [hh], site: siteOf(base), cat: null, blurb: '' };
      }
      case 'retail':
        return {
          kind,
          name: capitalize(r.pick(RU_RETAIL)),
          about: 'продуктовая розница',
          hh: ['Розничная торговля', '• Продуктовая розница'],
          site: null,
          cat: null,
          blurb: '',
        };
      case 'off': {
        const [base, about, hh] = r.pick(RU_OFF[track]);
        return { kind, name: ruName(r, base), about, hh: [hh], site: siteOf(base), cat: null, blurb: '' };
      }
    }
  }
  switch (kind) {
    case 'producer': {
      const [name, cat] = r.pick(EN_PRODUCERS);
      const h = nameHash(name);
      const blurb = `${nth(['Regional', 'National', 'Family-owned', 'Fast-growing', 'Private-label'], h % 5)} ${CATS[cat].en} manufacturer with ${thousandsEn((((h >>> 3) % 57) + 4) * 50)} employees.`;
      return { kind, name, about: CATS[cat].en, hh: [], site: null, cat, blurb };
    }
    case 'distributor': {
      const name = r.pick(EN_DISTRIBUTORS);
      const blurb = `Food and beverage distributor serving ${thousandsEn(((nameHash(name) % 38) + 3) * 100)} retail outlets.`;
      return { kind, name, about: 'food and beverage distribution', hh: [], site: null, cat: 'food', blurb };
    }
    case 'b2b': {
      const [name, about] = r.pick(EN_B2B);
      return { kind, name, about, hh: [], site: null, cat: null, blurb: `Supplier of ${about} to business customers across the region.` };
    }
    case 'retail': {
      const name = r.pick(EN_RETAIL);
      return {
        kind,
        name,
        about: 'grocery retail',
        hh: [],
        site: null,
        cat: null,
        blurb: `Neighborhood grocer with ${(nameHash(name) % 76) + 5} stores.`,
      };
    }
    case 'off': {
      const [name, blurb] = r.pick(EN_OFF[track]);
      return { kind, name, about: '', hh: [], site: null, cat: null, blurb };
    }
  }
}

/** Levels whose titles the screener should count as sales experience. */
export const RELEVANT: Readonly<Record<Level, boolean>> = { rep: true, sup: true, kam: true, b2b: true, retail: false, off: false };

export function titleFor(r: Rng, level: Level, lang: ResumeLang, track: Track): string {
  if (level === 'off') return r.pick(lang === 'ru' ? OFF_TITLES_RU[track] : OFF_TITLES_EN[track]);
  return r.pick(lang === 'ru' ? TITLES_RU[level] : TITLES_EN[level]);
}

export const PROFILE_WEIGHTS: Readonly<Record<ResumeProfile, number>> = { strong: 30, average: 35, weak: 20, offtrack: 15 };

/**
 * Job levels, oldest first. `minJobs` is 3 for English resumes: their short bullets make a two-job
 * resume too thin for the size range without padding nobody would write.
 */
export function planLevels(r: Rng, profile: ResumeProfile, minJobs: number): Level[] {
  switch (profile) {
    case 'strong': {
      const n = r.weighted({ '3': 30, '4': 35, '5': 25, '6': 10 });
      const count = Number(n);
      const ladder: Level[] = ['rep', 'sup', 'kam'];
      const out: Level[] = [r.chance(0.2) ? 'retail' : 'rep'];
      let step = 0;
      for (let i = 1; i < count - 1; i++) {
        step = Math.min(2, step + r.int(0, 1));
        out.push(nth(ladder, step));
      }
      out.push('kam');
      return out;
    }
    case 'average': {
      const count = r.int(minJobs, 5);
      const out: Level[] = [];
      for (let i = 0; i < count - 1; i++) out.push(r.weighted({ rep: 35, b2b: 25, retail: 20, sup: 10, off: 10 }));
      out.push(r.weighted({ kam: 35, sup: 25, b2b: 40 }));
      return out;
    }
    case 'weak': {
      const count = r.int(minJobs, 5);
      const out: Level[] = [];
      for (let i = 0; i < count - 1; i++) out.push(r.weighted({ retail: 45, off: 25, rep: 20, b2b: 10 }));
      out.push(r.weighted({ rep: 45, b2b: 25, retail: 30 }));
      return out;
    }
    case 'offtrack':
      return Array.from({ length: r.int(minJobs, 5) }, () => 'off' as Level);
  }
}

export function monthsFor(r: Rng, profile: ResumeProfile, level: Level, newest: boolean): number {
  switch (profile) {
    case 'strong':
      if (level === 'retail') return r.int(6, 18);
      return newest ? r.int(24, 72) : r.int(14, 48);
    case 'average':
      return newest ? r.int(12, 48) : r.int(10, 40);
    case 'weak':
      return RELEVANT[level] ? r.int(3, 14) : r.int(8, 36);
    case 'offtrack':
      return r.int(8, 60);
  }
}

export function employerKind(r: Rng, profile: ResumeProfile, level: Level): EmployerKind {
  switch (level) {
    case 'retail':
      return 'retail';
    case 'b2b':
      return r.chance(0.8) ? 'b2b' : 'distributor';
    case 'off':
      // Accountants and engineers of FMCG makers apply to sales jobs too; their industry is not sales experience.
      return r.chance(0.15) ? 'producer' : 'off';
    default:
      if (profile === 'strong') return r.chance(0.65) ? 'producer' : 'distributor';
      if (profile === 'average') return r.weighted({ producer: 35, distributor: 25, b2b: 40 });
      return r.weighted({ producer: 20, distributor: 50, b2b: 30 });
  }
}

export function planCareer(r: Rng, profile: ResumeProfile, lang: ResumeLang, asOf: number): Career {
  const track = r.pick<Track>(['acc', 'acc', 'log', 'it', 'it', 'law', 'tech']);
  const levels = planLevels(r, profile, lang === 'en' ? 3 : 2);
  const months = levels.map((l, i) => monthsFor(r, profile, l, i === levels.length - 1));
  const relevantIdx = levels.map((l, i) => (RELEVANT[l] ? i : -1)).filter((i) => i >= 0);
  const relevantSum = (): number => {
    let sum = 0;
    for (const i of relevantIdx) sum += nth(months, i);
    return sum;
  };
  const last = levels.length - 1;
  // Keep each profile on its side of the 3-year line the checklist cares about.
  if (profile === 'strong' && relevantSum() < 48) months[last] = nth(months, last) + 48 - relevantSum();
  if (profile === 'average' && relevantIdx.length > 0 && relevantSum() < 24) {
    const i = nth(relevantIdx, relevantIdx.length - 1);
    months[i] = nth(months, i) + 24 - relevantSum();
  }
  if (profile === 'weak') {
    while (relevantSum() > 28) {
      const i = relevantIdx.reduce((best, j) => (nth(months, j) > nth(months, best) ? j : best), nth(relevantIdx, 0));
      months[i] = Math.max(3, nth(months, i) - 6);
    }
  }

  const present = r.chance(profile === 'weak' ? 0.5 : profile === 'strong' ? 0.8 : 0.7);
  let end = present ? asOf : asOf - r.int(1, 8);
  const jobs: Job[] = [];
  let prev: Job | null = null;
  for (let i = last; i >= 0; i--) {
    const level = nth(levels, i);
    const m = nth(months, i);
    const from = end - m + 1;
    const next: Job | null = prev;
    // A promotion inside one company is the commonest KAM path, and LinkedIn groups such roles.
    const sameEmployer = next !== null && RELEVANT[level] && RELEVANT[next.level] && level !== next.level && r.chance(0.25);
    const employer: Employer =
      sameEmployer && next !== null ? next.employer : makeEmployer(r, employerKind(r, profile, level), lang, track);
    const job: Job = {
      level,
      from,
      to: end,
      present: i === last && present,
      employer,
      title: titleFor(r, level, lang, track),
      bullets: [],
      keep: 1,
      shown: 0,
      showAbout: false,
    };
    jobs.push(job);
    prev = job;
    const gap = r.chance(0.08) ? -r.int(1, 6) : profile === 'weak' ? r.int(0, 8) : r.int(0, 3);
    end = from - 1 - gap;
  }
  jobs.reverse();
  return { jobs, track };
}

/** What the newest job's description proves, by profile: the strong ones prove everything. */
export function contentFor(r: Rng, profile: ResumeProfile, newest: boolean): Content {
  switch (profile) {
    case 'strong':
      return newest ? { ka: true, kpi: true, crm: true } : { ka: r.chance(0.4), kpi: r.chance(0.7), crm: false };
    case 'average':
      return { ka: r.chance(newest ? 0.5 : 0.2), kpi: r.chance(0.5), crm: r.chance(newest ? 0.5 : 0.15) };
    case 'weak':
      return { ka: r.chance(0.1), kpi: r.chance(0.3), crm: r.chance(0.15) };
    case 'offtrack':
      return { ka: false, kpi: r.chance(0.4), crm: false };
  }
}

/** The templates in random order, those not yet used in this resume first. */
export function freshFirst(r: Rng, list: readonly Bullet[], used: ReadonlySet<Bullet>): Bullet[] {
  const order = r.shuffled(list);
  const fresh: Bullet[] = [];
  const stale: Bullet[] = [];
  for (const b of order) (used.has(b) ? stale : fresh).push(b);
  return fresh.concat(stale);
}

/**
 * Description lines of one job. `used` holds what earlier jobs of the same resume already said: people
 * with three similar jobs still word them differently, so unused templates go first.
 */
export function fillBullets(
  r: Rng,
  job: Job,
  profile: ResumeProfile,
  lang: ResumeLang,
  region: Region,
  track: Track,
  newest: boolean,
  used: Set<Bullet>,
): void {
  // Field sales at a maker of air conditioners has no tastings or planograms: B2B employers get B2B duties.
  const level: Level = job.employer.kind === 'b2b' && (job.level === 'rep' || job.level === 'sup') ? 'b2b' : job.level;
  const pool = level === 'off' ? (lang === 'ru' ? RU_OFF_BULLETS : EN_OFF_BULLETS)[track] : (lang === 'ru' ? RU_POOLS : EN_POOLS)[level];
  const want = contentFor(r, profile, newest);
  const chains = lang === 'ru' ? RU_CHAINS : EN_CHAINS[region];
  const cat = job.employer.cat !== null ? (lang === 'ru' ? CATS[job.employer.cat].ruGen : CATS[job.employer.cat].en) : job.employer.about;
  // The last complete year of the job: a plan "for 2026" cannot be reported in October 2026.
  const year = Math.max(yearOf(job.from), yearOf(job.to) - (job.present || monthOf(job.to) < 12 ? 1 : 0));
  const ctx = new BulletCtx(r, year, chains, r.pick(lang === 'ru' ? RU_CRM : EN_CRM), region, cat);
  const essential: Bullet[] = [];
  if (want.ka && pool.ka.length > 0) essential.push(nth(freshFirst(r, pool.ka, used), 0));
  if (want.kpi && pool.kpi.length > 0) essential.push(nth(freshFirst(r, pool.kpi, used), 0));
  if (want.crm && pool.crm.length > 0) essential.push(nth(freshFirst(r, pool.crm, used), 0));
  const all = essential.concat(freshFirst(r, pool.misc, used));
  job.bullets = all.map((b) => b(ctx));
  job.keep = Math.max(1, essential.length);
  job.shown = Math.min(job.bullets.length, Math.max(job.keep, lang === 'ru' ? r.int(2, 4) : r.int(3, 6)));
  for (let i = 0; i < job.shown; i++) used.add(nth(all, i));
  job.showAbout = job.employer.kind !== 'retail' && ((profile === 'strong' && newest) || r.chance(0.5));
}

export function eduLevelFor(r: Rng, profile: ResumeProfile): EduLevel {
  switch (profile) {
    case 'strong':
      return r.weighted({ higher: 75, master: 22, unfinished: 3 });
    case 'average':
      return r.weighted({ higher: 70, master: 8, unfinished: 12, college: 10 });
    case 'weak':
      return r.weighted({ higher: 25, unfinished: 30, college: 45 });
    case 'offtrack':
      return r.weighted({ higher: 60, master: 10, college: 30 });
  }
}

/** Nobody holds a finished degree at 21: a young candidate's degree is still in progress. */
export function eduFitAge(level: EduLevel, birthYear: number, year: number): EduLevel {
  if (level === 'master' && birthYear + 24 > year) level = 'higher';
  if (level === 'higher' && birthYear + 22 > year) level = 'unfinished';
  return level;
}

export function cefrFor(r: Rng, profile: ResumeProfile): Cefr {
  switch (profile) {
    case 'strong':
      return r.weighted({ A2: 10, B1: 30, B2: 40, C1: 20 });
    case 'average':
      return r.weighted({ A1: 15, A2: 35, B1: 30, B2: 20 });
    case 'weak':
      return r.weighted({ A1: 45, A2: 35, B1: 20 });
    case 'offtrack':
      return r.weighted({ A1: 20, A2: 30, B1: 25, B2: 20, C1: 5 });
  }
}

export function pickSome(r: Rng, list: readonly string[], n: number): string[] {
  return r.shuffled(list).slice(0, Math.min(n, list.length));
}
