import {
  endsWithOpenPoint,
  findRanges,
  fromMonthIndex,
  monthsToYears,
  toInterval,
  unionMonths,
  type Interval,
  type RangeMatch,
} from './dates.js';
import { buildDoc, sectionOf, type Doc } from './doc.js';
import { proseSpans } from './prose.js';
import { INTERNSHIP_RE, SALES_CONTEXT_RE, hasRoleNoun, isKeyRoleTitle, isRelevantTitle, isTitleLine, titleStart } from './roles.js';
import type { SectionKind } from './sections.js';
import { lineEvidence, multiLineEvidence, rawSlice, sentenceEvidence, type Line } from './text.js';
import type { ExperienceSummary, JobEntry } from './types.js';

export interface Job extends JobEntry {
  readonly interval: Interval;
  readonly hasTitle: boolean;
  readonly internship: boolean;
  readonly line: number;
  /** Untitled job whose lines mention selling: it may be relevant, so it keeps experience_3y open. */
  readonly salesBlock: boolean;
  /** First line of the job's header: the title line when it stands above the dates (LinkedIn), else the date line. */
  readonly headLine: number;
}

export interface DeclaredTotal {
  readonly years: number;
  readonly evidence: string;
  /** The statement itself names sales work ("8 years of FMCG sales experience"). */
  readonly salesContext: boolean;
}

export interface ExperienceAnalysis {
  readonly summary: ExperienceSummary;
  readonly jobs: readonly Job[];
  readonly declared: DeclaredTotal | null;
  /** Months (union) of dated jobs whose title could not be found: they may or may not be relevant. */
  readonly untitledMonths: number;
  /** The resume has a readable dated career: absence of a career item is then evidence (not_met). */
  readonly readable: boolean;
  /** Line index → index in `jobs` of the job block the line belongs to, or -1. */
  readonly jobAt: Int32Array;
  /** Without dated jobs: the job titles the experience section lists anyway («Ранее — торговый представитель …»). */
  readonly undated: readonly { readonly relevant: boolean; readonly evidence: string }[];
}

const NON_JOB_SECTIONS: ReadonlySet<SectionKind> = new Set(['education', 'courses', 'languages', 'skills', 'desired']);

