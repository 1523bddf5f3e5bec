/**
 * Vocabulary rules: fmcg, key_accounts, crm, kpi_results and HR's custom keyword items.
 * They only ever say `met` (with a quote) or `unknown`: a missing word is not proof of absence.
 * Lines under «Желаемая должность» are skipped — a wish is not experience.
 */
import type { Doc } from './doc.js';
import { alternation, hitEvidence, isProperName, metFrom, scan } from './scan.js';
import type { SectionKind } from './sections.js';
import { normalizeFragment, type Line } from './text.js';
import type { ItemResult } from './types.js';

const SKIP_DESIRED: ReadonlySet<SectionKind> = new Set(['desired']);

// ---- fmcg ---------------------------------------------------------------------------------

const FMCG_GENERIC = [
  'fmcg',
  'cpg',
  'consumer (?:packaged )?goods',
  'fast[- ]moving consumer',
  'товар[а-я]* (?:повседневного|массового) (?:спроса|потребления)',
  'тнп',
  'продукт[а-я]* питания',
  'пищев[а-я]* (?:промышленн|продукц|производ|компан|холдинг|отрасл)',
  'foods?\\s+(?:industry|products|manufactur|company|producer|and beverages?|& beverages?)',
  'f&b',
  'напитк',
  'напиточн',
  'beverage',
  'безалкогольн',
  'алкогольн',
  'пивоварен',
  'brewer',
  'brewing',
  'бытов[а-я]* хими',
  'household (?:chemicals|products|care|goods)',
  'home care',
  'personal care',
  'кондитерск',
  'confectioner',
  'молочн',
  'dairy',
  'табак',
  'табачн',
  'tobacco',
  'снек',
  'снэк',
  'snacks',
  'детск[а-я]* питани',
  'baby food',
  'pet ?food',
  'корм[а-я]* для (?:животных|кошек|собак)',
  'косметик',
  'cosmetics',
  'парфюмерн',
  'мясн[а-я]* (?:продукц|компан|холдинг|завод|комбинат)',
  'мясоперерабат',
  'бакале',
  'масложиров',
];

const FMCG_BRANDS = [
  'nestle',
  'нестле',
  'unilever',
  'юнилевер',
  'p ?& ?g',
  'procter',
  'проктер',
  'pepsico',
  'pepsi',
  'пепсико',
  'mars',
  'марс',
  'danone',
  'данон',
  'coca[- ]?cola',
  'кока[- ]?кола',
  'henkel',
  'хенкель',
  "l'?oreal",
  "л'?ореаль",
  'ferrero',
  'ферреро',
  'efes',
  'эфес',
  'baltika',
  'балтика',
  'черкизово',
  'cherkizovo',
  'вимм[- ]билль[- ]данн',
  'wimm[- ]bill[- ]dann',
  'mondelez',
  'мон\'?дэлис',
  'мондэлис',
  'kraft',
  'heineken',
  'хайнекен',
  'carlsberg',
  'карлсберг',
  'ab ?inbev',
  'anheuser',
  'japan tobacco',
  'jti',
  'philip morris',
  'филип моррис',
  'british american tobacco',
  'kimberly[- ]clark',
  'colgate',
  'reckitt',
  'рекитт',
  'valio',
  'валио',
  'ehrmann',
  'эрманн',
  'lactalis',
  'лакталис',
  'bonduelle',
  'бондюэль',
  'heinz',
  'хайнц',
  "kellogg'?s?",
  'general mills',
  'wrigley',
  'haribo',
  'lindt',
  'красный октябрь',
  'бабаевск[а-я]*',
  'рот фронт',
  'объединенные кондитеры',
  'кдв',
  'яшкино',
  'мираторг',
  'русагро',
  'эфко',
  'макфа',
  'простоквашино',
  'агуша',
  'домик в деревне',
  'мултон',
  'лебедянск[а-я]*',
  'сады придонья',
  'инмарко',
  'inmarko',
  'савушкин[а-я]*',
  'essity',
  'beiersdorf',
  'nivea',
  'schwarzkopf',
  'splat',
  'невская косметика',
  'orimi',
  'орими',
  'tchibo',
  'fazer',
  'фацер',
  'frito[- ]?lay',
  'сибирская коллекция',
  'хлебный дом',
];

const FMCG_RE = new RegExp(`${alternation(FMCG_GENERIC, false)}|${alternation(FMCG_BRANDS, true)}`, 'g');

// A food-technology diploma or a course is not industry experience.
const FMCG_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'education', 'courses']);

export function ruleFmcg(doc: Doc): ItemResult {
  return metFrom(scan(doc, FMCG_RE, { skip: FMCG_SKIP }));
}

// ---- key accounts ---------------------------------------------------------------------------

