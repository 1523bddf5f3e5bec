/**
 * Vocabulary rules: fmcg, key_accounts, crm, kpi_results and HR's custom keyword items.
 * A hit gives `met` with a quote. Without one, absence is evidence when the career is readable (dated jobs):
 * `not_met` with a short reason («нет упоминаний FMCG в 4 местах работы»); otherwise `unknown`.
 * Lines under «Желаемая должность» and wishes ("looking for a KAM role", «хочу развиваться…») are skipped —
 * a wish is not experience.
 */
import { sectionOf, type Doc } from './doc.js';
import type { ExperienceAnalysis } from './experience.js';
import { NO_DATED_CAREER, inJobs, noMention } from './reasons.js';
import { alternation, hitEvidence, isProperName, metFrom, scan, scanWrapped } from './scan.js';
import { hasRoleNoun, isKeyRoleTitle } from './roles.js';
import type { SectionKind } from './sections.js';
import { normalizeFragment, type Line } from './text.js';
import type { ItemResult, LocalizedText } from './types.js';

// A wish or an objective supports nothing: "looking for a KAM role", «хочу развиваться в работе с ключевыми клиентами».
const WISH_RE =
  /looking\s+(?:for|to)|seeking|eager|grow\s+into|to\s+become|aim(?:ing)?\s+to|развивать?ся|стать(?![а-я])|(?<![a-z])objective|aspir|would\s+like|(?<![a-z])wish|want\s+to|hope\s+to|interested\s+in\s+(?:a|an|the)?\s*(?:role|position|job|career)|career\s+goal|(?<![а-я])хочу|хотел[а-я]*|желаю|желаем|стремлюсь|ищу|рассматриваю|интересует|мечтаю|планирую|готов[а-я]?\s+(?:к|рассмотреть)|цель\s*:|в\s+поиске/;
// Each line is tested once per resume, however many rules and scans ask.
const WISH_CACHE = new WeakMap<readonly Line[], Uint8Array>();
const UNTESTED = 0;
const WISH = 1;
const NOT_WISH = 2;

export function notWish(line: Line, lines: readonly Line[]): boolean {
  let flags = WISH_CACHE.get(lines);
  if (flags === undefined) {
    flags = new Uint8Array(lines.length);
    WISH_CACHE.set(lines, flags);
  }
  let f = flags[line.index] ?? UNTESTED;
  if (f === UNTESTED) {
    f = WISH_RE.test(line.norm) ? WISH : NOT_WISH;
    flags[line.index] = f;
  }
  return f === NOT_WISH;
}

/** Line filter that drops wishes and objectives. */
function noWishes(doc: Doc): (line: Line) => boolean {
  return (line) => notWish(line, doc.lines);
}

/** Absence of a career item: not_met with the reason when the career is readable, unknown otherwise. */
export function absent(a: ExperienceAnalysis, reason: (jobs: number) => LocalizedText): ItemResult {
  if (!a.readable) return { status: 'unknown', evidence: null, reason: NO_DATED_CAREER };
  return { status: 'not_met', evidence: null, detail: 'absent', reason: reason(a.jobs.length) };
}

// ---- fmcg ---------------------------------------------------------------------------------

// The industry named outright: always about a maker or distributor of everyday consumer goods.
const FMCG_INDUSTRY = [
  'fmcg',
  'cpg',
  'consumer (?:packaged|package) goods',
  'fast[- ]moving consumer',
  'товар[а-я]* (?:повседневного|массового) (?:спроса|потребления)',
  'тнп',
  'пищев[а-я]* (?:промышленн|производ|холдинг|отрасл)',
  'продукт[а-я]* питания \\(производств',
  'мясоперерабат',
  'масложиров',
  'пивоварен',
  'brewer(?:y|ies)',
  'bottler',
  'food (?:manufactur|processing|producer)',
  '(?:beverage|drinks|dairy|confectionery|snacks?|tobacco|cosmetics|household chemicals) (?:manufactur|producer|maker|compan|brand|distribut)',
];

