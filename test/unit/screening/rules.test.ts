import { describe, expect, it } from 'vitest';
import { screenResume, type ItemResult, type ItemStatus } from '../../../src/domain/screening/index.js';
import { NOW, foreignEvidence } from './helpers.js';

function item(key: string, text: string, keywords?: string[]): ItemResult {
  const checklist = [keywords === undefined ? { key, kind: 'required' as const, weight: 1 } : { key, kind: 'required' as const, weight: 1, keywords }];
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
    ['a wish, not experience', 'Желаемая должность и зарплата\nKAM в FMCG\n\nОпыт работы\n2015 – 2020 Менеджер по продажам, «Альфа-Софт»'],
    ['a food-technology diploma', 'Образование\nВысшее\nТехнология продуктов питания'],
    ['a URL', 'www.mars-fans.example.com'],
  ])('unknown (never not_met): %s', (_label, text) => expectStatus('fmcg', text, 'unknown', null));
});

describe('key_accounts', () => {
  it.each([
    'Работа с федеральными сетями',
    'Ведение ключевых клиентов',
    'Работа с сетями X5, «Магнит»',
    'Key accounts: Auchan, METRO',
    'Managed national accounts',
    'X5 Retail Group',
    'Walmart and Kroger business',
    'Переговоры с Магнитом',
    'Сеть «Лента»',
    'Перекрёсток, Дикси',
    'KAM',
    'Modern trade channel',
  ])('met: %s', (text) => expectStatus('key_accounts', text, 'met', text));

  it.each([
    ['lower-case ordinary words', 'Купил магнит на холодильник, читаю ленту новостей на перекрестке'],
    ['a URL', 'linkedin.com/in/ivan-kam'],
    ['a course title', 'Курсы\nУправление ключевыми клиентами, 2021'],
    ['nothing', 'Продажи в розницу'],
  ])('unknown: %s', (_label, text) => expectStatus('key_accounts', text, 'unknown', null));
});