// A range is a job header only when it stands where resumes put dates: at the start of the line, at its end
// (optionally followed by a duration), or between field delimiters. «В 2020–2021 гг. вывел бренд…» is prose.
const LEAD_ONLY_RE = /^[\s•·*▪►◦‣●○■□"'([-]*(?:(?:период(?: работы)?|period|dates?|даты|годы работы|срок)\s*:?\s*)?$/;
const BULLET_PREFIX_RE = /^\s*(?:[•·*▪►◦‣●○■□✓✔]|-\s)/;
const DURATION_TAIL_RE =
  /^[\s,.;:·|()[\]-]*(?:(?:менее|less than|about|около)?\s*\d{1,2}\s*(?:лет|года?|г\.|years?|yrs?|y|mos?|months?|месяц[а-я]*|мес\.?)[\s,.;:·|()[\]-]*(?:(?:и|and)\s+)?)*$/;
const PREFIX_DELIM_RE = /(?:[|,([·•\t;:/]|\s-|\s{2,})\s*$/;
const TAIL_DELIM_RE = /^(?:\s*$|\s*[|,)\]·•\t;:/(]|\s*-\s|\s{2,})/;
const MAX_PREFIX = 80;

// Study, courses and leave periods are not jobs even when they appear among them.
const NOT_A_JOB_RE =
  /университет|university|институт|institute|академи[яиюей]|academy|college|колледж|техникум|училищ|(?<![a-z])school|школ[аеуы]|факультет|faculty|студент|(?<![a-z])student|курсы|courses|certificat|сертифика/;
// Degree words make a line a study period even when an "associate" or "specialist" sits in it.
const DEGREE_LINE_RE =
  /бакалавр|bachelor|магистр|master'?s|(?<![a-z])mba(?![a-z])|diploma|диплом|(?<![a-z])degree|associate\s+(?:of|degree|in)|(?<![a-z])(?:b\.?sc|m\.?sc|b\.a\.|m\.a\.|bba|ph\.?d)(?![a-z])|graduated|окончил|выпуск/;

// Occupations inside study words: «преподаватель университета» is a job line.
const STUDY_ROLE_RE = /student|студент/g;
const TITLE_TRIM_RE = /^[\s,|;:·•)\]\-–—‒―−]+|[\s,|;:·•([\-–—‒―−]+$/g;
const AFTER_WINDOW = 6;
const BLOCK_LINES = 15;
// Titles used both on the shop floor and in B2B selling: the job's duties decide ("Sales Consultant" covering surgeons).
const AMBIGUOUS_SELLER_RE = /sales\s+(?:consultant|associate|advisor|executive)|продавец-консультант|консультант\s+по\s+продажам/;

// Duties that only B2B sellers have; "met sales goals" is also a shop-floor duty.
const B2B_DUTY_RE =
  /territor|(?<![a-z])b2b|key[\s-]*account|account\s+manag|prospect|cold[\s-]?call|new\s+accounts|business\s+(?:clients|customers|accounts)|distributors?|dealers?|wholesale|corporate\s+(?:clients|accounts)|decision[\s-]makers|(?<![a-z])rfps?(?![a-z])|tenders?|оптов|дистрибь|юридическ[а-я]*\s+лиц|корпоративн[а-я]*\s+клиент|дилер|тендер/;

function blockSells(doc: Doc, candidates: readonly Candidate[], k: number): boolean {
  const c = candidates[k];
  if (c === undefined) return false;
  const to = Math.min(candidates[k + 1]?.first ?? doc.lines.length, c.last + 1 + BLOCK_LINES);
  for (let j = c.last + 1; j < to; j++) if (B2B_DUTY_RE.test(doc.lines[j]?.norm ?? '')) return true;
  return false;
}
// Selling to private persons (households by phone, a contact centre's residential customers) is B2C whatever the
// title says, unless the same job also names business customers.
const PUBLIC_BUYERS_RE =
  /household|residential\s+(?:customers|clients|subscribers)|private\s+(?:customers|clients|individuals|persons)|members\s+of\s+the\s+public|walk-?in\s+customers|(?<![a-z])b2c(?![a-z])|(?:contact|call)\s*-?\s*cent(?:re|er)|физическ[а-я]*\s+лиц|частн[а-я]*\s+(?:клиент|лиц)|населени|колл-?\s?центр|контакт-?\s?центр|(?<![a-zа-я])b2c/;
const BUSINESS_BUYERS_RE =
  /(?<![a-z])b2b|business(?:es)?(?![a-z])|compan(?:y|ies)|corporate|dealers?|distributors?|wholesal|retailers|(?<![a-z])stores|(?<![a-z])shops|outlets|chains|key[\s-]*account|юридическ|корпоратив|дилер|дистрибь|оптов|магазин|торгов[а-я]*\s+точ|(?<![а-я])сет(?:и|ей|ям|ями)(?![а-я])|(?<![а-я])b2b/;

/** The job's own lines sell to the public and never to businesses. */
function sellsToPublic(lines: readonly string[]): boolean {
  return lines.some((l) => PUBLIC_BUYERS_RE.test(l)) && !lines.some((l) => BUSINESS_BUYERS_RE.test(l));
}

function blockLines(doc: Doc, candidates: readonly Candidate[], k: number): string[] {
  const c = candidates[k];
  if (c === undefined) return [];
  const to = Math.min(candidates[k + 1]?.first ?? doc.lines.length, c.last + 1 + BLOCK_LINES);
  const out: string[] = [];
  for (let j = c.first; j < to; j++) out.push(doc.lines[j]?.norm ?? '');
  return out;
}

// Duties that are selling to business customers, not a passing word such as "sales tax" or "cost of sales".
const BLOCK_SALES_RE =
  /(?<![a-z])(?:sold|selling)\s|sales\s+(?:rep|representative|manager|team|territor|quota|target|goals?|plan|pipeline|calls?|presentations?|cycle)|b2b|key[\s-]*account|account\s+manag|business\s+development|prospect(?:ing|ed)?\s|cold[\s-]?call|new\s+accounts|продаж[а-я]*\s+(?:b2b|клиентам|компаниям|дистриб|оптов)|активн[а-я]*\s+продаж|(?:поиск|привлечени)[а-я]*\s+(?:и\s+привлечени[а-я]*\s+)?(?:новых\s+)?клиент|торгов[а-я]*\s+представ|ключев[а-я]*\s+клиент|сетев[а-я]*\s+клиент|дистрибь|план[а-я]*\s+продаж/;
const BEFORE_WINDOW = 2;

// Prose leading into a range: «в 2020–2021 гг.», "during 2015-2017", "between …".
const PROSE_BEFORE_RE = /(?:^|\s)(?:в|во|за|до|после|между|с|со|на|in|during|between|from|since|of|by|for|at|and|и|то есть|когда|when)\s*$/;
const SENTENCE_IN_PREFIX_RE = /[.!?;]\s+\S/;
const MAX_HEADER_LINE = 160;

function isMonthPrecise(r: RangeMatch): boolean {
  return r.start.month !== null || r.finish === 'present';
}

/**
 * Whether a range on a line is a job's period. Dates stand where resumes put them: at the start of the line, at its
 * end (maybe with a duration), between field delimiters — or mid-line in a short header line such as
 * "Sales Manager 01/2015 to Current Company Name" / "Company Name August 2006 to May 2017 Reading Teacher".
 */
function isJobLike(s: string, r: RangeMatch): boolean {
  const prefix = s.slice(0, r.index);
  const tail = s.slice(r.end);
  if (LEAD_ONLY_RE.test(prefix)) return true;
  if (BULLET_PREFIX_RE.test(prefix) || prefix.length > MAX_PREFIX || PROSE_BEFORE_RE.test(prefix)) return false;
  // A paragraph (a long line) is prose: its range counts only right after a short header field
  // ("City , State Company Name / Aug 2012 to Jul 2014 As the Director …"); prose careers are read by prose.ts.
  if (s.trim().length > MAX_HEADER_LINE) {
    return (
      isMonthPrecise(r) &&
      prefix.length <= 60 &&
      PREFIX_DELIM_RE.test(prefix) &&
      !SENTENCE_IN_PREFIX_RE.test(prefix) &&
      !PROSE_BEFORE_RE.test(prefix)
    );
  }
  if (DURATION_TAIL_RE.test(tail)) return true;
  // A sentence with a range inside it is prose («До этого, с 2012 по 2017 год, была специалистом …»).
  if (/[.!?]$/.test(s.trim()) && s.trim().split(/\s+/).length >= 8) return false;
  if (PREFIX_DELIM_RE.test(prefix) && TAIL_DELIM_RE.test(tail)) return true;
  // Mid-line in a header line: month-precise, not led in by prose, the line short and not a sentence.
  return isMonthPrecise(r) && !PROSE_BEFORE_RE.test(prefix) && !SENTENCE_IN_PREFIX_RE.test(prefix);
}

interface Candidate {
  first: number;
  last: number;
  range: RangeMatch;
  interval: Interval;
  evidence: string;
  /** Title text found on the date line itself, if any. */
  inline: { raw: string; norm: string } | null;
}

function inlineTitle(lines: readonly Line[], first: number, last: number, r: RangeMatch, lastOffset: number): Candidate['inline'] {
  const a = lines[first];
  const b = lines[last];
  if (a === undefined || b === undefined) return null;
  const parts: { raw: string; norm: string }[] = [];
  parts.push({ raw: rawSlice(a, 0, r.index), norm: a.norm.slice(0, r.index) });
  if (first === last) parts.push({ raw: rawSlice(a, r.end, a.norm.length), norm: a.norm.slice(r.end) });
  else {
    const off = Math.max(0, r.end - lastOffset);
    parts.push({ raw: rawSlice(b, off, b.norm.length), norm: b.norm.slice(off) });
  }
  for (const p of parts) {
    const norm = p.norm.replace(TITLE_TRIM_RE, '');
    // "Sales 01/2007 to 02/2016", "International Business Development 11/2013 – Current": a short selling field is a title.
    if (norm !== '' && (hasRoleNoun(norm) || (norm.split(/\s+/).length <= 4 && isRelevantTitle(norm)))) {
      return { raw: p.raw.replace(TITLE_TRIM_RE, ''), norm };
    }
  }
  return null;
}

// A line holding only a range separator: "May 2014" / "to" / "Current".
const SEPARATOR_LINE_RE = /^\s*(?:-{1,2}|to|по|until|till|through|до)\s*$/;

/** Leave, breaks and service are dated but are not jobs. */
const NOT_WORK_RE =
  /career\s+break|sabbatical|maternity|paternity|parental\s+leave|family\s+leave|(?<![a-z])leave\s+of\s+absence|(?<![a-z])gap\s+year|travel(?:l?ing)?\s+(?:break|year)|job\s+search|(?<![а-я])декрет|отпуск\s+по\s+уходу|уход\s+за\s+(?:ребенком|детьми)|перерыв\s+в\s+работе|карьерн[а-я]*\s+перерыв|military\s+service|national\s+service|military\s+conscript|(?<![a-z])conscript|срочн[а-я]*\s+служб|служба\s+в\s+(?:армии|вооруженных|рядах)|военн[а-я]*\s+служб|(?<![а-я])арми[ия](?![а-я])|поиск\s+работы/;

function notWork(norm: string): boolean {
  return norm.length <= 120 && NOT_WORK_RE.test(norm);
}

function findCandidates(doc: Doc, now: Date): Candidate[] {
  const { lines, sections } = doc;
  const hasExperience = sections.has.has('experience');
  const inScope = (i: number): boolean => {
    const kind = sectionOf(doc, i);
    return hasExperience ? kind === 'experience' : !NON_JOB_SECTIONS.has(kind);
  };
  // Study lines are not jobs unless they name an occupation ("Teacher, Lincoln High School 2010–2015").
  const isStudy = (norm: string): boolean =>
    DEGREE_LINE_RE.test(norm) || (NOT_A_JOB_RE.test(norm) && !hasRoleNoun(norm.replace(STUDY_ROLE_RE, '')));
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !inScope(i) || sections.isHeading[i] === true) continue;
    const found: (Candidate & { lastOffset: number })[] = [];
    for (const r of findRanges(line.norm)) {
      if (!isJobLike(line.norm, r) || isStudy(line.norm) || notWork(line.norm)) continue;
      const interval = toInterval(r.start, r.finish, now);
      if (interval === null) continue;
      found.push({ first: i, last: i, range: r, interval, evidence: lineEvidence(line), inline: null, lastOffset: 0 });
    }
    if (found.length === 0 && endsWithOpenPoint(line.norm)) {
      // Exports break «Март 2019 —» / «настоящее время», or "May 2014" / "to" / "Current", over lines.
      let last = i + 1;
      let joined = line.norm;
      let lastOffset = 0;
      for (let k = i + 1; k <= i + 2 && k < lines.length; k++) {
        const next = lines[k];
        if (next === undefined || !inScope(k)) break;
        lastOffset = joined.length + 1;
        joined = `${joined} ${next.norm}`;
        last = k;
        if (!SEPARATOR_LINE_RE.test(next.norm)) break;
      }
      const r = last > i ? findRanges(joined).find((m) => m.index < line.norm.length && m.end > lastOffset) : undefined;
      const lastLine = lines[last];
      if (
        r !== undefined &&
        lastLine !== undefined &&
        isJobLike(joined, r) &&
        !isStudy(joined) &&
        !notWork(line.norm) &&
        !notWork(lastLine.norm)
      ) {
        const interval = toInterval(r.start, r.finish, now);
        if (interval !== null) {
          found.push({
            first: i,
            last,
            range: r,
            interval,
            evidence: multiLineEvidence(doc.text, line, lastLine),
            inline: null,
            lastOffset,
          });
        }
      }
    }
    for (const c of found) {
      c.inline = inlineTitle(lines, c.first, c.last, c.range, c.lastOffset);
      out.push(c);
    }
    const lastFound = found[found.length - 1];
    if (lastFound !== undefined) i = lastFound.last;
  }
  return out;
}