// Goods categories: they name FMCG only next to a maker or distributor («производство напитков», "dairy distribution
// business"), never in food service («Handled all functions related to Food and Beverage»).
const FMCG_GOODS = [
  'продукт[а-я]* питания',
  'пищев[а-я]* продукц',
  'напит(?:ки|ков|ками|ках|ок)',
  'безалкогольн',
  'алкогольн',
  'бытов[а-я]* хими',
  'кондитерск',
  'молочн',
  'табак',
  'табачн',
  'снек',
  'снэк',
  'детск[а-я]* питани',
  'корм[а-я]* для (?:животных|кошек|собак)',
  'косметик',
  'парфюм',
  'мясн[а-я]*',
  'бакале',
  'food(?:s|stuffs?)?(?![a-z])',
  'beverages?(?![a-z])',
  'drinks(?![a-z])',
  'beer(?![a-z])',
  'dairy(?![a-z])',
  'confectioner[a-z]*(?![a-z])',
  'snacks?(?![a-z])',
  'tobacco(?![a-z])',
  'cosmetics(?![a-z])',
  'personal care(?![a-z])',
  'home care(?![a-z])',
  'household (?:chemicals|products|care|goods)(?![a-z])',
  'pet ?food(?![a-z])',
  'baby food(?![a-z])',
  'grocery products(?![a-z])',
  'soft[- ]drinks?(?![a-z])',
  'beauty(?![a-z])',
  'skin ?care(?![a-z])',
  'hair ?care(?![a-z])',
  'toiletries(?![a-z])',
  'cleaning products(?![a-z])',
  'detergents?(?![a-z])',
  'косметическ[а-я]*',
  'моющ[а-я]* средств',
  'чистящ[а-я]* средств',
  'juices?(?![a-z])',
  '(?:bottled|mineral|spring) water(?![a-z])',
  'spirits(?![a-z])',
  'wines?(?![a-z])',
  'coffee(?![a-z])',
  'tea(?![a-z])',
  'пив[оа]',
  'пивн[а-я]*',
  'вин(?:о|а|ом)',
  'винн[а-я]*',
  'ликеро-?водочн[а-я]*',
  'спиртн[а-я]*',
  'соки',
  'сок(?:ов|и)',
  'минеральн[а-я]* вод[а-я]*',
  'чай',
  'чая',
  'кофе',
  'hygiene[- ](?:products|goods|items|paper)(?![a-z])',
  'frozen (?:meals|foods?|products|vegetables|desserts)(?![a-z])',
  'ready meals(?![a-z])',
  'bakery[- ](?:products|goods)(?![a-z])',
  '(?:wholesale|industrial|commercial) bakery(?![a-z])',
  'baked goods(?![a-z])',
  'chocolate(?![a-z])',
  'ice cream(?![a-z])',
  'cheese(?![a-z])',
  'diapers(?![a-z])',
  'nappies(?![a-z])',
  'средств[а-я]* (?:личной )?гигиен',
  'гигиеническ[а-я]* (?:продукц|товар|средств)',
  'заморож[а-я]* (?:продукт|продукц|полуфабрикат|овощ|десерт)',
  'полуфабрикат',
  'мороженое',
  'мороженого',
  'хлеб[а-я]*',
  'шоколад[а-я]*',
  'конфет',
  'сыр(?:ов|ы|а)?(?![а-я])',
  'консерв',
  'подгузник',
  'продукт(?:ов|ами|ы)(?![а-я])',
];
const MAKER_RE =
  /производ|завод|поставщик|торгов[а-я]*\s+дом|комбинат|фабрик|промышлен|дистрибь?ю?т|дистрибуц|оптов|компани|холдинг|(?<![a-z])(?:company|manufactur|producer|maker|bottl|brewer|distribut(?:or|ion)|wholesal|brands?(?![a-z])|cpg|fmcg)/;
const FOOD_SERVICE_RE =
  /served\s+customers|counter|barista|coffee\s+shop|restaurant|(?<![a-z])cafe|caf\u00e9|catering|(?<![a-z])hotel|kitchen|(?<![a-z])chef|(?<![a-z])cook|dining|banquet|(?<![a-z])menu|(?<![a-z])bar(?![a-z])|salon|(?<![a-z])spa(?![a-z])|patron|guest|food\s+service|foodservice|cafeteria|hospital|patient|school|ресторан|(?<![а-я])кафе|кейтеринг|общепит|столов|кухн|повар|(?<![а-я])бар(?![а-я])|гост[ия]|пациент/;
