/** Renderers: one Doc written out as an hh.ru export, a free-form Russian resume, a LinkedIn PDF export or a US resume. */

import {
  type Doc,
  EN_MONTHS,
  EN_MONTHS_SHORT,
  type Job,
  type Person,
  RU_MONTHS,
  RU_MONTHS_GEN,
  RU_MONTHS_SHORT,
  enDuration,
  lowerFirst,
  monthOf,
  nth,
  pad2,
  plural,
  ruDuration,
  ruGender,
  thousands,
  yearOf,
} from './base.js';
import { RU_ABOUT, RU_CEFR, RU_FREE_LEVEL } from './words-ru.js';
import { EN_ABOUT, EN_LINKEDIN_LEVEL, EN_SUMMARY_MORE } from './words-en.js';

export function visibleBullets(job: Job): string[] {
  return job.bullets.slice(0, job.shown);
}

export function eduYears(d: Doc): { start: number; end: number } {
  const end = d.person.birth.y + (d.edu === 'college' ? 19 : d.edu === 'unfinished' ? 23 : 22);
  return { start: end - (d.edu === 'college' ? 3 : 4), end: Math.min(end, yearOf(d.asOf) + 1) };
}

export function ageAt(p: Person, asOf: number): number {
  return yearOf(asOf) - p.birth.y - (monthOf(asOf) < p.birth.m ? 1 : 0);
}

export function unionMonths(list: readonly { from: number; to: number }[]): number {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  let total = 0;
  let cur: { from: number; to: number } | null = null;
  for (const iv of sorted) {
    if (cur === null || iv.from > cur.to + 1) {
      if (cur !== null) total += cur.to - cur.from + 1;
      cur = { from: iv.from, to: iv.to };
    } else if (iv.to > cur.to) cur.to = iv.to;
  }
  return cur === null ? total : total + (cur.to - cur.from + 1);
}

// hh.ru ---------------------------------------------------------------------------------------------

export function hhDesired(d: Doc): string {
  if (d.profile === 'offtrack' && d.fixed.headerVariant % 2 === 1) return lastJob(d).title;
  return d.profile === 'strong' || d.fixed.headerVariant % 3 !== 0 ? 'Менеджер по работе с ключевыми клиентами' : 'Менеджер по продажам';
}

export function lastJob(d: Doc): Job {
  return nth(d.career.jobs, d.career.jobs.length - 1);
}