/**
 * A dated entry whose header names a break, leave or service ("Career break" above "Jan 2020 – Dec 2020" on LinkedIn,
 * «Декретный отпуск» under the dates on hh.ru): looked for on the side where this resume puts its titles.
 */
function headerNotWork(doc: Doc, candidates: readonly Candidate[], k: number, afterFirst: boolean): boolean {
  const c = candidates[k];
  // A title on the date line itself is the header; a leave mentioned in the job's bullets is part of that job.
  if (c === undefined || c.inline !== null) return false;
  const step = afterFirst ? 1 : -1;
  const limit = afterFirst ? 4 : 2;
  const stop = afterFirst ? (candidates[k + 1]?.first ?? doc.lines.length) : (candidates[k - 1]?.last ?? -1);
  let seen = 0;
  for (let j = (afterFirst ? c.last : c.first) + step; afterFirst ? j < stop : j > stop; j += step) {
    const l = doc.lines[j];
    if (l === undefined || doc.sections.isHeading[j] === true) break;
    if (l.norm.trim() === '') continue;
    if (++seen > limit) break;
    if (BULLET_PREFIX_RE.test(l.norm)) break;
    if (notWork(l.norm) && !hasRoleNoun(l.norm)) return true;
  }
  return false;
}

interface TitleHit {
  line: number;
  distance: number;
  /** Where the title ends in the normalized line when the line runs on into the description. */
  cut?: number;
}