const KA_GENERIC = [
  '(?:федеральн|национальн|региональн|локальн|розничн|торгов|продуктов|крупн|международн|ключев)[а-я]*\\s+(?:торгов[а-я]*\\s+|розничн[а-я]*\\s+|продуктов[а-я]*\\s+)?сет(?:ь|и|ей|ям|ями|ях)(?![а-я])',
  'сетев[а-я]*\\s+(?:клиент|ритейл|розниц|магазин|канал|партнер|рознич)',
  'работ[а-я]*\\s+с\\s+(?:торговыми\\s+|розничными\\s+|федеральными\\s+|региональными\\s+)?сетями',
  'ключев[а-я]*\\s+(?:клиент|заказчик|аккаунт|счет|партнер)',
  'key[\\s-]*accounts?',
  'kam',
  'кам',
  'national\\s+accounts?',
  'key\\s+(?:clients?|customers?)',
  'strategic\\s+accounts?',
  '(?:retail|grocery|supermarket|hypermarket|food)\\s+chains?',
  'chain\\s+(?:stores|retail)',
  'hypermarkets?',
  'modern\\s+trade',
  'современн[а-я]*\\s+(?:торговл|канал|розниц|формат)',
  'сетевой\\s+ритейл',
  'ритейл[а-я]*\\s+сет',
  'гипермаркет',
];

const RETAILERS_ANY = [
  'x5',
  'х5',
  'пятерочк[а-я]*',
  'pyaterochka',
  'ашан[а-я]*',
  'auchan',
  'вкусвилл[а-я]*',
  'vkusvill',
  'дикси',
  'dixy',
  'perekrestok',
  'азбук[а-я]* вкуса',
  'самбери',
  'мария-ра',
  'красное ?(?:&|и) ?белое',
  'fix ?price',
  'фикс ?прайс',
  'wildberries',
  'вайлдберриз',
  'selgros',
  'зельгрос',
  'walmart',
  'tesco',
  'carrefour',
  "sainsbury'?s?",
  'asda',
  'kroger',
  'costco',
  'aldi',
  'lidl',
  'rewe',
  'edeka',
  'ahold',
  'albert heijn',
  'whole foods',
  'morrisons',
  'waitrose',
  '7-eleven',
  'metro c&c',
  'metro cash',
  'метро кэш',
  'гиперглобус',
];
// Ordinary words as well as retailer names: only count when capitalized or quoted.
const RETAILERS_PROPER = [
  'магнит(?:а|е|ом|у)?',
  'magnit',
  'лент(?:а|е|ой|у|ы)',
  'lenta',
  'перекрест(?:ок|ка|ке|ком|ку)',
  'metro',
  'метро',
  "о'?кей",
  "o'?key",
  'карусель',
  'глобус',
  'globus',
  'монетк[а-я]',
  'светофор',
  'бристоль',
  'ozon',
  'озон',
  'spar',
  'спар',
  'лэнд',
];

const KA_RE = new RegExp(`${alternation(KA_GENERIC, false)}|${alternation(RETAILERS_ANY, true)}`, 'g');
const KA_PROPER_RE = new RegExp(alternation(RETAILERS_PROPER, true), 'g');

// A course titled «Управление ключевыми клиентами» shows interest, not experience.
const KA_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'courses']);

export function ruleKeyAccounts(doc: Doc): ItemResult {
  const hit = scan(doc, KA_RE, { skip: KA_SKIP }) ?? scan(doc, KA_PROPER_RE, { skip: KA_SKIP, accept: (line, i) => isProperName(line, i) });
  return metFrom(hit);
}

// ---- CRM ------------------------------------------------------------------------------------

const CRM_RE = new RegExp(
  alternation(
    [
      'crm',
      'срм',
      'salesforce',
      'microsoft dynamics',
      'ms dynamics',
      'dynamics 365',
      'amo ?crm',
      'bitrix ?24',
      'битрикс ?24',
      'битрикс',
      'bitrix',
      '1[сc] ?: ?crm',
      'hubspot',
      'pipedrive',
      'oracle',
      'zoho',
      'sugar ?crm',
      'retail ?crm',
      'мегаплан',
      'sfa',
      'sales force automation',
      'st[- ]?ритейл',
      'st[- ]?retail',
    ],
    true,
  ),
  'g',
);

export function ruleCrm(doc: Doc): ItemResult {
  return metFrom(scan(doc, CRM_RE, { skip: SKIP_DESIRED }));
}

// ---- KPI results ------------------------------------------------------------------------------

// A bare percentage is only a result next to result vocabulary («скидка 10%» is not an achievement).
const RESULT_WORD_RE =
  /(?<![а-я])рост(?!ов)|вырос|увелич|выполн|прирост|достиг|повыс|повыш|сниз|сниж|сократ|расшир|дол[яеиюь]|выручк|оборот|прибыл|маржин|дистрибуц|план|kpi|growth|grew|grow|increas|achiev|exceed|over-?achiev|improv|reduc|decreas|rais|boost|deliver|(?<![a-z])cut(?![a-z])|saved|сэконом|(?<![a-z])plan|target|quota|yoy|y\/y|share|uplift|revenue|turnover|margin|profit|distribution|expand|budget|бюджет/;