export function renderHh(d: Doc): string {
  const { person: p, fixed: f } = d;
  const L: string[] = [];
  const age = ageAt(p, d.asOf);
  L.push(p.fullName);
  L.push(
    `${ruGender(p, 'Мужчина', 'Женщина')}, ${age} ${plural(age, 'год', 'года', 'лет')}, ${ruGender(p, 'родился', 'родилась')} ${p.birth.d} ${nth(RU_MONTHS_GEN, p.birth.m - 1)} ${p.birth.y}`,
  );
  L.push(p.phone);
  L.push(`${p.email} — предпочитаемый способ связи`);
  L.push(`Проживает: ${d.city}${f.metro !== null ? `, м. ${f.metro}` : ''}`);
  L.push('Гражданство: Россия, есть разрешение на работу: Россия');
  L.push(
    `${f.relocate ? ruGender(p, 'Готов', 'Готова') : ruGender(p, 'Не готов', 'Не готова')} к переезду, ${f.travel ? ruGender(p, 'готов', 'готова') : ruGender(p, 'не готов', 'не готова')} к командировкам`,
  );
  L.push('');
  L.push('Желаемая должность и зарплата');
  L.push(hhDesired(d));
  L.push('Специализации:');
  L.push('— Менеджер по продажам, менеджер по работе с клиентами');
  L.push('Занятость: полная занятость');
  L.push('График работы: полный день');
  L.push(`${thousands(f.salary)} ₽ на руки`);
  L.push('');
  L.push(`Опыт работы — ${ruDuration(unionMonths(d.career.jobs))}`);
  L.push('');
  const jobs = [...d.career.jobs].reverse();
  jobs.forEach((j, k) => {
    const start = `${nth(RU_MONTHS, monthOf(j.from) - 1)} ${yearOf(j.from)}`;
    const end = j.present ? 'настоящее время' : `${nth(RU_MONTHS, monthOf(j.to) - 1)} ${yearOf(j.to)}`;
    if (f.splitDates[k % f.splitDates.length] === true) L.push(`${start} —`, end);
    else L.push(`${start} — ${end}`);
    L.push(ruDuration(j.to - j.from + 1));
    L.push(j.employer.name);
    if (f.showCity[k % f.showCity.length] === true) L.push(j.employer.site !== null ? `${d.city}, ${j.employer.site}` : d.city);
    L.push(...j.employer.hh);
    L.push(j.title);
    L.push(...visibleBullets(j));
    L.push('');
  });
  L.push('Образование');
  const ey = eduYears(d);
  if (d.edu === 'college') {
    L.push('Среднее специальное', String(ey.end), `${f.college}, ${d.city}`, 'Коммерция, товаровед');
  } else {
    L.push(d.edu === 'unfinished' ? 'Неоконченное высшее' : 'Высшее');
    if (d.edu === 'master') L.push(String(ey.end + 2), `${f.uni}, ${d.city}`, `Магистратура, ${f.master}`);
    L.push(String(ey.end), `${f.uni}, ${d.city}`, `${f.spec}, ${d.edu === 'unfinished' ? 'студент' : 'бакалавр'}`);
  }
  L.push('');
  if (d.extras.courses) {
    L.push('Повышение квалификации, курсы', String(f.courseYear), `${f.courseOrg}, ${f.course}`, '');
  }
  L.push('Знание языков', 'Русский — Родной', `Английский — ${RU_CEFR[d.cefr]}`);
  if (f.secondLang !== null) L.push(`${f.secondLang} — A2 — Элементарный`);
  L.push('');
  L.push('Навыки', 'Ключевые навыки', f.skills.join('  '));
  if (d.extras.about > 0) {
    L.push('', 'Дополнительная информация', 'Обо мне');
    L.push(
      f.about
        .slice(0, d.extras.about)
        .map((i) => nth(RU_ABOUT, i)(p))
        .join(' '),
    );
  }
  return L.join('\n');
}

// free-form Russian -----------------------------------------------------------------------------------

export function ruFreeRange(d: Doc, j: Job): { text: string; yearOnly: boolean } {
  const y1 = yearOf(j.from);
  const y2 = yearOf(j.to);
  const m1 = monthOf(j.from);
  const m2 = monthOf(j.to);
  switch (d.fixed.dateFormat) {
    case 0:
      return {
        text: `${pad2(m1)}.${y1}${['–', ' - ', ' – '][d.fixed.layout % 3] ?? '–'}${j.present ? 'н.в.' : `${pad2(m2)}.${y2}`}`,
        yearOnly: false,
      };
    case 1:
      // A job inside one calendar year cannot be written as «2019 — 2019 гг.»; people switch to months.
      if (!j.present && y1 === y2) return { text: `${pad2(m1)}.${y1} – ${pad2(m2)}.${y2}`, yearOnly: false };
      if (d.fixed.layout % 2 === 0) return { text: `${y1} — ${j.present ? 'н.в.' : `${y2} гг.`}`, yearOnly: true };
      return { text: `с ${y1} по ${j.present ? 'настоящее время' : y2}`, yearOnly: true };
    case 2:
      return {
        text: `${lowerFirst(nth(RU_MONTHS, m1 - 1))} ${y1} — ${j.present ? 'по настоящее время' : `${lowerFirst(nth(RU_MONTHS, m2 - 1))} ${y2}`}`,
        yearOnly: false,
      };
    default:
      return {
        text: `${nth(RU_MONTHS_SHORT, m1 - 1)} ${y1} – ${j.present ? 'н.в.' : `${nth(RU_MONTHS_SHORT, m2 - 1)} ${y2}`}`,
        yearOnly: false,
      };
  }
}