// A supplier to FMCG makers is not FMCG: packaging, ingredients, equipment sold to food manufacturers.
const SUPPLIER_TO_RE =
  /(?:to|for)\s+(?:the\s+)?(?:food|beverage|drinks|dairy|fmcg|cpg|consumer[- ]goods)(?:\s+and\s+(?:beverage|drinks|dairy))?\s+(?:companies|brands|industry|sector|clients)|(?<!work(?:ed|ing|s)?\s)(?<![a-z])(?:to|for)\s+(?:the\s+)?(?:[a-z&-]+\s+){0,3}(?:manufacturers|makers|producers|processors|plants|factories|bottlers)(?![a-z])|automation|control\s+systems|label\s+print|printing|machines|robotics|software|(?<![a-z])saas|logistics|warehousing|(?<![a-z])agency|автоматизац|логистик|этикет|типограф|агентств|packaging|ingredient|equipment|machinery|упаковк|ингредиент|оборудовани|тар[аы](?![а-я])|для\s+(?:пищев[а-я]*|производител[а-я]*)\s+(?:производств|предприят|компани|продукц)|производител(?:ям|ей)\s+(?:продуктов|напитков)/;
// A brand as the employer's buyer ("sells control systems to food plants and Procter & Gamble") or as a retailer's
// supplier ("supplier reps from Coca-Cola", «поставщики: Danone») is not the employer.
const BUYER_BEFORE_RE =
  /(?:(?<![a-z])(?:sells?|sold|selling|supplies|supplied|supplying|provides?|provided|providing|serv(?:es|ed|ing))\s[^.;]{0,80}?(?<![a-z])to\s[^.;]{0,60}|(?:suppliers?|vendors?|поставщик[а-я]*)(?:\s[^.;]{0,40})?|(?:продава[а-я]*|продаж[а-я]*|поставля[а-я]*|поставк[а-я]*)\s[^.;]{0,60}?(?:компаниям|заводам|фабрикам|производителям|предприятиям|для\s+(?:компаний|заводов|фабрик|производителей|предприятий))\s[^.;]{0,40})$/;
// Clients of an agency or a supplier are not the candidate's employer.
const CLIENT_OF_RE =
  /accounts?\s+(?:include|including|such\s+as|like)|client(?:s|ele)\s+(?:include|such|like|including|are|:)|clientele|customers?\s+(?:include|such|like|including)|клиент(?:ы|ов)\s*(?::|—|-|включа|такие|среди)|среди\s+клиентов|для\s+клиентов|для\s+компани|for\s+clients/;

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
  "мон'?дэлис",
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

const FMCG_INDUSTRY_RE = new RegExp(alternation(FMCG_INDUSTRY, false), 'g');
// Russian stems stay open («бытовой химии»); English words carry their own word end.
const FMCG_GOODS_RE = new RegExp(alternation(FMCG_GOODS, false), 'g');
const FMCG_BRAND_RE = new RegExp(alternation(FMCG_BRANDS, true), 'g');

// A food-technology diploma or a course is not industry experience.
const FMCG_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'education', 'courses']);

/** A line of a selling job's block, or the summary of someone who has a selling job: goods named there are what they sold. */
function sellingContext(doc: Doc, a: ExperienceAnalysis, line: Line): boolean {
  const k = a.jobAt[line.index] ?? -1;
  if (k >= 0) return a.jobs[k]?.relevant === true;
  const kind = sectionOf(doc, line.index);
  return (kind === 'header' || kind === 'about') && a.summary.b2bSales === true;
}

/** The sentence-sized window around a match: vetoes look there, not at a whole paragraph. */
function around(line: Line, i: number, len: number): string {
  const from = Math.max(0, i - 120);
  const to = Math.min(line.norm.length, i + len + 120);
  const before = line.norm.slice(from, i);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const after = line.norm.slice(i, to);
  const end = after.search(/[.;]\s/);
  return `${cut < 0 ? before : before.slice(cut + 2)}${end < 0 ? after : after.slice(0, end)}`;
}

// The goods named as the employer's own line: "a maker of frozen meals", "hygiene-products distributor",
// «производитель замороженных полуфабрикатов», «оптовая торговля замороженными продуктами».
const DESCRIBED_BEFORE_RE =
  /(?:(?<![a-z])(?:maker|manufacturer|producer|distributor|wholesaler|bottler|brewer)s?\s+of\s+(?:[a-z-]+\s+){0,3}|(?<![а-я])(?:производител[а-я]*|производств[а-я]*|дистрибьютор[а-я]*|оптов[а-я]*\s+(?:торговл[а-я]*|поставщик[а-я]*|продаж[а-я]*))\s+(?:[а-я-]+\s+){0,3})$/;