const HEAD_WORDS_RE = /^\s*(?:\S+\s+){0,7}\S+/;

/**
 * "Sales Coordinator Company Name City, State Able to operate …": some exports glue the job's header and the first
 * duty into one long line right under the dates; its first words are the title when they hold an occupation noun.
 */
function runOnTitle(norm: string): number | null {
  const head = HEAD_WORDS_RE.exec(norm);
  if (head === null || head[0].length >= norm.trimEnd().length) return null;
  const cut = head[0].length;
  return isTitleLine(norm.slice(0, cut)) ? cut : null;
}

const ABBREV_END_RE = /(?:ltd|inc|co|corp|llc|gmbh|plc|ооо|зао|пао|ао|ип)\.$/;

/** Body text of a job (a sentence or a long bullet): titles are never found beyond it. */
function isDescription(norm: string, headerZone: boolean): boolean {
  const t = norm.trim();
  const words = t.split(/\s+/).length;
  const sentence = /[.!?;:]$/.test(t) || /[a-zа-я]{3}[.!?;]\s+\S/.test(t);
  if (sentence && words >= 3 && !ABBREV_END_RE.test(t)) return true;
  // hh.ru puts long company names and industry lists («Пищевая промышленность • Производство напитков…») between
  // the dates and the title; near the dates a long line that is not a sentence is skipped, not a stop.
  if (headerZone && words <= 16) return false;
  if (t.length > 70) return true;
  return /^[•·*▪►◦‣●○■□✓✔]/.test(t) && t.length > 50;
}

