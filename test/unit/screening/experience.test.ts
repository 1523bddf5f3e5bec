import { describe, expect, it } from 'vitest';
import { extractExperience, screenResume, type ChecklistItemInput } from '../../../src/domain/screening/index.js';
import { NOW } from './helpers.js';
import { detectHeading } from '../../../src/domain/screening/sections.js';
import { normalizeFragment } from '../../../src/domain/screening/text.js';

const EXP_ITEM: ChecklistItemInput[] = [{ key: 'experience_3y', kind: 'knockout', weight: 3 }];
const TENURE_ITEM: ChecklistItemInput[] = [{ key: 'stable_tenure', kind: 'nice_to_have', weight: 1 }];

function experienceItem(text: string) {
  const item = screenResume(text, EXP_ITEM, { now: NOW }).items.experience_3y;
  if (item === undefined) throw new Error('missing item');
  return item;
}

function tenureItem(text: string) {
  const item = screenResume(text, TENURE_ITEM, { now: NOW }).items.stable_tenure;
  if (item === undefined) throw new Error('missing item');
  return item;
}

describe('overlapping jobs', () => {
  it('counts the union of relevant intervals, not the sum', () => {
    const text = [
      'Опыт работы',
      '01.2018 – 12.2020 Менеджер по продажам, ООО «Альфа»',
      '06.2019 – 06.2021 Key Account Manager, ООО «Бета» (совместительство)',
    ].join('\n');
    const exp = extractExperience(text, NOW);
    expect(exp.jobs.map((j) => j.months)).toEqual([36, 25]);
    expect(exp.relevantYears).toBe(3.5); // Jan 2018 … Jun 2021 = 42 months
    expect(exp.totalYears).toBe(3.5);
  });

  it('a job nested inside another adds nothing', () => {
    const text = 'Experience\nSales Manager, Alpha | Jan 2015 – Dec 2019\nKey Account Manager (part-time), Beta | Mar 2016 – Feb 2017\n';
    const exp = extractExperience(text, NOW);
    expect(exp.relevantYears).toBe(5);
  });

  it('gaps between jobs are not counted', () => {
    const text = 'Experience\nSales Manager, Alpha | Jan 2015 – Dec 2015\nSales Manager, Beta | Jan 2018 – Dec 2018\n';
    expect(extractExperience(text, NOW).relevantYears).toBe(2);
  });

  it('irrelevant overlap counts towards total but not relevant years', () => {
    const text = 'Experience\nAccountant, Alpha | Jan 2015 – Dec 2019\nSales Representative, Beta | Jan 2018 – Dec 2018\n';
    const exp = extractExperience(text, NOW);
    expect(exp.totalYears).toBe(5);
    expect(exp.relevantYears).toBe(1);
  });
});

describe('relevance of a job title', () => {
  const relevant = [
    'Менеджер по продажам',
    'Старший менеджер по продажам',
    'Менеджер по работе с ключевыми клиентами',
    'Ведущий менеджер по работе с ключевыми клиентами (федеральные сети)',
    'KAM',
    'КАМ',
    'Key Account Manager',
    'Senior Key Account Manager',
    'National Account Manager',
    'Account Manager',
    'Account Executive',
    'Sales Representative',
    'Sales Rep',
    'Торговый представитель',
    'Региональный менеджер по продажам',
    'Региональный менеджер',
    'Территориальный менеджер',
    'Супервайзер',
    'Sales Supervisor',
    'Sales Engineer',
    'Инженер по продажам',
    'Менеджер по работе с аптечными сетями',
    'Inside Sales Representative',
    'SDR',
    'Аккаунт-менеджер',
    'Супервайзер торговых представителей',
    'Key Account Manager – Retail',
    'Business Development Manager',
    'Менеджер по развитию бизнеса',
    'Коммерческий директор',
    'Commercial Director',
    'Head of Sales',
    'Руководитель отдела продаж',
    'Директор по продажам',
    'Customer Development Manager',
    'Менеджер по работе с дистрибьюторами',
    'Менеджер по работе с клиентами',
  ];
  const irrelevant = [
    // Not selling to business customers (the labelling guide): merchandising, marketing, purchasing, the shop floor,
    // call centres, assistants and supervisors of non-sellers.
    'Супервайзер мерчендайзеров',
    'Trade Marketing Manager',
    'Category Manager',
    'Supervisor',
    'Warehouse Supervisor',
    'Супервайзер склада',
    'Accounting Supervisor',
    'Retail Sales Associate',
    'Sales Associate',
    'Call Center Sales Representative',
    'Оператор колл-центра (продажи)',
    'Sales Assistant',
    'Помощник менеджера по продажам',
    'Marketing Manager',
    'Business Development Intern',
    'Store Manager',
    'Менеджер по продажам в салоне мебели',
    'Бухгалтер',
    'Главный бухгалтер',
    'Accountant',
    'Senior Accountant',
    'Программист 1С',
    'Software Developer',
    'Инженер-программист',
    'Логист',
    'Logistics Manager',
    'Менеджер по логистике',
    'Аналитик отдела продаж',
    'Sales Analyst',
    'Продавец-консультант',
    'Кассир',
    'Менеджер по закупкам',
    'HR-менеджер',
    'Бренд-менеджер',
    'Мерчендайзер',
    'Маркетолог',
    'Водитель-экспедитор',
    'Менеджер',
  ];
  const jobWith = (title: string) => extractExperience(`Опыт работы\n2015 – 2020\n${title}\n`, NOW).jobs[0];

  it.each(relevant)('%s → relevant', (title) => {
    const job = jobWith(title);
    expect(job?.title).toBe(title);
    expect(job?.relevant).toBe(true);
  });
  it.each(irrelevant)('%s → not relevant', (title) => {
    const job = jobWith(title);
    expect(job?.title).toBe(title);
    expect(job?.relevant).toBe(false);
  });
});