const DESCRIBED_AFTER_RE =
  /^[\s-]*(?:maker|manufacturer|producer|distributor|wholesaler|distribution\s+(?:company|business)|brand\s+owner)s?(?![a-z])/;

function employerDescribed(line: Line, i: number, len: number): boolean {
  return (
    DESCRIBED_BEFORE_RE.test(line.norm.slice(Math.max(0, i - 60), i)) || DESCRIBED_AFTER_RE.test(line.norm.slice(i + len, i + len + 30))
  );
}

/** The words before a match in its sentence say it is the employer's buyer or supplier. */
function buyerOrSupplier(line: Line, i: number): boolean {
  const before = line.norm.slice(Math.max(0, i - 160), i);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  return BUYER_BEFORE_RE.test(cut < 0 ? before : before.slice(cut + 2));
}

// A retailer employs; it does not make or distribute: its header («Розничная сеть», "FreshWay Supermarkets").
const RETAILER_RE =
  /supermarket|hypermarket|grocery\s+(?:chain|store|retailer)|(?<![a-z])retailer|retail\s+chain|department\s+store|convenience\s+store|супермаркет|гипермаркет|розничн[а-я]*\s+(?:сет|торговл)|сеть\s+(?:магазин|супермаркет|гипермаркет)/;

export function ruleFmcg(doc: Doc, a: ExperienceAnalysis): ItemResult {
  /** A line inside the block of a job whose own header (not this line) names a retailer employer. */
  /** The short header lines (company, industry, title, dates) of the job a line belongs to, other than that line. */
  const headerOf = (line: Line): string[] => {
    const k = a.jobAt[line.index] ?? -1;
    const job = k >= 0 ? a.jobs[k] : undefined;
    if (job === undefined) return [];
    const out: string[] = [];
    const from = Math.min(job.headLine, job.line);
    for (let j = from; j <= job.line + 3 && j < doc.lines.length; j++) {
      const n = doc.lines[j]?.norm ?? '';
      // Header fields are short and come before the duties ("… two regional grocery chains" is a duty).
      if (n.length > 80 || /^\s*[-•·*▪►◦‣●○■□–—]/.test(n) || (j > job.line && /[.!]\s*$/.test(n))) {
        if (j > job.line) break;
        continue;
      }
      if (j !== line.index) out.push(n);
    }
    return out;
  };
  const retailJob = (line: Line): boolean =>
    headerOf(line).some(
      (n) =>
        (RETAILER_RE.test(n) && !MAKER_RE.test(n) && !hasRoleNoun(n)) ||
        // "Category Buyer, Tesco": a named chain as the employer in the job's header (not an account the person served).
        (RETAILER_NAME_RE.test(n) && !MAKER_RE.test(n) && !ACCOUNT_WORD_RE.test(n) && !isKeyRoleTitle(n) && !hasBrand(n)),
    );
  /** The job's header names an agency or a supplier to makers («ООО «Агентство Промо»», "Spectra Ingredients"). */
  const supplierJob = (line: Line): boolean => headerOf(line).some((n) => SUPPLIER_TO_RE.test(n) && !hasBrand(n));
  const headerLine = (line: Line): boolean => {
    const k = a.jobAt[line.index] ?? -1;
    const job = k >= 0 ? a.jobs[k] : undefined;
    return job !== undefined && line.index >= Math.min(job.headLine, job.line) && line.index <= job.line;
  };
  const base = { skip: FMCG_SKIP, lineFilter: noWishes(doc) };
  const goodsAccepted = (line: Line, i: number, m: string): boolean => {
    const w = around(line, i, m.length);
    // "a hygiene-products distributor serving hotels": the employer described outright; the hotels it serves do not
    // make it food service.
    const described = employerDescribed(line, i, m.length);
    return (
      (described || !FOOD_SERVICE_RE.test(w)) &&
      !CLIENT_OF_RE.test(w) &&
      !SUPPLIER_TO_RE.test(w) &&
      !buyerOrSupplier(line, i) &&
      !retailJob(line) &&
      (MAKER_RE.test(w) || sellingContext(doc, a, line))
    );
  };
  const hit =
    scan(doc, FMCG_INDUSTRY_RE, {
      ...base,
      accept: (line, i, m) => !SUPPLIER_TO_RE.test(around(line, i, m.length)) && !CLIENT_OF_RE.test(around(line, i, m.length)),
    }) ??
    scan(doc, FMCG_BRAND_RE, {
      ...base,
      accept: (line, i, m) =>
        isProperName(line, i) &&
        !CLIENT_OF_RE.test(around(line, i, m.length)) &&
        !buyerOrSupplier(line, i) &&
        !retailJob(line) &&
        // "Merchandising agency; ran in-store teams for Unilever": a supplier's or agency's client, unless the brand
        // stands in the job's own header ("Key Account Manager, Danone").
        (headerLine(line) || (!SUPPLIER_TO_RE.test(line.norm) && !supplierJob(line))),
    }) ??
    scan(doc, FMCG_GOODS_RE, { ...base, accept: goodsAccepted }) ??
    scanWrapped(doc, FMCG_GOODS_RE, { ...base, accept: goodsAccepted });
  return hit === null ? absent(a, (n) => noMention('FMCG', 'FMCG', n)) : metFrom(hit);
}

