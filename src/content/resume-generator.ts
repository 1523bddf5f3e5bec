/**
 * Synthetic resumes of would-be key account managers for benchmarks, tests and demo data.
 *
 * They imitate what HR actually receives — hh.ru exports, free-form Russian Word files, LinkedIn PDF
 * exports and US-style resumes — because a screener tuned on tidy text says little about real input.
 * Every person and employer is made up (retail chains are real: they are what a KAM's work is about).
 *
 * Pure and deterministic: the seed drives a small PRNG, and 'present' is a fixed month unless the caller
 * passes `asOf`, so the same seed yields the same text forever.
 */
import {
  type Bullet,
  type Doc,
  type Fixed,
  type Job,
  type Region,
  type ResumeLang,
  type ResumeProfile,
  type ResumeStyle,
  Rng,
  mixSeed,
  nth,
  utf8Bytes,
  yearOf,
} from './resume/base.js';
import {
  RU_CITIES,
  RU_CITY_EN,
  RU_COLLEGES,
  RU_COURSES,
  RU_COURSES_OFF,
  RU_COURSE_ORGS,
  RU_CRM,
  RU_JOB_CITIES_EN,
  RU_SKILLS_JUNIOR,
  RU_SKILLS_OFF,
  RU_SKILLS_SALES,
  RU_SPECS_OFF,
  RU_SPECS_SALES,
  RU_UNIS,
} from './resume/words-ru.js';
import {
  EN_AWARDS,
  EN_AWARDS_OFF,
  EN_CERTS,
  EN_CERTS_OFF,
  EN_COLLEGES,
  EN_COURSEWORK,
  EN_COURSEWORK_OFF,
  EN_CRM,
  EN_FIELDS_OFF,
  EN_FIELDS_SALES,
  EN_INTERESTS,
  EN_SKILLS_JUNIOR,
  EN_SKILLS_OFF,
  EN_SKILLS_SALES,
  EN_UNIS_EU,
  EN_UNIS_RU,
  EN_UNIS_US,
  EN_VOLUNTEER,
  EU_CITIES,
  EU_JOB_CITIES,
  US_CITIES,
} from './resume/words-en.js';
import {
  PROFILE_WEIGHTS,
  RELEVANT,
  cefrFor,
  eduFitAge,
  eduLevelFor,
  fillBullets,
  makePerson,
  pickSome,
  planCareer,
} from './resume/career.js';
import { renderHh, renderLinkedIn, renderRuFree, renderUs, ruFreeRange, unionMonths } from './resume/render.js';

export type { ResumeLang, ResumeProfile, ResumeStyle } from './resume/base.js';

export interface GeneratedResume {
  lang: ResumeLang;
  style: ResumeStyle;
  fullName: string;
  email: string;
  /** Also when the text leaves it out, as LinkedIn exports often do: the candidate form has it. */
  phone: string;
  text: string;
  profile: ResumeProfile;
  expected: {
    /**
     * Sales-role years as the dates are written (union of intervals, year-only bounds read mid-year),
     * measured at `asOf`; approximate because a screener may read a title differently.
     */
    relevantYearsApprox: number;
  };
}

export interface GenerateOptions {
  lang?: ResumeLang;
  profile?: ResumeProfile;
  style?: ResumeStyle;
  /** The month the resume was written; the career is laid out backwards from it. */
  asOf?: Date;
}

/** Default `asOf`: a fixed month, so output depends on the seed alone, never on the clock. */
export const GENERATOR_AS_OF = new Date(Date.UTC(2026, 9, 1));
/** UTF-8 size range of a generated text — what a one- or two-page export weighs. */
export const RESUME_MIN_BYTES = 2048;
export const RESUME_MAX_BYTES = 5120;

/** How a screener reads the written dates: year-only bounds mid-year, a single year as Jan–Dec. */
function parsedInterval(d: Doc, style: ResumeStyle, j: Job): { from: number; to: number } {
  if (style !== 'ru_free' || !ruFreeRange(d, j).yearOnly) return { from: j.from, to: j.to };
  const y1 = yearOf(j.from);
  const y2 = yearOf(j.to);
  const to = j.present ? d.asOf : y2 * 12 + 5;
  let from = y1 * 12 + 6;
  if (from > to) from = y1 * 12;
  return { from, to };
}

function relevantYears(d: Doc, style: ResumeStyle): number {
  const iv = d.career.jobs.filter((j) => RELEVANT[j.level]).map((j) => parsedInterval(d, style, j));
  return Math.round((unionMonths(iv) / 12) * 10) / 10;
}

function render(d: Doc, style: ResumeStyle, relYears: number): string {
  switch (style) {
    case 'hh':
      return renderHh(d);
    case 'ru_free':
      return renderRuFree(d);
    case 'linkedin':
      return renderLinkedIn(d, relYears);
    case 'us':
      return renderUs(d, relYears);
  }
}