/**
 * Nearest title-like line walking away from the date line, skipping blank lines, stopping at headings,
 * at another job's date line and at description text (which belongs to a job body, not a header).
 */
function searchTitle(doc: Doc, from: number, step: 1 | -1, limit: number, stopAt: number): TitleHit | null {
  let d = 0;
  for (let j = from + step; step === 1 ? j < stopAt : j > stopAt; j += step) {
    const line = doc.lines[j];
    if (line === undefined || doc.sections.isHeading[j] === true) return null;
    if (line.norm.trim() === '') continue;
    d++;
    if (d > limit) return null;
    // A "Career Break" / «Декретный отпуск» header stands where the title would: it takes the title's place.
    if (isTitleLine(line.norm) || (line.norm.length <= 60 && notWork(line.norm))) return { line: j, distance: d };
    if (step === 1 && d === 1 && line.norm.length > 90) {
      const cut = runOnTitle(line.norm);
      if (cut !== null) return { line: j, distance: d, cut };
    }
    if (isDescription(line.norm, step === 1 && d <= 4)) return null;
  }
  return null;
}

function buildJobs(doc: Doc, candidates: readonly Candidate[]): Job[] {
  const after: (TitleHit | null)[] = [];
  const before: (TitleHit | null)[] = [];
  candidates.forEach((c, k) => {
    const prev = candidates[k - 1];
    const next = candidates[k + 1];
    after.push(searchTitle(doc, c.last, 1, AFTER_WINDOW, next === undefined ? doc.lines.length : next.first));
    before.push(searchTitle(doc, c.first, -1, BEFORE_WINDOW, prev === undefined ? -1 : prev.last));
  });
  // Exporters are consistent within one resume (hh.ru puts the title below the dates, LinkedIn above),
  // so each job votes for the side with the nearer title and the majority side is tried first; the
  // other side is a fallback that may not reuse a line already taken as another job's title.
  let votesAfter = 0;
  let votesBefore = 0;
  candidates.forEach((c, k) => {
    if (c.inline !== null) return;
    const a = after[k] ?? null;
    const b = before[k] ?? null;
    // Equally near on both sides says nothing: the other side may be the neighbouring job's title.
    if (a !== null && (b === null || a.distance < b.distance)) votesAfter++;
    else if (b !== null && (a === null || b.distance < a.distance)) votesBefore++;
  });
  const afterFirst = votesAfter >= votesBefore;
  const primary = candidates.map((c, k) => (c.inline !== null ? null : ((afterFirst ? after[k] : before[k]) ?? null)));
  const claimed = new Set(primary.filter((h): h is TitleHit => h !== null).map((h) => h.line));

  const notWorkAt = new Set<number>();
  candidates.forEach((c, k) => {
    if (notWork(c.inline?.norm ?? '') || headerNotWork(doc, candidates, k, afterFirst)) notWorkAt.add(k);
  });

  return candidates.flatMap((c, k): Job[] => {
    if (notWorkAt.has(k)) return [];
    let headLine = c.first;
    let title = '';
    let titleNorm = '';
    if (c.inline !== null) {
      title = c.inline.raw;
      titleNorm = c.inline.norm;
    } else {
      let hit = primary[k] ?? null;
      if (hit === null) {
        const fallback = (afterFirst ? before[k] : after[k]) ?? null;
        if (fallback !== null && !claimed.has(fallback.line)) hit = fallback;
      }
      const line = hit === null ? undefined : doc.lines[hit.line];
      // LinkedIn: company, (duration,) title, dates — the header starts up to two lines above the title.
      if (hit !== null && hit.line < c.first) headLine = Math.max(hit.line - 2, (candidates[k - 1]?.last ?? -1) + 1);
      if (line !== undefined && notWork(line.norm) && !hasRoleNoun(line.norm)) return [];
      if (line !== undefined) {
        const from = titleStart(line.norm);
        const to = hit?.cut ?? line.norm.length;
        title = from === 0 && hit?.cut === undefined ? lineEvidence(line) : rawSlice(line, from, to).trim();
        titleNorm = line.norm.slice(from, to).trim();
      }
    }
    const present = c.range.finish === 'present';
    const next = candidates[k + 1];
    const windowEnd = Math.min(next === undefined ? doc.lines.length : next.first, c.last + 1 + AFTER_WINDOW);
    let internship = INTERNSHIP_RE.test(titleNorm);
    // Without a title, the job's own lines decide whether it may be a selling job: when they never mention
    // selling, it is known not to be relevant rather than left open.
    let salesBlock = false;
    if (titleNorm === '') {
      const prev = candidates[k - 1];
      const from = Math.max(prev === undefined ? 0 : prev.last + 1, c.first - 2);
      const to = Math.min(next === undefined ? doc.lines.length : next.first, c.last + 1 + BLOCK_LINES);
      for (let j = from; !salesBlock && j < to; j++) salesBlock = BLOCK_SALES_RE.test(doc.lines[j]?.norm ?? '');
    }
    for (let j = c.first; !internship && j < windowEnd; j++) internship = INTERNSHIP_RE.test(doc.lines[j]?.norm ?? '');
    return [
      {
        start: fromMonthIndex(c.interval.from),
        end: present ? 'present' : fromMonthIndex(c.interval.to),
        title,
        relevant:
          titleNorm !== '' &&
          (isRelevantTitle(titleNorm) || (AMBIGUOUS_SELLER_RE.test(titleNorm) && blockSells(doc, candidates, k))) &&
          (isKeyRoleTitle(titleNorm) || !sellsToPublic([titleNorm, ...blockLines(doc, candidates, k)])),
        months: c.interval.to - c.interval.from + 1,
        evidence: c.evidence,
        interval: c.interval,
        hasTitle: titleNorm !== '',
        salesBlock,
        internship,
        line: c.first,
        headLine,
      },
    ];
  });
}