// ---- key accounts ---------------------------------------------------------------------------

// The role or the work itself: key / national / strategic accounts — these count wherever they are said (not wished).
const KA_ROLE = [
  'ключев[а-я]*\\s+(?:клиент|заказчик|аккаунт|счет|партнер)',
  'key[\\s-]*accounts?',
  'kam(?![a-z])',
  'кам(?![а-я])',
  'nam(?![a-z])',
  'national\\s+accounts?',
  'key\\s+(?:clients?|customers?)',
  'strategic\\s+(?:accounts?|clients?|customers?)',
  'corporate\\s+accounts?',
  'enterprise\\s+accounts?',
  'major\\s+accounts?',
];
// Chains: they count when the line is about selling to them or sits in a selling job, not when working in them.
const KA_CHAIN = [
  '(?:федеральн|национальн|региональн|локальн|розничн|торгов|продуктов|крупн|международн|аптечн)[а-я]*\\s+(?:торгов[а-я]*\\s+|розничн[а-я]*\\s+|продуктов[а-я]*\\s+|аптечн[а-я]*\\s+)?сет(?:ь|и|ей|ям|ями|ях)(?![а-я])',
  'сетев[а-я]*\\s+(?:клиент|ритейл|розниц|канал|партнер|рознич|аккаунт)',
  'работ[а-я]*\\s+с\\s+(?:торговыми\\s+|розничными\\s+|федеральными\\s+|региональными\\s+|аптечными\\s+)?сетями',
  '(?:retail|grocery|supermarket|hypermarket|food|drug(?:store)?|pharmacy|convenience)\\s+chains?',
  'chain\\s+(?:accounts|customers|clients)',
  'modern\\s+trade',
  'современн[а-я]*\\s+(?:торговл|канал|розниц|формат)',
  'сетевой\\s+ритейл',
  'ритейл[а-я]*\\s+сет',
  // Major distributors managed as accounts: «работа с 5 дистрибьюторами», "managed our key distributors".
  '(?:работ[а-я]*\\s+с|развити[а-я]*|управлени[а-я]*|ведени[а-я]*|веду|вел[а-я]?|курирую|курировал[а-я]*|руковож[а-я]*)\\s+(?:\\d+\\s+)?(?:[а-я]+\\s+){0,2}дистрибь?ютор[а-я]*',
  '(?:major|national|key|large)\\s+distributors?',
];

// Chains named as customers: they count only when the line is about selling to them, not working in them.
const CHAIN_WORDS = ['hypermarkets?', 'гипермаркет[а-я]*', 'chain\\s+stores'];
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
const RETAILER_NAME_RE = new RegExp(alternation(RETAILERS_ANY, true));
const ACCOUNT_WORD_RE = /account|аккаунт|клиент|client|customer|sales|продаж|торгов[а-я]*\s+представ/;
const FMCG_BRAND_TEST_RE = new RegExp(FMCG_BRAND_RE.source);
function hasBrand(norm: string): boolean {
  return FMCG_BRAND_TEST_RE.test(norm);
}
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

