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
import { INTERNSHIP_RE, SALES_CONTEXT_RE, hasRoleNoun, isRelevantTitle, isTitleLine, titleStart } from './roles.js';
import type { SectionKind } from './sections.js';
import { lineEvidence, multiLineEvidence, rawSlice, sentenceEvidence, type Line } from './text.js';
import type { ExperienceSummary, JobEntry } from './types.js';

export interface Job extends JobEntry {
  readonly interval: Interval;
  readonly hasTitle: boolean;
  readonly internship: boolean;
  readonly line: number;
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
  /университет|university|институт|institute|академи[яиюей]|academy|college|колледж|техникум|училищ|(?<![a-z])school|школ[аеуы]|факультет|faculty|бакалавр|bachelor|магистр|master'?s|(?<![a-z])mba(?![a-z])|студент|(?<![a-z])student|курсы|courses|certificat|сертифика|diploma|диплом|декрет|отпуск по уходу|maternity|parental leave/;

const TITLE_TRIM_RE = /^[\s,|;:·•)\]\-–—‒―−]+|[\s,|;:·•([\-–—‒―−]+$/g;
const AFTER_WINDOW = 6;
const BEFORE_WINDOW = 2;

function isJobLike(s: string, r: RangeMatch): boolean {
  const prefix = s.slice(0, r.index);
  const tail = s.slice(r.end);
  if (LEAD_ONLY_RE.test(prefix)) return true;
  if (BULLET_PREFIX_RE.test(prefix) || prefix.length > MAX_PREFIX) return false;
  if (DURATION_TAIL_RE.test(tail)) return true;
  return PREFIX_DELIM_RE.test(prefix) && TAIL_DELIM_RE.test(tail);
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

function inlineTitle(lines: readonly Line[], first: number, last: number, r: RangeMatch): Candidate['inline'] {
  const a = lines[first];
  const b = lines[last];
  if (a === undefined || b === undefined) return null;
  const parts: { raw: string; norm: string }[] = [];
  parts.push({ raw: rawSlice(a, 0, r.index), norm: a.norm.slice(0, r.index) });
  if (first === last) parts.push({ raw: rawSlice(a, r.end, a.norm.length), norm: a.norm.slice(r.end) });
  else {
    const off = r.end - a.norm.length - 1;
    parts.push({ raw: rawSlice(b, off, b.norm.length), norm: b.norm.slice(off) });
  }
  for (const p of parts) {
    const norm = p.norm.replace(TITLE_TRIM_RE, '');
    if (norm !== '' && hasRoleNoun(norm)) return { raw: p.raw.replace(TITLE_TRIM_RE, ''), norm };
  }
  return null;
}

function findCandidates(doc: Doc, now: Date): Candidate[] {
  const { lines, sections } = doc;
  const hasExperience = sections.has.has('experience');
  const inScope = (i: number): boolean => {
    const kind = sectionOf(doc, i);
    return hasExperience ? kind === 'experience' : !NON_JOB_SECTIONS.has(kind);
  };
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !inScope(i) || sections.isHeading[i] === true) continue;
    const found: Candidate[] = [];
    for (const r of findRanges(line.norm)) {
      if (!isJobLike(line.norm, r) || NOT_A_JOB_RE.test(line.norm)) continue;
      const interval = toInterval(r.start, r.finish, now);
      if (interval === null) continue;
      found.push({ first: i, last: i, range: r, interval, evidence: lineEvidence(line), inline: null });
    }
    const next = lines[i + 1];
    if (found.length === 0 && next !== undefined && inScope(i + 1) && endsWithOpenPoint(line.norm)) {
      // hh.ru PDF exports break «Март 2019 —» / «настоящее время» over two lines.
      const joined = `${line.norm} ${next.norm}`;
      const r = findRanges(joined).find((m) => m.index < line.norm.length && m.end > line.norm.length + 1);
      if (r !== undefined && isJobLike(joined, r) && !NOT_A_JOB_RE.test(joined)) {
        const interval = toInterval(r.start, r.finish, now);
        if (interval !== null) {
          found.push({ first: i, last: i + 1, range: r, interval, evidence: multiLineEvidence(doc.text, line, next), inline: null });
        }
      }
    }
    for (const c of found) {
      c.inline = inlineTitle(lines, c.first, c.last, c.range);
      out.push(c);
    }
    const lastFound = found[found.length - 1];
    if (lastFound !== undefined) i = lastFound.last;
  }
  return out;
}

interface TitleHit {
  line: number;
  distance: number;
}

const ABBREV_END_RE = /(?:ltd|inc|co|corp|llc|gmbh|plc|ооо|зао|пао|ао|ип)\.$/;

/** Body text of a job (a sentence or a long bullet): titles are never found beyond it. */
function isDescription(norm: string): boolean {
  const t = norm.trim();
  if (t.length > 70) return true;
  if (/^[•·*▪►◦‣●○■□✓✔]/.test(t) && t.length > 50) return true;
  return t.endsWith('.') && t.split(/\s+/).length >= 3 && !ABBREV_END_RE.test(t);
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
    if (isTitleLine(line.norm)) return { line: j, distance: d };
    if (isDescription(line.norm)) return null;
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

  return candidates.map((c, k) => {
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
      if (line !== undefined) {
        const from = titleStart(line.norm);
        title = from === 0 ? lineEvidence(line) : rawSlice(line, from, line.norm.length).trim();
        titleNorm = line.norm.slice(from).trim();
      }
    }
    const present = c.range.finish === 'present';
    const next = candidates[k + 1];
    const windowEnd = Math.min(next === undefined ? doc.lines.length : next.first, c.last + 1 + AFTER_WINDOW);
    let internship = INTERNSHIP_RE.test(titleNorm);
    for (let j = c.first; !internship && j < windowEnd; j++) internship = INTERNSHIP_RE.test(doc.lines[j]?.norm ?? '');
    return {
      start: fromMonthIndex(c.interval.from),
      end: present ? 'present' : fromMonthIndex(c.interval.to),
      title,
      relevant: titleNorm !== '' && isRelevantTitle(titleNorm),
      months: c.interval.to - c.interval.from + 1,
      evidence: c.evidence,
      interval: c.interval,
      hasTitle: titleNorm !== '',
      internship,
      line: c.first,
    };
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

export function analyzeExperience(doc: Doc, now: Date): ExperienceAnalysis {
  const jobs = buildJobs(doc, findCandidates(doc, now));
  const declared = findDeclared(doc);
  const shortTenures = jobs.filter((j) => j.end !== 'present' && j.months < 12 && !j.internship).length;
  const summary: ExperienceSummary = {
    totalYears: monthsToYears(unionMonths(jobs.map((j) => j.interval))),
    relevantYears: monthsToYears(unionMonths(jobs.filter((j) => j.relevant).map((j) => j.interval))),
    jobs: jobs.map(({ start, end, title, relevant, months, evidence }) => ({ start, end, title, relevant, months, evidence })),
    shortTenures,
    declaredTotalYears: declared?.years ?? null,
    b2bSales: jobs.some((j) => j.relevant) || declared?.salesContext === true ? true : jobs.length > 0 ? false : null,
  };
  return {
    summary,
    jobs,
    declared,
    untitledMonths: unionMonths(jobs.filter((j) => !j.hasTitle).map((j) => j.interval)),
  };
}

/** Dated jobs, relevant and total years, short tenures and the self-declared total of a resume. */
export function extractExperience(text: string, now: Date): ExperienceSummary {
  return analyzeExperience(buildDoc(text), now).summary;
}