describe('finding the title near the dates', () => {
  it('hh.ru: title a few lines below, after duration, company, city and industry', () => {
    const text = [
      'Опыт работы — 3 года 1 месяц',
      'Октябрь 2021 — по настоящее время',
      '3 года 2 месяца',
      'ООО «Агент Плюс»',
      'Москва, agentplus.ru',
      'Оптовая торговля',
      'Менеджер по работе с ключевыми клиентами',
      'Ведение сетей «Лента» и «Ашан».',
    ].join('\n');
    const job = extractExperience(text, NOW).jobs[0];
    expect(job?.title).toBe('Менеджер по работе с ключевыми клиентами');
    expect(job?.relevant).toBe(true);
  });

  it('LinkedIn: title right above the dates, several roles in one company', () => {
    const text = [
      'Experience',
      'Mars',
      '8 years 2 months',
      'Key Account Manager',
      'March 2020 - Present (4 years 9 months)',
      'Moscow, Russia',
      'Managed the Magnit and Lenta accounts, grew sell-out by 12% per year.',
      'Logistics Coordinator',
      'October 2016 - February 2020 (3 years 5 months)',
      'Moscow, Russia',
      'Planned deliveries to distribution centres across the Central region.',
    ].join('\n');
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs.map((j) => [j.title, j.relevant])).toEqual([
      ['Key Account Manager', true],
      ['Logistics Coordinator', false],
    ]);
  });

  it('title on the same line, before or after the dates', () => {
    const text = [
      'Опыт работы',
      '2019 – н.в. — Менеджер по продажам, ООО «Альфа»',
      'Бухгалтер, ООО «Бета» (2015 – 2018)',
      'Sales Representative | Gamma Foods | 03/2012 to 11/2014',
    ].join('\n');
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs.map((j) => j.relevant)).toEqual([true, false, true]);
    expect(jobs[1]?.title).toBe('Бухгалтер, ООО «Бета»');
  });

  it('a description line is never taken for the next job’s title', () => {
    const text = [
      'Опыт работы:',
      'Менеджер по продажам',
      'ООО «Альфа»',
      'янв. 2023 – июль 2023',
      'Продажи в HoReCa.',
      '',
      'Логист',
      'ООО «Бета»',
      'март 2018 — май 2022',
      'Планирование маршрутов доставки.',
    ].join('\n');
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs.map((j) => j.title)).toEqual(['Менеджер по продажам', 'Логист']);
  });

  it('a "Должность:" label is not part of the title', () => {
    const text =
      'Место работы: ООО «Пепсико Холдингс»\nДолжность: Менеджер по работе с ключевыми клиентами\nПериод работы: 01.2018 – по н.в.\n';
    const job = extractExperience(text, NOW).jobs[0];
    expect(job?.title).toBe('Менеджер по работе с ключевыми клиентами');
    expect(job?.relevant).toBe(true);
  });

  it('equally near titles on both sides: the resume-wide layout decides', () => {
    const text =
      'Experience\nKey Account Manager, Nestlé UK — London\n(Jan 2019 – Present)\nSales Representative, Mars — Leeds\n(Jun 2015 – Dec 2018)\n';
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs.map((j) => j.title)).toEqual(['Key Account Manager, Nestlé UK — London', 'Sales Representative, Mars — Leeds']);
  });

  it('a job without a recognizable title is kept, but not as relevant', () => {
    const exp = extractExperience('Опыт работы\n2015 – 2020\nООО «Альфа»\n', NOW);
    expect(exp.jobs).toHaveLength(1);
    expect(exp.jobs[0]?.title).toBe('');
    expect(exp.jobs[0]?.relevant).toBe(false);
  });
});