export function renderRuFree(d: Doc): string {
  const { person: p, fixed: f } = d;
  const L: string[] = [];
  const v = f.headerVariant;
  if (v % 2 === 0) L.push('РЕЗЮМЕ');
  L.push(v % 5 === 0 ? `${p.last} ${p.first}` : p.fullName);
  if (v % 3 === 0) L.push(`Телефон: ${p.phone}`, `E-mail: ${p.email}`);
  else L.push(`Тел.: ${p.phone}, e-mail: ${p.email}`);
  L.push(`Город: ${d.city}`);
  if (v % 4 !== 3) L.push(`Дата рождения: ${pad2(p.birth.d)}.${pad2(p.birth.m)}.${p.birth.y}`);
  L.push('');
  if (v % 3 !== 1) {
    L.push(
      d.profile === 'offtrack' && v % 2 === 1
        ? 'Цель: соискание должности менеджера по продажам'
        : 'Цель: должность менеджера по работе с ключевыми клиентами (KAM)',
    );
    L.push('');
  }
  L.push(nth(['ОПЫТ РАБОТЫ:', 'Опыт работы', 'Трудовая деятельность', 'ОПЫТ РАБОТЫ'], v % 4));
  L.push('');
  const jobs = [...d.career.jobs].reverse();
  const mark = f.bulletMark;
  for (const j of jobs) {
    const range = ruFreeRange(d, j).text;
    const employer = j.showAbout ? `${j.employer.name} (${j.employer.about})` : j.employer.name;
    switch (f.layout % 4) {
      case 0:
        L.push(`${range}  ${employer}  —  ${j.title}`);
        break;
      case 1:
        L.push(`${range} | ${employer} | ${j.title}`);
        break;
      case 2:
        // «Компания (что делает), должность» grows past what reads as a title line, so the remark moves below.
        L.push(range, `${j.employer.name}, ${lowerFirst(j.title)}`);
        if (j.showAbout) L.push(`Сфера деятельности: ${j.employer.about}.`);
        break;
      default:
        L.push(range, employer, j.title);
    }
    for (const b of visibleBullets(j)) L.push(`${mark}${b}`);
    L.push('');
  }
  L.push(v % 4 === 0 ? 'ОБРАЗОВАНИЕ:' : 'Образование');
  const ey = eduYears(d);
  switch (d.edu) {
    case 'college':
      L.push(`${f.college}, ${ey.end} (среднее специальное)`);
      break;
    case 'unfinished':
      L.push(`${f.uni}, ${f.spec} (неоконченное высшее, ${ey.start}–${ey.end})`);
      break;
    case 'master':
      L.push(`${ey.end + 2} — ${f.uni}, магистратура «${f.master}»`);
      L.push(`${ey.start}–${ey.end} — ${f.uni}, специальность «${f.spec}»`);
      break;
    default:
      L.push(v % 2 === 0 ? `${ey.start}–${ey.end} — ${f.uni}, специальность «${f.spec}»` : `${f.uni}, ${ey.end} (высшее)`);
  }
  if (d.extras.courses) L.push(`${f.courseYear} — курс «${f.course}», ${f.courseOrg}`);
  L.push('');
  L.push(v % 4 === 0 ? 'ДОПОЛНИТЕЛЬНО:' : 'Дополнительная информация');
  L.push(`Английский язык — ${nth(RU_FREE_LEVEL[d.cefr], v % RU_FREE_LEVEL[d.cefr].length)}.`);
  L.push(`Уверенный пользователь ПК: ${f.skills.slice(0, 4).join(', ')}.`);
  if (d.extras.about > 0)
    L.push(
      `О себе: ${f.about
        .slice(0, d.extras.about)
        .map((i) => nth(RU_ABOUT, i)(p))
        .join(' ')}`,
    );
  return L.join('\n');
}

// LinkedIn export ----------------------------------------------------------------------------------------

export function enDegree(d: Doc, field: string): string {
  switch (d.edu) {
    case 'master':
      return `Master's degree, ${field}`;
    case 'unfinished':
      return `Bachelor's degree, ${field} (not completed)`;
    case 'college':
      return `Associate's degree, ${field}`;
    default:
      return `Bachelor's degree, ${field}`;
  }
}

export function enLanguages(d: Doc): string[] {
  if (d.person.region === 'ru') return [`English (${EN_LINKEDIN_LEVEL[d.cefr]})`, 'Russian (Native or Bilingual)'];
  const out = ['English (Native or Bilingual)'];
  if (d.fixed.secondLang !== null) out.push(`${d.fixed.secondLang} (${EN_LINKEDIN_LEVEL[d.cefr]})`);
  return out;
}

