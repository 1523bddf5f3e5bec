import { describe, expect, it } from 'vitest';
import { screenResume, type ItemResult, type ItemStatus } from '../../../src/domain/screening/index.js';
import { NOW, foreignEvidence } from './helpers.js';

function item(key: string, text: string, keywords?: string[]): ItemResult {
  const checklist = [
    keywords === undefined ? { key, kind: 'required' as const, weight: 1 } : { key, kind: 'required' as const, weight: 1, keywords },
  ];
  const result = screenResume(text, checklist, { now: NOW });
  expect(foreignEvidence(text, result)).toEqual([]);
  const r = result.items[key];
  if (r === undefined) throw new Error(`no ${key}`);
  return r;
}

function expectStatus(key: string, text: string, status: ItemStatus, evidence?: string | null) {
  const r = item(key, text);
  expect(r.status, text).toBe(status);
  if (evidence !== undefined) expect(r.evidence).toBe(evidence);
  if (r.evidence !== null) expect(text).toContain(r.evidence);
}

describe('fmcg', () => {
  it.each([
    ['Опыт работы в FMCG более 5 лет', 'Опыт работы в FMCG более 5 лет'],
    ['ООО «Нестле Россия», Москва', 'ООО «Нестле Россия», Москва'],
    ['Procter & Gamble, Sales Representative', 'Procter & Gamble, Sales Representative'],
    ['Worked at P&G for 4 years', 'Worked at P&G for 4 years'],
    ['L’Oréal Paris — KAM', 'L’Oréal Paris — KAM'],
    ['АО «Вимм-Билль-Данн»', 'АО «Вимм-Билль-Данн»'],
    ['Производитель бытовой химии', 'Производитель бытовой химии'],
    ['Кондитерская фабрика «Рот Фронт»', 'Кондитерская фабрика «Рот Фронт»'],
    ['Молочный комбинат', 'Молочный комбинат'],
    ['Табачная компания', 'Табачная компания'],
    ['Consumer packaged goods, 6 years', 'Consumer packaged goods, 6 years'],
    ['Coca-Cola HBC Russia', 'Coca-Cola HBC Russia'],
    ['АПК «Черкизово»', 'АПК «Черкизово»'],
    ['Anadolu Efes', 'Anadolu Efes'],
    ['Пивоваренная компания «Балтика»', 'Пивоваренная компания «Балтика»'],
    ['Товары повседневного спроса', 'Товары повседневного спроса'],
    ['Дистрибьютор продуктов питания и напитков', 'Дистрибьютор продуктов питания и напитков'],
    ['Kraft Heinz, CPG', 'Kraft Heinz, CPG'],
  ])('met: %s', (text, evidence) => expectStatus('fmcg', text, 'met', evidence));

  it.each([
    ['an unrelated industry', 'ООО «Ромашка», IT-консалтинг\nПродажи программного обеспечения'],
    ['a food-technology diploma', 'Образование\nВысшее\nТехнология продуктов питания'],
    ['a URL', 'www.mars-fans.example.com'],
  ])('unknown without a readable career: %s', (_label, text) => expectStatus('fmcg', text, 'unknown', null));

  it.each([
    ['a wish, not experience', 'Желаемая должность и зарплата\nKAM в FMCG\n\nОпыт работы\n2015 – 2020 Менеджер по продажам, «Альфа-Софт»'],
    [
      'a restaurant kitchen',
      'Experience\nJan 2015 – Present\nHead Chef, The Blue Door\nHandled all functions related to Food and Beverage.',
    ],
    ['F&B service', 'Experience\n2016 – 2020 F&B Manager, Grand Hotel\nManaged the food and beverage outlets of the hotel'],
    ['a supplier to food makers', 'Experience\n2016 – 2020 Sales Manager, Boxline\nSelling packaging to food manufacturers'],
    ['an agency whose clients are FMCG brands', 'Experience\n2016 – 2020 Account Manager, Brightads\nClients include Unilever and Nestle'],
    ['a pharma distributor', 'Опыт работы\n2016 – 2020 Менеджер по продажам, ООО «Фармдистрибуция»\nПоставки лекарств в аптечные сети'],
  ])('not_met with a reason when the career is readable: %s', (_label, text) => {
    const r = item('fmcg', text);
    expect(r.status).toBe('not_met');
    expect(r.evidence).toBeNull();
    expect(r.reason).toEqual({ ru: 'нет упоминаний FMCG в 1 месте работы', en: 'no mention of FMCG in 1 job' });
  });

  it.each([
    ['goods named in a selling job', 'Experience\nKey Account Manager | Household Products\nMar 2014 – Dec 2018'],
    ['a distributor of drinks', 'Опыт работы\n2016 – 2020 Торговый представитель\nДистрибьютор безалкогольных напитков'],
    ['household chemicals in any case', 'Опыт работы\n2016 – 2020 Супервайзер отдела продаж\nДистрибьютор бытовой химии'],
  ])('met: %s', (_label, text) => expect(item('fmcg', text).status).toBe('met'));

  it('Russian plural forms in the reason', () => {
    const jobs = (n: number) =>
      [
        'Опыт работы',
        ...Array.from({ length: n }, (_, k) => `${2000 + 2 * k} – ${2001 + 2 * k} Менеджер по продажам, ООО «Софт-${k}»`),
      ].join('\n');
    expect(item('fmcg', jobs(2)).reason?.ru).toBe('нет упоминаний FMCG в 2 местах работы');
    expect(item('fmcg', jobs(5)).reason?.ru).toBe('нет упоминаний FMCG в 5 местах работы');
    expect(item('crm', jobs(1)).reason).toEqual({ ru: 'нет упоминаний CRM в 1 месте работы', en: 'no mention of a CRM in 1 job' });
    expect(item('crm', jobs(2)).reason?.en).toBe('no mention of a CRM in 2 jobs');
  });
});

