/**
 * higher_education and business_degree.
 *
 * Education lines are the «Образование» / "Education" section when there is one, else any line that
 * talks about degrees or universities. Within them:
 * 1. an hh.ru-style level line («Высшее», «Неоконченное высшее», «Среднее специальное», "Bachelor")
 *    is authoritative;
 * 2. otherwise a completed-degree line wins unless an "unfinished" signal (неоконченное, студент,
 *    expected 2026, a graduation year after `now`, «по н.в.») sits within two lines of it — the same entry;
 * 3. then unfinished → not_met, a university with a past year → met, college/техникум only → not_met.
 * business_degree judges the field of study only; completion is higher_education's business.
 */
import { findRanges } from './dates.js';
import { sectionOf, type Doc } from './doc.js';
import { alternation, hitEvidence } from './scan.js';
import { lineEvidence, type Line } from './text.js';
import { NO_EDUCATION_SECTION } from './reasons.js';
import type { ItemResult, LocalizedText } from './types.js';

const LEVEL_LINE_RE =
  /^(?:(?:образование|education|уровень образования)\s*[:-]?\s*)?((?:не\s?оконченн[а-я]*|не\s?законченн[а-я]*|неполн[а-я]*|неокон\.)\s*высшее|высшее(?:\s+образование)?|бакалавр|магистр|специалист|кандидат наук|доктор наук|среднее специальное|среднее профессиональное|среднее(?:\s+общее)?|incomplete higher(?: education)?|higher(?: education)?|secondary(?: special| vocational)?(?: education)?)(?:\s*\([^)]{0,40}\))?\s*[.,;]?$/;

const INCOMPLETE_RE = new RegExp(
  [
    'не\\s?оконченн',
    'не\\s?законченн',
    'неполн[а-я]*\\s+высш',
    'неокон\\.',
    'не\\s+окончил',
    'не\\s+закончил',
    'не\\s+завершен',
    'без\\s+диплома',
    'диплом\\s+не\\s+получ',
    'не\\s+получил[а-я]*\\s+диплом',
    'отчислен',
    'course\\s?work\\s+(?:toward|towards|in\\s+pursuit|only)',
    'no\\s+degree',
    'did\\s+not\\s+(?:complete|finish|graduate)',
    'not\\s+complete',
    'non[- ]degree',
    'some\\s+college',
    'credits\\s+(?:toward|towards)',
    '(?<![a-z])attended(?![a-z])',
    'withdr[ae]w',
    'incomplete\\s+(?:higher|bachelor|university|degree|master)',
    'unfinished',
    'not\\s+completed',
    '(?<![а-я])студент(?:ка)?(?![а-я])',
    '(?<![a-z])student(?![a-z])',
    'expected\\s+(?:graduation|in\\s+)?(?:19|20)\\d\\d',
    'graduat[a-z]*\\s+expected',
    '\\(expected\\)',
    '(?<![a-z])expected(?![a-z])',
    'in\\s+progress',
    'currently\\s+(?:studying|enrolled|pursuing)',
    '(?<![a-z])pursuing',
    '(?:mba|degree|phd)\\s+candidate',
    'обучаюсь',
    'учусь',
    'обучение\\s+продолжается',
    'ожидаем[а-я]*\\s+(?:дата\\s+)?(?:выпуск|окончани)',
    'окончание\\s+в\\s+(?:19|20)\\d\\d',
    '(?<![\\d])\\d\\s*курс(?![а-я])',
    '(?<![\\d])\\d-?(?:й|ий|ый)\\s+курс',
  ].join('|'),
);

// Explicit completed levels; «высшее» is safe here because only education lines are searched.
const COMPLETED_RE = new RegExp(
  alternation(
    [
      'высшее',
      'бакалавр[а-я]*',
      'магистр[а-я]*',
      'специалитет',
      'специалист',
      'кандидат\\s+(?:[а-я]+\\s+)?наук',
      'доктор\\s+(?:[а-я]+\\s+)?наук',
      "bachelor(?:'s)?",
      "master(?:'s)?",
      'mba',
      'emba',
      'bsc',
      'b\\.sc',
      'b\\.\\s?[as]\\.?',
      'm\\.\\s?[as]\\.?',
      'msc',
      'm\\.sc',
      'ba',
      'ma',
      'bba',
      'phd',
      'ph\\.d',
      'specialist degree',
      'higher education',
      'university degree',
      'degree',
      'diploma of higher',
      'дипломированн[а-я]*',
      'экономист',
      'инженер',
    ],
    true,
  ),
);