const KA_RE = new RegExp(alternation(KA_ROLE, false), 'g');
const CHAIN_RE = new RegExp(`${alternation(KA_CHAIN, false)}|${alternation(CHAIN_WORDS, true)}|${alternation(RETAILERS_ANY, true)}`, 'g');
// "managing the Total Wine and BevMo accounts", "Manage the Boots and Superdrug accounts": named clients as accounts.
const NAMED_ACCOUNTS_RE =
  /(?<![a-z])(?:manag(?:e|ed|es|ing)|handl(?:e|ed|es|ing)|lead|leads|led|own(?:ed|s)?|ran|run(?:s|ning)?|look(?:ed|ing)?\s+after|grew|grow(?:ing)?|responsible\s+for)\s+(?:the\s+|our\s+)?(?:[a-z0-9&'.-]+\s+){1,4}(?:accounts|business)(?![a-z])/g;
const KA_PROPER_RE = new RegExp(alternation(RETAILERS_PROPER, true), 'g');

// A course titled «Управление ключевыми клиентами» shows interest, not experience.
const KA_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'courses']);
// Selling to a chain, as opposed to working in its stores.
const ACCOUNT_WORK_RE =
  /account|client|customer|negotiat|listing|(?<![a-z])business(?![a-z])|работ[а-я]*\s+с|contract|supplier|vendor|buyer|category|promo|sell[- ]?in|sales\s+to|sold|delisting|joint\s+business|клиент|переговор|листинг|контракт|договор|поставщик|байер|закупщик|категор|ассортимент|промо|ввод|вывод|ведени|ведение|продаж|sku|скю/;
// Working for a chain: the store-floor roles and the chain as employer.
const STORE_WORK_RE =
  /merchandis|мерчендайз|мерчандайз|выкладк|planogram|shelf|полк|в\s+магазинах|in\s+(?:the\s+)?stores|отгрузк|shipments?|deliver|доставк|развож|cashier|кассир|store\s+(?:manager|associate|clerk|employee|team|worker)|shift|смен|stock(?:er|ing)|shelf\s+stock|продав|торгов[а-я]*\s+зал|магазин[а-я]*\s+(?:сети|«)|администратор\s+магазин|директор\s+магазин|сотрудник|работник|grocery\s+clerk|deli|bakery|pharmacist|фармацевт|провизор/;

/** The first word after the verb (and "the") is a proper name in the original: "the Boots and Superdrug accounts". */
function namedAccount(line: Line, index: number, match: string): boolean {
  const lead = /^\S+(?:\s+after)?\s+(?:the\s+|our\s+)?/.exec(match);
  return lead !== null && isProperName(line, index + lead[0].length);
}

function chainAccepted(a: ExperienceAnalysis): (line: Line, index: number, match: string) => boolean {
  return (line) => {
    if (STORE_WORK_RE.test(line.norm)) return false;
    if (ACCOUNT_WORK_RE.test(line.norm)) return true;
    // Otherwise the chain counts inside a selling job's block (its lines list the chains it served).
    const k = a.jobAt[line.index] ?? -1;
    return k >= 0 && a.jobs[k]?.relevant === true;
  };
}