describe('key_accounts', () => {
  it.each([
    'Работа с федеральными сетями',
    'Ведение ключевых клиентов',
    'Работа с сетями X5, «Магнит»',
    'Key accounts: Auchan, METRO',
    'Managed national accounts',
    'Walmart and Kroger business',
    'Переговоры с Магнитом',
    'KAM',
    'Manage the Boots and Superdrug accounts.',
  ])('met: %s', (text) => expectStatus('key_accounts', text, 'met', text));

  it.each(['X5 Retail Group', 'Сеть «Лента»', 'Перекрёсток, Дикси', 'Modern trade channel', 'Развитие 5 дистрибьюторов в регионе'])(
    'a chain named in a selling job is met: %s',
    (line) => expectStatus('key_accounts', `Опыт работы\n2018 – 2024 Менеджер по продажам, ООО «Альфа»\n${line}`, 'met', line),
  );

  it('a name split by a PDF line wrap: "key" / "accounts"', () => {
    const text =
      'Experience\nSales Engineer\nOctober 2019 - Present\nSell automation cells; manage 15 key\naccounts including three tier-1 suppliers.';
    expectStatus('key_accounts', text, 'met', 'Sell automation cells; manage 15 key\naccounts including three tier-1 suppliers.');
  });

  it.each([
    ['lower-case ordinary words', 'Купил магнит на холодильник, читаю ленту новостей на перекрестке'],
    ['a URL', 'linkedin.com/in/ivan-kam'],
    ['a course title', 'Курсы\nУправление ключевыми клиентами, 2021'],
    ['nothing', 'Продажи в розницу'],
  ])('unknown without a readable career: %s', (_label, text) => expectStatus('key_accounts', text, 'unknown', null));

  it.each([
    ['«кам» inside words', 'Опыт работы\n2016 – 2020 Оператор видеокамер, Камчатский край\nРекламные кампании, камеры наблюдения'],
    [
      'a wish',
      'Looking for a KAM role where I can build long-term relationships with key accounts.\nExperience\n2018 – 2021 Barista, Bean There',
    ],
    ['a Russian wish', 'Хочу развиваться в работе с ключевыми клиентами.\nОпыт работы\n2022 – 2024 Администратор фитнес-клуба'],
    ['working for a chain', 'Опыт работы\n2016 – 2020 Кассир, ООО «Магнит»\nОбслуживание покупателей на кассе'],
    ['merchandising in chain stores', 'Опыт работы\n2016 – 2020 Мерчендайзер\nВыкладка товара в магазинах сетей «Магнит» и «Пятёрочка»'],
    ['shipments to chains in a warehouse job', 'Опыт работы\n2016 – 2020 Начальник склада\nКонтролирую отгрузки в торговые сети.'],
  ])('not_met: %s', (_label, text) => {
    const r = item('key_accounts', text);
    expect(r.status).toBe('not_met');
    expect(r.reason?.en).toBe('no mention of key or chain accounts in 1 job');
  });
});