const UNIVERSITY_RE =
  /университет|university|universitat|universidad|институт|institute|академи|academy|(?<![а-я])вуз|высшая школа|school of (?:economics|business|management)|business school|polytechnic|политехни|(?<![а-я])(?:мгу|спбгу|мгимо|вшэ|ранхигс|рэу|мфти|мгту|урфу|нгу|кфу)(?![а-я])/;
// A sentence that tells the person's schooling is an education statement: "I left school after A-levels",
// «Образование среднее», "high school diploma".
const SCHOOL_STATEMENT =
  'left\\s+school|school\\s+leaver|(?<![a-z])(?:a|o)[- ]levels?(?![a-z])|(?<![a-z])gcses?(?![a-z])|high\\s+school\\s+(?:diploma|graduate)|secondary\\s+school\\s+(?:certificate|diploma|leaver)|среднее\\s+(?:общее\\s+)?образовани|образовани[а-я]*\\s*[:—–-]?\\s*среднее(?!\\s+(?:специальн|профессиональн))|окончил[а-я]*\\s+(?:среднюю\\s+)?школ|школ[уы]\\s+(?:окончил|закончил)|закончил[а-я]*\\s+(?:среднюю\\s+)?школ';
const SECONDARY_RE = new RegExp(
  `${SCHOOL_STATEMENT}|` +
    /associate(?:'s)?\s+(?:of|degree|in)|(?<![a-z])(?:a\.a\.s?|a\.s\.|aas)(?![a-z])|ged(?![a-z])|среднее\s+(?:специальн|профессиональн|общее)|^(?:образование\s*[:-]?\s*)?среднее\s*$|колледж|college|техникум|училищ|vocational|high school|средняя школа|лицей|гимнази/
      .source,
);
const HIGHER_DEGREE_RE =
  /bachelor|master|(?<![a-z])(?:mba|phd|bsc|msc|ba|ma|bs|ms)(?![a-z])|бакалавр|магистр|специалист|высшее|кандидат|доктор/;
const EDU_HINT_RE = new RegExp(
  `${SCHOOL_STATEMENT}|` +
    /образовани|education|университет|university|институт|institute|академи|бакалавр|bachelor|магистр|master'?s|(?<![a-z])mba(?![a-z])|degree|диплом|колледж|college|техникум|факультет|faculty/
      .source,
);
const YEAR_RE = /(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/g;

export interface EduLine {
  readonly line: Line;
  readonly pos: number;
}

export function educationLines(doc: Doc): EduLine[] {
  const inSection = doc.sections.has.has('education');
  const out: EduLine[] = [];
  for (const line of doc.lines) {
    const kind = sectionOf(doc, line.index);
    const take = inSection
      ? kind === 'education' || (kind === 'courses' && /(?<![a-z])mba(?![a-z])/.test(line.norm))
      : EDU_HINT_RE.test(line.norm);
    if (take && line.norm.trim() !== '') out.push({ line, pos: out.length });
  }
  return out;
}

function years(norm: string): number[] {
  YEAR_RE.lastIndex = 0;
  const out: number[] = [];
  for (let m = YEAR_RE.exec(norm); m !== null; m = YEAR_RE.exec(norm)) out.push(Number(m[1]));
  return out;
}

function isUnfinished(norm: string, now: Date): boolean {
  if (INCOMPLETE_RE.test(norm)) return true;
  const nowYear = now.getUTCFullYear();
  if (years(norm).some((y) => y > nowYear)) return true;
  return findRanges(norm).some((r) => r.finish === 'present');
}

type LevelClass = 'completed' | 'unfinished' | 'secondary';

function levelOf(norm: string): LevelClass | null {
  const m = LEVEL_LINE_RE.exec(norm.trim());
  if (!m) return null;
  const level = m[1] ?? '';
  if (/не\s?оконч|не\s?закон|неполн|неокон|incomplete/.test(level)) return 'unfinished';
  if (/средн|secondary/.test(level)) return 'secondary';
  return 'completed';
}

export type HigherEdClass = 'met' | 'unfinished' | 'secondary_only' | 'none';

export function classifyHigherEducation(doc: Doc, now: Date): { cls: HigherEdClass; result: ItemResult } {
  const edu = educationLines(doc);
  const nowYear = now.getUTCFullYear();

  for (const { line, pos } of edu) {
    const level = levelOf(line.norm);
    if (level === null) continue;
    const evidence = lineEvidence(line);
    // «Высшее» / «2026» / «4 курс»: the entry under the level line says it is not finished yet.
    let entry: EduLine | undefined;
    for (const e of edu.slice(pos + 1, pos + 5)) {
      // A bare year after the entry's own lines starts the next entry.
      if (e.pos > pos + 1 && /^\s*(?:19|20)\d\d\s*$/.test(e.line.norm) && !isUnfinished(e.line.norm, now)) break;
      if (e.pos > pos + 2 && /^\s*(?:19|20)\d\d\s*$/.test(e.line.norm)) break;
      if (isUnfinished(e.line.norm, now)) {
        entry = e;
        break;
      }
    }
    if (level === 'completed' && entry !== undefined) {
      return { cls: 'unfinished', result: { status: 'not_met', evidence: lineEvidence(entry.line), detail: 'unfinished' } };
    }
    if (level === 'completed') return { cls: 'met', result: { status: 'met', evidence, detail: 'level_line' } };
    if (level === 'unfinished') return { cls: 'unfinished', result: { status: 'not_met', evidence, detail: 'unfinished' } };
    return { cls: 'secondary_only', result: { status: 'not_met', evidence, detail: 'secondary_only' } };
  }

  const unfinished = edu.filter((e) => isUnfinished(e.line.norm, now));
  const nearUnfinished = (pos: number) => unfinished.some((u) => Math.abs(u.pos - pos) <= 2);
  // "Associate's degree" is a college degree: "degree" on its line does not make it higher education.
  const completed = edu.find(
    (e) =>
      !isUnfinished(e.line.norm, now) &&
      COMPLETED_RE.test(e.line.norm) &&
      !nearUnfinished(e.pos) &&
      (!SECONDARY_RE.test(e.line.norm) || HIGHER_DEGREE_RE.test(e.line.norm)),
  );
  if (completed !== undefined) return { cls: 'met', result: { status: 'met', evidence: lineEvidence(completed.line), detail: 'degree' } };

  const firstUnfinished = unfinished[0];
  if (firstUnfinished !== undefined) {
    return { cls: 'unfinished', result: { status: 'not_met', evidence: lineEvidence(firstUnfinished.line), detail: 'unfinished' } };
  }

  // A university line with a past year on it or next to it (hh.ru puts the year on the line above).
  const uni = edu.find((e) => {
    if (!UNIVERSITY_RE.test(e.line.norm)) return false;
    const around = [edu[e.pos - 1], e, edu[e.pos + 1]];
    // An associate degree or a college diploma at an "Institute" is not higher education.
    if (around.some((a) => a !== undefined && SECONDARY_RE.test(a.line.norm))) return false;
    return around.some((a) => a !== undefined && years(a.line.norm).some((y) => y <= nowYear));
  });
  if (uni !== undefined) return { cls: 'met', result: { status: 'met', evidence: lineEvidence(uni.line), detail: 'university_with_year' } };

  const secondary = edu.find((e) => SECONDARY_RE.test(e.line.norm));
  if (secondary !== undefined) {
    return { cls: 'secondary_only', result: { status: 'not_met', evidence: lineEvidence(secondary.line), detail: 'secondary_only' } };
  }
  // An education section that shows no completed degree (only courses, certificates, or nothing readable).
  if (doc.sections.has.has('education')) {
    return { cls: 'none', result: { status: 'not_met', evidence: null, detail: 'no_degree', reason: NO_DEGREE } };
  }
  return { cls: 'none', result: { status: 'unknown', evidence: null, reason: NO_EDUCATION_SECTION } };
}

const NO_DEGREE: LocalizedText = {
  ru: 'в разделе об образовании нет законченного высшего образования',
  en: 'no completed degree in the education section',
};

export function ruleHigherEducation(doc: Doc, now: Date): ItemResult {
  return classifyHigherEducation(doc, now).result;
}

// ---- business_degree -----------------------------------------------------------------------------

const BUSINESS_RE = new RegExp(
  '(?<![a-zа-я])(?:' +
    [
      'экономи[а-я]*',
      'econom[a-z]*',
      'менеджмент[а-я]*',
      'management',
      'управлени[а-я]*',
      'маркетинг[а-я]*',
      'marketing',
      'коммерци[а-я]*',
      'commerce',
      'commercial',
      'торгов[а-я]*\\s+дел[а-я]*',
      'финанс[а-я]*',
      'financ[a-z]*',
      'бизнес[а-я-]*',
      'business',
      'mba',
      'emba',
      'bba',
      'accounting',
      'бухгалтерск[а-я]*',
      'кредит[а-я]*',
      'банковск[а-я]*',
      'banking',
      'business administration',
      'администрировани[а-я]*',
      'экономист[а-я]*',
      'менеджер[а-я]*',
    ].join('|') +
    ')',
);

const OTHER_FIELD_RE = new RegExp(
  '(?<![a-zа-я])(?:' +
    [
      'инженер[а-я-]*',
      'engineering',
      'engineer',
      'техническ[а-я]*',
      'technical',
      'технолог[а-я]*',
      'technolog[a-z]*',
      'юрид[а-я]*',
      'юрис[а-я]*',
      'law',
      'legal',
      'jurisprudence',
      'филолог[а-я]*',
      'philolog[a-z]*',
      'лингвист[а-я]*',
      'linguist[a-z]*',
      'перевод[а-я]*',
      'translat[a-z]*',
      'педагог[а-я]*',
      'pedagog[a-z]*',
      'психолог[а-я]*',
      'psycholog[a-z]*',
      'медицин[а-я]*',
      'medic[a-z]*',
      'биолог[а-я]*',
      'biolog[a-z]*',
      'хими[а-я]*',
      'chemi[a-z]*',
      'физик[а-я]*',
      'physics',
      'математи[а-я]*',
      'mathemat[a-z]*',
      'информати[а-я]*',
      'информационн[а-я]*',
      'computer science',
      'informatics',
      'information technolog[a-z]*',
      'программ[а-я]*',
      'software',
      'истори[а-я]*',
      'history',
      'журналист[а-я]*',
      'journalism',
      'философ[а-я]*',
      'philosophy',
      'социолог[а-я]*',
      'sociology',
      'политолог[а-я]*',
      'political science',
      'международные отношения',
      'international relations',
      'искусств[а-я]*',
      'arts?',
      'music',
      'музык[а-я]*',
      'архитектур[а-я]*',
      'architecture',
      'строител[а-я]*',
      'civil',
      'агроном[а-я]*',
      'agricultur[a-z]*',
      'ветеринар[а-я]*',
      'veterinary',
      'фармац[а-я]*',
      'pharmac[a-z]*',
      'географ[а-я]*',
      'geography',
      'геолог[а-я]*',
      'geology',
      'туризм[а-я]*',
      'tourism',
      'дизайн[а-я]*',
      'design',
      'физическ[а-я]*\\s+культур[а-я]*',
      'спорт[а-я]*',
      'транспорт[а-я]*',
      'энергет[а-я]*',
      'электр[а-я]*',
      'electrical',
      'радио[а-я]*',
      'нефт[а-я]*',
      'металлург[а-я]*',
      'механи[а-я]*',
      'mechanical',
      'физик',
      'прикладн[а-я]*',
      'applied',
      'nursing',
      'логистик[а-я]*',
      'logistics',
      'supply chain',
      'sports?',
      'science',
      'literature',
      'english',
      'pgce',
      'спорт[а-я]*',
      'education',
      'teaching',
      'culinary',
      'hospitality',
      'образовани[а-я]*',
      'сестринск[а-я]*',
    ].join('|') +
    ')(?![a-zа-я])',
);

// Certificates and courses are not degrees.
const CERTIFICATE_RE =
  /certificat|сертифика|(?<![а-я])курс(?:ы|ов)?(?![а-я])|courses?(?![a-z])|training|тренинг|повышени[а-я]*\s+квалификац|seminar|семинар|workshop/;
// A faculty or a speciality named with the institution word («экономический факультет … университета»).
const FACULTY_RE =
  /факультет|faculty|(?<![a-z])department|кафедр|специальност|направлени|speciality|specialty|major|programme|program(?![a-z])|degree|bachelor|master|бакалавр|магистр|квалификац/;

const INSTITUTION_WORD =
  '(?:университет|институт|академи|колледж|техникум|училищ|школ|вуз|university|universitat|institute|academy|college|school|polytechnic)[а-я]*';
// "Lakeview University", «экономический колледж», "Business School": the field word stands right before the institution word.
const NAME_BEFORE_INSTITUTION_RE = new RegExp(`^[a-zа-я-]*(?:\\s+(?!from|at|in|of|в|из)[a-zа-я][a-zа-я-]*){0,2}\\s+${INSTITUTION_WORD}`);
// "University of Economics", «Институт экономики и торговли», "School of Business and Management".
const NAME_AFTER_INSTITUTION_RE = new RegExp(
  `${INSTITUTION_WORD}\\s+(?:of\\s+|им\\.\\s+)?(?:(?!in|по|faculty|факультет|degree|bachelor|master|специальност)[a-zа-я][a-zа-я-]*\\s+){0,3}$`,
);

/** The business field of an education line, ignoring institution names and certificates; null when it names none. */
function businessField(line: Line): { index: number; length: number } | null {
  if (CERTIFICATE_RE.test(line.norm)) return null;
  const re = new RegExp(BUSINESS_RE.source, 'g');
  for (let m = re.exec(line.norm); m !== null; m = re.exec(line.norm)) {
    const after = line.norm.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const before = line.norm.slice(Math.max(0, m.index - 50), m.index);
    if (FACULTY_RE.test(before.slice(-20)) || /^\s*(?:факультет|faculty|department|кафедр)/.test(after))
      return { index: m.index, length: m[0].length };
    if (NAME_BEFORE_INSTITUTION_RE.test(after) || NAME_AFTER_INSTITUTION_RE.test(before)) continue;
    // «Логистика и управление цепями поставок», "Supply Chain Management": management of logistics is logistics.
    if (
      /^(?:управлени|management)/.test(m[0]) &&
      /логистик|logistic|supply\s+chain|цеп[а-я]*\s+поставок|проект|project|персонал|human\s+resource/.test(line.norm)
    )
      continue;
    return { index: m.index, length: m[0].length };
  }
  return null;
}

/**
 * business_degree: a completed higher-education degree whose field (faculty, programme, speciality,
 * qualification — not the institution's name, not a certificate) is business. Never met while higher_education is not.
 */
export function ruleBusinessDegree(doc: Doc, now: Date): ItemResult {
  const edu = educationLines(doc);
  const higher = classifyHigherEducation(doc, now);
  let business: ItemResult | null = null;
  for (const { line } of edu) {
    const f = businessField(line);
    if (f !== null) {
      business = { status: 'met', evidence: hitEvidence({ line, index: f.index, length: f.length }), detail: 'business_field' };
      break;
    }
  }
  if (higher.cls === 'met') {
    if (business !== null) return business;
    for (const { line } of edu) {
      if (doc.sections.isHeading[line.index] === true) continue;
      const m = OTHER_FIELD_RE.exec(line.norm);
      if (m) {
        return {
          status: 'not_met',
          evidence: hitEvidence({ line, index: m.index, length: m[0].length }),
          detail: 'other_field',
          reason: {
            ru: 'специальность не экономическая и не управленческая',
            en: 'the degree is not in business, economics or management',
          },
        };
      }
    }
    return {
      status: 'unknown',
      evidence: null,
      detail: 'field_not_given',
      reason: { ru: 'специальность не указана', en: 'the field of study is not given' },
    };
  }
  if (higher.cls === 'none' && higher.result.status === 'unknown')
    return { status: 'unknown', evidence: null, reason: NO_EDUCATION_SECTION };
  // No completed degree: a business field of a college diploma or an unfinished degree does not make a business degree.
  return {
    status: 'not_met',
    evidence: higher.result.evidence,
    detail: 'no_degree',
    reason: { ru: 'нет законченного высшего образования', en: 'no completed higher-education degree' },
  };
}
