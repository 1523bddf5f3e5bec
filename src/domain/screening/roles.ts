/**
 * Job-title recognition and the "relevant role" decision for experience_3y.
 *
 * Relevance is decided by the title's head noun first, then by sales vocabulary anywhere in the title:
 * «Аналитик отдела продаж» / "Sales Analyst" head on an analyst, so they do not count, while
 * «Супервайзер мерчендайзеров» heads on a supervisor and does. Relevance is deliberately generous
 * (trade marketing, category, channel and distributor roles count) but retail floor roles
 * (продавец-консультант, кассир, merchandiser) and back-office roles never do.
 */

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
      'nam',
    ].join('|') +
    ')(?![a-zа-я])',
);

// Head nouns that make a title non-sales even when it mentions sales.
const EXCLUDED_HEAD_RE =
  /^(?:бухгалтер|accountant|программист|developer|разработчик|engineer|инженер|логист|logistician|аналитик|analyst|юрист|lawyer|attorney|кассир|cashier|водитель|driver|кладовщик|teacher|учитель|преподаватель|designer|дизайнер|продавец|продавца|мерчендайзер|merchandiser|оператор|operator|администратор|administrator|рекрутер|recruiter|экономист|economist|маркетолог|marketer|экспедитор|товаровед|закупщик|buyer|байер)$/;

const RELEVANT_RE = new RegExp(
  [
    'продаж',
    'sales',
    '(?<![a-z])sell',
    'ключев[а-я]*\\s+(?:клиент|заказчик|партнер|аккаунт|счет)',
    'key[\\s-]*accounts?',
    '(?<![a-zа-я])(?:kam|кам|bdm|nam)(?![a-zа-я])',
    'national\\s+accounts?',
    '(?<![a-z])accounts?\\s+(?:manager|executive|director|lead|specialist|representative)',
    'торгов[а-я]*\\s+представител',
    'торгпред',
    '(?<![a-z])trade',
    '(?<![а-я])трейд',
    'супервайзер',
    'supervisor',
    'business\\s+development',
    'развити[а-я]*\\s+(?:бизнеса|продаж|клиент|сет|территори|дистрибуц|канал|ключев)',
    'менеджер\\s+по\\s+развитию(?!\\s+персонал)',
    'коммерческ',
    'commercial',
    'региональн[а-я]*\\s+(?:менеджер|представител|директор|руководител)',
    'regional\\s+(?:manager|director|representative|head)',
    'территориальн[а-я]*\\s+(?:менеджер|представител)',
    'territory\\s+(?:manager|representative|executive)',
    'area\\s+(?:manager|sales)',
    'работ[а-я]*\\s+с\\s+(?:клиент|дистрибь?ютор|сет|партнер|ключев)',
    'клиентск[а-я]*\\s+менеджер',
    'client\\s+(?:manager|executive|director|partner|relationship)',
    'customer\\s+(?:development|business|manager|director|executive|team|marketing)',
    '(?<![a-z])channel',
    'канал',
    'дистрибь?ю?т?ор',
    'дистрибуц',
    'distributor',
    'distribution(?!\\s+cent)',
    'категорийн',
    '(?<![a-z])category',
  ].join('|'),
);

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
  return ROLE_RE.test(norm);
}

export function isRelevantTitle(norm: string): boolean {
  const t = stripTitleLabel(norm.trim());
  const head = headNounIndex(t);
  if (head !== null && EXCLUDED_HEAD_RE.test(head.noun)) return false;
  return RELEVANT_RE.test(t);
}

/** Sales context for a declared total such as "8 years of FMCG sales experience". */
export const SALES_CONTEXT_RE =
  /продаж|sales|key[\s-]*account|(?<![a-zа-я])kam(?![a-zа-я])|ключев[а-я]*\s+клиент|торгов[а-я]*\s+представител|account\s+management|(?<![a-z])trade|коммерч|b2b/;

/** Titles whose short stints are normal and should not count as job-hopping. */
export const INTERNSHIP_RE = /стажер|стажировк|(?<![a-z])intern(?:ship)?(?![a-z])|trainee|практик[аи]|practicum|summer job/;
