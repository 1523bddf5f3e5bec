import type { Line } from './text.js';

/**
 * Resume sections. They matter because the same words mean different things in different places:
 * a date range under «Образование» is a study period, «Специалист» under education is a degree,
 * and a wished-for position under «Желаемая должность» proves nothing about past work.
 */
export type SectionKind = 'header' | 'experience' | 'education' | 'courses' | 'languages' | 'skills' | 'about' | 'desired' | 'other';

const PHRASES: Readonly<Record<Exclude<SectionKind, 'header'>, readonly string[]>> = {
  experience: [
    'опыт работы',
    'опыт',
    'общий опыт работы',
    'трудовая деятельность',
    'трудовой стаж',
    'места работы',
    'место работы',
    'профессиональный опыт',
    'опыт и достижения',
    'карьера',
    'трудовая биография',
    'work experience',
    'experience',
    'professional experience',
    'relevant experience',
    'work history',
    'employment history',
    'employment',
    'career history',
    'career',
    'professional background',
  ],
  education: [
    'образование',
    'основное образование',
    'сведения об образовании',
    'education',
    'academic background',
    'education and training',
    'educational background',
    'academic qualifications',
    'образование и курсы',
    'образование и повышение квалификации',
    'education & training',
    'education and certifications',
  ],
  courses: [
    'повышение квалификации',
    'повышение квалификации, курсы',
    'курсы',
    'курсы и тренинги',
    'курсы повышения квалификации',
    'тренинги',
    'сертификаты',
    'дополнительное образование',
    'тесты, экзамены',
    'certifications',
    'certification',
    'licenses',
    'licenses & certifications',
    'courses',
    'training',
    'trainings',
    'professional development',
    'professional development, courses',
    'tests, examinations',
    'electronic certificates',
    'электронные сертификаты',
    'additional education',
  ],
  languages: [
    'языки',
    'знание языков',
    'владение языками',
    'иностранные языки',
    'знание иностранных языков',
    'языковые навыки',
    'languages',
    'language',
    'language skills',
    'language proficiency',
  ],
  skills: [
    'навыки',
    'ключевые навыки',
    'профессиональные навыки',
    'навыки и умения',
    'компетенции',
    'ключевые компетенции',
    'технические навыки',
    'компьютерные навыки',
    'skills',
    'key skills',
    'top skills',
    'core skills',
    'core competencies',
    'competencies',
    'technical skills',
    'it skills',
    'computer skills',
    'skills & expertise',
    'основные навыки',
  ],
  // «Достижения» / "Achievements" are deliberately absent: they usually sit inside each job and would
  // otherwise cut the experience section in the middle.
  about: [
    'обо мне',
    'о себе',
    'дополнительная информация',
    'дополнительные сведения',
    'дополнительно',
    'личные качества',
    'профиль',
    'summary',
    'professional summary',
    'about',
    'about me',
    'profile',
    'additional information',
    'общие сведения',
  ],
  desired: [
    'желаемая должность',
    'желаемая должность и зарплата',
    'желаемая позиция',
    'цель',
    'специализации',
    'desired position',
    'desired position and salary',
    'specializations',
    'objective',
    'career objective',
    'target position',
  ],
  other: [
    'контакты',
    'контактная информация',
    'contact',
    'contacts',
    'contact information',
    'рекомендации',
    'references',
    'интересы',
    'хобби',
    'interests',
    'hobbies',
    'гражданство, время в пути до работы',
    'citizenship, travel time to work',
    'личная информация',
    'personal details',
    'personal information',
    'honors-awards',
    'honors & awards',
    'награды',
    'публикации',
    'publications',
    'volunteering',
    'волонтерство',
    'portfolio',
    'портфолио',
  ],
};

const MAX_HEADING = 100;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Experience headings may carry only a duration («Опыт работы — 7 лет 3 месяца», «Опыт работы — 10 месяцев»,
// "Experience: 6 years"),
// so a description line like «Опыт работы с сетями» never switches the section; other headings may carry
// content ("Языки: английский B2").
const EXPERIENCE_SUFFIX =
  '(?:\\s*[:-]?\\s*(?:более |свыше |около |over |about |more than )?\\d[^a-zа-я]{0,3}(?:лет|год|мес|years?|yrs?|months?|mos?).{0,30})?$';
const CONTENT_SUFFIX = '(?:\\s*[:-]\\s*(.*))?$';

const HEADINGS: readonly (readonly [SectionKind, RegExp])[] = (Object.keys(PHRASES) as (keyof typeof PHRASES)[]).map((kind) => {
  const alt = [...PHRASES[kind]]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return [kind, new RegExp(`^(?:${alt})${kind === 'experience' ? EXPERIENCE_SUFFIX : CONTENT_SUFFIX}`)] as const;
});

// Cheap gate: a heading starts with one of these words, so most lines skip the regexes entirely.
const FIRST_WORDS: ReadonlySet<string> = new Set(Object.values(PHRASES).flatMap((list) => list.map((p) => p.split(/[\s,&-]/)[0] ?? '')));
// Headings come decorated or numbered: "## ОПЫТ РАБОТЫ ##", "2. Education:".
const FIRST_WORD_RE = /^[#*_=•|:\s\d.)-]*([a-zа-я]+)/;
const DECOR_RE = /^[\s#*_=•|:\d.)-]+|[\s#*_=|:]+$/g;

export interface Heading {
  kind: SectionKind;
  /** "Языки: английский B2" — the heading carries its content on the same line. */
  inline: boolean;
}

export function detectHeading(norm: string): Heading | null {
  if (norm.length > MAX_HEADING + 20) return null;
  const first = FIRST_WORD_RE.exec(norm);
  if (first === null || !FIRST_WORDS.has(first[1] ?? '')) return null;
  const t = norm.replace(DECOR_RE, '').replace(/\s+/g, ' ');
  if (t.length < 4 || t.length > MAX_HEADING) return null;
  for (const [kind, re] of HEADINGS) {
    const m = re.exec(t);
    if (m) return { kind, inline: kind !== 'experience' && (m[1] ?? '') !== '' };
  }
  return null;
}

export interface SectionMap {
  readonly kinds: readonly SectionKind[];
  readonly isHeading: readonly boolean[];
  readonly has: ReadonlySet<SectionKind>;
}

// hh.ru's «Желаемая должность и зарплата» block is a few lines long; capping it keeps a resume that
// never opens another section from losing its jobs to the "wish" section.
const DESIRED_MAX_LINES = 10;

/**
 * Section of every line. An inline heading ("Образование: высшее", "Цель: …") covers only its own
 * line, after which the previous section resumes: free-form resumes put such lines anywhere.
 */
export function assignSections(lines: readonly Line[]): SectionMap {
  const kinds: SectionKind[] = [];
  const isHeading: boolean[] = [];
  const has = new Set<SectionKind>();
  let current: SectionKind = 'header';
  let beforeDesired: SectionKind = 'header';
  let desiredLines = 0;
  for (const line of lines) {
    const h = detectHeading(line.norm);
    let kind: SectionKind;
    if (h?.inline) kind = h.kind;
    else if (h !== null) {
      if (h.kind === 'desired' && current !== 'desired') {
        beforeDesired = current;
        desiredLines = 0;
      }
      current = h.kind;
      kind = current;
    } else {
      if (current === 'desired' && line.norm.trim() !== '' && ++desiredLines > DESIRED_MAX_LINES) current = beforeDesired;
      kind = current;
    }
    kinds.push(kind);
    isHeading.push(h !== null);
    has.add(kind);
  }
  return { kinds, isHeading, has };
}