const DECLARED_RES: readonly RegExp[] = [
  /(?<![а-я])(?:общий\s+)?(?:опыт\s+работы|стаж\s+работы|общий\s+стаж|трудовой\s+стаж|опыт)\s*(?:[:-]\s*|в\s+[а-яa-z\s]{2,40}?)?(?:более|свыше|около|почти)?\s*(\d{1,2})(?:[.,](\d))?\s*\+?\s*(?:лет|года?|г\.)(?![а-я])(?:\s*(?:и\s*)?(\d{1,2})\s*(?:месяц[а-я]*|мес\.?))?/,
  /(?:total\s+|work\s+|professional\s+|relevant\s+|sales\s+)?experience\s*[:-]\s*(?:over\s+|more\s+than\s+|about\s+|approx\.?\s+)?(\d{1,2})(?:[.,](\d))?\s*\+?\s*(?:years?|yrs?)(?![a-z])(?:\s*(?:and\s*)?(\d{1,2})\s*(?:months?|mos?))?/,
  /(?<![\d.])(\d{1,2})(?:[.,](\d))?\s*\+?\s*(?:years?|yrs?|лет|года?)\s+(?:of\s+)?(?:[a-zа-я&-]+\s+){0,4}?(?:experience|опыта)(?![a-zа-я])/,
];
// Under a year, hh.ru states months alone: «Опыт работы — 10 месяцев».
const DECLARED_MONTHS_RES: readonly RegExp[] = [
  /(?<![а-я])(?:общий\s+)?(?:опыт\s+работы|стаж\s+работы|общий\s+стаж|трудовой\s+стаж)\s*(?:[:-]\s*)?(\d{1,2})\s*(?:месяц[а-я]*|мес\.?)(?![а-я])/,
  /(?:total\s+|work\s+|professional\s+)?experience\s*[:-]\s*(\d{1,2})\s*(?:months?|mos?)(?![a-z])/,
];
const DECLARED_SKIP: ReadonlySet<SectionKind> = new Set(['education', 'courses', 'languages', 'desired']);