const PERCENT_RE = /(?<![\d.,])(\+\s?)?\d{1,4}(?:[.,]\d{1,2})?\s?(?:%|процент|п\.\s?п\.|pp(?![a-z]))/g;
const MONEY_RE =
  /(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:млн|млрд|mln|mn|million|billion|bn|mm)(?![a-zа-я])|[$€£₽]\s?\d+(?:[.,]\d+)?\s?(?:m|mm|k|bn|b|млн|млрд)(?![a-zа-я])|(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:m|bn|k)\s?(?:\$|usd|eur|€|rub|руб)/g;
const MULTIPLIER_RE =
  /(?<![а-я])в\s?\d+(?:[.,]\d+)?\s?раза?(?![а-я])|(?<![а-я])(?:вдвое|втрое)|(?<![a-z0-9])[x×]\s?\d(?:[.,]\d)?(?![\d%])|(?<![a-z0-9.,])\d(?:[.,]\d)?\s?[x×](?![a-zа-я])|doubled|tripled|twofold|threefold/g;
// "Increased distribution from 60 to 85 stores": a growth verb followed by a figure that is not a year.
const GROWTH_FIGURE_RE =
  /(?<![a-zа-я])(?:рост(?!ов)|увелич|вырос|повысил|расширил|нарастил|сократ|сниз|increas|grew|grown|(?<![a-z])grow|rais|expand|improv|boost|reduc|decreas|(?<![a-z])cut)[^.;\d]{0,60}?(?<![\d.,])(\d+(?:[.,]\d+)?)(?![\d.,]*\s?(?:г\.|гг|год|year))/g;

const KPI_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'education', 'languages', 'skills', 'courses']);
const SALARY_RE = /зарплат|заработн|salary|оклад|доход|compensation|на руки|gross|net pay|ожидания/;
const noSalary = (line: Line): boolean => !SALARY_RE.test(line.norm);

const TRAILING_NUMBER_RE = /(\d+(?:[.,]\d+)?)$/;

/** The text around a match, roughly its sentence, for context words. */
function near(line: Line, i: number): string {
  return line.norm.slice(Math.max(0, i - 120), i + 60);
}

function isYear(s: string): boolean {
  const n = Number(s.replace(',', '.'));
  return Number.isInteger(n) && n >= 1950 && n <= 2049;
}

export function ruleKpi(doc: Doc): ItemResult {
  const base = { skip: KPI_SKIP, lineFilter: noSalary };
  const pct = scan(doc, PERCENT_RE, { ...base, accept: (line, i, m) => m.startsWith('+') || RESULT_WORD_RE.test(near(line, i)) });
  if (pct !== null) return { status: 'met', evidence: hitEvidence(pct), detail: 'percentage' };
  const multiplier = scan(doc, MULTIPLIER_RE, base);
  if (multiplier !== null) return { status: 'met', evidence: hitEvidence(multiplier), detail: 'multiplier' };
  const money = scan(doc, MONEY_RE, base);
  if (money !== null) return { status: 'met', evidence: hitEvidence(money), detail: 'money_amount' };
  const growth = scan(doc, GROWTH_FIGURE_RE, {
    ...base,
    accept: (_line, _i, m) => {
      const num = TRAILING_NUMBER_RE.exec(m)?.[1] ?? '';
      return num !== '' && !isYear(num);
    },
  });
  if (growth !== null) return { status: 'met', evidence: hitEvidence(growth), detail: 'growth_figure' };
  return { status: 'unknown', evidence: null };
}

// ---- custom HR items ------------------------------------------------------------------------------

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;

/**
 * Keywords match case-insensitively with ё=е. They must start at a word boundary so "SAP" does not hit
 * "sapiens"; the end stays open so «переговор» still finds «переговоров» — except for keywords of three
 * characters or fewer, which are closed at both ends.
 */
export function keywordRegex(keywords: readonly string[]): RegExp | null {
  const parts = keywords
    .map((k) => normalizeFragment(k))
    .filter((k) => k !== '')
    .map((k) => {
      const body = k.replace(ESCAPE_RE, '\\$&').replace(/ /g, '\\s+');
      const startB = /^[a-zа-я0-9]/.test(k) ? '(?<![a-zа-я0-9])' : '';
      const endB = k.length <= 3 && /[a-zа-я0-9]$/.test(k) ? '(?![a-zа-я0-9])' : '';
      return `${startB}${body}${endB}`;
    });
  return parts.length === 0 ? null : new RegExp(parts.join('|'), 'g');
}

export function ruleCustom(doc: Doc, keywords: readonly string[] | undefined): ItemResult {
  const re = keywordRegex(keywords ?? []);
  if (re === null) return { status: 'unknown', evidence: null, detail: 'no_keywords' };
  const hit = scan(doc, re);
  return metFrom(hit);
}
