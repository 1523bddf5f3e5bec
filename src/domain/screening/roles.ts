/**
 * Job-title recognition and the "relevant role" decision for experience_3y.
 *
 * Relevance is decided by the title's head noun first, then by sales vocabulary anywhere in the title:
 * «Аналитик отдела продаж» / "Sales Analyst" head on an analyst, so they do not count, while
 * «Супервайзер мерчендайзеров» heads on a supervisor and does. Relevance is deliberately generous
 * (trade marketing, category, channel and distributor roles count) but retail floor roles
 * (продавец-консультант, кассир, merchandiser) and back-office roles never do.
 */

// «техника», «механика» are equipment and a science, not the technician and the mechanic.
const CASE_AMBIGUOUS: ReadonlySet<string> = new Set(['техник', 'механик', 'мастер', 'агент']);

// Occupation nouns; a line is title-like when one of these sits among its first words.
const ROLE_RE = new RegExp(
  '(?<![a-zа-я])(?:' +
    [
      'менеджер',
      'manager',
      'директор',
      'director',
      'руководител[а-я]*',
      'представител[а-я]*',
      'representative',
      'супервайзер',
      'supervisor',
      'специалист',
      'specialist',
      'консультант',
      'consultant',
      'бухгалтер',
      'accountant',
      'программист',
      'developer',
      'разработчик',
      'engineer',
      'инженер',
      'логист',
      'logistician',
      'аналитик',
      'analyst',
      'агент',
      'agent',
      'продавец',
      'продавца',
      'кассир',
      'cashier',
      'officer',
      'executive',
      'координатор',
      'coordinator',
      'ассистент',
      'assistant',
      'помощник',
      'стажер',
      'intern',
      'trainee',
      'мерчендайзер',
      'merchandiser',
      'водитель',
      'driver',
      'оператор',
      'operator',
      'юрист',
      'lawyer',
      'attorney',
      'начальник',
      'экономист',
      'economist',
      'маркетолог',
      'marketer',
      'рекрутер',
      'recruiter',
      'администратор',
      'administrator',
      'associate',
      'партнер',
      'partner',
      'владелец',
      'owner',
      'founder',
      'основатель',
      'предприниматель',
      'entrepreneur',
      'заместитель',
      'deputy',
      'vice president',
      'president',
      'teacher',
      'учитель',
      'преподаватель',
      'designer',
      'дизайнер',
      'кладовщик',
      'товаровед',
      'экспедитор',
      'buyer',
      'байер',
      'закупщик',
      'key account',
      'торгпред',
      'head of',
      '(?:team|sales|tech|project|account)\\s+lead',
      'rep',
      'vp',
      'ceo',
      'cfo',
      'coo',
      'cco',
      'cso',
      'kam',
      'кам',
      'bdm',
      'bdr',
      'sdr',
      'nam',
      // Other occupations, so that a non-selling job's title is found (and known not to be relevant).
      'nurse',
      'chef',
      'sous chef',
      'cook',
      'baker',
      'server',
      'waiter',
      'waitress',
      'bartender',
      'hostess',
      'dishwasher',
      'caterer',
      'professor',
      'instructor',
      'lecturer',
      'tutor',
      'principal',
      'paraprofessional',
      'auditor',
      'controller',
      'comptroller',
      'bookkeeper',
      'clerk',
      'teller',
      'underwriter',
      'technician',
      'mechanic',
      'electrician',
      'plumber',
      'welder',
      'machinist',
      'therapist',
      'pharmacist',
      'physician',
      'dentist',
      'hygienist',
      'paramedic',
      'caregiver',
      'aide',
      'receptionist',
      'secretary',
      'paralegal',
      'advisor',
      'adviser',
      'counselor',
      'counsellor',
      'planner',
      'writer',
      'editor',
      'producer',
      'artist',
      'architect',
      'programmer',
      'scientist',
      'researcher',
      'coach',
      'trainer',
      'volunteer',
      'worker',
      'laborer',
      'foreman',
      'inspector',
      'estimator',
      'superintendent',
      'surveyor',
      'pilot',
      'attendant',
      'dispatcher',
      'banker',
      'broker',
      'adjuster',
      'leader',
      'повар',
      'врач',
      'медсестра',
      'медбрат',
      'фармацевт',
      'провизор',
      'техник',
      'механик',
      'электрик',
      'слесарь',
      'сварщик',
      'официант',
      'бармен',
      'секретарь',
      'аудитор',
      'контролер',
      'грузчик',
      'курьер',
      'охранник',
      'воспитатель',
      'тренер',
      'психолог',
      'переводчик',
      'редактор',
      'журналист',
      'копирайтер',
      'архитектор',
      'мастер',
      'прораб',
      'технолог',
      'лаборант',
      'исследователь',
      'репетитор',
    ]
      // Russian nouns in any case: «менеджером», «водителем-экспедитором», «представителя».
      .map((w) => (/^[а-я]{4,}$/.test(w) && !CASE_AMBIGUOUS.has(w) ? `${w}(?:а|у|ом|ем|е|ы|и|ой|ей|ами|ах)?` : w))
      .join('|') +
    ')(?![a-zа-я])',
);