describe('declared totals', () => {
  it.each([
    ['Опыт работы — 7 лет 3 месяца', 7.3],
    ['Опыт работы 5 лет', 5],
    ['Общий стаж работы: 10 лет', 10],
    ['Experience: 6 years', 6],
    ['Total experience: 12 years 6 months', 12.5],
    ['8+ years of experience in FMCG sales', 8],
    ['Более 5 лет опыта в продажах FMCG', 5],
    ['Опыт работы в продажах более 6 лет', 6],
    // Under a year, hh.ru states months alone.
    ['Опыт работы — 10 месяцев', 0.8],
    ['Опыт работы: 6 мес.', 0.5],
    ['Общий стаж работы 11 месяцев', 0.9],
    ['Experience: 9 months', 0.8],
  ])('%s → %d', (line, years) => {
    expect(extractExperience(`Иван Иванов\n${line}\n`, NOW).declaredTotalYears).toBe(years);
  });
  it('null when the resume states none', () => {
    expect(extractExperience('Опыт работы\n2015 – 2020\nМенеджер по продажам\n', NOW).declaredTotalYears).toBeNull();
  });
});

describe('experience_3y', () => {
  it('met at three relevant years with the longest relevant job as evidence', () => {
    const text = 'Опыт работы\nМарт 2019 — Февраль 2020\nМенеджер по продажам\nМарт 2020 — Февраль 2022\nKAM\n';
    const item = experienceItem(text);
    expect(item).toEqual({ status: 'met', evidence: 'Март 2020 — Февраль 2022', detail: 'relevant_years=3' });
  });

  it('not_met below three relevant years, even with a long irrelevant career', () => {
    const text = 'Опыт работы\n2010 – 2020\nБухгалтер\n2020 – 2022\nМенеджер по продажам\n';
    const item = experienceItem(text);
    expect(item.status).toBe('not_met');
    expect(item.detail).toBe('relevant_years=2');
    expect(item.evidence).toBe('2020 – 2022');
  });

  it('unknown when untitled jobs whose duties are selling could make up the difference', () => {
    const text = 'Опыт работы\n2019 – 2021\nМенеджер по продажам\n2015 – 2019\nООО «Альфа»\nАктивные продажи оптовым покупателям\n';
    expect(experienceItem(text).status).toBe('unknown');
  });

  it('an untitled job whose lines never mention selling is known not to be relevant', () => {
    const text = 'Опыт работы\n2019 – 2021\nМенеджер по продажам\n2015 – 2019\nООО «Альфа»\nСкладской учёт, инвентаризация\n';
    const item = experienceItem(text);
    expect(item.status).toBe('not_met');
    expect(extractExperience(text, NOW).b2bSales).toBe(true);
  });

  it('not_met with a short reason when no job is relevant, and the profile is not B2B sales', () => {
    const text = 'Experience\nJan 2015 – Present\nHead Chef, The Blue Door\nMenus, kitchen team of 12\n';
    const item = experienceItem(text);
    expect(item.status).toBe('not_met');
    expect(item.reason).toEqual({
      ru: 'нет продаж B2B или работы с клиентами-компаниями в 1 месте работы',
      en: 'no B2B selling or account work in 1 job',
    });
    expect(extractExperience(text, NOW).b2bSales).toBe(false);
  });

  it('unknown when the declared total is well above the dated jobs (some did not parse)', () => {
    const text = 'Опыт работы — 9 лет\n2021 – 2023\nМенеджер по продажам\nРаньше работал торговым представителем в разных компаниях\n';
    expect(experienceItem(text).status).toBe('unknown');
  });

  it('no dated jobs: a declared total with sales context is met', () => {
    const text = 'Summary\n8+ years of experience in FMCG sales and key account management.\n';
    const item = experienceItem(text);
    expect(item.status).toBe('met');
    expect(item.evidence).toBe('8+ years of experience in FMCG sales and key account management.');
  });

  it('no dated jobs: a bare declared total of 3+ years is unknown, under 3 is not_met', () => {
    expect(experienceItem('Опыт работы — 7 лет 3 месяца\nООО «Альфа»\n')).toEqual({
      status: 'unknown',
      evidence: 'Опыт работы — 7 лет 3 месяца',
      detail: 'declared_years=7.3',
    });
    expect(experienceItem('Опыт работы — 2 года\n').status).toBe('not_met');
  });

  it('no dated jobs: the listed jobs decide — all selling → met, none selling → not_met and not B2B', () => {
    const selling =
      'Общий стаж работы: 7 лет\n\nОпыт работы\nООО «Альфа» — менеджер по работе с ключевыми клиентами.\nРанее — торговый представитель в ООО «Бета».\n';
    expect(experienceItem(selling).status).toBe('met');
    const cook = 'Experience\nHead Chef, The Blue Door\nSous Chef, Harbour Grill\n';
    expect(experienceItem(cook).status).toBe('not_met');
    expect(extractExperience(cook, NOW).b2bSales).toBe(false);
  });

  it.each([
    ['a LinkedIn career break', 'Experience\nCareer Break\nJan 2019 - May 2021\nKey Account Manager\nJun 2021 - Present\n', 1],
    [
      'hh.ru maternity leave',
      'Опыт работы\nАпрель 2021 —\nАвгуст 2023\n2 года 5 месяцев\nДекретный отпуск\nОтпуск по уходу за ребёнком\nФевраль 2018 —\nМарт 2021\nООО «Зарница»\nМенеджер по работе с сетевыми клиентами\n',
      1,
    ],
    ['military service', 'Опыт работы\n2010 – 2012 Служба в армии, рядовой\n2012 – 2020 Торговый представитель, ООО «Альфа»\n', 1],
    [
      'a study period',
      'Experience\nSep 2014 – Jun 2016 Master of Business, Northfield University\nJul 2016 – Present Sales Manager, Alpha\n',
      1,
    ],
  ])('%s is not a job', (_label, text, jobs) => {
    expect(extractExperience(text, NOW).jobs).toHaveLength(jobs);
  });

  it('a teacher at a school is a job (a role noun), not a study period', () => {
    expect(extractExperience('Experience\nTeacher, Lincoln High School | 2010 – 2015\n', NOW).jobs).toHaveLength(1);
  });

  it.each([
    [
      '"May 2014" / "to" / "Current" over three lines',
      'Experience\nMay 2014\nto\nCurrent\nSales Manager, Alpha\n',
      'present',
      'Sales Manager, Alpha',
    ],
    [
      'mid-line: title, dates, employer',
      'Experience\nSales Manager 01/2015 to Current Company Name City , State\n',
      'present',
      'Sales Manager',
    ],
    [
      'mid-line: employer, dates, title',
      'Experience\nCompany Name August 2006 to May 2017 Reading Teacher\n',
      { year: 2017, month: 5 },
      'Reading Teacher',
    ],
    [
      '«Июль 2016 — Июнь» / «2019»',
      'Опыт работы\nИюль 2016 — Июнь\n2019\nМенеджер по продажам\n',
      { year: 2019, month: 6 },
      'Менеджер по продажам',
    ],
  ])('reads %s', (_label, text, end, title) => {
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.end).toEqual(end);
    expect(jobs[0]?.title).toBe(title);
    expect(text).toContain(jobs[0]?.evidence);
  });

  it('hh.ru: the title search passes long company and industry lines', () => {
    const text = [
      'Опыт работы',
      'Июль 2019 —',
      'по настоящее время',
      '6 лет 4 месяца',
      'ООО «Молочные Луга и Поля Центрального Федерального Округа Российской Федерации»',
      'Пищевая промышленность, напитки • Молочная продукция, сыры, мороженое (производство) • Продукты питания (оптовая торговля)',
      'Менеджер по работе с ключевыми клиентами',
      'Ведение федеральных сетей.',
    ].join('\n');
    const jobs = extractExperience(text, NOW).jobs;
    expect(jobs[0]?.title).toBe('Менеджер по работе с ключевыми клиентами');
    expect(jobs[0]?.relevant).toBe(true);
  });

  it.each([
    [
      '"since 2018"',
      'Since 2018 I have worked in inside sales at Quillfin, a payroll-software company, selling to mid-size businesses. Before that I spent three years as a logistics coordinator.',
      6.4,
    ],
    [
      '«с 2017 года»',
      'О себе\nС 2017 года работаю менеджером по работе с ключевыми клиентами в компании «Сад». До этого, с 2012 по 2017 год, была специалистом отдела маркетинга в агентстве.',
      7.4,
    ],
    [
      '"eight years at …"',
      'I have spent the last eight years at Harlow Foods, a maker of frozen meals, as a key account manager looking after Walmart and Target.',
      8,
    ],
  ])('a career in prose: %s', (_label, text, years) => {
    const exp = extractExperience(text, NOW);
    expect(exp.relevantYears).toBe(years);
    for (const j of exp.jobs) expect(text).toContain(j.evidence);
  });

  it('nothing at all: unknown without evidence', () => {
    expect(experienceItem('Иван Иванов\nМосква\n')).toEqual({
      status: 'unknown',
      evidence: null,
      detail: 'no_dated_jobs',
      reason: { ru: 'в резюме нет датированного опыта работы', en: 'the resume gives no dated work history' },
    });
  });
});