export function ruleKeyAccounts(doc: Doc, a: ExperienceAnalysis): ItemResult {
  const base = { skip: KA_SKIP, lineFilter: noWishes(doc) };
  const accept = chainAccepted(a);
  const hit =
    scan(doc, KA_RE, base) ??
    scanWrapped(doc, KA_RE, base) ??
    scan(doc, CHAIN_RE, { ...base, accept }) ??
    scanWrapped(doc, CHAIN_RE, { ...base, accept }) ??
    scan(doc, NAMED_ACCOUNTS_RE, { ...base, accept: (line, i, m) => namedAccount(line, i, m) && accept(line, i, m) }) ??
    scan(doc, KA_PROPER_RE, { ...base, accept: (line, i, m) => isProperName(line, i) && accept(line, i, m) });
  return hit === null ? absent(a, (n) => noMention('ключевых или сетевых клиентов', 'key or chain accounts', n)) : metFrom(hit);
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
      'oracle (?:crm|cx|sales(?: cloud)?|siebel)',
      'siebel',
      'zoho',
      'sap (?:crm|sd|c4c|sales cloud)',
      'sap[- ]?sd',
      '1[сc] ?:? ?(?:управление торговлей|ут|erp|управление торговым предприятием|торговля и склад|предприятие 8|crm)',
      'управление торговлей',
      'агент плюс',
      'мобильн[а-я]* торговл[а-я]*',
      'ivideon crm',
      'insightly',
      'freshsales',
      'close\\.io',
      'monday sales crm',
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

// A course about a CRM shows interest, not use.
const CRM_SKIP: ReadonlySet<SectionKind> = new Set(['desired', 'courses']);

// Orders, clients or deals kept in 1С or SAP: the sales side of the ERP («заказы в 1С», «заказы в SAP», "orders in 1C").
const ONE_C_SALES_RE =
  /(?:заказ|order|клиент|client|сделк|deal|продаж|отгрузк)[^.;]{0,40}(?<![a-zа-я0-9])(?:1[сc]|sap|erp)(?![a-zа-я0-9])(?!\s*:?\s*(?:аптек|бухгалтер|зарплат|зуп|кадр|документооборот|склад|fi(?![a-z])|hr(?![a-z])))|(?<![a-zа-я0-9])(?:1[сc]|sap|erp)(?![a-zа-я0-9])(?!\s*:?\s*(?:аптек|бухгалтер|зарплат|зуп|кадр|документооборот|склад|fi(?![a-z])|hr(?![a-z])))[^.;]{0,40}(?:заказ|order|клиент|client|сделк|deal|продаж)/g;

// Building software around a CRM is not working in one: "Salesforce API integrations".
const CRM_DEV_RE = /^[\s-]*(?:api|apis|integration|integrations|sdk|developer|development|connector|apex|plugin)(?![a-z])/;

export function ruleCrm(doc: Doc, a: ExperienceAnalysis): ItemResult {
  const lineFilter = noWishes(doc);
  const hit =
    scan(doc, CRM_RE, { skip: CRM_SKIP, lineFilter, accept: (line, i, m) => !CRM_DEV_RE.test(line.norm.slice(i + m.length)) }) ??
    scan(doc, ONE_C_SALES_RE, { skip: CRM_SKIP, lineFilter });
  return hit === null ? absent(a, (n) => noMention('CRM', 'a CRM', n)) : metFrom(hit);
}

// ---- KPI results ------------------------------------------------------------------------------

// A bare percentage is only a result next to result vocabulary («скидка 10%» is not an achievement).
const RESULT_WORD_RE =
  /(?<![а-я])рост(?!ов)|вырос|увелич|выполн|прирост|достиг|повыс|повыш|сниз|сниж|сократ|расшир|дол[яеиюь]|выручк|оборот|прибыл|маржин|дистрибуц|план|kpi|growth|grew|grow|increas|achiev|exceed|over-?achiev|improv|reduc|decreas|rais|boost|deliver|(?<![a-z])cut(?![a-z])|saved|сэконом|(?<![a-z])plan|target|quota|yoy|y\/y|share|uplift|revenue|turnover|margin|profit|distribution|expand|won|clos|book|(?<![a-z])rank|(?<![a-z])top\s+\d|place|место|лучш|ranked/;
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

// A money figure is a result only next to what was earned, won or grown — a budget or a portfolio is scope.
const MONEY_RESULT_RE =
  /revenue|sales|sold|generat|closed|won|achiev|exceed|grew|grow|increas|profit|deal|contract|pipeline|quota|target|new\s+business|brought\s+in|bring(?:ing)?\s+in|delivered|secured|landed|bookings?|billings?|принес|принёс|обеспечил|новы[а-я]*\s+бизнес|выручк|оборот|продаж|прибыл|заключ|контракт|сделк|рост|увелич|выполн|привлек|план/;
const SCOPE_RE = /budget|бюджет|portfolio|портфел|managed\s+(?:a\s+)?\$|управлял[а-я]*\s+(?:бюджет|портфел)|salary|оклад/;
// Outcomes counted: "closed 41 new accounts", "booked 210 qualified meetings", «вывод 12 новых SKU», «заключил 8 договоров».
// Scope numbers ("150 outlets", "portfolio of 12 clients") carry no winning verb, so they do not match.
const COUNT_RESULT_RE =
  /(?<![a-zа-я])(?:closed|won|signed|booked|opened|added|acquired|brought\s+in|secured|landed|onboarded|converted|сlosed|вывел[а-я]*|вывод|ввел[а-я]*|ввод|заключил[а-я]*|заключени[а-я]*|подключил[а-я]*|привлек[а-я]*|привлечени[а-я]*|открыл[а-я]*|открыти[а-я]*)\s+(?:[a-zа-я]+\s+){0,2}(?:более\s+|over\s+|more\s+than\s+)?\d{1,5}\+?\s+(?:[a-zа-я-]+\s+){0,2}(?:accounts?|clients?|customers?|deals?|contracts?|meetings?|listings?|sku|stores|outlets|distributors?|dealers?|partners?|клиент[а-я]*|сдел[а-я]*|договор[а-я]*|контракт[а-я]*|sku|скю|точ[а-я]*|магазин[а-я]*|позици[а-я]*|дистрибьютор[а-я]*|дилер[а-я]*|партнер[а-я]*|сет[а-я]*)(?![a-zа-я])/g;
// Rank among peers: "#2 of 40 reps", «2-е место из 35», "top 5% of sales force".
const RANK_RE =
  /#\s?\d{1,3}\s+(?:of|out\s+of)\s+\d{1,4}|(?<![a-z])top\s+\d{1,3}\s+(?:of|out\s+of)\s+\d{1,4}|(?<![a-z])ranked\s+#?\d{1,3}|(?<![a-z])top\s+\d{1,2}\s?%|\d{1,2}-?(?:е|ое)?\s+место\s+(?:из|среди)\s+\d{1,4}|(?:лучш[а-я]*|топ)[\s-]\d{1,2}\s+(?:из|среди)/g;
const TRAILING_NUMBER_RE = /(\d+(?:[.,]\d+)?)$/;

/** The text around a match, roughly its sentence, for context words. */
function near(line: Line, i: number): string {
  return line.norm.slice(Math.max(0, i - 120), i + 60);
}

function isYear(s: string): boolean {
  const n = Number(s.replace(',', '.'));
  return Number.isInteger(n) && n >= 1950 && n <= 2049;
}

export function ruleKpi(doc: Doc, a: ExperienceAnalysis): ItemResult {
  const salary = new Map<number, boolean>();
  const noSalaryCached = (line: Line): boolean => {
    let ok = salary.get(line.index);
    if (ok === undefined) {
      ok = noSalary(line);
      salary.set(line.index, ok);
    }
    return ok;
  };
  const base = { skip: KPI_SKIP, lineFilter: (line: Line) => noSalaryCached(line) && notWish(line, doc.lines) };
  // A wrapped sentence keeps its verb on the line above: "grew book of" / "business 18% in 2024".
  const context = (line: Line, i: number): string =>
    i < 40 ? `${doc.lines[line.index - 1]?.norm.slice(-60) ?? ''} ${near(line, i)}` : near(line, i);
  const pct = scan(doc, PERCENT_RE, { ...base, accept: (line, i, m) => m.startsWith('+') || RESULT_WORD_RE.test(context(line, i)) });
  if (pct !== null) return { status: 'met', evidence: hitEvidence(pct), detail: 'percentage' };
  const multiplier = scan(doc, MULTIPLIER_RE, base);
  if (multiplier !== null) return { status: 'met', evidence: hitEvidence(multiplier), detail: 'multiplier' };
  const money = scan(doc, MONEY_RE, { ...base, accept: (line, i) => MONEY_RESULT_RE.test(near(line, i)) && !SCOPE_RE.test(near(line, i)) });
  if (money !== null) return { status: 'met', evidence: hitEvidence(money), detail: 'money_amount' };
  const growth = scan(doc, GROWTH_FIGURE_RE, {
    ...base,
    accept: (_line, _i, m) => {
      const num = TRAILING_NUMBER_RE.exec(m)?.[1] ?? '';
      return num !== '' && !isYear(num);
    },
  });
  if (growth !== null) return { status: 'met', evidence: hitEvidence(growth), detail: 'growth_figure' };
  const count = scan(doc, COUNT_RESULT_RE, base) ?? scan(doc, RANK_RE, base);
  if (count !== null) return { status: 'met', evidence: hitEvidence(count), detail: 'count_or_rank' };
  return absent(a, (n) => ({
    ru: `нет измеримых результатов (цифр) ${inJobs(n).ru}`,
    en: `no measurable results (figures) ${inJobs(n).en}`,
  }));
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