describe('higher_education', () => {
  it.each([
    ['hh.ru level line', 'Образование\nВысшее\n2012\nМГУ им. М.В. Ломоносова', 'Высшее'],
    ['bachelor', 'Education\nBachelor of Science in Economics, 2015', 'Bachelor of Science in Economics, 2015'],
    ['master', 'Образование\nМагистр\n2016\nНИУ ВШЭ', 'Магистр'],
    ['MBA', 'Education\nMBA, Kellogg School of Management, 2014', 'MBA, Kellogg School of Management, 2014'],
    ['university with a past year', 'Education\nUniversity of Leeds, 2018', 'University of Leeds, 2018'],
    ['inline heading', 'Иван Иванов\nОбразование: высшее экономическое (РЭУ, 2010)', 'Образование: высшее экономическое (РЭУ, 2010)'],
    [
      'completed degree while a second one is in progress',
      'Образование\nВысшее\n2012\nМГУ, экономический факультет\n\n\n\n2026\nMBA, Сколково (обучаюсь)',
      'Высшее',
    ],
  ])('met: %s', (_label, text, evidence) => expectStatus('higher_education', text, 'met', evidence));

  it.each([
    ['неоконченное высшее', 'Образование\nНеоконченное высшее\n2026\nМГУ', 'Неоконченное высшее'],
    [
      'incomplete higher',
      'Education\nIncomplete higher education, Moscow State University',
      'Incomplete higher education, Moscow State University',
    ],
    ['student', 'Образование\nРЭУ им. Плеханова, студент 4 курса', 'РЭУ им. Плеханова, студент 4 курса'],
    ['expected graduation', 'Education\nBachelor of Economics, HSE (expected 2026)', 'Bachelor of Economics, HSE (expected 2026)'],
    [
      'graduation year in the future',
      "Education\nMoscow State University\nBachelor's degree, Economics · (2021 - 2025)",
      "Bachelor's degree, Economics · (2021 - 2025)",
    ],
    ['studies ongoing', 'Образование\n2022 – н.в. РЭУ им. Плеханова, бакалавриат', '2022 – н.в. РЭУ им. Плеханова, бакалавриат'],
    ['среднее специальное', 'Образование\nСреднее специальное\n2010\nТорговый техникум', 'Среднее специальное'],
    ['college only', 'Образование\nКолледж сферы услуг №10, 2012', 'Колледж сферы услуг №10, 2012'],
  ])('not_met: %s', (_label, text, evidence) => expectStatus('higher_education', text, 'not_met', evidence));

  it.each([
    [
      'coursework, no degree',
      'Education\nState University — Business coursework, no degree',
      'State University — Business coursework, no degree',
    ],
    [
      'did not complete',
      'Education\nBA Economics, Northfield University (did not complete)',
      'BA Economics, Northfield University (did not complete)',
    ],
    ['незаконченное высшее', 'Образование\nНезаконченное высшее\n2015\nРЭУ', 'Незаконченное высшее'],
    ['не оконченное (two words)', 'Образование\nВысшее (не оконченное), МГУ, 2014', 'Высшее (не оконченное), МГУ, 2014'],
    ['неполное высшее', 'Образование\nНеполное высшее', 'Неполное высшее'],
    ['«Высшее» with a graduation year after now', 'Образование\nВысшее\n2026\nТульский институт экономики\nМенеджмент (4 курс)', '2026'],
    [
      'an associate degree at an institute',
      'Education\n2012 Associate of Occupational Studies : Culinary Arts\nLakefront Culinary Institute',
      '2012 Associate of Occupational Studies : Culinary Arts',
    ],
    [
      'диплом не получил',
      'Образование\nТехнический университет, инженер-механик, диплом не получил',
      'Технический университет, инженер-механик, диплом не получил',
    ],
  ])('not_met for a degree not completed: %s', (_label, text, evidence) => expectStatus('higher_education', text, 'not_met', evidence));

  it('not_met with a reason when the education section shows only courses', () => {
    const r = item('higher_education', 'Образование\nКурсы продаж, Бизнес-школа «Рост», 2019');
    expect(r.status).toBe('not_met');
  });

  it('unknown without any education information', () => {
    expectStatus('higher_education', 'Опыт работы\n2015 – 2020 Менеджер по продажам', 'unknown', null);
  });

  it('«высшее» outside education is not a degree («высшее руководство»)', () => {
    expectStatus('higher_education', 'Опыт работы\nОтчитывался перед высшим руководством; высшее руководство довольно', 'unknown', null);
  });
});