describe('stable_tenure', () => {
  it('two finished jobs under 12 months → not_met, quoting the first', () => {
    const text =
      'Experience\nSales Manager, A | Jan 2023 – Jul 2023\nSales Manager, B | Mar 2022 – Nov 2022\nSales Manager, C | 2018 – 2022\n';
    const item = tenureItem(text);
    expect(item.status).toBe('not_met');
    expect(item.evidence).toBe('Sales Manager, A | Jan 2023 – Jul 2023');
    expect(extractExperience(text, NOW).shortTenures).toBe(2);
  });

  it('a current job under 12 months is not yet a short tenure', () => {
    const text =
      'Experience\nSales Manager, A | Mar 2024 – Present\nSales Manager, B | Mar 2022 – Nov 2022\nSales Manager, C | 2018 – 2022\n';
    expect(extractExperience(text, NOW).shortTenures).toBe(1);
    // One short spell is not an unstable history: met, quoting it so HR sees it.
    expect(tenureItem(text)).toMatchObject({ status: 'met', evidence: 'Sales Manager, B | Mar 2022 – Nov 2022' });
  });

  it('internships do not count as short tenures', () => {
    const text =
      'Опыт работы\nИюнь 2022 — Август 2022 Стажер отдела продаж\nИюнь 2021 — Август 2021 Стажер\n2018 – 2021 Менеджер по продажам\n';
    expect(extractExperience(text, NOW).shortTenures).toBe(0);
    expect(tenureItem(text).status).toBe('met');
  });

  it('met with enough dated history and no short jobs', () => {
    expect(tenureItem('Опыт работы\n2015 – н.в.\nМенеджер по продажам\n').status).toBe('met');
  });

  it('met with a single current job, unknown without dates', () => {
    expect(tenureItem('Опыт работы\nМай 2024 — н.в.\nМенеджер по продажам\n').status).toBe('met');
    expect(tenureItem('Менеджер по продажам, ООО «Альфа»\n')).toMatchObject({ status: 'unknown', evidence: null });
  });
});