// Head nouns that make a title non-sales even when it mentions sales.
const EXCLUDED_HEAD_RE =
  /^(?:(?:бухгалтер|accountant|программист|developer|разработчик|engineer|инженер|логист|logistician|аналитик|analyst|юрист|lawyer|attorney|кассир|cashier|водитель|driver|кладовщик|teacher|учитель|преподаватель|designer|дизайнер|продавец|продавца|мерчендайзер|merchandiser|оператор|operator|администратор|administrator|рекрутер|recruiter|экономист|economist|маркетолог|marketer|экспедитор|товаровед|закупщик|buyer|байер))(?:а|у|ом|ем|е|ы|и|ой|ей|ами|ах)?$/;

const RELEVANT_RE = new RegExp(
  [
    'продаж',
    'sales',
    '(?<![a-z])sell',
    'ключев[а-я]*\\s+(?:клиент|заказчик|партнер|аккаунт|счет)',
    'key[\\s-]*accounts?',
    '(?<![a-zа-я])(?:kam|кам|bdm|bdr|sdr|nam)(?![a-zа-я])',
    'national\\s+accounts?',
    // Singular: "Accounts Executive" / "Accounts Manager" are bookkeeping titles.
    '(?<![a-z])account\\s+(?:manager|executive|director|lead|specialist|representative)',
    'торгов[а-я]*\\s+представител',
    'торгпред',
    'trade\\s+(?:representative|rep|sales)',
    'супервайзер',
    'business\\s+development',
    'развити[а-я]*\\s+(?:бизнеса|продаж|клиент|сет|территори|дистрибуц|канал|ключев)',
    'менеджер\\s+по\\s+развитию(?!\\s+персонал)',
    'коммерческ[а-я]*\\s+(?:директор|менеджер|руководител|представител)',
    'commercial\\s+(?:director|manager|head|lead|executive)',
    'региональн[а-я]*\\s+(?:менеджер|представител|директор|руководител)',
    'regional\\s+(?:manager|director|representative|head)',
    'территориальн[а-я]*\\s+(?:менеджер|представител)',
    'territory\\s+(?:manager|representative|executive)',
    'area\\s+sales',
    'работ[а-я]*\\s+с\\s+(?:[а-я]+\\s+)?(?:клиент|дистрибь?ютор|сет|партнер|ключев|дилер)',
    'клиентск[а-я]*\\s+менеджер',
    'аккаунт-?\\s?менеджер',
    'client\\s+(?:manager|executive|director|partner|relationship)',
    'customer\\s+(?:development|business)',
    '(?<![a-z])channel\\s+(?:manager|partner|account)',
    'дистрибь?ю?т?ор',
    'дистрибуц',
    'distributor',
  ].join('|'),
);

// Roles that are never relevant whatever else the title says: trainees and assistants.
const NEVER_RE =
  /(?<![a-z])intern(?:ship)?(?![a-z])|trainee|стажер|стажир|практикант|(?<![a-z])assistant|ассистент|помощник|(?<![a-z])aide(?![a-z])/;
// Key-account titles are relevant before any B2C word is considered ("Key Account Manager, Retail").
const KEY_ROLE_RE =
  /key[\s-]*accounts?|national\s+accounts?|strategic\s+accounts?|(?<![a-zа-я])(?:kam|кам|nam|b2b)(?![a-zа-я])|ключев[а-я]*\s+(?:клиент|заказчик|партнер|аккаунт)|сетев[а-я]*\s+(?:клиент|сет)|(?:аптечн|розничн|торгов|федеральн|региональн)[а-я]*\s+сет/;