describe('business_degree', () => {
  it.each([
    'Образование\nВысшее\nРЭУ им. Плеханова, Маркетинг',
    'Образование\nВысшее\nМГУ, экономический факультет',
    'Education\nBSc in Business Administration, 2012',
    'Education\nMBA, 2015',
    'Образование\nВысшее\nФинансовый университет, Финансы и кредит',
    'Образование\nВысшее\nКоммерция (торговое дело), 2010',
    'Образование\nВысшее\nГУУ, менеджмент организации',
  ])('met: %s', (text) => expectStatus('business_degree', text, 'met'));

  it.each([
    ['Образование\nВысшее\nМГТУ им. Баумана, инженер-механик', 'МГТУ им. Баумана, инженер-механик'],
    ['Education\nMSc in Computer Science, 2015', 'MSc in Computer Science, 2015'],
    ['Образование\nВысшее\nМГЮА, юриспруденция', 'МГЮА, юриспруденция'],
    ['Образование\nВысшее\nМосковская академия управления, юриспруденция, 2010', 'Московская академия управления, юриспруденция, 2010'],
    [
      'Education\nWestbridge Business School, University of Westbridge — BSc Sports Science (2010 – 2013)',
      'Westbridge Business School, University of Westbridge — BSc Sports Science (2010 – 2013)',
    ],
    ['Education\nBA (Hons) History, University of Leeds, 2018', 'BA (Hons) History, University of Leeds, 2018'],
  ])('not_met for another field: %s', (text, evidence) => expectStatus('business_degree', text, 'not_met', evidence));

  it('not_met when there is no degree at all, only college', () => {
    expectStatus('business_degree', 'Образование\nСреднее специальное\nТорговый техникум, 2010', 'not_met');
    expectStatus('business_degree', 'Образование\nЭкономический колледж, бухгалтерский учёт, 2012', 'not_met');
  });

  it('never met while higher_education is not: a business certificate or an unfinished business degree', () => {
    const cert = 'Образование\nСреднее специальное\n2012\nКолледж\n\nСертификат «Управление продажами», Бизнес-школа, 2020';
    expectStatus('business_degree', cert, 'not_met');
    expectStatus('business_degree', 'Education\nBBA, Lakeview University (did not complete)', 'not_met');
  });

  it('the field from a faculty, not from the institution name', () => {
    expectStatus(
      'business_degree',
      'Образование\nВысшее\nМосковский институт экономики, экономический факультет, специальность «Экономика», 2014',
      'met',
    );
    expectStatus('business_degree', 'Education\nLakeview University — BA in Marketing, 2012', 'met');
  });

  it('unknown when the field is not stated or there is no education section', () => {
    expectStatus('business_degree', 'Образование\nВысшее\n2012\nМГУ им. М.В. Ломоносова', 'unknown', null);
    expectStatus('business_degree', 'Опыт работы\n2015 – 2020 Менеджер по продажам', 'unknown', null);
  });
});