/**
 * Shows or hides filler bullets (then optional blocks) until the text fits the size range. Each pass
 * estimates how many bullets make up the difference, so most resumes render two or three times at most.
 */
function fitSize(d: Doc, style: ResumeStyle, relYears: number): string {
  let text = render(d, style, relYears);
  for (let pass = 0; pass < 16; pass++) {
    const bytes = utf8Bytes(text);
    if (bytes > RESUME_MAX_BYTES) {
      let excess = bytes - RESUME_MAX_BYTES + 200;
      // Oldest roles lose detail first, as they do when a real resume outgrows two pages.
      for (let progress = true; excess > 0 && progress; ) {
        progress = false;
        for (const j of d.career.jobs) {
          if (excess <= 0) break;
          if (j.shown <= j.keep) continue;
          j.shown--;
          excess -= utf8Bytes(nth(j.bullets, j.shown)) + 3;
          progress = true;
        }
      }
      if (excess > 0) {
        if (d.extras.about > 0) d.extras.about = 0;
        else if (d.extras.more > 0) d.extras.more = 0;
        else if (d.extras.courses) d.extras.courses = false;
        else return text;
      }
    } else if (bytes < RESUME_MIN_BYTES) {
      let deficit = RESUME_MIN_BYTES - bytes + 200;
      // Recent roles gain detail first: that is where people write the most.
      for (let progress = true; deficit > 0 && progress; ) {
        progress = false;
        for (let k = d.career.jobs.length - 1; k >= 0 && deficit > 0; k--) {
          const j = nth(d.career.jobs, k);
          if (j.shown >= j.bullets.length) continue;
          deficit -= utf8Bytes(nth(j.bullets, j.shown)) + 3;
          j.shown++;
          progress = true;
        }
      }
      if (deficit > 0) {
        // A handful of sentences is what people write about themselves; beyond that, other blocks.
        const maxAbout = d.lang === 'ru' ? d.fixed.about.length : 4;
        if (d.lang === 'en' && d.extras.more < 5) d.extras.more = Math.min(5, d.extras.more + Math.ceil(deficit / 70));
        else if (d.extras.about < maxAbout) d.extras.about = Math.min(maxAbout, d.extras.about + Math.ceil(deficit / 50));
        else if (!d.extras.courses) d.extras.courses = true;
        else if (d.extras.about < d.fixed.about.length) d.extras.about = d.fixed.about.length;
        else return text;
      }
    } else return text;
    text = render(d, style, relYears);
  }
  return text;
}

function pickStyle(r: Rng, lang: ResumeLang): ResumeStyle {
  return lang === 'ru' ? r.weighted({ hh: 65, ru_free: 35 }) : r.weighted({ linkedin: 50, us: 50 });
}