describe('LinkedIn exported in Russian', () => {
  it('reads dates, title and the Russian LinkedIn headings', () => {
    const text = [
      'Основные навыки',
      'Ключевые переговоры',
      'Языки',
      'Английский (Профессиональная рабочая квалификация)',
      'Русский (Родной или двуязычный)',
      'Опыт',
      'Ferrero',
      'Менеджер по развитию',
      'март 2019 г. - настоящее время (5 лет 9 месяцев)',
      'Москва, Россия',
    ].join('\n');
    const r = screenResume(text, [{ key: 'foreign_language', kind: 'required', weight: 1 }, ...EXP_ITEM], { now: NOW });
    expect(r.experience.jobs).toMatchObject([{ title: 'Менеджер по развитию', relevant: true, months: 69, end: 'present' }]);
    expect(r.items.foreign_language?.status).toBe('met');
    expect(r.items.experience_3y?.status).toBe('met');
  });
});

describe('hh.ru headings with months only (less than a year in total)', () => {
  const text = [
    'Опыт работы — 10 месяцев',
    'Февраль 2024 — Ноябрь 2024',
    '10 месяцев',
    'ООО «Бета Трейд»',
    'Менеджер по работе с ключевыми клиентами',
    'Ведение двух региональных сетей.',
    'Образование',
    'Высшее',
  ].join('\n');

  it('is read as the experience heading, not as a line of text', () => {
    for (const line of ['Опыт работы — 10 месяцев', 'Опыт работы: 6 мес.', 'Experience: 9 months']) {
      expect(detectHeading(normalizeFragment(line))?.kind).toBe('experience');
    }
    expect(detectHeading(normalizeFragment('Опыт работы с сетями: 10 месяцев назад'))?.kind).not.toBe('experience');
  });

  it('still opens the experience section, so the job under it is found', () => {
    const exp = extractExperience(text, NOW);
    expect(exp.jobs).toHaveLength(1);
    expect(exp.jobs[0]).toMatchObject({ title: 'Менеджер по работе с ключевыми клиентами', relevant: true, months: 10 });
  });

  it('a stated total in years still wins over a months figure further down', () => {
    expect(extractExperience('Опыт работы — 4 года 10 месяцев\nМенеджер по продажам\n', NOW).declaredTotalYears).toBe(4.8);
  });
});