describe('foreign_language', () => {
  it.each([
    ['Знание языков\nРусский — Родной\nАнглийский — B2 — Средне-продвинутый', 'Английский — B2 — Средне-продвинутый'],
    ['Английский язык: свободный', 'Английский язык: свободный'],
    ['Languages\nRussian — native\nEnglish: Upper-Intermediate', 'English: Upper-Intermediate'],
    ['Немецкий — разговорный', 'Немецкий — разговорный'],
    ['Английский — средний', 'Английский — средний'],
    ['Английский — продвинутый', 'Английский — продвинутый'],
    ['Английский (В2)', 'Английский (В2)'],
    ['Английский — могу проходить интервью', 'Английский — могу проходить интервью'],
    ['Fluent English and Spanish', 'Fluent English and Spanish'],
    ['Languages\nEnglish (Full Professional)\nRussian (Native or Bilingual)', 'English (Full Professional)'],
    ['Languages\nRussian (Native)\nEnglish\nProfessional working proficiency', 'English\nProfessional working proficiency'],
    ['Languages: Russian (native), English (C1), German (A2)', 'English (C1)'],
    ['Языки: английский — B1.', 'Языки: английский — B1.'],
    ['Languages\nRussian — native\nEnglish — Intermediate', 'English — Intermediate'],
    ['Languages\nSpanish (Professional\nWorking)\nEnglish (Native or\nBilingual)', 'Spanish (Professional\nWorking)'],
  ])('met: %s', (text, evidence) => expectStatus('foreign_language', text, 'met', evidence));

  it.each([
    ['Английский — A2 — Элементарный', 'Английский — A2 — Элементарный'],
    ['Languages: Russian (native), English (Pre-Intermediate)', 'English (Pre-Intermediate)'],
    ['Английский — базовый', 'Английский — базовый'],
    ['Английский язык — читаю со словарём', 'Английский язык — читаю со словарём'],
    ['Languages\nУкраинский — родной\nEnglish — Elementary', 'English — Elementary'],
    ['Английский — начальный', 'Английский — начальный'],
    ['Languages\nEnglish — native\nSpanish — basic (A2)', 'Spanish — basic (A2)'],
  ])('not_met: %s', (text, evidence) => expectStatus('foreign_language', text, 'not_met', evidence));

  it.each([
    ['only the native language (ru)', 'Знание языков\nРусский — Родной'],
    ['only the native language (en)', 'Languages\nEnglish — native'],
    ['English in an English resume, not stated as foreign', 'Languages\nEnglish — fluent'],
    ['a nationality next to an unrelated skill', 'Danone (French company), advanced Excel user'],
  ])('unknown: %s', (_label, text) => expectStatus('foreign_language', text, 'unknown', null));

  it('unknown with a quote when the level is not stated', () => {
    expectStatus('foreign_language', 'Languages\nEnglish, German', 'unknown', 'German');
  });

  it('not_met with a reason when the career is readable and no language is stated', () => {
    const r = item('foreign_language', 'Опыт работы\n2015 – 2020 Менеджер по продажам');
    expect(r).toMatchObject({
      status: 'not_met',
      evidence: null,
      reason: { ru: 'иностранный язык не указан', en: 'no foreign language stated' },
    });
  });
});