function findDeclared(doc: Doc): DeclaredTotal | null {
  for (const re of DECLARED_RES) {
    for (const line of doc.lines) {
      if (DECLARED_SKIP.has(sectionOf(doc, line.index))) continue;
      const m = re.exec(line.norm);
      if (!m) continue;
      const years = Number(m[1]) + Number(m[2] ?? 0) / 10 + Number(m[3] ?? 0) / 12;
      if (years <= 0 || years > 60) continue;
      return {
        years: Math.round(years * 10) / 10,
        evidence: sentenceEvidence(line, m.index, m.index + m[0].length),
        salesContext: SALES_CONTEXT_RE.test(line.norm),
      };
    }
  }
  for (const re of DECLARED_MONTHS_RES) {
    for (const line of doc.lines) {
      if (DECLARED_SKIP.has(sectionOf(doc, line.index))) continue;
      const m = re.exec(line.norm);
      if (!m || Number(m[1]) === 0) continue;
      return {
        years: Math.round((Number(m[1]) / 12) * 10) / 10,
        evidence: sentenceEvidence(line, m.index, m.index + m[0].length),
        salesContext: SALES_CONTEXT_RE.test(line.norm),
      };
    }
  }
  return null;
}

/**
 * Which job each line belongs to: from the job's header (its title line when LinkedIn puts it above the dates) to
 * the line before the next job's header, within the job's section.
 */
function jobBlocks(doc: Doc, jobs: readonly Job[]): Int32Array {
  const at = new Int32Array(doc.lines.length).fill(-1);
  jobs.forEach((job, k) => {
    const nextJob = jobs[k + 1];
    const from = job.headLine;
    const to = nextJob === undefined ? doc.lines.length : Math.max(from, Math.min(nextJob.headLine, nextJob.line));
    const kind = sectionOf(doc, job.line);
    for (let j = from; j < to; j++) {
      if (j > job.line && (doc.sections.isHeading[j] === true || sectionOf(doc, j) !== kind)) break;
      at[j] = k;
    }
  });
  return at;
}

/** Title lines of an experience section that gives no dates. */
function undatedTitles(doc: Doc): { relevant: boolean; evidence: string }[] {
  if (!doc.sections.has.has('experience')) return [];
  const out: { relevant: boolean; evidence: string }[] = [];
  for (const line of doc.lines) {
    if (sectionOf(doc, line.index) !== 'experience' || doc.sections.isHeading[line.index] === true) continue;
    if (line.norm.length > 120 || !isTitleLine(line.norm)) continue;
    out.push({ relevant: isRelevantTitle(line.norm), evidence: lineEvidence(line) });
  }
  return out;
}