export function generateResume(seed: number, opts: GenerateOptions = {}): GeneratedResume {
  const r = new Rng(seed);
  const asOfDate = opts.asOf ?? GENERATOR_AS_OF;
  const asOf = asOfDate.getUTCFullYear() * 12 + asOfDate.getUTCMonth();
  // Drawn even when the caller fixes them, so the draws that follow stay where they were.
  const drawnLang: ResumeLang = r.chance(0.6) ? 'ru' : 'en';
  const drawnProfile = r.weighted(PROFILE_WEIGHTS);
  const lang = opts.style !== undefined ? (opts.style === 'hh' || opts.style === 'ru_free' ? 'ru' : 'en') : (opts.lang ?? drawnLang);
  const profile = opts.profile ?? drawnProfile;
  const drawnStyle = pickStyle(r, lang);
  const style = opts.style ?? drawnStyle;
  const region: Region = style === 'us' ? 'us' : lang === 'ru' ? 'ru' : r.chance(0.6) ? 'ru' : 'eu';

  const career = planCareer(r, profile, lang, asOf);
  const firstJob = nth(career.jobs, 0);
  const birthYear = yearOf(firstJob.from) - (firstJob.level === 'retail' ? r.int(18, 21) : r.int(20, 24));
  const person = makePerson(r, lang, region, birthYear);
  const used = new Set<Bullet>();
  career.jobs.forEach((j, i) => fillBullets(r, j, profile, lang, region, career.track, i === career.jobs.length - 1, used));

  const ruCity = r.pick(RU_CITIES);
  const city =
    region === 'ru'
      ? lang === 'ru'
        ? ruCity[0]
        : (RU_CITY_EN[ruCity[0]] ?? 'Moscow, Moscow City, Russia')
      : region === 'us'
        ? r.pick(US_CITIES)
        : r.pick(EU_CITIES);
  const sales = profile !== 'offtrack';
  const skillPool =
    profile === 'offtrack'
      ? (lang === 'ru' ? RU_SKILLS_OFF : EN_SKILLS_OFF)[career.track]
      : profile === 'weak'
        ? lang === 'ru'
          ? RU_SKILLS_JUNIOR
          : EN_SKILLS_JUNIOR
        : lang === 'ru'
          ? RU_SKILLS_SALES
          : EN_SKILLS_SALES;
  const crmSkill = r.pick(lang === 'ru' ? RU_CRM : EN_CRM);
  const skills = pickSome(r, skillPool, r.int(5, 9));
  if (profile === 'strong' || (profile === 'average' && r.chance(0.5))) skills.splice(1, 0, crmSkill);
  const jobCityPool = region === 'us' ? US_CITIES : region === 'eu' ? EU_JOB_CITIES : RU_JOB_CITIES_EN;
  const homeJobCity = region === 'us' ? city : nth(jobCityPool, 0);

  const fixed: Fixed = {
    dateFormat: r.int(0, 3),
    layout: r.int(0, 5),
    splitDates: [r.chance(0.5), r.chance(0.5)],
    showCity: [r.chance(0.7), r.chance(0.7), r.chance(0.7)],
    skills,
    courseYear: Math.max(yearOf(firstJob.from) + 1, yearOf(asOf) - r.int(1, 6)),
    course: r.pick(sales ? RU_COURSES : RU_COURSES_OFF[career.track]),
    courseOrg: r.pick(RU_COURSE_ORGS),
    uni: lang === 'ru' ? r.pick(RU_UNIS) : region === 'ru' ? r.pick(EN_UNIS_RU) : region === 'us' ? r.pick(EN_UNIS_US) : r.pick(EN_UNIS_EU),
    spec:
      lang === 'ru'
        ? r.pick(sales ? RU_SPECS_SALES : RU_SPECS_OFF[career.track])
        : r.pick(sales ? EN_FIELDS_SALES : EN_FIELDS_OFF[career.track]),
    college: lang === 'ru' ? r.pick(RU_COLLEGES) : r.pick(EN_COLLEGES),
    master:
      lang === 'ru' ? r.pick(['Управление продажами', 'Маркетинг', 'Менеджмент']) : r.pick(['Marketing', 'Strategy', 'General Management']),
    salary: (profile === 'strong' ? r.int(18, 32) : profile === 'weak' ? r.int(7, 12) : r.int(10, 20)) * 10000,
    metro: ruCity[1].length > 0 && r.chance(0.8) ? r.pick(ruCity[1]) : null,
    headerVariant: r.int(0, 59),
    bulletMark: r.pick(['- ', '• ', '']),
    relocate: r.chance(0.3),
    travel: r.chance(0.7),
    secondLang: r.chance(0.25)
      ? r.pick(lang === 'ru' ? ['Немецкий', 'Французский', 'Испанский'] : ['Spanish', 'German', 'French', 'Polish'])
      : null,
    cert: r.pick(sales ? EN_CERTS : EN_CERTS_OFF[career.track]),
    jobCities: [homeJobCity, r.pick(jobCityPool), homeJobCity],
    about: r.shuffled(lang === 'ru' ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    coursework: `Relevant coursework: ${pickSome(r, sales ? EN_COURSEWORK : EN_COURSEWORK_OFF[career.track], 4).join(', ')}.`,
    volunteer: r.pick(EN_VOLUNTEER),
    award: r.pick(sales ? EN_AWARDS : EN_AWARDS_OFF),
    interests: r.pick(EN_INTERESTS),
  };

  const doc: Doc = {
    person,
    profile,
    lang,
    career,
    asOf,
    city,
    edu: eduFitAge(eduLevelFor(r, profile), birthYear, yearOf(asOf)),
    cefr: cefrFor(r, profile),
    extras: { about: r.int(0, 2), courses: r.chance(0.4), more: 0 },
    fixed,
  };
  const relYears = relevantYears(doc, style);
  const text = fitSize(doc, style, relYears);
  return {
    lang,
    style,
    fullName: person.fullName,
    email: person.email,
    phone: person.phone,
    text,
    profile,
    expected: { relevantYearsApprox: relYears },
  };
}

/**
 * `count` resumes from one seed. E-mails and phones are unique within the batch, so seeding a demo
 * database does not trip duplicate detection on a chance collision.
 */
export function generateResumes(count: number, seed: number, opts: GenerateOptions = {}): GeneratedResume[] {
  const out: GeneratedResume[] = [];
  const emails = new Set<string>();
  const phones = new Set<string>();
  const base = mixSeed(seed);
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      // Retries go into the high half, which mixSeed folds in, so they never reuse another index's seed.
      const res = generateResume(((base ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0) + attempt * 4294967296, opts);
      const phone = res.phone.replace(/\D/g, '');
      if ((emails.has(res.email) || phones.has(phone)) && attempt < 15) continue;
      emails.add(res.email);
      phones.add(phone);
      out.push(res);
      break;
    }
  }
  return out;
}