describe('crm', () => {
  it.each([
    'Опыт работы в CRM-системах',
    'Salesforce',
    'SAP CRM',
    'Microsoft Dynamics 365',
    'amoCRM',
    'Bitrix24',
    'Битрикс24',
    '1С:CRM',
    'HubSpot',
    'Pipedrive',
    'Oracle CRM On Demand',
    'Siebel',
    'SAP SD',
    '1С:Управление торговлей',
    'Заказы через мобильную торговлю «Агент Плюс» в 1С.',
    'Оформление заказов клиентов в 1С',
  ])('met: %s', (text) => expectStatus('crm', text, 'met', text));
  it.each(['Excel, PowerPoint, 1С:Бухгалтерия', 'Oracle', 'Oracle Database 12c, SQL, PL/SQL', 'Заказ товара, учёт в 1С:Аптека'])(
    'unknown otherwise: %s',
    (text) => expectStatus('crm', text, 'unknown', null),
  );
});

describe('kpi_results', () => {
  it.each([
    'Выполнение плана на 115%',
    'Рост продаж на 25% за год',
    '+18% YoY',
    'Grew revenue by 30% in two years',
    'Increased numeric distribution by 12 pp',
    'Increased distribution from 60 to 85 stores',
    'Увеличил продажи в 2 раза',
    'Closed 41 new accounts last year',
    'Booked 210 qualified meetings from outbound calls',
    'Вывод 12 новых SKU в федеральную сеть «Лента».',
    'Ranked #2 of 40 reps nationally in 2023',
    'Ranked in the top 3 of 25 associates for credit card sign-ups.',
    'Generated $1.2M in new revenue',
    'Сократила сроки закрытия месяца с 10 до 5 рабочих дней.',
  ])('met: %s', (text) => expectStatus('kpi_results', text, 'met', text));

  it.each([
    ['a salary', 'Желаемая зарплата: 150 000 руб.\nЗарплата 5 млн в год'],
    ['a discount', 'Предоставление скидок до 10% клиентам'],
    ['growth without a figure', 'Рост продаж, развитие дистрибуции'],
    ['growth with only a year', 'Increased sales since 2019'],
    ['a portfolio is scope', 'Портфель клиентов с оборотом 1,2 млрд руб.'],
    ['a budget is scope', 'Managed a $2.5M portfolio and a $400K trade budget'],
    ['a team size is scope', 'Team of 6 reps, 150 outlets'],
  ])('unknown: %s', (_label, text) => expectStatus('kpi_results', text, 'unknown', null));

  it('quotes the sentence, not the whole paragraph', () => {
    const sentence = 'In 2023 I grew net sales by 14% across the X5 account.';
    const text = `Summary\nI am a commercial professional with a long track record in FMCG and a passion for data-driven negotiations with retailers. ${sentence} I also mentor junior colleagues and enjoy building joint business plans with key customers.`;
    expectStatus('kpi_results', text, 'met', sentence);
  });
});

describe('custom HR items', () => {
  it('met when any keyword occurs, case-insensitively and with ё = е', () => {
    const r = item('ved', 'Опыт ВЭД и таможенного оформления', ['вэд', 'внешнеэкономическая']);
    expect(r).toMatchObject({ status: 'met', evidence: 'Опыт ВЭД и таможенного оформления' });
    expect(item('tree', 'Продажи елочных игрушек', ['Ёлочных']).status).toBe('met');
  });

  it('short keywords need whole words; longer ones may be inflected at the end', () => {
    expect(item('sap', 'Worked with Sapiens software', ['SAP']).status).toBe('unknown');
    expect(item('sap', 'SAP SD, SAP BW', ['SAP']).status).toBe('met');
    expect(item('neg', 'Ведение переговоров с сетями', ['переговор']).status).toBe('met');
  });

  it('unknown when nothing matches or there are no keywords', () => {
    expect(item('car', 'Менеджер по продажам', ['водительские права'])).toEqual({ status: 'unknown', evidence: null });
    expect(item('empty', 'Менеджер по продажам', [])).toMatchObject({ status: 'unknown', evidence: null });
    expect(item('none', 'Менеджер по продажам')).toMatchObject({ status: 'unknown', evidence: null });
  });

  it('keywords on a template item only help when the built-in rule is unknown', () => {
    expect(item('crm', 'Работа в системе «Контур.Маркет»', ['Контур']).status).toBe('met');
    expect(item('crm', 'Salesforce', ['Контур']).evidence).toBe('Salesforce');
  });
});