export function enSummary(d: Doc, relevantYears: number): string {
  const j = lastJob(d);
  const years = Math.max(1, Math.floor(relevantYears));
  const total = Math.max(1, Math.floor(unionMonths(d.career.jobs) / 12));
  let first: string;
  switch (d.profile) {
    case 'strong':
      first = `Commercial professional with ${years}+ years in ${d.person.region === 'us' ? 'CPG' : 'FMCG'} sales. I manage national retail chains and grow profitable volume.`;
      break;
    case 'average':
      first = `Sales professional focused on customer relationships and plan delivery, currently ${j.title} at ${j.employer.name}.`;
      break;
    case 'weak':
      first = 'Motivated sales specialist eager to take on bigger customers.';
      break;
    case 'offtrack':
      first = `${j.title} with ${total} years of experience, looking to move into a commercial role.`;
      break;
  }
  const more = EN_SUMMARY_MORE[d.profile];
  const n = d.extras.more >= 4 ? more.length : d.fixed.headerVariant % (more.length + 1);
  return n === 0 ? first : `${first} ${more.slice(0, n).join(' ')}`;
}

export function enAbout(d: Doc): string {
  return d.fixed.about
    .slice(0, d.extras.about)
    .map((i) => nth(EN_ABOUT, i % EN_ABOUT.length))
    .join(' ');
}

export function renderLinkedIn(d: Doc, relevantYears: number): string {
  const { person: p, fixed: f } = d;
  const L: string[] = [];
  const slug = `${p.first}-${p.last}`.toLowerCase().replace(/[^a-z-]/g, '');
  L.push('Contact');
  if (f.headerVariant % 2 === 0) L.push(`${p.phone} (Mobile)`);
  L.push(p.email, `www.linkedin.com/in/${slug}-${(f.headerVariant * 7919) % 1000} (LinkedIn)`);
  L.push('Top Skills', ...f.skills.slice(0, 3));
  L.push('Languages', ...enLanguages(d));
  if (d.extras.courses) L.push('Certifications', f.cert);
  const last = lastJob(d);
  L.push(p.fullName, `${last.title} at ${last.employer.name}`, d.city);
  L.push('Summary', enSummary(d, relevantYears));
  if (d.extras.about > 0) L.push(enAbout(d));
  L.push('Experience');
  const jobs = [...d.career.jobs].reverse();
  for (let k = 0; k < jobs.length; k++) {
    const j = nth(jobs, k);
    const prevJob = k > 0 ? nth(jobs, k - 1) : null;
    if (prevJob === null || prevJob.employer !== j.employer) {
      L.push(j.employer.name);
      let g = k;
      while (g + 1 < jobs.length && nth(jobs, g + 1).employer === j.employer) g++;
      // LinkedIn prints the tenure at the company above a group of roles.
      if (g > k) L.push(enDuration(j.to - nth(jobs, g).from + 1));
    }
    L.push(j.title);
    const start = `${nth(EN_MONTHS, monthOf(j.from) - 1)} ${yearOf(j.from)}`;
    const end = j.present ? 'Present' : `${nth(EN_MONTHS, monthOf(j.to) - 1)} ${yearOf(j.to)}`;
    L.push(`${start} - ${end} (${enDuration(j.to - j.from + 1)})`);
    L.push(nth(f.jobCities, k % f.jobCities.length));
    if (j.employer.blurb !== '' && (prevJob === null || prevJob.employer !== j.employer)) L.push(j.employer.blurb);
    L.push(...visibleBullets(j));
  }
  L.push('Education');
  const ey = eduYears(d);
  const field = f.spec;
  if (d.edu === 'master') L.push(f.uni, `${enDegree(d, f.master)} · (${ey.end + 1} - ${ey.end + 3})`);
  L.push(
    d.edu === 'college' ? f.college : f.uni,
    `${enDegree({ ...d, edu: d.edu === 'master' ? 'higher' : d.edu }, field)} · (${ey.start} - ${ey.end})`,
  );
  if (d.extras.more >= 1) L.push(f.coursework);
  if (d.extras.more >= 2) L.push('Volunteering', f.volunteer);
  if (d.extras.more >= 3) L.push('Honors-Awards', f.award);
  if (d.extras.more >= 5) L.push('Interests', f.interests);
  L.push(`Page 1 of ${f.headerVariant % 3 === 0 ? 1 : 2}`);
  return L.join('\n');
}

// US style -----------------------------------------------------------------------------------------------------