describe('a company name without a legal form, then the title on the same line', () => {
  it.each([
    ['Сладкая жизнь Нижний Новгород, региональный менеджер по продажам', true],
    ['Торговая сеть Продукты у дома, менеджер по работе с ключевыми клиентами', true],
    ['Northern Star Food Group, Key Account Manager', true],
    ['Дистрибьютор бытовой химии Чистый дом, кладовщик', false],
  ])('%s → a title (relevant: %s)', (line, relevant) => {
    const job = extractExperience(`Опыт работы\nМарт 2018 — Май 2021\n${line}\nВедение сетей.\n`, NOW).jobs[0];
    expect(job?.title).toBe(line);
    expect(job?.relevant).toBe(relevant);
  });

  it('a description line with a comma is not taken for a title', () => {
    const job = extractExperience(
      'Опыт работы\nМарт 2018 — Май 2021\nРабота с федеральными и региональными сетями, рост продаж на 20%\n',
      NOW,
    ).jobs[0];
    expect(job?.title).toBe('');
  });
});

describe('prose ranges and B2C selling', () => {
  it.each([
    [
      '"from YYYY to YYYY"',
      'Profile\nI worked as an account manager at Tidewell, selling hygiene products to hotels from 2016 to 2020.',
      4,
    ],
    [
      '"between YYYY and YYYY"',
      'About me\nI worked as a sales representative at Tidewell, selling cleaning products to hotels between 2015 and 2019.',
      4,
    ],
    [
      '«с YYYY по YYYY год»',
      'О себе\nЯ работала торговым представителем в компании «Чистодом» с 2014 по 2018 год, продавала бытовую химию магазинам.',
      4,
    ],
  ])('a range in prose counts: %s', (_label, text, years) => {
    const exp = extractExperience(text, NOW);
    expect(exp.relevantYears).toBe(years);
    for (const j of exp.jobs) expect(text).toContain(j.evidence);
  });

  it.each([
    [
      'households by phone',
      'Experience\nSales Representative, Fibrelink | Jan 2015 – Jan 2024\nSold broadband to households by phone, 80 calls a day.',
    ],
    [
      'a contact centre',
      'Experience\nSales Agent, Homeline Energy | Mar 2016 – Feb 2023\nOutbound calls from the contact centre offering energy tariffs to residential customers.',
    ],
    [
      '«физическим лицам»',
      'Опыт работы\nЯнварь 2015 — Январь 2024\nООО «Телесвязь Плюс»\nМенеджер по продажам\nПродажа услуг домашнего интернета физическим лицам по телефону.',
    ],
    ['prose', 'About me\nFrom 2014 to 2022 I worked as a sales agent selling broadband to households by phone.'],
  ])('selling to private persons is not relevant: %s', (_label, text) => {
    const exp = extractExperience(text, NOW);
    expect(exp.jobs.length).toBeGreaterThan(0);
    expect(exp.relevantYears).toBe(0);
    expect(experienceItem(text).status).toBe('not_met');
  });

  it('phone selling to businesses stays relevant', () => {
    const text =
      'Experience\nInside Sales Representative, Ledgerly | Jan 2015 – Jan 2024\nSold payroll software to small businesses by phone from a call centre.';
    expect(extractExperience(text, NOW).relevantYears).toBeGreaterThan(8);
  });
});