describe('school-leaving statements are an education statement', () => {
  it.each([
    [
      'Experience\nTrade Representative, Hollin Snacks | 2015 – 2024\nI left school after A-levels and went straight into field sales.',
      'I left school after A-levels and went straight into field sales.',
    ],
    [
      'Опыт работы\n2015 — 2024\nТорговый представитель, ООО «Лукоморье»\nОбразование среднее, сразу пошёл работать.',
      'Образование среднее, сразу пошёл работать.',
    ],
    [
      'Experience\nSales Rep, Corbel Ltd | 2016 – 2024\nSchool leaver with GCSEs; trained on the job.',
      'School leaver with GCSEs; trained on the job.',
    ],
  ])('higher_education and business_degree not_met: %#', (text, evidence) => {
    expectStatus('higher_education', text, 'not_met', evidence);
    expectStatus('business_degree', text, 'not_met');
  });

  it('a teacher at a secondary school does not state their own schooling', () => {
    expectStatus(
      'higher_education',
      'Experience\nTeacher, Elm Park Secondary School | 2016 – 2024\nTaught maths to years 7–11.',
      'unknown',
    );
  });
});

describe('foreign_language: conversational level and native English', () => {
  it.each([
    ['Experience\nSales Rep, Corbel Ltd | 2016 – 2024\nLanguages: English (native), conversational German', 'conversational German'],
    ['Experience\nSales Rep, Corbel Ltd | 2016 – 2024\nLanguages\nSpanish — conversational', 'Spanish — conversational'],
    ['Опыт работы\n2015 — 2024\nМенеджер по продажам, ООО «Лукоморье»\nЯзыки: английский — разговорный', 'английский — разговорный'],
  ])('conversational counts as B1: %#', (text, evidence) => {
    expectStatus('foreign_language', text, 'met');
    expect(item('foreign_language', text).evidence).toContain(evidence);
  });

  it('"native English speaker" in an English resume is no foreign language', () => {
    expectStatus('foreign_language', 'Experience\nSales Rep, Corbel Ltd | 2016 – 2024\nNative English speaker.', 'not_met');
  });
});

describe('kpi_results: revenue delivered with a figure', () => {
  it.each([
    'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nNew business of £2.8M in 2024–2025.',
    'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nBrought in $1.2M from twelve new logos.',
    'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nDelivered €900k in first-year bookings.',
  ])('met: %s', (text) => {
    expectStatus('kpi_results', text, 'met');
  });

  it('a budget is scope, not a result', () => {
    expectStatus('kpi_results', 'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nManaged a trade budget of $2M.', 'not_met');
  });
});