export function usRange(d: Doc, j: Job): string {
  const y1 = yearOf(j.from);
  const y2 = yearOf(j.to);
  const m1 = monthOf(j.from);
  const m2 = monthOf(j.to);
  switch (d.fixed.dateFormat) {
    case 0:
      return `${nth(EN_MONTHS_SHORT, m1 - 1)} ${y1} – ${j.present ? 'Present' : `${nth(EN_MONTHS_SHORT, m2 - 1)} ${y2}`}`;
    case 1:
      return `${pad2(m1)}/${y1} to ${j.present ? 'Present' : `${pad2(m2)}/${y2}`}`;
    case 2:
      return `${nth(EN_MONTHS, m1 - 1)} ${y1} – ${j.present ? 'Present' : `${nth(EN_MONTHS, m2 - 1)} ${y2}`}`;
    default:
      return `${nth(EN_MONTHS_SHORT, m1 - 1)}. ${y1} - ${j.present ? 'Present' : `${nth(EN_MONTHS_SHORT, m2 - 1)}. ${y2}`}`;
  }
}

export function usDegree(d: Doc, field: string): string {
  switch (d.edu) {
    case 'master':
      return `MBA, ${d.fixed.master}`;
    case 'unfinished':
      return `B.S. in ${field} (coursework completed, degree not conferred)`;
    case 'college':
      return `Associate of Applied Science, ${field}`;
    default:
      return d.fixed.headerVariant % 2 === 0 ? `B.S. in ${field}` : `Bachelor of Business Administration, ${field}`;
  }
}

export function renderUs(d: Doc, relevantYears: number): string {
  const { person: p, fixed: f } = d;
  const L: string[] = [];
  const v = f.headerVariant;
  L.push(v % 2 === 0 ? p.fullName.toUpperCase() : p.fullName);
  L.push(`${d.city} · ${p.phone} · ${p.email}${v % 3 === 0 ? ` · linkedin.com/in/${p.first.toLowerCase()}${p.last.toLowerCase()}` : ''}`);
  L.push('');
  L.push(v % 2 === 0 ? 'SUMMARY' : 'PROFESSIONAL SUMMARY', enSummary(d, relevantYears), '');
  L.push(nth(['PROFESSIONAL EXPERIENCE', 'EXPERIENCE', 'WORK EXPERIENCE'], v % 3));
  const jobs = [...d.career.jobs].reverse();
  jobs.forEach((j, k) => {
    const city = nth(f.jobCities, k % f.jobCities.length);
    const range = usRange(d, j);
    if (f.layout % 2 === 0) {
      // People drop the city when the header runs long; so does the screener, which reads dates after
      // more than 80 characters as prose.
      const head = `${j.title} | ${j.employer.name} | ${city} | `;
      L.push(head.length > 75 ? `${j.title} | ${j.employer.name} | ${range}` : `${head}${range}`);
    } else {
      L.push(`${j.employer.name} — ${city}`, `${j.title}, ${range}`);
    }
    if (j.employer.blurb !== '') L.push(j.employer.blurb);
    for (const b of visibleBullets(j)) L.push(`• ${b}`);
    L.push('');
  });
  L.push('EDUCATION');
  const ey = eduYears(d);
  if (d.edu === 'master') L.push(`${usDegree(d, f.spec)} — ${f.uni}, ${ey.end + 4}`);
  L.push(
    `${usDegree({ ...d, edu: d.edu === 'master' ? 'higher' : d.edu }, f.spec)} — ${d.edu === 'college' ? f.college : f.uni}, ${ey.end}`,
  );
  if (d.extras.more >= 1) L.push(f.coursework);
  L.push('');
  if (d.extras.more >= 2) L.push('VOLUNTEERING', f.volunteer, '');
  if (d.extras.more >= 3) L.push('HONORS & AWARDS', f.award, '');
  if (d.extras.more >= 5) L.push('INTERESTS', f.interests, '');
  if (d.extras.courses) L.push('CERTIFICATIONS', f.cert, '');
  L.push('SKILLS', f.skills.join(', '), '');
  L.push('LANGUAGES');
  L.push(f.secondLang !== null ? `English (native), ${f.secondLang} (${EN_LINKEDIN_LEVEL[d.cefr].toLowerCase()})` : 'English (native)');
  if (d.extras.about > 0) L.push('', 'ADDITIONAL', enAbout(d));
  return L.join('\n');
}