const PROSE_WORK_RE =
  /(?<![a-z])(?:work(?:ed|ing|s)?|joined|employed|spent|been|served\s+as|as\s+an?\s)|(?<![а-я])(?:работа[а-я]*|работал[а-я]*|трудил[а-я]*|устроил[а-я]*|пришл?[аи]?|был[аи]?)(?![а-я])/;
const PROSE_STUDY_RE =
  /studied|study|studying|учил[а-я]*|обучал[а-я]*|окончил[а-я]*|graduat|degree|диплом|университет|university|институт|college|колледж|school|школ/;

/** Jobs told in prose, for resumes without dated job lines (see prose.ts). */
function proseJobs(doc: Doc, now: Date): Job[] {
  const out: Job[] = [];
  for (const s of proseSpans(doc, now)) {
    if (notWork(s.clause) || (PROSE_STUDY_RE.test(s.clause) && !hasRoleNoun(s.clause) && !SALES_CONTEXT_RE.test(s.clause))) continue;
    // A span is a job only when its clause names an occupation or says the person worked: «Рост продаж в 2019–2020
    // годах составил 25%» is a result, not a job.
    if (BULLET_PREFIX_RE.test(s.line.norm) || !(hasRoleNoun(s.clause) || PROSE_WORK_RE.test(s.clause))) continue;
    const months = s.interval.to - s.interval.from + 1;
    if (months <= 0) continue;
    out.push({
      start: fromMonthIndex(s.interval.from),
      end: s.present ? 'present' : fromMonthIndex(s.interval.to),
      title: s.clauseRaw.length > 120 ? s.clauseRaw.slice(0, 120).trim() : s.clauseRaw,
      relevant: isRelevantTitle(s.clause) && (isKeyRoleTitle(s.clause) || !sellsToPublic([s.clause])),
      months,
      evidence: s.evidence,
      interval: s.interval,
      hasTitle: true,
      internship: INTERNSHIP_RE.test(s.clause),
      line: s.line.index,
      salesBlock: false,
      headLine: s.line.index,
    });
  }
  return out.sort((a, b) => a.line - b.line || a.interval.from - b.interval.from);
}

export function analyzeExperience(doc: Doc, now: Date): ExperienceAnalysis {
  const layout = buildJobs(doc, findCandidates(doc, now));
  const jobs = layout.length > 0 ? layout : proseJobs(doc, now);
  const undated = jobs.length > 0 ? [] : undatedTitles(doc);
  const declared = findDeclared(doc);
  const shortTenures = jobs.filter((j) => j.end !== 'present' && j.months < 12 && !j.internship).length;
  const summary: ExperienceSummary = {
    totalYears: jobs.length === 0 && declared !== null ? declared.years : monthsToYears(unionMonths(jobs.map((j) => j.interval))),
    // Without dates, a stated total counts as relevant when it names sales or every job the resume lists sells.
    relevantYears:
      jobs.length === 0 && declared !== null && (declared.salesContext || (undated.length > 0 && undated.every((u) => u.relevant)))
        ? declared.years
        : monthsToYears(unionMonths(jobs.filter((j) => j.relevant).map((j) => j.interval))),
    jobs: jobs.map(({ start, end, title, relevant, months, evidence }) => ({ start, end, title, relevant, months, evidence })),
    shortTenures,
    declaredTotalYears: declared?.years ?? null,
    // B2B selling shows in a relevant job (dated or not), an untitled job whose duties are selling, or a stated sales
    // total; a career that lists jobs, none of them selling, is not B2B sales.
    b2bSales:
      jobs.some((j) => j.relevant || (!j.hasTitle && j.salesBlock)) || undated.some((u) => u.relevant) || declared?.salesContext === true
        ? true
        : jobs.length > 0 || undated.length > 0
          ? false
          : null,
  };
  return {
    summary,
    jobs,
    declared,
    untitledMonths: unionMonths(jobs.filter((j) => !j.hasTitle && j.salesBlock).map((j) => j.interval)),
    readable: jobs.length > 0,
    jobAt: jobBlocks(doc, jobs),
    undated,
  };
}

/** Dated jobs, relevant and total years, short tenures and the self-declared total of a resume. */
export function extractExperience(text: string, now: Date): ExperienceSummary {
  return analyzeExperience(buildDoc(text), now).summary;
}