describe('fmcg: what the employer makes or distributes, not who its clients or suppliers are', () => {
  it.each([
    [
      'a supplier of control systems to food plants',
      'Experience\nSales Engineer, Brightwave Automation | Jan 2018 – Present\nSells control systems to food plants and Procter & Gamble.',
    ],
    [
      'a label printer for drinks brands',
      'Experience\nAccount Manager, Inkline Labels | 2016 – 2022\nPrinting labels for beverage brands; accounts including two breweries and a juice maker.',
    ],
    [
      'a supermarket naming its suppliers',
      'Experience\nCategory Manager, FreshWay Supermarkets | 2017 – 2023\nNegotiated promotions with supplier reps from Coca-Cola and Nestle.',
    ],
    [
      'a grocery chain, hh.ru style',
      'Опыт работы\nМарт 2017 — Май 2023\nООО «Корзинка»\nРозничная сеть супермаркетов\nМенеджер по закупкам\nПереговоры с Danone и PepsiCo о промо.',
    ],
    [
      '«поставки оборудования заводам»',
      'Опыт работы\nМарт 2017 — Май 2023\nООО «ТехЛиния»\nМенеджер по продажам\nПродажа линий розлива производителям напитков, клиенты: Балтика, Efes.',
    ],
  ])('not_met: %s', (_label, text) => {
    expectStatus('fmcg', text, 'not_met');
  });

  it.each([
    [
      '"a maker of frozen meals"',
      'Experience\nKey Account Manager, Maplecrest Foods | 2018 – Present\nMaplecrest Foods, a maker of frozen meals and snacks. Managed Tesco and Asda.',
    ],
    [
      '"a hygiene-products distributor"',
      'Experience\nSales Manager, Cleanline Supply | 2018 – Present\nA hygiene-products distributor serving hotels and offices.',
    ],
    [
      'a frozen-food wholesaler, hh.ru industry line',
      'Опыт работы\nЯнварь 2018 — по настоящее время\nООО «Северный Холод»\nОптовая торговля замороженными продуктами\nМенеджер по продажам\nРабота с сетями.',
    ],
    [
      '«производитель полуфабрикатов»',
      'Опыт работы\nЯнварь 2018 — по настоящее время\nООО «Вкусный Дом»\nПроизводитель замороженных полуфабрикатов\nМенеджер по работе с ключевыми клиентами',
    ],
    ['a pet-food maker', 'Experience\nKey Account Manager, Barkley Ltd | 2018 – Present\nA pet-food maker. Managed Tesco and Asda.'],
  ])('met: %s', (_label, text) => {
    expectStatus('fmcg', text, 'met');
  });

  it('"personal hygiene" in a job description is not a product line', () => {
    expectStatus(
      'fmcg',
      'Experience\nLine Cook, Oakridge Diner | 2018 – 2023\nKept impeccable personal hygiene and a clean station.',
      'not_met',
    );
  });
});

describe('fmcg: agencies, named retail employers and accounts served', () => {
  it.each([
    [
      'an agency running teams for a brand',
      'Experience\nAccount Director, Vantage Field Marketing | 2016 – 2023\nMerchandising agency; ran in-store teams for Unilever.',
    ],
    ['a buyer at a named chain', 'Experience\nCategory Buyer, Tesco | 2015 – 2020\nManaged the Coca-Cola and PepsiCo relationships.'],
    ['a store manager at a named chain', 'Experience\nStore Manager, Walmart | 2015 – 2020\nOversaw beverage and snacks aisles.'],
  ])('not_met: %s', (_label, text) => {
    expectStatus('fmcg', text, 'not_met');
  });

  it('a brand employer that served a named chain stays met', () => {
    expectStatus(
      'fmcg',
      'Experience\nKey Account Manager, Danone | 2018 – Present\nManaged Tesco.',
      'met',
      'Key Account Manager, Danone | 2018 – Present',
    );
  });
});

describe('foreign_language: several languages in one phrase', () => {
  it.each([
    ['Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nNative English speaker with fluent Spanish.', 'fluent Spanish.'],
    [
      'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nI speak conversational German and basic French.',
      'I speak conversational German',
    ],
    [
      'Experience\nAccount Executive, Corbel Ltd | 2016 – 2024\nLanguages: Portuguese (native) and English (business level)',
      'English (business level)',
    ],
  ])('each language keeps its own level: %#', (text, evidence) => {
    expectStatus('foreign_language', text, 'met', evidence);
  });
});

describe('fmcg: suppliers named by whom they sell to', () => {
  it.each([
    [
      'an ingredients seller to snack makers',
      'Experience\nAccount Manager, Spectra Flavours | 2016 – 2023\nSold flavourings to snack and beverage manufacturers.',
    ],
    [
      'a promo agency, hh.ru style',
      'Опыт работы\nМарт 2017 — Май 2023\nООО «Агентство Промо»\nМенеджер проектов\nПроведение промо-акций для Coca-Cola и Danone.',
    ],
  ])('not_met: %s', (_label, text) => {
    expectStatus('fmcg', text, 'not_met');
  });

  it('working for food manufacturers is working in FMCG', () => {
    expectStatus(
      'fmcg',
      'Experience\nSales Manager, Brindle & Co | 2016 – 2023\nTen years working for food manufacturers, most recently Brindle & Co, a producer of crisps.',
      'met',
    );
  });
});