describe('higher_education', () => {
  it.each([
    ['hh.ru level line', 'Образование\nВысшее\n2012\nМГУ им. М.В. Ломоносова', 'Высшее'],
    ['bachelor', 'Education\nBachelor of Science in Economics, 2015', 'Bachelor of Science in Economics, 2015'],
    ['master', 'Образование\nМагистр\n2016\nНИУ ВШЭ', 'Магистр'],
    ['MBA', 'Education\nMBA, Kellogg School of Management, 2014', 'MBA, Kellogg School of Management, 2014'],
    ['university with a past year', 'Education\nUniversity of Leeds, 2018', 'University of Leeds, 2018'],
    ['inline heading', 'Иван Иванов\nОбразование: высшее экономическое (РЭУ, 2010)', 'Образование: высшее экономическое (РЭУ, 2010)'],
    ['completed degree while a second one is in progress', 'Образование\nВысшее\n2012\nМГУ, экономический факультет\n\n\n\n2026\nMBA, Сколково (обучаюсь)', 'Высшее'],
  ])('met: %s', (_label, text, evidence) => expectStatus('higher_education', text, 'met', evidence));

  it.each([
    ['неоконченное высшее', 'Образование\nНеоконченное высшее\n2026\nМГУ', 'Неоконченное высшее'],
    ['incomplete higher', 'Education\nIncomplete higher education, Moscow State University', 'Incomplete higher education, Moscow State University'],
    ['student', 'Образование\nРЭУ им. Плеханова, студент 4 курса', 'РЭУ им. Плеханова, студент 4 курса'],
    ['expected graduation', 'Education\nBachelor of Economics, HSE (expected 2026)', 'Bachelor of Economics, HSE (expected 2026)'],
    ['graduation year in the future', 'Education\nMoscow State University\nBachelor\'s degree, Economics · (2021 - 2025)', "Bachelor's degree, Economics · (2021 - 2025)"],
    ['studies ongoing', 'Образование\n2022 – н.в. РЭУ им. Плеханова, бакалавриат', '2022 – н.в. РЭУ им. Плеханова, бакалавриат'],
    ['среднее специальное', 'Образование\nСреднее специальное\n2010\nТорговый техникум', 'Среднее специальное'],
    ['college only', 'Образование\nКолледж сферы услуг №10, 2012', 'Колледж сферы услуг №10, 2012'],
  ])('not_met: %s', (_label, text, evidence) => expectStatus('higher_education', text, 'not_met', evidence));

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
    ['Education\nBA (Hons) History, University of Leeds, 2018', 'BA (Hons) History, University of Leeds, 2018'],
  ])('not_met for another field: %s', (text, evidence) => expectStatus('business_degree', text, 'not_met', evidence));

  it('not_met when there is no degree at all, only college', () => {
    expectStatus('business_degree', 'Образование\nСреднее специальное\nТорговый техникум, 2010', 'not_met');
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
    ['Languages\nEnglish: Upper-Intermediate', 'English: Upper-Intermediate'],
    ['Немецкий — разговорный', 'Немецкий — разговорный'],
    ['Английский — средний', 'Английский — средний'],
    ['Английский — продвинутый', 'Английский — продвинутый'],
    ['Английский (В2)', 'Английский (В2)'],
    ['Английский — могу проходить интервью', 'Английский — могу проходить интервью'],
    ['Fluent English and Spanish', 'Fluent English and Spanish'],
    ['Languages\nEnglish (Full Professional)\nRussian (Native or Bilingual)', 'English (Full Professional)'],
    ['Languages\nEnglish\nProfessional working proficiency', 'English\nProfessional working proficiency'],
    ['Languages: Russian (native), English (C1), German (A2)', 'English (C1)'],
    ['Языки: английский — B1.', 'Языки: английский — B1.'],
    ['English — Intermediate', 'English — Intermediate'],
  ])('met: %s', (text, evidence) => expectStatus('foreign_language', text, 'met', evidence));

  it.each([
    ['Английский — A2 — Элементарный', 'Английский — A2 — Элементарный'],
    ['English: Pre-Intermediate', 'English: Pre-Intermediate'],
    ['Английский — базовый', 'Английский — базовый'],
    ['Английский язык — читаю со словарём', 'Английский язык — читаю со словарём'],
    ['Languages\nEnglish — Elementary', 'English — Elementary'],
    ['Английский — начальный', 'Английский — начальный'],
    ['Languages\nEnglish — native\nSpanish — basic (A2)', 'Spanish — basic (A2)'],
  ])('not_met: %s', (text, evidence) => expectStatus('foreign_language', text, 'not_met', evidence));

  it.each([
    ['only the native language (ru)', 'Знание языков\nРусский — Родной'],
    ['only the native language (en)', 'Languages\nEnglish — native'],
    ['no language information', 'Опыт работы\n2015 – 2020 Менеджер по продажам'],
    ['a nationality next to an unrelated skill', 'Danone (French company), advanced Excel user'],
  ])('unknown: %s', (_label, text) => expectStatus('foreign_language', text, 'unknown', null));

  it('unknown with a quote when the level is not stated', () => {
    expectStatus('foreign_language', 'Languages\nEnglish, German', 'unknown', 'English');
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
    'Oracle',
  ])('met: %s', (text) => expectStatus('crm', text, 'met', text));
  it('unknown otherwise', () => expectStatus('crm', 'Excel, PowerPoint, 1С:Бухгалтерия', 'unknown', null));
});

describe('kpi_results', () => {
  it.each([
    'Выполнение плана на 115%',
    'Рост продаж на 25% за год',
    '+18% YoY',
    'Grew revenue by 30% in two years',
    'Increased numeric distribution by 12 pp',
    'Increased distribution from 60 to 85 stores',
    'Портфель клиентов с оборотом 1,2 млрд руб.',
    'Managed a $2.5M portfolio',
    'Увеличил продажи в 2 раза',
    'Сократила сроки закрытия месяца с 10 до 5 рабочих дней.',
  ])('met: %s', (text) => expectStatus('kpi_results', text, 'met', text));

  it.each([
    ['a salary', 'Желаемая зарплата: 150 000 руб.\nЗарплата 5 млн в год'],
    ['a discount', 'Предоставление скидок до 10% клиентам'],
    ['growth without a figure', 'Рост продаж, развитие дистрибуции'],
    ['growth with only a year', 'Increased sales since 2019'],
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