/** A key / national / strategic / chain-accounts title: relevant whoever the accounts are. */
export function isKeyRoleTitle(norm: string): boolean {
  return KEY_ROLE_RE.test(norm);
}
const BUSINESS_DEV_RE = /business\s+development|развити[а-я]*\s+бизнеса/;
// Selling to the public, shop-floor, call-centre and marketing titles.
const B2C_RE =
  /(?<![a-z])retail|(?<![a-z])store|(?<![a-z])shop|boutique|showroom|(?<![a-z])salon|dealership|cashier|кассир|call\s*-?\s*cent|колл-?\s?центр|контакт-?\s?центр|телемаркет|telemarket|telesales|(?<![a-z])clerk|sales\s+(?:associate|floor|consultant|advisor|counter)|(?<![a-z])floor\s|merchandis|мерчендайз|мерчандайз|promoter|промоутер|магазин|бутик|салон|торгов[а-я]*\s+зал|customer\s+service|(?<![a-z])support|поддержк|marketing(?!.*sales)|маркетинг(?!.*продаж)|(?<![a-z])real\s+estate|insurance|страхов|(?<![a-z])loan|mortgage|ипотек/;
const ROLE_FIELD_SPLIT_RE = /\s[-|–—]\s|\s*[|,]\s*|\s+at\s+|\s+в\s+компании\s+/;
// Selling to shops, salons or dealers is B2B: "territory sales rep … selling to salons and beauty stores".
const SELLS_TO_BUSINESSES_RE =
  /(?:sell(?:s|ing)?|sold|sales)\s+(?:\S+\s+){0,2}to\s+(?:\S+\s+){0,3}(?:stores|shops|salons|retailers|businesses|companies|dealers|distributors|restaurants|outlets|chains)|(?:продаж[а-я]*|поставк[а-я]*)\s+(?:\S+\s+){0,2}(?:магазин|торгов[а-я]*\s+точк|розничн|дилер)/;
// Selling titles whose head noun is otherwise a non-sales occupation.
const SELLING_ENGINEER_RE =
  /sales\s+engineer|engineer[a-z]*\s+sales|technical\s+sales|инженер[а-я-]*\s+(?:по\s+продажам|отдела\s+продаж|-\s*менеджер)|(?:специалист|менеджер)\s+по\s+(?:техническим\s+)?продажам|технически[а-я]*\s+специалист\s+по\s+продажам/;
// A supervisor is a seller's supervisor only when the title says what they supervise.
const SUPERVISOR_RE = /supervisor|супервайзер/;
const SUPERVISED_SALES_RE =
  /sales|key\s+account|account\s+(?:manager|executive|rep)|territor|trade\s+rep|field\s+sales|торгов[а-я]*\s+представ|продаж|(?<![a-zа-я])тп(?![a-zа-я])|агент|дистрибуц|территор|^\s*супервайзер\s*$|^\s*супервайзер\s*[(,]/;
const SUPERVISED_OTHER_RE = /склад|смен|колл|call|производств|merch|мерч|промо|warehouse|shift|production|кассир|охран|клининг/;

// The same lines are judged many times (each date line looks both ways; exports repeat "Company Name City, State"),
// so the answers are kept in small bounded caches.
const MEMO_LIMIT = 4096;
const TITLE_MEMO = new Map<string, boolean>();
const ROLE_MEMO = new Map<string, boolean>();
const RELEVANT_MEMO = new Map<string, boolean>();

const MEMO_KEY_MAX = 64;

function memo(cache: Map<string, boolean>, key: string, fn: (s: string) => boolean): boolean {
  // Hashing a long line costs about as much as testing it.
  if (key.length > MEMO_KEY_MAX) return fn(key);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = fn(key);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, v);
  return v;
}

const LEGAL_FORM_START_RE = /^(?:ооо|оао|зао|пао|ао|нао|ип|гк|тд|тк|llc|ltd|inc|gmbh|plc|corp)(?![a-zа-я])/;
const FIELD_SEPARATOR_RE = /,|\||\s-\s/;
const TITLE_LABEL_RE = /^(?:должность|позиция|position|title|role|job title)\s*:\s*/;
const BULLET_START_RE = /^\s*[•·*▪►◦‣●○■□✓✔]/;
const MAX_TITLE_WORDS = 5;
const MAX_COMPANY_WORDS = 6;

function headNounIndex(norm: string): { noun: string; wordIndex: number } | null {
  const m = ROLE_RE.exec(norm);
  if (!m) return null;
  const before = norm.slice(0, m.index).trim();
  const wordIndex = before === '' ? 0 : before.split(/[\s,/|()-]+/).filter((w) => w !== '').length;
  return { noun: m[0], wordIndex };
}

/** Strips "Должность:" style labels so the title itself is judged. */
export function stripTitleLabel(norm: string): string {
  return norm.replace(TITLE_LABEL_RE, '');
}

/** Index in `norm` where the title proper starts, after indentation and a "Должность:" label. */
export function titleStart(norm: string): number {
  const indent = norm.length - norm.trimStart().length;
  const label = TITLE_LABEL_RE.exec(norm.slice(indent));
  return indent + (label === null ? 0 : label[0].length);
}

/**
 * A line that looks like a job title: short, not a bullet, and an occupation noun among its first
 * words (so «Руководство командой из 5 торговых представителей» in a description is not a title).
 */
export function isTitleLine(norm: string): boolean {
  return memo(TITLE_MEMO, norm, isTitleLineUncached);
}

function isTitleLineUncached(norm: string): boolean {
  let t = stripTitleLabel(norm.trim());
  // «ООО "Агент Плюс"» is a company; «ООО "Альфа", торговый представитель» carries a title after the separator.
  const sep = FIELD_SEPARATOR_RE.exec(t);
  if (LEGAL_FORM_START_RE.test(t)) {
    if (sep === null) return false;
    t = t.slice(sep.index + sep[0].length).trim();
  } else if (sep !== null) {
    // «Сладкая жизнь Нижний Новгород, региональный менеджер»: a company without a legal form, then the title.
    const company = t.slice(0, sep.index).trim();
    const rest = t.slice(sep.index + sep[0].length).trim();
    const head = headNounIndex(rest);
    if (!ROLE_RE.test(company) && company.split(/\s+/).length <= MAX_COMPANY_WORDS && head !== null && head.wordIndex <= 2) t = rest;
  }
  if (t.length < 2 || t.length > 90 || BULLET_START_RE.test(norm)) return false;
  if (t.split(/\s+/).length > 11) return false;
  const head = headNounIndex(t);
  return head !== null && head.wordIndex < MAX_TITLE_WORDS;
}

/** Whether any occupation noun occurs (used for same-line titles such as "2015–2017 Менеджер по продажам"). */
export function hasRoleNoun(norm: string): boolean {
  return memo(ROLE_MEMO, norm, (n) => ROLE_RE.test(n));
}

export function isRelevantTitle(norm: string): boolean {
  return memo(RELEVANT_MEMO, norm, isRelevantTitleUncached);
}

function isRelevantTitleUncached(norm: string): boolean {
  const t = stripTitleLabel(norm.trim());
  if (NEVER_RE.test(t)) return false;
  if (KEY_ROLE_RE.test(t)) return true;
  const head = headNounIndex(t);
  const excludedHead = head !== null && EXCLUDED_HEAD_RE.test(head.noun);
  if (BUSINESS_DEV_RE.test(t) && !excludedHead) return true;
  // The shop-floor test looks at the role's own field, not at the employer's name ("Sales Executive — TechnoRetail UK").
  const roleField = t.split(ROLE_FIELD_SPLIT_RE).find((f) => ROLE_RE.test(f)) ?? t;
  if (B2C_RE.test(roleField) && !SELLS_TO_BUSINESSES_RE.test(t)) return false;
  if (SELLING_ENGINEER_RE.test(t)) return true;
  if (SUPERVISOR_RE.test(t)) return SUPERVISED_SALES_RE.test(t) && !SUPERVISED_OTHER_RE.test(t);
  if (excludedHead) return false;
  return RELEVANT_RE.test(t);
}

/** Sales context for a declared total such as "8 years of FMCG sales experience". */
export const SALES_CONTEXT_RE =
  /продаж|sales|key[\s-]*account|(?<![a-zа-я])kam(?![a-zа-я])|ключев[а-я]*\s+клиент|торгов[а-я]*\s+представител|account\s+management|(?<![a-z])trade|коммерч|b2b/;

/** Titles whose short stints are normal and should not count as job-hopping. */
export const INTERNSHIP_RE = /стажер|стажировк|(?<![a-z])intern(?:ship)?(?![a-z])|trainee|практик[аи]|practicum|summer job/;
