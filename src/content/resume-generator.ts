/**
 * Synthetic resumes of would-be key account managers for benchmarks, tests and demo data.
 *
 * They imitate what HR actually receives — hh.ru exports, free-form Russian Word files, LinkedIn PDF
 * exports and US-style resumes — because a screener tuned on tidy text says little about real input.
 * Every person and employer is made up (retail chains are real: they are what a KAM's work is about).
 *
 * Pure and deterministic: the seed drives a small PRNG, and 'present' is a fixed month unless the caller
 * passes `asOf`, so the same seed yields the same text forever.
 */

export type ResumeLang = 'ru' | 'en';
export type ResumeProfile = 'strong' | 'average' | 'weak' | 'offtrack';
export type ResumeStyle = 'hh' | 'ru_free' | 'linkedin' | 'us';

export interface GeneratedResume {
  lang: ResumeLang;
  style: ResumeStyle;
  fullName: string;
  email: string;
  /** Also when the text leaves it out, as LinkedIn exports often do: the candidate form has it. */
  phone: string;
  text: string;
  profile: ResumeProfile;
  expected: {
    /**
     * Sales-role years as the dates are written (union of intervals, year-only bounds read mid-year),
     * measured at `asOf`; approximate because a screener may read a title differently.
     */
    relevantYearsApprox: number;
  };
}

export interface GenerateOptions {
  lang?: ResumeLang;
  profile?: ResumeProfile;
  style?: ResumeStyle;
  /** The month the resume was written; the career is laid out backwards from it. */
  asOf?: Date;
}

/** Default `asOf`: a fixed month, so output depends on the seed alone, never on the clock. */
export const GENERATOR_AS_OF = new Date(Date.UTC(2026, 9, 1));
/** UTF-8 size range of a generated text — what a one- or two-page export weighs. */
export const RESUME_MIN_BYTES = 2048;
export const RESUME_MAX_BYTES = 5120;

// ---- PRNG -------------------------------------------------------------------------------------------

/** fmix32 of both halves, so seeds above 2^32, negative or neighbouring seeds still start far apart. */
function mixSeed(seed: number): number {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  let h = (s >>> 0) ^ Math.imul(Math.floor(s / 4294967296) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = mixSeed(seed);
  }

  /** mulberry32: tiny, fast and good enough for picking words. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return nth(list, Math.floor(this.next() * list.length));
  }

  /** Two different items (the list must hold at least two). */
  pickTwo<T>(list: readonly T[]): [T, T] {
    const i = Math.floor(this.next() * list.length);
    const j = (i + 1 + Math.floor(this.next() * (list.length - 1))) % list.length;
    return [nth(list, i), nth(list, j)];
  }

  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<W extends Readonly<Record<string, number>>>(weights: W): keyof W & string {
    const keys = Object.keys(weights) as (keyof W & string)[];
    let total = 0;
    for (const k of keys) total += weights[k] ?? 0;
    let x = this.next() * total;
    for (const k of keys) {
      x -= weights[k] ?? 0;
      if (x < 0) return k;
    }
    return nth(keys, keys.length - 1);
  }

  /** Fisher–Yates on a copy: the pools are shared constants. */
  shuffled<T>(list: readonly T[]): T[] {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = nth(a, i);
      a[i] = nth(a, j);
      a[j] = t;
    }
    return a;
  }
}

function nth<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${i} outside a list of ${list.length}`);
  return v;
}

// ---- small text helpers ---------------------------------------------------------------------------------

function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

function ruDuration(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(`${y} ${plural(y, 'год', 'года', 'лет')}`);
  if (m > 0) parts.push(`${m} ${plural(m, 'месяц', 'месяца', 'месяцев')}`);
  return parts.join(' ');
}

function enDuration(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function lowerFirst(s: string): string {
  // Abbreviated titles (KAM, Key Account Manager) keep their capitals.
  return /^[А-ЯЁ][а-яё]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function thousandsEn(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Native and SIMD-fast; a JS loop over the text cost a fifth of the generation time. */
function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Inputs come from the fixed name and company lists, so a cache turns nearly every call into a lookup.
const translitCache = new Map<string, string>();

/** Passport-style transliteration, the way Russians spell their names in e-mails and on LinkedIn. */
function translit(s: string): string {
  const cached = translitCache.get(s);
  if (cached !== undefined) return cached;
  let out = '';
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i);
    out += TRANSLIT[c] ?? c;
  }
  translitCache.set(s, out);
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---- months ----------------------------------------------------------------------------------------

const RU_MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const RU_MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_MONTHS_SHORT = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month index: year * 12 + (month - 1), the unit all timeline arithmetic uses. */
const yearOf = (i: number): number => Math.floor(i / 12);
const monthOf = (i: number): number => (i % 12) + 1;

// ---- people ------------------------------------------------------------------------------------------

const RU_MALE = [
  'Александр', 'Алексей', 'Андрей', 'Антон', 'Артём', 'Борис', 'Вадим', 'Виктор', 'Виталий', 'Владимир', 'Владислав',
  'Дмитрий', 'Денис', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья', 'Кирилл', 'Константин', 'Максим', 'Михаил', 'Никита',
  'Николай', 'Олег', 'Павел', 'Роман', 'Руслан', 'Сергей', 'Станислав', 'Степан', 'Тимур', 'Фёдор', 'Юрий', 'Ярослав',
];
const RU_FEMALE = [
  'Алина', 'Алёна', 'Анастасия', 'Анна', 'Валерия', 'Вера', 'Виктория', 'Дарья', 'Евгения', 'Екатерина', 'Елена',
  'Елизавета', 'Ирина', 'Ксения', 'Кристина', 'Лариса', 'Марина', 'Мария', 'Надежда', 'Наталья', 'Оксана', 'Ольга',
  'Полина', 'Светлана', 'София', 'Татьяна', 'Юлия', 'Яна',
];
const RU_PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Александрович', 'Александровна'], ['Алексеевич', 'Алексеевна'], ['Андреевич', 'Андреевна'], ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'], ['Дмитриевич', 'Дмитриевна'], ['Евгеньевич', 'Евгеньевна'], ['Иванович', 'Ивановна'],
  ['Игоревич', 'Игоревна'], ['Михайлович', 'Михайловна'], ['Николаевич', 'Николаевна'], ['Олегович', 'Олеговна'],
  ['Павлович', 'Павловна'], ['Петрович', 'Петровна'], ['Сергеевич', 'Сергеевна'], ['Юрьевич', 'Юрьевна'],
  ['Анатольевич', 'Анатольевна'], ['Геннадьевич', 'Геннадьевна'], ['Васильевич', 'Васильевна'], ['Романович', 'Романовна'],
];
const RU_SURNAMES = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов',
  'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев',
  'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв',
  'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов',
  'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов',
  'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Титов',
  'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов', 'Гаврилов', 'Тихонов',
  'Казаков', 'Афанасьев', 'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов', 'Мартынов', 'Ефимов',
  'Щербаков', 'Назаров', 'Калинин', 'Исаев', 'Чернышёв', 'Быков', 'Маслов', 'Родионов', 'Коновалов', 'Лазарев',
  'Воронин', 'Климов', 'Филатов', 'Пономарёв', 'Голубев', 'Кудрявцев', 'Прохоров', 'Наумов', 'Потапов', 'Журавлёв',
  'Овчинников', 'Трофимов', 'Леонов', 'Соболев', 'Ермаков', 'Колесников', 'Гончаров', 'Емельянов', 'Никифоров',
  'Грачёв', 'Котов', 'Гришин', 'Ефремов', 'Архипов', 'Громов', 'Кириллов', 'Малышев', 'Панов', 'Моисеев', 'Румянцев',
  'Акимов', 'Кондратьев', 'Бирюков', 'Горбунов', 'Анисимов', 'Еремин', 'Тихомиров', 'Галкин', 'Лукьянов', 'Михеев',
  'Скворцов', 'Юдин', 'Белоусов', 'Нестеров', 'Симонов', 'Прокофьев', 'Харитонов', 'Князев', 'Цветков', 'Левин',
  'Митрофанов', 'Воронов', 'Аксёнов', 'Софронов', 'Мальцев', 'Логинов', 'Горшков', 'Савин', 'Краснов', 'Майоров',
  'Демидов', 'Елисеев', 'Рыбаков', 'Сафонов', 'Плотников', 'Дёмин', 'Хохлов', 'Жданов', 'Шестаков', 'Островский',
  'Вишневский', 'Покровский', 'Успенский', 'Троицкий', 'Шевчук', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко',
  'Лысенко', 'Савченко', 'Руденко', 'Шубин', 'Лапин', 'Зуев', 'Кулагин', 'Сазонов', 'Русаков', 'Блинов', 'Гордеев',
  'Хабибуллин', 'Сафин', 'Галиев', 'Ахметов', 'Гарипов', 'Мухаметов', 'Алиев', 'Гасанов', 'Ким', 'Пак', 'Шмидт',
];

function ruSurname(male: string, isMale: boolean): string {
  if (isMale) return male;
  if (/(?:ск|цк)ий$/.test(male)) return `${male.slice(0, -2)}ая`;
  if (/(?:ов|ев|ёв|ин|ын)$/.test(male)) return `${male}а`;
  return male;
}

const EN_FIRST_MALE = [
  'James', 'Michael', 'David', 'Daniel', 'Matthew', 'Andrew', 'Ryan', 'Kevin', 'Brian', 'Jason', 'Eric', 'Thomas',
  'Christopher', 'Joshua', 'Nathan', 'Tyler', 'Brandon', 'Justin', 'Aaron', 'Adam', 'Carlos', 'Luis', 'Marco', 'Lucas',
  'Noah', 'Ethan', 'Owen', 'Samuel', 'Benjamin', 'Patrick', 'Sean', 'Raj', 'Vikram', 'Tomasz', 'Piotr', 'Jonas',
];
const EN_FIRST_FEMALE = [
  'Emily', 'Sarah', 'Jessica', 'Ashley', 'Jennifer', 'Amanda', 'Laura', 'Megan', 'Rachel', 'Olivia', 'Hannah', 'Lauren',
  'Nicole', 'Stephanie', 'Rebecca', 'Katherine', 'Emma', 'Grace', 'Chloe', 'Sophia', 'Isabella', 'Natalie', 'Victoria',
  'Priya', 'Ana', 'Sofia', 'Maria', 'Elena', 'Agnieszka', 'Julia', 'Claire', 'Alicia',
];
const EN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Hall', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips',
  'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan',
  'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson',
  'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Patel', 'Nguyen',
  'Garcia', 'Martinez', 'Lopez', 'Hernandez', 'Gonzalez', 'Rivera', 'Kowalski', 'Nowak', 'Novak', 'Schneider',
  'Fischer', 'Weber', 'Rossi', 'Costa', 'Silva', 'Okafor', 'Mensah', 'Sharma', 'Gupta', 'Chen', 'Wang', 'Kim', 'Park',
];

type Region = 'ru' | 'us' | 'eu';

interface Person {
  male: boolean;
  first: string;
  last: string;
  middle: string | null;
  /** As the resume writes it: «Фамилия Имя Отчество» for Russian resumes. */
  fullName: string;
  email: string;
  phone: string;
  region: Region;
  birth: { y: number; m: number; d: number };
}

const EMAIL_DOMAINS_RU = ['example.ru', 'example.com', 'mail.example', 'inbox.example'];
const EMAIL_DOMAINS_EN = ['example.com', 'example.org', 'mail.example', 'example.net'];

function makeEmail(r: Rng, first: string, last: string, birthYear: number, domains: readonly string[]): string {
  const f = first.toLowerCase().replace(/[^a-z]/g, '');
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const yy = pad2(birthYear % 100);
  const local = r.pick([
    `${f}.${l}`,
    `${l}.${f.charAt(0)}`,
    `${f}${l}${yy}`,
    `${f}_${l}`,
    `${f.charAt(0)}${l}${r.int(1, 99)}`,
    `${l}${birthYear}`,
    `${f}.${l}${r.int(1, 9)}`,
  ]);
  return `${local}@${r.pick(domains)}`;
}

function ruPhone(r: Rng): string {
  const op = r.int(900, 999);
  const a = r.int(100, 999);
  const b = pad2(r.int(0, 99));
  const c = pad2(r.int(0, 99));
  switch (r.int(0, 3)) {
    case 0:
      return `+7 (${op}) ${a}-${b}-${c}`;
    case 1:
      return `8 (${op}) ${a}-${b}-${c}`;
    case 2:
      return `+7 ${op} ${a}-${b}-${c}`;
    default:
      return `+7${op}${a}${b}${c}`;
  }
}

const US_AREA = ['312', '404', '214', '612', '513', '479', '704', '303', '614', '415', '617', '206', '212', '972', '602'];

function usPhone(r: Rng): string {
  const n = `${r.int(200, 999)}-${String(r.int(0, 9999)).padStart(4, '0')}`;
  const area = r.pick(US_AREA);
  return r.chance(0.6) ? `(${area}) ${n}` : `${area}-${n}`;
}

function euPhone(r: Rng): string {
  return r.pick([
    `+44 7${r.int(100, 999)} ${r.int(100000, 999999)}`,
    `+48 ${r.int(500, 799)} ${r.int(100, 999)} ${r.int(100, 999)}`,
    `+49 15${r.int(1, 9)} ${r.int(1000000, 9999999)}`,
    `+971 5${r.int(0, 9)} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
  ]);
}

function makePerson(r: Rng, lang: ResumeLang, region: Region, birthYear: number): Person {
  const male = r.chance(0.5);
  const birth = { y: birthYear, m: r.int(1, 12), d: r.int(1, 28) };
  if (region === 'ru') {
    const firstRu = male ? r.pick(RU_MALE) : r.pick(RU_FEMALE);
    const lastRu = ruSurname(r.pick(RU_SURNAMES), male);
    const pair = r.pick(RU_PATRONYMICS);
    const middleRu = male ? pair[0] : pair[1];
    const first = capitalize(translit(firstRu)).replace(/iy$/, 'y');
    const last = capitalize(translit(lastRu)).replace(/iy$/, 'y');
    const email = makeEmail(r, first, last, birthYear, EMAIL_DOMAINS_RU);
    const phone = ruPhone(r);
    // An English resume of a Russian candidate spells the name in Latin and drops the patronymic.
    if (lang === 'en') return { male, first, last, middle: null, fullName: `${first} ${last}`, email, phone, region, birth };
    return { male, first: firstRu, last: lastRu, middle: middleRu, fullName: `${lastRu} ${firstRu} ${middleRu}`, email, phone, region, birth };
  }
  const first = male ? r.pick(EN_FIRST_MALE) : r.pick(EN_FIRST_FEMALE);
  const last = r.pick(EN_LAST);
  const email = makeEmail(r, first, last, birthYear, EMAIL_DOMAINS_EN);
  const phone = region === 'us' ? usPhone(r) : euPhone(r);
  return { male, first, last, middle: null, fullName: `${first} ${last}`, email, phone, region, birth };
}

// ---- places --------------------------------------------------------------------------------------------

const RU_CITIES: readonly (readonly [string, readonly string[]])[] = [
  ['Москва', ['Сокол', 'Профсоюзная', 'Выхино', 'Тушинская', 'Марьино', 'Бауманская', 'Новогиреево', 'Речной вокзал']],
  ['Санкт-Петербург', ['Московская', 'Пионерская', 'Ладожская', 'Проспект Просвещения']],
  ['Екатеринбург', []],
  ['Новосибирск', []],
  ['Казань', []],
  ['Нижний Новгород', []],
  ['Самара', []],
  ['Краснодар', []],
  ['Ростов-на-Дону', []],
  ['Воронеж', []],
  ['Уфа', []],
  ['Пермь', []],
  ['Челябинск', []],
  ['Тюмень', []],
];
const RU_CITY_EN: Readonly<Record<string, string>> = {
  Москва: 'Moscow, Moscow City, Russia',
  'Санкт-Петербург': 'Saint Petersburg, Saint Petersburg City, Russia',
  Екатеринбург: 'Yekaterinburg, Sverdlovsk Oblast, Russia',
  Новосибирск: 'Novosibirsk, Novosibirsk Oblast, Russia',
  Казань: 'Kazan, Tatarstan, Russia',
  'Нижний Новгород': 'Nizhny Novgorod, Nizhny Novgorod Oblast, Russia',
  Самара: 'Samara, Samara Oblast, Russia',
  Краснодар: 'Krasnodar, Krasnodar Krai, Russia',
};
const US_CITIES = ['Chicago, IL', 'Atlanta, GA', 'Dallas, TX', 'Minneapolis, MN', 'Cincinnati, OH', 'Bentonville, AR', 'Charlotte, NC', 'Denver, CO', 'Columbus, OH', 'Phoenix, AZ', 'Boston, MA', 'Seattle, WA'];
const EU_CITIES = ['London, England, United Kingdom', 'Manchester, England, United Kingdom', 'Warsaw, Mazowieckie, Poland', 'Berlin, Germany', 'Dubai, United Arab Emirates', 'Prague, Czechia', 'Amsterdam, North Holland, Netherlands'];

/** LinkedIn shortens a job's location to «City, Country». */
const EU_JOB_CITIES = EU_CITIES.map((c) => {
  const parts = c.split(', ');
  return `${parts[0] ?? c}, ${parts[parts.length - 1] ?? c}`;
});
const RU_JOB_CITIES_EN = ['Moscow, Russia', 'Saint Petersburg, Russia', 'Kazan, Russia', 'Yekaterinburg, Russia'];

const RU_REGIONS = ['ЦФО', 'СЗФО', 'ПФО', 'УФО', 'ЮФО', 'Сибири', 'Черноземья', 'Московской области'];

// ---- employers ------------------------------------------------------------------------------------------

type FmcgCat = 'dairy' | 'drinks' | 'confectionery' | 'beer' | 'snacks' | 'household' | 'food' | 'baby' | 'pet' | 'meat' | 'cosmetics' | 'grocery';

interface CatText {
  /** «производство молочной продукции» */
  ruMade: string;
  /** genitive: «дистрибьютор молочной продукции» */
  ruGen: string;
  /** hh.ru industry lines under the employer. */
  hh: readonly string[];
  en: string;
}

const FOOD = 'Пищевая промышленность';
const CATS: Readonly<Record<FmcgCat, CatText>> = {
  dairy: { ruMade: 'производство молочной продукции', ruGen: 'молочной продукции', hh: [FOOD, '• Молочная продукция (производство)'], en: 'dairy' },
  drinks: { ruMade: 'производство безалкогольных напитков', ruGen: 'безалкогольных напитков', hh: [FOOD, '• Безалкогольные напитки (производство)'], en: 'beverages' },
  confectionery: { ruMade: 'кондитерская фабрика', ruGen: 'кондитерских изделий', hh: [FOOD, '• Кондитерские изделия (производство)'], en: 'confectionery' },
  beer: { ruMade: 'пивоваренная компания', ruGen: 'пивоваренной продукции', hh: [FOOD, '• Пиво (производство)'], en: 'brewing' },
  snacks: { ruMade: 'производство снеков', ruGen: 'снеков и орехов', hh: [FOOD, '• Снеки (производство)'], en: 'snacks' },
  household: { ruMade: 'производство бытовой химии', ruGen: 'бытовой химии', hh: ['Товары народного потребления (непищевые)', '• Бытовая химия (производство)'], en: 'household products' },
  food: { ruMade: 'производство продуктов питания', ruGen: 'продуктов питания', hh: [FOOD, '• Продукты питания (производство)'], en: 'food products' },
  baby: { ruMade: 'производство детского питания', ruGen: 'детского питания', hh: [FOOD, '• Детское питание (производство)'], en: 'baby food' },
  pet: { ruMade: 'производство кормов для животных', ruGen: 'кормов для животных', hh: ['Товары народного потребления (непищевые)', '• Корма для животных (производство)'], en: 'pet food' },
  meat: { ruMade: 'мясоперерабатывающий завод', ruGen: 'мясной продукции', hh: [FOOD, '• Мясная продукция (производство)'], en: 'meat snacks' },
  cosmetics: { ruMade: 'производство косметики', ruGen: 'косметики и средств гигиены', hh: ['Товары народного потребления (непищевые)', '• Парфюмерия, косметика (производство)'], en: 'personal care' },
  grocery: { ruMade: 'производство бакалеи', ruGen: 'бакалеи', hh: [FOOD, '• Бакалея (производство)'], en: 'food products' },
};

const RU_PRODUCERS: readonly (readonly [string, FmcgCat])[] = [
  ['Северная молочная компания', 'dairy'], ['Волжские напитки', 'drinks'], ['КондиТрейд', 'confectionery'],
  ['Сибирский пивовар', 'beer'], ['ЭкоСнэк', 'snacks'], ['Бытхим Плюс', 'household'], ['Нива Фудс', 'food'],
  ['Малыш и Ко', 'baby'], ['ЗооКорм', 'pet'], ['Приокский мясокомбинат', 'meat'], ['Белый лотос', 'cosmetics'],
  ['Южные соки', 'drinks'], ['Золотая нива', 'grocery'], ['Альпийская вода', 'drinks'], ['Полярный пломбир', 'dairy'],
  ['Уральские напитки', 'drinks'], ['Кондитерская фабрика Исеть', 'confectionery'], ['Агрокомплекс Заречье', 'meat'],
  ['Чистый дом', 'household'], ['Хрустящий край', 'snacks'], ['Сырная долина', 'dairy'], ['Солнечная пасека', 'grocery'],
];
const RU_DISTRIBUTORS = ['ПродТорг', 'Меридиан', 'Регион-Дистрибуция', 'ТД Вектор', 'Альфа-Трейд', 'СеверТорг', 'Гранд Дистрибуция', 'Волга-Продукт', 'Фуд Логистик', 'ТК Империал'];
const RU_B2B: readonly (readonly [string, string, string])[] = [
  ['СтройМаркет', 'строительные материалы', 'Строительство, недвижимость'],
  ['ТелеКом Регион', 'телекоммуникационные услуги', 'Телекоммуникации, связь'],
  ['Автодеталь', 'автозапчасти', 'Автомобильный бизнес'],
  ['ПромКлимат', 'климатическое оборудование', 'Промышленное оборудование, техника'],
  ['Офис-Снаб', 'канцелярские товары', 'Оптовая торговля'],
  ['ТехноЛайн', 'промышленное оборудование', 'Промышленное оборудование, техника'],
  ['Энергомаш-Сервис', 'электротехническое оборудование', 'Энергетика'],
  ['Полимер-Пак', 'упаковочные материалы', 'Химическое производство'],
];
const RU_RETAIL = ['сеть супермаркетов «Семейный»', 'гипермаркет «Планета»', 'магазин «Продукты у дома»', 'сеть магазинов «Берёзка»', 'супермаркет «Городской»'];
const RU_OFF: Readonly<Record<Track, readonly (readonly [string, string, string])[]>> = {
  acc: [['Банк «Северный»', 'банковские услуги', 'Финансовый сектор'], ['Энергосбыт Плюс', 'энергосбыт', 'Энергетика'], ['СтройИнвест', 'девелопмент', 'Строительство, недвижимость'], ['Аудит-Консалт', 'аудит', 'Услуги для бизнеса']],
  log: [['ЛогистикПро', 'логистика, 3PL', 'Транспорт, логистика'], ['ТрансЛайн', 'грузоперевозки', 'Транспорт, логистика'], ['Складской комплекс «Восток»', 'складская логистика', 'Транспорт, логистика']],
  it: [['ИнфоСофт', 'разработка ПО', 'Информационные технологии'], ['Цифровые решения', 'ИТ-интегратор', 'Информационные технологии'], ['ДатаЛаб', 'аналитика данных', 'Информационные технологии']],
  law: [['Юридическая фирма «Правовед»', 'юридические услуги', 'Услуги для бизнеса'], ['СтройИнвест', 'девелопмент', 'Строительство, недвижимость']],
  tech: [['Завод «Техмаш»', 'машиностроение', 'Промышленное оборудование, техника'], ['Полимер-Пак', 'упаковочные материалы', 'Химическое производство']],
};
const RU_LEGAL = ['ООО', 'ООО', 'ООО', 'АО', 'ПАО', ''];

const EN_PRODUCERS: readonly (readonly [string, FmcgCat])[] = [
  ['Northwind Dairy', 'dairy'], ['Bluecrest Beverages', 'drinks'], ['Golden Oak Confectionery', 'confectionery'],
  ['Harvest Valley Snacks', 'snacks'], ['Brightway Household Products', 'household'], ['Clearbrook Personal Care', 'cosmetics'],
  ['Redwood Pet Food', 'pet'], ['Little Sprout Baby Food', 'baby'], ['Stonebridge Brewing', 'beer'], ['Meadowlark Foods', 'food'],
  ['Silver Lake Beverage Co.', 'drinks'], ['Prairie Gold Dairy', 'dairy'], ['Copperleaf Snacks', 'snacks'], ['Evergreen Home Care', 'household'],
];
const EN_DISTRIBUTORS = ['Keystone Food Distributors', 'Allied Grocery Distribution', 'Crossroads Beverage Distributors', 'Northern Foodservice Supply'];
const EN_B2B: readonly (readonly [string, string])[] = [
  ['Summit Building Supply', 'building materials'], ['Vector Telecom', 'telecom services'], ['Apex Office Solutions', 'office supplies'],
  ['Keystone Industrial Parts', 'industrial parts'], ['Bluewave Software', 'software licenses'], ['Ironclad Packaging', 'packaging'],
];
const EN_RETAIL = ['FreshMart Grocery', 'Corner Market', 'ValueWay Stores', 'GreenBasket Supermarkets'];
/** Name and the one-line description an English resume puts under it. */
const EN_OFF: Readonly<Record<Track, readonly (readonly [string, string])[]>> = {
  acc: [
    ['First Harbor Bank', 'Regional bank and leasing company.'],
    ['Crestview Property Group', 'Property management group with 40 buildings.'],
    ['Lakeshore Utilities', 'Electricity and gas retailer.'],
    ['Baxter & Lane Audit', 'Mid-size audit and advisory firm.'],
  ],
  log: [
    ['Clearpath Logistics', 'Third-party logistics provider with 6 warehouses.'],
    ['Transline Freight', 'Freight forwarding and trucking company.'],
    ['Eastgate Warehousing', 'Contract warehousing for e-commerce sellers.'],
  ],
  it: [
    ['Nimbus Software', 'B2B software company building ERP add-ons.'],
    ['Brightbyte Labs', 'Mobile and web development studio.'],
    ['Quantum Data Systems', 'Data and analytics consultancy.'],
  ],
  law: [
    ['Morgan & Pratt LLP', 'Commercial law firm.'],
    ['Crestview Property Group', 'Real estate developer and property manager.'],
    ['Halvorsen Legal', 'Boutique employment and contract law practice.'],
  ],
  tech: [
    ['Ironbridge Engineering', 'Industrial equipment manufacturer.'],
    ['Ironclad Packaging', 'Packaging materials manufacturer.'],
    ['Northfield Plastics', 'Injection-molded parts for the auto industry.'],
  ],
};

type EmployerKind = 'producer' | 'distributor' | 'b2b' | 'retail' | 'off';

interface Employer {
  kind: EmployerKind;
  /** As written in the resume's language, with a legal form for Russian companies where it fits. */
  name: string;
  /** What it does, for «(дистрибьютор молочной продукции)»-style remarks. */
  about: string;
  hh: readonly string[];
  site: string | null;
  cat: FmcgCat | null;
  /** One-line company description that English resumes put under the employer; '' when none. */
  blurb: string;
}

/** FNV-1a: a company keeps the same size and adjectives wherever it appears. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const siteCache = new Map<string, string>();

function siteOf(name: string): string {
  let site = siteCache.get(name);
  if (site === undefined) {
    const core = translit(name.replace(/«|»|"|ООО|АО|ПАО|ТД|ТК/g, '')).replace(/[^a-z]/g, '');
    site = `www.${core.slice(0, 14) || 'company'}.ru`;
    siteCache.set(name, site);
  }
  return site;
}

function ruName(r: Rng, base: string): string {
  if (/[«"]/.test(base) || /^(?:ТД|ТК) /.test(base)) return base;
  const legal = r.pick(RU_LEGAL);
  return legal === '' ? base : `${legal} «${base}»`;
}

function makeEmployer(r: Rng, kind: EmployerKind, lang: ResumeLang, track: Track): Employer {
  if (lang === 'ru') {
    switch (kind) {
      case 'producer': {
        const [base, cat] = r.pick(RU_PRODUCERS);
        const c = CATS[cat];
        return { kind, name: ruName(r, base), about: c.ruMade, hh: c.hh, site: siteOf(base), cat, blurb: '' };
      }
      case 'distributor': {
        const cat = r.pick<FmcgCat>(['dairy', 'drinks', 'confectionery', 'food', 'snacks', 'beer', 'household', 'grocery']);
        const base = r.pick(RU_DISTRIBUTORS);
        return { kind, name: ruName(r, base), about: `дистрибьютор ${CATS[cat].ruGen}`, hh: ['Оптовая торговля', '• Продукты питания, напитки (оптовая торговля)'], site: siteOf(base), cat, blurb: '' };
      }
      case 'b2b': {
        const [base, about, hh] = r.pick(RU_B2B);
        return { kind, name: ruName(r, base), about, hh: [hh], site: siteOf(base), cat: null, blurb: '' };
      }
      case 'retail':
        return { kind, name: capitalize(r.pick(RU_RETAIL)), about: 'продуктовая розница', hh: ['Розничная торговля', '• Продуктовая розница'], site: null, cat: null, blurb: '' };
      case 'off': {
        const [base, about, hh] = r.pick(RU_OFF[track]);
        return { kind, name: ruName(r, base), about, hh: [hh], site: siteOf(base), cat: null, blurb: '' };
      }
    }
  }
  switch (kind) {
    case 'producer': {
      const [name, cat] = r.pick(EN_PRODUCERS);
      const h = nameHash(name);
      const blurb = `${nth(['Regional', 'National', 'Family-owned', 'Fast-growing', 'Private-label'], h % 5)} ${CATS[cat].en} manufacturer with ${thousandsEn(((h >>> 3) % 57 + 4) * 50)} employees.`;
      return { kind, name, about: CATS[cat].en, hh: [], site: null, cat, blurb };
    }
    case 'distributor': {
      const name = r.pick(EN_DISTRIBUTORS);
      const blurb = `Food and beverage distributor serving ${thousandsEn(((nameHash(name) % 38) + 3) * 100)} retail outlets.`;
      return { kind, name, about: 'food and beverage distribution', hh: [], site: null, cat: 'food', blurb };
    }
    case 'b2b': {
      const [name, about] = r.pick(EN_B2B);
      return { kind, name, about, hh: [], site: null, cat: null, blurb: `Supplier of ${about} to business customers across the region.` };
    }
    case 'retail': {
      const name = r.pick(EN_RETAIL);
      return { kind, name, about: 'grocery retail', hh: [], site: null, cat: null, blurb: `Neighborhood grocer with ${(nameHash(name) % 76) + 5} stores.` };
    }
    case 'off':
    {
      const [name, blurb] = r.pick(EN_OFF[track]);
      return { kind, name, about: '', hh: [], site: null, cat: null, blurb };
    }
  }
}

// ---- retail chains and tools ---------------------------------------------------------------------------

const RU_CHAINS = ['«Магнит»', '«Пятёрочка»', '«Перекрёсток»', '«Лента»', '«Ашан»', '«Дикси»', '«ВкусВилл»', '«Metro Cash & Carry»', '«О\'КЕЙ»', '«Монетка»', '«Светофор»', '«Самбери»', '«Красное & Белое»', '«Глобус»', 'X5 Group'];
const EN_CHAINS: Readonly<Record<Region, readonly string[]>> = {
  ru: ['X5 Retail Group', 'Magnit', 'Lenta', 'Auchan', 'Metro Cash & Carry', 'Dixy', "O'Key", 'VkusVill'],
  us: ['Walmart', 'Target', 'Kroger', 'Costco', 'Albertsons', 'Publix', 'Sam\'s Club', 'Walgreens', 'CVS', 'Dollar General'],
  eu: ['Tesco', "Sainsbury's", 'Carrefour', 'Auchan', 'Lidl', 'Aldi', 'Asda', 'Biedronka', 'REWE', 'Albert Heijn'],
};
const RU_CRM = ['Salesforce', 'SAP CRM', '1С:CRM', 'Битрикс24', 'amoCRM', 'MS Dynamics CRM', 'ST-Ритейл'];
const EN_CRM = ['Salesforce', 'Microsoft Dynamics 365', 'SAP CRM', 'HubSpot', 'Pipedrive'];
const CURRENCY: Readonly<Record<Region, (n: number) => string>> = {
  ru: (n) => `RUB ${(n / 10).toFixed(1)} bn`,
  us: (n) => `$${n * 4}M`,
  eu: (n) => `€${n * 3}M`,
};

// ---- careers ---------------------------------------------------------------------------------------------

type Level = 'rep' | 'sup' | 'kam' | 'b2b' | 'retail' | 'off';
type Track = 'acc' | 'log' | 'it' | 'law' | 'tech';

/** Levels whose titles the screener should count as sales experience. */
const RELEVANT: Readonly<Record<Level, boolean>> = { rep: true, sup: true, kam: true, b2b: true, retail: false, off: false };

const TITLES_RU: Readonly<Record<Exclude<Level, 'off'>, readonly string[]>> = {
  rep: ['Торговый представитель', 'Торговый представитель', 'Менеджер по продажам', 'Менеджер по работе с клиентами', 'Старший торговый представитель'],
  sup: ['Супервайзер', 'Супервайзер отдела продаж', 'Территориальный менеджер', 'Менеджер по развитию продаж', 'Региональный менеджер по продажам'],
  kam: [
    'Менеджер по работе с ключевыми клиентами', 'Менеджер по работе с ключевыми клиентами', 'Key Account Manager', 'KAM',
    'Менеджер по работе с сетями', 'Старший менеджер по работе с ключевыми клиентами', 'Менеджер по работе с ключевыми клиентами (KAM)',
    'Руководитель направления по работе с ключевыми клиентами', 'Менеджер по работе с федеральными сетями (KAM)',
  ],
  b2b: ['Менеджер по продажам', 'Менеджер по активным продажам', 'Менеджер по развитию бизнеса', 'Менеджер по работе с клиентами', 'Старший менеджер по продажам'],
  retail: ['Продавец-консультант', 'Мерчендайзер', 'Администратор магазина', 'Кассир'],
};
const TITLES_EN: Readonly<Record<Exclude<Level, 'off'>, readonly string[]>> = {
  rep: ['Sales Representative', 'Territory Sales Representative', 'Field Sales Representative', 'Sales Executive'],
  sup: ['Sales Supervisor', 'Area Sales Manager', 'Territory Manager', 'Regional Sales Manager'],
  kam: ['Key Account Manager', 'Key Account Manager', 'Senior Key Account Manager', 'National Account Manager', 'Customer Business Manager', 'Key Account Executive'],
  b2b: ['Account Manager', 'Sales Manager', 'Business Development Manager', 'Inside Sales Representative'],
  retail: ['Merchandiser', 'Store Associate', 'Customer Service Representative', 'Cashier'],
};
const OFF_TITLES_RU: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Бухгалтер', 'Бухгалтер по расчётам с поставщиками', 'Главный бухгалтер', 'Бухгалтер-кассир', 'Экономист', 'Ведущий экономист'],
  log: ['Логист', 'Ведущий логист', 'Кладовщик', 'Водитель-экспедитор', 'Оператор склада'],
  it: ['Программист 1С', 'Разработчик', 'Ведущий разработчик', 'Инженер-программист', 'Аналитик данных', 'Системный аналитик'],
  law: ['Юрист', 'Ведущий юрист', 'Помощник юриста'],
  tech: ['Инженер-технолог', 'Инженер по качеству', 'Инженер-конструктор'],
};
const OFF_TITLES_EN: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Staff Accountant', 'Accountant', 'Senior Accountant', 'Financial Analyst'],
  log: ['Logistics Analyst', 'Warehouse Operator', 'Supply Chain Analyst'],
  it: ['Software Developer', 'Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Data Analyst'],
  law: ['Lawyer', 'Associate Attorney'],
  tech: ['Process Engineer', 'Quality Engineer', 'Mechanical Engineer'],
};

function titleFor(r: Rng, level: Level, lang: ResumeLang, track: Track): string {
  if (level === 'off') return r.pick(lang === 'ru' ? OFF_TITLES_RU[track] : OFF_TITLES_EN[track]);
  return r.pick(lang === 'ru' ? TITLES_RU[level] : TITLES_EN[level]);
}

interface Job {
  level: Level;
  /** Month indexes, inclusive. */
  from: number;
  to: number;
  present: boolean;
  employer: Employer;
  title: string;
  bullets: string[];
  /** The first `keep` bullets carry what the profile promises (chains, KPIs, CRM); the rest is filler. */
  keep: number;
  shown: number;
  /** Free-form resumes add «(дистрибьютор молочной продукции)» after a name that says nothing by itself. */
  showAbout: boolean;
}

interface Career {
  jobs: Job[];
  track: Track;
}

const PROFILE_WEIGHTS: Readonly<Record<ResumeProfile, number>> = { strong: 30, average: 35, weak: 20, offtrack: 15 };

/**
 * Job levels, oldest first. `minJobs` is 3 for English resumes: their short bullets make a two-job
 * resume too thin for the size range without padding nobody would write.
 */
function planLevels(r: Rng, profile: ResumeProfile, minJobs: number): Level[] {
  switch (profile) {
    case 'strong': {
      const n = r.weighted({ '3': 30, '4': 35, '5': 25, '6': 10 });
      const count = Number(n);
      const ladder: Level[] = ['rep', 'sup', 'kam'];
      const out: Level[] = [r.chance(0.2) ? 'retail' : 'rep'];
      let step = 0;
      for (let i = 1; i < count - 1; i++) {
        step = Math.min(2, step + r.int(0, 1));
        out.push(nth(ladder, step));
      }
      out.push('kam');
      return out;
    }
    case 'average': {
      const count = r.int(minJobs, 5);
      const out: Level[] = [];
      for (let i = 0; i < count - 1; i++) out.push(r.weighted({ rep: 35, b2b: 25, retail: 20, sup: 10, off: 10 }));
      out.push(r.weighted({ kam: 35, sup: 25, b2b: 40 }));
      return out;
    }
    case 'weak': {
      const count = r.int(minJobs, 5);
      const out: Level[] = [];
      for (let i = 0; i < count - 1; i++) out.push(r.weighted({ retail: 45, off: 25, rep: 20, b2b: 10 }));
      out.push(r.weighted({ rep: 45, b2b: 25, retail: 30 }));
      return out;
    }
    case 'offtrack':
      return Array.from({ length: r.int(minJobs, 5) }, () => 'off' as Level);
  }
}

function monthsFor(r: Rng, profile: ResumeProfile, level: Level, newest: boolean): number {
  switch (profile) {
    case 'strong':
      if (level === 'retail') return r.int(6, 18);
      return newest ? r.int(24, 72) : r.int(14, 48);
    case 'average':
      return newest ? r.int(12, 48) : r.int(10, 40);
    case 'weak':
      return RELEVANT[level] ? r.int(3, 14) : r.int(8, 36);
    case 'offtrack':
      return r.int(8, 60);
  }
}

function employerKind(r: Rng, profile: ResumeProfile, level: Level): EmployerKind {
  switch (level) {
    case 'retail':
      return 'retail';
    case 'b2b':
      return r.chance(0.8) ? 'b2b' : 'distributor';
    case 'off':
      // Accountants and engineers of FMCG makers apply to sales jobs too; their industry is not sales experience.
      return r.chance(0.15) ? 'producer' : 'off';
    default:
      if (profile === 'strong') return r.chance(0.65) ? 'producer' : 'distributor';
      if (profile === 'average') return r.weighted({ producer: 35, distributor: 25, b2b: 40 });
      return r.weighted({ producer: 20, distributor: 50, b2b: 30 });
  }
}

function planCareer(r: Rng, profile: ResumeProfile, lang: ResumeLang, asOf: number): Career {
  const track = r.pick<Track>(['acc', 'acc', 'log', 'it', 'it', 'law', 'tech']);
  const levels = planLevels(r, profile, lang === 'en' ? 3 : 2);
  const months = levels.map((l, i) => monthsFor(r, profile, l, i === levels.length - 1));
  const relevantIdx = levels.map((l, i) => (RELEVANT[l] ? i : -1)).filter((i) => i >= 0);
  const relevantSum = (): number => {
    let sum = 0;
    for (const i of relevantIdx) sum += nth(months, i);
    return sum;
  };
  const last = levels.length - 1;
  // Keep each profile on its side of the 3-year line the checklist cares about.
  if (profile === 'strong' && relevantSum() < 48) months[last] = nth(months, last) + 48 - relevantSum();
  if (profile === 'average' && relevantIdx.length > 0 && relevantSum() < 24) {
    const i = nth(relevantIdx, relevantIdx.length - 1);
    months[i] = nth(months, i) + 24 - relevantSum();
  }
  if (profile === 'weak') {
    while (relevantSum() > 28) {
      const i = relevantIdx.reduce((best, j) => (nth(months, j) > nth(months, best) ? j : best), nth(relevantIdx, 0));
      months[i] = Math.max(3, nth(months, i) - 6);
    }
  }

  const present = r.chance(profile === 'weak' ? 0.5 : profile === 'strong' ? 0.8 : 0.7);
  let end = present ? asOf : asOf - r.int(1, 8);
  const jobs: Job[] = [];
  let prev: Job | null = null;
  for (let i = last; i >= 0; i--) {
    const level = nth(levels, i);
    const m = nth(months, i);
    const from = end - m + 1;
    const next: Job | null = prev;
    // A promotion inside one company is the commonest KAM path, and LinkedIn groups such roles.
    const sameEmployer = next !== null && RELEVANT[level] && RELEVANT[next.level] && level !== next.level && r.chance(0.25);
    const employer: Employer = sameEmployer && next !== null ? next.employer : makeEmployer(r, employerKind(r, profile, level), lang, track);
    const job: Job = { level, from, to: end, present: i === last && present, employer, title: titleFor(r, level, lang, track), bullets: [], keep: 1, shown: 0, showAbout: false };
    jobs.push(job);
    prev = job;
    const gap = r.chance(0.08) ? -r.int(1, 6) : profile === 'weak' ? r.int(0, 8) : r.int(0, 3);
    end = from - 1 - gap;
  }
  jobs.reverse();
  return { jobs, track };
}

// ---- bullet pools ---------------------------------------------------------------------------------------------

/** What a bullet template may mention. A class, not closures: thousands are made per second. */
class BulletCtx {
  constructor(
    readonly r: Rng,
    readonly year: number,
    readonly chains: readonly string[],
    readonly crm: string,
    readonly region: Region,
    readonly cat: string,
  ) {}

  chain(): string {
    return this.r.pick(this.chains);
  }

  twoChains(): [string, string] {
    return this.r.pickTwo(this.chains);
  }
}

type Bullet = (c: BulletCtx) => string;

interface Pool {
  /** Mentions retail chains / key clients. */
  ka: readonly Bullet[];
  /** A result with a figure. */
  kpi: readonly Bullet[];
  crm: readonly Bullet[];
  misc: readonly Bullet[];
}

const RU_POOLS: Readonly<Record<Level, Pool>> = {
  kam: {
    ka: [
      (c) => { const [a, b] = c.twoChains(); return `Ведение федеральных сетей ${a} и ${b}: ежегодные переговоры, контрактные условия, промо-календарь.`; },
      (c) => `Управление портфелем из ${c.r.int(6, 14)} ключевых клиентов с годовым оборотом ${c.r.int(3, 25) * 100} млн руб.`,
      (c) => `Ввод ${c.r.int(5, 40)} новых SKU в ассортиментную матрицу сети ${c.chain()}.`,
      (c) => { const [a, b] = c.twoChains(); return `Работа с федеральными и региональными торговыми сетями: ${a}, ${b}.`; },
    ],
    kpi: [
      (c) => `Выполнение плана продаж ${c.year} года на ${c.r.int(101, 118)}%.`,
      (c) => `Рост оборота в сети ${c.chain()} на ${c.r.int(8, 35)}% к прошлому году.`,
      (c) => `Увеличение доли полки в ключевых сетях с ${c.r.int(8, 15)} до ${c.r.int(16, 28)}%.`,
      (c) => `Снижение просроченной дебиторской задолженности на ${c.r.int(10, 45)}%.`,
    ],
    crm: [(c) => `Ведение клиентской базы, заказов и отчётности в ${c.crm}.`, (c) => `Планирование и прогноз продаж по клиентам в ${c.crm} и Excel.`],
    misc: [
      () => 'Согласование бюджета трейд-маркетинга и оценка эффективности промо-акций (ROI).',
      () => 'Подготовка совместных бизнес-планов (JBP) с категорийными менеджерами сетей.',
      (c) => `Запуск совместных промо-акций, прирост продаж в период акции ${c.r.int(20, 60)}%.`,
      () => 'Контроль логистики и уровня сервиса поставок (OTIF), урегулирование претензий.',
      () => 'Анализ продаж и остатков по данным сетей, план-факт анализ, еженедельная отчётность для руководства.',
      () => 'Согласование ценовой политики и графика индексации цен с закупщиками.',
      () => 'Контроль исполнения контрактных обязательств и выплат бонусов.',
      () => 'Организация работы мерчендайзеров и контроль выкладки в гипермаркетах.',
      () => 'Участие в запуске новинок: презентации для закупщиков, планы ввода по регионам.',
    ],
  },
  sup: {
    ka: [(c) => `Работа с локальными сетями и сетевыми магазинами формата «у дома», в том числе ${c.chain()}.`],
    kpi: [
      (c) => `Рост численной дистрибуции с ${c.r.int(45, 65)} до ${c.r.int(70, 90)}%.`,
      (c) => `Выполнение плана отдела на ${c.r.int(100, 115)}% по итогам ${c.year} года.`,
    ],
    crm: [(c) => `Контроль визитов и заказов команды в ${c.crm}.`],
    misc: [
      (c) => `Руководство командой из ${c.r.int(4, 12)} торговых представителей.`,
      () => 'Обучение и адаптация новых сотрудников, совместные визиты в торговые точки.',
      (c) => `Развитие дистрибуции в регионах ${c.r.pick(RU_REGIONS)}, работа с дистрибьюторами.`,
      (c) => `Контроль выкладки и соблюдения планограмм в ${c.r.int(80, 300)} торговых точках.`,
      () => 'Построение маршрутов и частоты визитов по потенциалу торговых точек.',
      () => 'Разработка системы мотивации команды, еженедельные планёрки и разбор результатов.',
      () => 'Подготовка отчётности по KPI для регионального менеджера.',
    ],
  },
  rep: {
    ka: [() => 'Работа с локальными сетями и магазинами традиционной розницы.'],
    kpi: [(c) => `Выполнение плана продаж на ${c.r.int(95, 120)}%.`, (c) => `Расширение активной клиентской базы на ${c.r.int(10, 40)}%.`],
    crm: [(c) => `Приём заказов через мобильное приложение ${c.crm}.`],
    misc: [
      (c) => `Обслуживание ${c.r.int(60, 180)} торговых точек на закреплённой территории.`,
      () => 'Контроль дебиторской задолженности и выкладки продукции.',
      () => 'Поиск и подключение новых торговых точек, проведение презентаций продукции.',
      () => 'Проведение дегустаций и конкурсов выкладки в магазинах.',
      () => 'Контроль остатков и своевременное оформление заказов.',
      () => 'Размещение торгового оборудования и POS-материалов.',
    ],
  },
  b2b: {
    ka: [(c) => `Ведение ключевых клиентов направления, в том числе поставки для сети ${c.chain()}.`],
    kpi: [(c) => `Выполнение плана продаж на ${c.r.int(90, 125)}%.`, (c) => `Рост продаж по закреплённым клиентам на ${c.r.int(10, 40)}% за ${c.year} год.`],
    crm: [(c) => `Работа в ${c.crm}: воронка продаж, задачи, отчёты.`],
    misc: [
      (c) => `Активные продажи (${c.cat}) корпоративным клиентам и дилерам.`,
      (c) => `Ведение ${c.r.int(30, 90)} клиентов, заключение договоров, контроль оплат.`,
      () => 'Участие в тендерах, подготовка коммерческих предложений.',
      () => 'Холодные звонки и встречи с новыми клиентами, проведение презентаций.',
      () => 'Согласование условий поставки и отсрочек платежа.',
      () => 'Участие в отраслевых выставках.',
    ],
  },
  retail: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Консультирование покупателей, выкладка товара, работа с кассой.',
      () => 'Приёмка товара и контроль сроков годности.',
      (c) => `Выкладка продукции по планограмме в ${c.r.int(10, 30)} магазинах.`,
      () => 'Проведение инвентаризаций, оформление переоценки.',
      () => 'Обучение новых сотрудников стандартам обслуживания.',
      () => 'Оформление сезонных выкладок совместно с представителями поставщиков.',
    ],
  },
  off: { ka: [], kpi: [], crm: [], misc: [] },
};

const RU_OFF_BULLETS: Readonly<Record<Track, Pool>> = {
  acc: {
    ka: [],
    kpi: [(c) => `Сокращение сроков закрытия месяца с ${c.r.int(8, 12)} до ${c.r.int(4, 6)} рабочих дней.`],
    crm: [],
    misc: [
      () => 'Ведение участка расчётов с поставщиками и покупателями в 1С:Бухгалтерия.',
      () => 'Сверки с контрагентами, подготовка первичных документов.',
      () => 'Участие в подготовке годовой отчётности по РСБУ и МСФО.',
      () => 'Взаимодействие с налоговой инспекцией и аудиторами.',
      () => 'Учёт основных средств и нематериальных активов.',
      () => 'Подготовка управленческой отчётности и платёжного календаря.',
      () => 'Контроль авансовых отчётов и кассовой дисциплины.',
    ],
  },
  log: {
    ka: [],
    kpi: [(c) => `Снижение затрат на доставку на ${c.r.int(5, 15)}%.`],
    crm: [],
    misc: [
      (c) => `Планирование маршрутов доставки для ${c.r.int(10, 60)} автомобилей.`,
      () => 'Оформление транспортных и складских документов.',
      () => 'Работа с перевозчиками, контроль сроков доставки.',
      () => 'Учёт движения товаров в WMS и 1С:УТ.',
      () => 'Организация приёмки и отгрузки, проведение инвентаризаций склада.',
      () => 'Подготовка документов для таможенного оформления импортных поставок.',
    ],
  },
  it: {
    ka: [],
    kpi: [(c) => `Оптимизация отчётов, ускорение формирования в ${c.r.int(2, 5)} раза.`],
    crm: [],
    misc: [
      () => 'Разработка и сопровождение конфигураций 1С:ERP.',
      () => 'Интеграция с внешними системами через REST API.',
      () => 'Разработка сервисов на Python и PostgreSQL, код-ревью.',
      () => 'Написание технических заданий и автотестов.',
      () => 'Миграция данных и обновление платформы без остановки работы пользователей.',
      () => 'Поддержка пользователей второй линии, разбор инцидентов.',
    ],
  },
  law: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Договорная работа, согласование контрактов с поставщиками.',
      () => 'Представление интересов компании в арбитражном суде.',
      () => 'Правовая экспертиза локальных нормативных актов.',
      () => 'Претензионная работа с контрагентами.',
      () => 'Сопровождение корпоративных процедур и сделок.',
    ],
  },
  tech: {
    ka: [],
    kpi: [(c) => `Снижение доли брака на ${c.r.int(10, 40)}%.`],
    crm: [],
    misc: [
      () => 'Контроль технологического процесса на производстве.',
      () => 'Разработка технологических карт и рецептур.',
      () => 'Внедрение системы менеджмента качества ХАССП.',
      () => 'Проведение пусконаладочных работ на новой линии.',
      () => 'Подготовка документации для сертификации продукции.',
    ],
  },
};

const EN_POOLS: Readonly<Record<Level, Pool>> = {
  kam: {
    ka: [
      (c) => { const [a, b] = c.twoChains(); return `Lead the ${a} and ${b} accounts with an annual turnover of ${CURRENCY[c.region](c.r.int(12, 60))}.`; },
      (c) => `Managed a portfolio of ${c.r.int(5, 14)} key accounts across modern trade.`,
      (c) => `Secured ${c.r.int(4, 30)} new listings at ${c.chain()} for the ${c.cat} range.`,
    ],
    kpi: [
      (c) => `Grew net sales by ${c.r.int(6, 25)}% YoY in ${c.year} and delivered ${c.r.int(101, 112)}% of the annual plan.`,
      (c) => `Raised share of shelf by ${c.r.int(2, 6)} pts and promo ROI by ${c.r.int(10, 40)}%.`,
      (c) => `Cut overdue receivables by ${c.r.int(15, 50)}% through monthly account reviews.`,
    ],
    crm: [(c) => `Ran account forecasting and the opportunity pipeline in ${c.crm}.`],
    misc: [
      () => 'Negotiated annual joint business plans, trade terms and promo calendars.',
      () => 'Built promo plans with category teams using Nielsen and retailer POS data.',
      () => 'Worked with supply chain on OTIF and out-of-stock issues; resolved deductions.',
      () => 'Led quarterly business reviews with buyers and category managers.',
      () => 'Built the annual account plan: volume, trade spend, listings and promo calendar.',
      () => 'Analyzed sell-out, pricing and competitor activity to find growth opportunities.',
      () => 'Coordinated marketing, supply chain and finance on account needs.',
      () => 'Launched e-commerce listings and content for online grocery.',
    ],
  },
  sup: {
    ka: [(c) => `Covered independent grocers and regional chains, including ${c.chain()}.`],
    kpi: [(c) => `Raised numeric distribution from ${c.r.int(45, 65)}% to ${c.r.int(70, 90)}%.`, (c) => `Delivered ${c.r.int(100, 115)}% of the regional volume target in ${c.year}.`],
    crm: [(c) => `Tracked team visits and orders in ${c.crm}.`],
    misc: [
      (c) => `Managed a team of ${c.r.int(4, 12)} sales reps covering ${c.r.int(200, 900)} outlets.`,
      () => 'Coached new reps in the field and ran weekly performance reviews.',
      () => 'Ran monthly incentive programs for the sales team.',
      () => 'Built route plans and visit frequency by outlet potential.',
      () => 'Reported weekly KPIs to the regional sales manager.',
    ],
  },
  rep: {
    ka: [() => 'Called on independent stores and local grocery chains.'],
    kpi: [(c) => `Covered ${c.r.int(60, 160)} outlets; exceeded the volume target by ${c.r.int(3, 20)}%.`, (c) => `Opened ${c.r.int(10, 60)} new accounts in the territory.`],
    crm: [(c) => `Used the ${c.crm} mobile app for orders and visit reports.`],
    misc: [
      () => 'Maintained planograms, pricing and secondary displays.',
      () => 'Presented new products and seasonal promotions to store managers.',
      () => 'Collected orders and payments; kept receivables within terms.',
      () => 'Ran in-store tastings and seasonal display contests.',
      () => 'Planned daily routes to cover a dozen stores a day.',
    ],
  },
  b2b: {
    ka: [(c) => `Handled key customers of the branch, including supply contracts with ${c.chain()}.`],
    kpi: [(c) => `Closed ${c.r.int(95, 130)}% of quota in ${c.year}.`, (c) => `Grew territory revenue by ${c.r.int(8, 35)}%.`],
    crm: [(c) => `Managed the pipeline and forecasts in ${c.crm}.`],
    misc: [
      (c) => `Sold ${c.cat} to ${c.r.int(30, 120)} business customers.`,
      () => 'Prepared proposals and tender documentation.',
      () => 'Negotiated annual contracts and payment terms.',
      () => 'Ran product demos and trade show meetings.',
      () => 'Prospected new accounts by phone, e-mail and referrals.',
    ],
  },
  retail: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Served customers, stocked shelves and handled the register.',
      (c) => `Set up displays according to planograms in ${c.r.int(8, 30)} stores.`,
      () => 'Rotated stock and checked expiry dates.',
      () => 'Trained new cashiers on store procedures.',
      () => 'Built seasonal displays with vendor reps.',
    ],
  },
  off: { ka: [], kpi: [], crm: [], misc: [] },
};

const EN_OFF_BULLETS: Readonly<Record<Track, Pool>> = {
  acc: {
    ka: [],
    kpi: [(c) => `Reduced month-end close from ${c.r.int(8, 12)} to ${c.r.int(4, 6)} days.`],
    crm: [],
    misc: [
      () => 'Handled accounts payable and receivable, reconciliations and the monthly close.',
      () => 'Prepared financial statements and supported the annual audit.',
      () => 'Maintained the fixed asset register and depreciation schedules.',
      () => 'Prepared cash flow forecasts and variance reports.',
      () => 'Reviewed expense reports and vendor invoices.',
    ],
  },
  log: {
    ka: [],
    kpi: [(c) => `Cut freight costs by ${c.r.int(5, 15)}%.`],
    crm: [],
    misc: [
      () => 'Planned inbound and outbound shipments and carrier schedules.',
      () => 'Maintained inventory records in the WMS.',
      () => 'Ran cycle counts and resolved inventory discrepancies.',
      () => 'Prepared import documentation with customs brokers.',
    ],
  },
  it: {
    ka: [],
    kpi: [(c) => `Cut page load time by ${c.r.int(20, 60)}%.`],
    crm: [],
    misc: [
      () => 'Built and maintained REST services in Java and PostgreSQL.',
      () => 'Set up CI/CD pipelines and automated tests.',
      () => 'Automated weekly reporting with Python and SQL.',
      () => 'Migrated legacy services to containers with zero downtime.',
      () => 'Reviewed code and mentored junior developers.',
    ],
  },
  law: {
    ka: [],
    kpi: [],
    crm: [],
    misc: [
      () => 'Drafted and negotiated supply and lease agreements.',
      () => 'Represented the company in commercial disputes.',
      () => 'Advised management on employment and data protection matters.',
      () => 'Ran contract reviews for procurement.',
    ],
  },
  tech: {
    ka: [],
    kpi: [(c) => `Reduced scrap rate by ${c.r.int(10, 40)}%.`],
    crm: [],
    misc: [
      () => 'Owned process documentation and line trials.',
      () => 'Led root-cause analysis for quality incidents.',
      () => 'Commissioned a new packaging line.',
      () => 'Prepared documentation for product certification.',
    ],
  },
};

interface Content {
  ka: boolean;
  kpi: boolean;
  crm: boolean;
}

/** What the newest job's description proves, by profile: the strong ones prove everything. */
function contentFor(r: Rng, profile: ResumeProfile, newest: boolean): Content {
  switch (profile) {
    case 'strong':
      return newest ? { ka: true, kpi: true, crm: true } : { ka: r.chance(0.4), kpi: r.chance(0.7), crm: false };
    case 'average':
      return { ka: r.chance(newest ? 0.5 : 0.2), kpi: r.chance(0.5), crm: r.chance(newest ? 0.5 : 0.15) };
    case 'weak':
      return { ka: r.chance(0.1), kpi: r.chance(0.3), crm: r.chance(0.15) };
    case 'offtrack':
      return { ka: false, kpi: r.chance(0.4), crm: false };
  }
}

/** The templates in random order, those not yet used in this resume first. */
function freshFirst(r: Rng, list: readonly Bullet[], used: ReadonlySet<Bullet>): Bullet[] {
  const order = r.shuffled(list);
  const fresh: Bullet[] = [];
  const stale: Bullet[] = [];
  for (const b of order) (used.has(b) ? stale : fresh).push(b);
  return fresh.concat(stale);
}

/**
 * Description lines of one job. `used` holds what earlier jobs of the same resume already said: people
 * with three similar jobs still word them differently, so unused templates go first.
 */
function fillBullets(r: Rng, job: Job, profile: ResumeProfile, lang: ResumeLang, region: Region, track: Track, newest: boolean, used: Set<Bullet>): void {
  // Field sales at a maker of air conditioners has no tastings or planograms: B2B employers get B2B duties.
  const level: Level = job.employer.kind === 'b2b' && (job.level === 'rep' || job.level === 'sup') ? 'b2b' : job.level;
  const pool = level === 'off' ? (lang === 'ru' ? RU_OFF_BULLETS : EN_OFF_BULLETS)[track] : (lang === 'ru' ? RU_POOLS : EN_POOLS)[level];
  const want = contentFor(r, profile, newest);
  const chains = lang === 'ru' ? RU_CHAINS : EN_CHAINS[region];
  const cat = job.employer.cat !== null ? (lang === 'ru' ? CATS[job.employer.cat].ruGen : CATS[job.employer.cat].en) : job.employer.about;
  // The last complete year of the job: a plan "for 2026" cannot be reported in October 2026.
  const year = Math.max(yearOf(job.from), yearOf(job.to) - (job.present || monthOf(job.to) < 12 ? 1 : 0));
  const ctx = new BulletCtx(r, year, chains, r.pick(lang === 'ru' ? RU_CRM : EN_CRM), region, cat);
  const essential: Bullet[] = [];
  if (want.ka && pool.ka.length > 0) essential.push(nth(freshFirst(r, pool.ka, used), 0));
  if (want.kpi && pool.kpi.length > 0) essential.push(nth(freshFirst(r, pool.kpi, used), 0));
  if (want.crm && pool.crm.length > 0) essential.push(nth(freshFirst(r, pool.crm, used), 0));
  const all = essential.concat(freshFirst(r, pool.misc, used));
  job.bullets = all.map((b) => b(ctx));
  job.keep = Math.max(1, essential.length);
  job.shown = Math.min(job.bullets.length, Math.max(job.keep, lang === 'ru' ? r.int(2, 4) : r.int(3, 6)));
  for (let i = 0; i < job.shown; i++) used.add(nth(all, i));
  job.showAbout = job.employer.kind !== 'retail' && ((profile === 'strong' && newest) || r.chance(0.5));
}

// ---- education and languages -------------------------------------------------------------------------------

type EduLevel = 'higher' | 'master' | 'unfinished' | 'college';
type Cefr = 'A1' | 'A2' | 'B1' | 'B2' | 'C1';

const RU_UNIS = [
  'Российский экономический университет им. Г.В. Плеханова', 'Санкт-Петербургский государственный экономический университет',
  'Уральский федеральный университет', 'Казанский федеральный университет', 'Новосибирский государственный университет экономики и управления',
  'Самарский государственный экономический университет', 'Финансовый университет при Правительстве РФ', 'Государственный университет управления',
  'Кубанский государственный аграрный университет', 'Воронежский государственный университет', 'Ростовский государственный экономический университет',
];
const RU_SPECS_SALES = ['Маркетинг', 'Менеджмент организации', 'Экономика и управление на предприятии', 'Коммерция (торговое дело)', 'Финансы и кредит', 'Мировая экономика'];
const RU_SPECS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Бухгалтерский учёт, анализ и аудит', 'Экономика'],
  log: ['Логистика и управление цепями поставок', 'Организация перевозок на транспорте'],
  it: ['Прикладная информатика', 'Информатика и вычислительная техника'],
  law: ['Юриспруденция'],
  tech: ['Технология продуктов питания', 'Машиностроение'],
};
const RU_COLLEGES = ['Торгово-экономический техникум', 'Колледж индустрии питания и торговли', 'Колледж бизнеса и технологий', 'Политехнический колледж'];
const RU_COURSES = ['Переговоры с ключевыми клиентами', 'Управление ключевыми клиентами', 'Трейд-маркетинг в FMCG', 'Категорийный менеджмент', 'Финансы для менеджеров по продажам', 'Excel для аналитики продаж'];
const RU_COURSES_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['МСФО для практиков', 'Налоговый учёт: изменения года'],
  log: ['Управление цепями поставок', 'Складская логистика'],
  it: ['Разработка на Python', 'Администрирование PostgreSQL'],
  law: ['Договорное право', 'Корпоративное право'],
  tech: ['Система ХАССП', 'Бережливое производство'],
};
const RU_COURSE_ORGS = ['Бизнес-школа «Капитал»', 'Учебный центр «Профи»', 'Академия продаж', 'Школа управления «Вектор»'];
const RU_CEFR: Readonly<Record<Cefr, string>> = { A1: 'A1 — Начальный', A2: 'A2 — Элементарный', B1: 'B1 — Средний', B2: 'B2 — Средне-продвинутый', C1: 'C1 — Продвинутый' };
const RU_FREE_LEVEL: Readonly<Record<Cefr, readonly string[]>> = {
  A1: ['базовый', 'читаю и перевожу со словарём'],
  A2: ['базовый', 'Elementary', 'Pre-Intermediate'],
  B1: ['разговорный', 'Intermediate', 'средний'],
  B2: ['Upper-Intermediate (B2)', 'B2', 'выше среднего'],
  C1: ['свободный', 'Advanced (C1)'],
};
const EN_LINKEDIN_LEVEL: Readonly<Record<Cefr, string>> = { A1: 'Elementary', A2: 'Limited Working', B1: 'Professional Working', B2: 'Professional Working', C1: 'Full Professional' };

const EN_UNIS_RU = ['Plekhanov Russian University of Economics', 'HSE University', 'Saint Petersburg State University of Economics', 'Ural Federal University', 'Kazan Federal University', 'Financial University under the Government of the Russian Federation'];
const EN_UNIS_US = ['University of Illinois at Urbana-Champaign', 'Ohio State University', 'University of Minnesota', 'Georgia State University', 'University of Texas at Dallas', 'Arizona State University', 'Indiana University Bloomington'];
const EN_UNIS_EU = ['University of Manchester', 'University of Warsaw', 'Warsaw School of Economics', 'Humboldt University of Berlin', 'University of Amsterdam', 'Prague University of Economics and Business'];
const EN_FIELDS_SALES = ['Marketing', 'Business Administration', 'Economics', 'Management', 'Finance', 'Communications'];
const EN_FIELDS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Accounting', 'Finance'],
  log: ['Supply Chain Management', 'Logistics'],
  it: ['Computer Science', 'Information Systems'],
  law: ['Law'],
  tech: ['Mechanical Engineering', 'Food Science'],
};
const EN_COLLEGES = ['Harper College', 'Sinclair Community College', 'Valencia College', 'Austin Community College'];
const EN_CERTS = ['Advanced Negotiation Techniques', 'Key Account Management Essentials', 'Category Management Fundamentals', 'Revenue Growth Management', 'Salesforce Certified Associate'];
const EN_COURSEWORK = ['Consumer Behavior', 'Sales Management', 'Marketing Analytics', 'Business Statistics', 'Microeconomics', 'Financial Accounting', 'Negotiation', 'Supply Chain Fundamentals', 'Business Communication'];
const EN_COURSEWORK_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Intermediate Accounting', 'Auditing', 'Taxation', 'Corporate Finance', 'Business Statistics'],
  log: ['Operations Management', 'Supply Chain Fundamentals', 'Transportation Economics', 'Business Statistics'],
  it: ['Data Structures', 'Databases', 'Operating Systems', 'Software Engineering', 'Algorithms'],
  law: ['Contracts', 'Civil Procedure', 'Corporate Law', 'Legal Writing'],
  tech: ['Thermodynamics', 'Materials Science', 'Quality Control', 'Statics'],
};
const EN_VOLUNTEER = [
  'Volunteer, City Harvest Food Bank: weekend food drives and warehouse shifts.',
  'Mentor, Junior Achievement: financial literacy classes for teenagers.',
  'Coach, community youth soccer league (under-12 team).',
  'Fundraising committee, local animal shelter.',
];
const EN_INTERESTS = [
  'Trail running, home cooking and chess; finished the city half marathon twice.',
  'Photography, cycling and travel across Central and Eastern Europe.',
  'Basketball, podcasts about retail and consumer brands, woodworking.',
  'Yoga, gardening and volunteering at the neighborhood library.',
];
const EN_AWARDS = ["President's Club for sales performance", 'Top Performer of the Year, regional sales team', 'Employee of the Quarter', 'Best New Listing Launch award'];
const EN_AWARDS_OFF = ['Employee of the Quarter', "Dean's List", 'Team excellence award for the ERP migration'];
const EN_CERTS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['Certified Management Accountant (CMA)', 'IFRS Certificate'],
  log: ['APICS CSCP', 'Lean Six Sigma Green Belt'],
  it: ['AWS Certified Developer', 'Oracle Certified Professional, Java SE'],
  law: ['Certificate in Contract Management'],
  tech: ['Lean Six Sigma Green Belt', 'HACCP Certification'],
};

function eduLevelFor(r: Rng, profile: ResumeProfile): EduLevel {
  switch (profile) {
    case 'strong':
      return r.weighted({ higher: 75, master: 22, unfinished: 3 });
    case 'average':
      return r.weighted({ higher: 70, master: 8, unfinished: 12, college: 10 });
    case 'weak':
      return r.weighted({ higher: 25, unfinished: 30, college: 45 });
    case 'offtrack':
      return r.weighted({ higher: 60, master: 10, college: 30 });
  }
}

/** Nobody holds a finished degree at 21: a young candidate's degree is still in progress. */
function eduFitAge(level: EduLevel, birthYear: number, year: number): EduLevel {
  if (level === 'master' && birthYear + 24 > year) level = 'higher';
  if (level === 'higher' && birthYear + 22 > year) level = 'unfinished';
  return level;
}

function cefrFor(r: Rng, profile: ResumeProfile): Cefr {
  switch (profile) {
    case 'strong':
      return r.weighted({ A2: 10, B1: 30, B2: 40, C1: 20 });
    case 'average':
      return r.weighted({ A1: 15, A2: 35, B1: 30, B2: 20 });
    case 'weak':
      return r.weighted({ A1: 45, A2: 35, B1: 20 });
    case 'offtrack':
      return r.weighted({ A1: 20, A2: 30, B1: 25, B2: 20, C1: 5 });
  }
}

// ---- skills and prose ---------------------------------------------------------------------------------------

const RU_SKILLS_SALES = [
  'Переговоры', 'Ведение переговоров', 'Работа с ключевыми клиентами', 'Key Account Management', 'Trade marketing', 'Управление продажами',
  'Анализ продаж', 'Планирование продаж', 'Работа с торговыми сетями', 'Деловая переписка', 'MS Excel', 'Power BI', 'Категорийный менеджмент',
  'Активные продажи', 'B2B продажи', 'Мерчендайзинг', 'Управление дебиторской задолженностью', 'Ценообразование', 'Проведение презентаций',
  'Развитие дистрибуции', 'Заключение договоров', 'Управление командой',
];
const RU_SKILLS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['1С:Бухгалтерия', 'МСФО', 'РСБУ', 'Налоговая отчётность', 'MS Excel', 'Сверка взаиморасчётов'],
  log: ['1С:УТ', 'WMS', 'Планирование маршрутов', 'Таможенное оформление', 'MS Excel'],
  it: ['Python', 'SQL', 'PostgreSQL', '1С:Предприятие', 'Git', 'Docker', 'REST API'],
  law: ['Договорное право', 'Арбитражный процесс', 'Консультант Плюс', 'Корпоративное право'],
  tech: ['ХАССП', 'ISO 9001', 'AutoCAD', 'Бережливое производство'],
};
const RU_SKILLS_JUNIOR = ['Активные продажи', 'Холодные звонки', 'Работа с возражениями', 'Мерчендайзинг', 'Кассовая дисциплина', 'MS Excel', 'Грамотная речь', 'Клиентоориентированность', 'Проведение презентаций', 'Деловая переписка'];
const EN_SKILLS_JUNIOR = ['Customer Service', 'Cold Calling', 'Merchandising', 'Excel', 'Cash Handling', 'Communication', 'Product Demonstrations', 'Inventory Control'];
const EN_SKILLS_SALES = [
  'Key Account Management', 'Negotiation', 'Trade Marketing', 'Category Management', 'Joint Business Planning', 'Sales Planning',
  'Forecasting', 'Nielsen', 'Excel', 'Power BI', 'Revenue Growth Management', 'Pricing', 'Promotions', 'Team Leadership', 'Retail Execution',
];
const EN_SKILLS_OFF: Readonly<Record<Track, readonly string[]>> = {
  acc: ['US GAAP', 'IFRS', 'Reconciliations', 'Excel', 'NetSuite', 'Accounts Payable', 'Budgeting', 'QuickBooks'],
  log: ['Inventory Management', 'WMS', 'Excel', 'Transportation Planning', 'SAP MM', 'Demand Planning', 'Incoterms'],
  it: ['Java', 'Python', 'SQL', 'PostgreSQL', 'Docker', 'Git', 'Kubernetes', 'REST APIs'],
  law: ['Contract Law', 'Litigation', 'Legal Research', 'Employment Law', 'Compliance', 'Negotiation', 'Due Diligence'],
  tech: ['Lean Manufacturing', 'Six Sigma', 'AutoCAD', 'HACCP', 'Root Cause Analysis', 'SPC', 'SolidWorks'],
};

function pickSome(r: Rng, list: readonly string[], n: number): string[] {
  return r.shuffled(list).slice(0, Math.min(n, list.length));
}

function ruGender(p: Person, male: string, female: string): string {
  return p.male ? male : female;
}

const RU_ABOUT: readonly ((p: Person) => string)[] = [
  (p) => `${ruGender(p, 'Ориентирован', 'Ориентирована')} на результат, умею вести сложные переговоры и выстраивать долгосрочные отношения с клиентами.`,
  (p) => `${ruGender(p, 'Коммуникабелен, ответственен', 'Коммуникабельна, ответственна')}, быстро обучаюсь.`,
  () => 'Водительское удостоверение категории B, личный автомобиль.',
  (p) => `${ruGender(p, 'Готов', 'Готова')} к командировкам по региону.`,
  () => 'Умею работать с большим объёмом данных, уверенно пользуюсь Excel (сводные таблицы, ВПР).',
  () => 'Интересы: бег, путешествия, чтение деловой литературы.',
];
const EN_ABOUT = [
  'Results-driven and comfortable with tough negotiations.',
  'Strong analytical skills; advanced Excel and Power BI.',
  'Valid driver\'s license; open to regional travel.',
  'Interests: running, cooking, travel.',
  'Volunteer at a local food bank.',
  'Mentor for new hires in the onboarding program.',
  'Completed a half marathon in 2023; coach a youth soccer team on weekends.',
  'Comfortable presenting to senior buyers and leadership teams.',
  'Available to start within four weeks.',
  'Awards: President\'s Club for sales performance; Employee of the Quarter.',
  'Member of the local chamber of commerce networking group.',
  'Organized the annual charity run for our regional office.',
];

// ---- renderers -------------------------------------------------------------------------------------------------

/** Everything a renderer needs. No Rng here: re-rendering after a size adjustment must not draw again. */
interface Doc {
  person: Person;
  profile: ResumeProfile;
  lang: ResumeLang;
  career: Career;
  asOf: number;
  city: string;
  edu: EduLevel;
  cefr: Cefr;
  /** Optional blocks that grow or shrink the text towards the size range. */
  extras: { about: number; courses: boolean; more: number };
  /** Choices fixed once per resume so re-rendering after a size adjustment changes nothing else. */
  fixed: Fixed;
}

interface Fixed {
  dateFormat: number;
  layout: number;
  splitDates: readonly boolean[];
  showCity: readonly boolean[];
  skills: readonly string[];
  courseYear: number;
  course: string;
  courseOrg: string;
  uni: string;
  spec: string;
  college: string;
  master: string;
  salary: number;
  metro: string | null;
  headerVariant: number;
  bulletMark: string;
  relocate: boolean;
  travel: boolean;
  secondLang: string | null;
  cert: string;
  jobCities: readonly string[];
  about: readonly number[];
  coursework: string;
  volunteer: string;
  award: string;
  interests: string;
}

function visibleBullets(job: Job): string[] {
  return job.bullets.slice(0, job.shown);
}

function eduYears(d: Doc): { start: number; end: number } {
  const end = d.person.birth.y + (d.edu === 'college' ? 19 : d.edu === 'unfinished' ? 23 : 22);
  return { start: end - (d.edu === 'college' ? 3 : 4), end: Math.min(end, yearOf(d.asOf) + 1) };
}

function ageAt(p: Person, asOf: number): number {
  return yearOf(asOf) - p.birth.y - (monthOf(asOf) < p.birth.m ? 1 : 0);
}

function unionMonths(list: readonly { from: number; to: number }[]): number {
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

function hhDesired(d: Doc): string {
  if (d.profile === 'offtrack' && d.fixed.headerVariant % 2 === 1) return lastJob(d).title;
  return d.profile === 'strong' || d.fixed.headerVariant % 3 !== 0 ? 'Менеджер по работе с ключевыми клиентами' : 'Менеджер по продажам';
}

function lastJob(d: Doc): Job {
  return nth(d.career.jobs, d.career.jobs.length - 1);
}

function renderHh(d: Doc): string {
  const { person: p, fixed: f } = d;
  const L: string[] = [];
  const age = ageAt(p, d.asOf);
  L.push(p.fullName);
  L.push(`${ruGender(p, 'Мужчина', 'Женщина')}, ${age} ${plural(age, 'год', 'года', 'лет')}, ${ruGender(p, 'родился', 'родилась')} ${p.birth.d} ${nth(RU_MONTHS_GEN, p.birth.m - 1)} ${p.birth.y}`);
  L.push(p.phone);
  L.push(`${p.email} — предпочитаемый способ связи`);
  L.push(`Проживает: ${d.city}${f.metro !== null ? `, м. ${f.metro}` : ''}`);
  L.push('Гражданство: Россия, есть разрешение на работу: Россия');
  L.push(`${f.relocate ? ruGender(p, 'Готов', 'Готова') : ruGender(p, 'Не готов', 'Не готова')} к переезду, ${f.travel ? ruGender(p, 'готов', 'готова') : ruGender(p, 'не готов', 'не готова')} к командировкам`);
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
    L.push(f.about.slice(0, d.extras.about).map((i) => nth(RU_ABOUT, i)(p)).join(' '));
  }
  return L.join('\n');
}

// free-form Russian -----------------------------------------------------------------------------------

function ruFreeRange(d: Doc, j: Job): { text: string; yearOnly: boolean } {
  const y1 = yearOf(j.from);
  const y2 = yearOf(j.to);
  const m1 = monthOf(j.from);
  const m2 = monthOf(j.to);
  switch (d.fixed.dateFormat) {
    case 0:
      return { text: `${pad2(m1)}.${y1}${['–', ' - ', ' – '][d.fixed.layout % 3] ?? '–'}${j.present ? 'н.в.' : `${pad2(m2)}.${y2}`}`, yearOnly: false };
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
      return { text: `${nth(RU_MONTHS_SHORT, m1 - 1)} ${y1} – ${j.present ? 'н.в.' : `${nth(RU_MONTHS_SHORT, m2 - 1)} ${y2}`}`, yearOnly: false };
  }
}

function renderRuFree(d: Doc): string {
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
    L.push(d.profile === 'offtrack' && v % 2 === 1 ? 'Цель: соискание должности менеджера по продажам' : 'Цель: должность менеджера по работе с ключевыми клиентами (KAM)');
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
  if (d.extras.about > 0) L.push(`О себе: ${f.about.slice(0, d.extras.about).map((i) => nth(RU_ABOUT, i)(p)).join(' ')}`);
  return L.join('\n');
}

// LinkedIn export ----------------------------------------------------------------------------------------

function enDegree(d: Doc, field: string): string {
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

function enLanguages(d: Doc): string[] {
  if (d.person.region === 'ru') return [`English (${EN_LINKEDIN_LEVEL[d.cefr]})`, 'Russian (Native or Bilingual)'];
  const out = ['English (Native or Bilingual)'];
  if (d.fixed.secondLang !== null) out.push(`${d.fixed.secondLang} (${EN_LINKEDIN_LEVEL[d.cefr]})`);
  return out;
}

const EN_SUMMARY_MORE: Readonly<Record<ResumeProfile, readonly string[]>> = {
  strong: [
    'Known for win-win negotiations and data-driven account plans.',
    'Experienced in joint business planning, trade terms and promo optimization.',
    'Comfortable with Nielsen, retailer POS data and Power BI.',
    'I build long-term relationships with buyers and category managers.',
  ],
  average: [
    'Experienced in contract negotiations and customer retention.',
    'Comfortable with CRM reporting and sales forecasting.',
    'Looking for a role with larger accounts and more ownership.',
  ],
  weak: ['Friendly, reliable and quick to learn.', 'Good at building rapport with store staff and customers.', 'Ready to travel within the region.'],
  offtrack: ['Strong analytical and organizational skills.', 'Used to working with sales and finance teams on tight deadlines.', 'Fast learner with a structured approach.'],
};

function enSummary(d: Doc, relevantYears: number): string {
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

function enAbout(d: Doc): string {
  return d.fixed.about.slice(0, d.extras.about).map((i) => nth(EN_ABOUT, i % EN_ABOUT.length)).join(' ');
}

function renderLinkedIn(d: Doc, relevantYears: number): string {
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
  L.push(d.edu === 'college' ? f.college : f.uni, `${enDegree({ ...d, edu: d.edu === 'master' ? 'higher' : d.edu }, field)} · (${ey.start} - ${ey.end})`);
  if (d.extras.more >= 1) L.push(f.coursework);
  if (d.extras.more >= 2) L.push('Volunteering', f.volunteer);
  if (d.extras.more >= 3) L.push('Honors-Awards', f.award);
  if (d.extras.more >= 5) L.push('Interests', f.interests);
  L.push(`Page 1 of ${f.headerVariant % 3 === 0 ? 1 : 2}`);
  return L.join('\n');
}

// US style -----------------------------------------------------------------------------------------------------

function usRange(d: Doc, j: Job): string {
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

function usDegree(d: Doc, field: string): string {
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

function renderUs(d: Doc, relevantYears: number): string {
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
  L.push(`${usDegree({ ...d, edu: d.edu === 'master' ? 'higher' : d.edu }, f.spec)} — ${d.edu === 'college' ? f.college : f.uni}, ${ey.end}`);
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

// ---- assembling -------------------------------------------------------------------------------------------

/** How a screener reads the written dates: year-only bounds mid-year, a single year as Jan–Dec. */
function parsedInterval(d: Doc, style: ResumeStyle, j: Job): { from: number; to: number } {
  if (style !== 'ru_free' || !ruFreeRange(d, j).yearOnly) return { from: j.from, to: j.to };
  const y1 = yearOf(j.from);
  const y2 = yearOf(j.to);
  const to = j.present ? d.asOf : y2 * 12 + 5;
  let from = y1 * 12 + 6;
  if (from > to) from = y1 * 12;
  return { from, to };
}

function relevantYears(d: Doc, style: ResumeStyle): number {
  const iv = d.career.jobs.filter((j) => RELEVANT[j.level]).map((j) => parsedInterval(d, style, j));
  return Math.round((unionMonths(iv) / 12) * 10) / 10;
}

function render(d: Doc, style: ResumeStyle, relYears: number): string {
  switch (style) {
    case 'hh':
      return renderHh(d);
    case 'ru_free':
      return renderRuFree(d);
    case 'linkedin':
      return renderLinkedIn(d, relYears);
    case 'us':
      return renderUs(d, relYears);
  }
}

/**
 * Shows or hides filler bullets (then optional blocks) until the text fits the size range. Each pass
 * estimates how many bullets make up the difference, so most resumes render two or three times at most.
 */
function fitSize(d: Doc, style: ResumeStyle, relYears: number): string {
  let text = render(d, style, relYears);
  for (let pass = 0; pass < 16; pass++) {
    const bytes = utf8Bytes(text);
    if (bytes > RESUME_MAX_BYTES) {
      let excess = bytes - RESUME_MAX_BYTES + 200;
      // Oldest roles lose detail first, as they do when a real resume outgrows two pages.
      for (let progress = true; excess > 0 && progress; ) {
        progress = false;
        for (const j of d.career.jobs) {
          if (excess <= 0) break;
          if (j.shown <= j.keep) continue;
          j.shown--;
          excess -= utf8Bytes(nth(j.bullets, j.shown)) + 3;
          progress = true;
        }
      }
      if (excess > 0) {
        if (d.extras.about > 0) d.extras.about = 0;
        else if (d.extras.more > 0) d.extras.more = 0;
        else if (d.extras.courses) d.extras.courses = false;
        else return text;
      }
    } else if (bytes < RESUME_MIN_BYTES) {
      let deficit = RESUME_MIN_BYTES - bytes + 200;
      // Recent roles gain detail first: that is where people write the most.
      for (let progress = true; deficit > 0 && progress; ) {
        progress = false;
        for (let k = d.career.jobs.length - 1; k >= 0 && deficit > 0; k--) {
          const j = nth(d.career.jobs, k);
          if (j.shown >= j.bullets.length) continue;
          deficit -= utf8Bytes(nth(j.bullets, j.shown)) + 3;
          j.shown++;
          progress = true;
        }
      }
      if (deficit > 0) {
        // A handful of sentences is what people write about themselves; beyond that, other blocks.
        const maxAbout = d.lang === 'ru' ? d.fixed.about.length : 4;
        if (d.lang === 'en' && d.extras.more < 5) d.extras.more = Math.min(5, d.extras.more + Math.ceil(deficit / 70));
        else if (d.extras.about < maxAbout) d.extras.about = Math.min(maxAbout, d.extras.about + Math.ceil(deficit / 50));
        else if (!d.extras.courses) d.extras.courses = true;
        else if (d.extras.about < d.fixed.about.length) d.extras.about = d.fixed.about.length;
        else return text;
      }
    } else return text;
    text = render(d, style, relYears);
  }
  return text;
}

function pickStyle(r: Rng, lang: ResumeLang): ResumeStyle {
  return lang === 'ru' ? r.weighted({ hh: 65, ru_free: 35 }) : r.weighted({ linkedin: 50, us: 50 });
}

export function generateResume(seed: number, opts: GenerateOptions = {}): GeneratedResume {
  const r = new Rng(seed);
  const asOfDate = opts.asOf ?? GENERATOR_AS_OF;
  const asOf = asOfDate.getUTCFullYear() * 12 + asOfDate.getUTCMonth();
  // Drawn even when the caller fixes them, so the draws that follow stay where they were.
  const drawnLang: ResumeLang = r.chance(0.6) ? 'ru' : 'en';
  const drawnProfile = r.weighted(PROFILE_WEIGHTS);
  const lang = opts.style !== undefined ? (opts.style === 'hh' || opts.style === 'ru_free' ? 'ru' : 'en') : (opts.lang ?? drawnLang);
  const profile = opts.profile ?? drawnProfile;
  const drawnStyle = pickStyle(r, lang);
  const style = opts.style ?? drawnStyle;
  const region: Region = style === 'us' ? 'us' : lang === 'ru' ? 'ru' : r.chance(0.6) ? 'ru' : 'eu';

  const career = planCareer(r, profile, lang, asOf);
  const firstJob = nth(career.jobs, 0);
  const birthYear = yearOf(firstJob.from) - (firstJob.level === 'retail' ? r.int(18, 21) : r.int(20, 24));
  const person = makePerson(r, lang, region, birthYear);
  const used = new Set<Bullet>();
  career.jobs.forEach((j, i) => fillBullets(r, j, profile, lang, region, career.track, i === career.jobs.length - 1, used));

  const ruCity = r.pick(RU_CITIES);
  const city =
    region === 'ru' ? (lang === 'ru' ? ruCity[0] : (RU_CITY_EN[ruCity[0]] ?? 'Moscow, Moscow City, Russia')) : region === 'us' ? r.pick(US_CITIES) : r.pick(EU_CITIES);
  const sales = profile !== 'offtrack';
  const skillPool =
    profile === 'offtrack'
      ? (lang === 'ru' ? RU_SKILLS_OFF : EN_SKILLS_OFF)[career.track]
      : profile === 'weak'
        ? lang === 'ru' ? RU_SKILLS_JUNIOR : EN_SKILLS_JUNIOR
        : lang === 'ru' ? RU_SKILLS_SALES : EN_SKILLS_SALES;
  const crmSkill = r.pick(lang === 'ru' ? RU_CRM : EN_CRM);
  const skills = pickSome(r, skillPool, r.int(5, 9));
  if (profile === 'strong' || (profile === 'average' && r.chance(0.5))) skills.splice(1, 0, crmSkill);
  const jobCityPool = region === 'us' ? US_CITIES : region === 'eu' ? EU_JOB_CITIES : RU_JOB_CITIES_EN;
  const homeJobCity = region === 'us' ? city : nth(jobCityPool, 0);

  const fixed: Fixed = {
    dateFormat: r.int(0, 3),
    layout: r.int(0, 5),
    splitDates: [r.chance(0.5), r.chance(0.5)],
    showCity: [r.chance(0.7), r.chance(0.7), r.chance(0.7)],
    skills,
    courseYear: Math.max(yearOf(firstJob.from) + 1, yearOf(asOf) - r.int(1, 6)),
    course: r.pick(sales ? RU_COURSES : RU_COURSES_OFF[career.track]),
    courseOrg: r.pick(RU_COURSE_ORGS),
    uni: lang === 'ru' ? r.pick(RU_UNIS) : region === 'ru' ? r.pick(EN_UNIS_RU) : region === 'us' ? r.pick(EN_UNIS_US) : r.pick(EN_UNIS_EU),
    spec: lang === 'ru' ? r.pick(sales ? RU_SPECS_SALES : RU_SPECS_OFF[career.track]) : r.pick(sales ? EN_FIELDS_SALES : EN_FIELDS_OFF[career.track]),
    college: lang === 'ru' ? r.pick(RU_COLLEGES) : r.pick(EN_COLLEGES),
    master: lang === 'ru' ? r.pick(['Управление продажами', 'Маркетинг', 'Менеджмент']) : r.pick(['Marketing', 'Strategy', 'General Management']),
    salary: (profile === 'strong' ? r.int(18, 32) : profile === 'weak' ? r.int(7, 12) : r.int(10, 20)) * 10000,
    metro: ruCity[1].length > 0 && r.chance(0.8) ? r.pick(ruCity[1]) : null,
    headerVariant: r.int(0, 59),
    bulletMark: r.pick(['- ', '• ', '']),
    relocate: r.chance(0.3),
    travel: r.chance(0.7),
    secondLang: r.chance(0.25) ? r.pick(lang === 'ru' ? ['Немецкий', 'Французский', 'Испанский'] : ['Spanish', 'German', 'French', 'Polish']) : null,
    cert: r.pick(sales ? EN_CERTS : EN_CERTS_OFF[career.track]),
    jobCities: [homeJobCity, r.pick(jobCityPool), homeJobCity],
    about: r.shuffled(lang === 'ru' ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    coursework: `Relevant coursework: ${pickSome(r, sales ? EN_COURSEWORK : EN_COURSEWORK_OFF[career.track], 4).join(', ')}.`,
    volunteer: r.pick(EN_VOLUNTEER),
    award: r.pick(sales ? EN_AWARDS : EN_AWARDS_OFF),
    interests: r.pick(EN_INTERESTS),
  };

  const doc: Doc = {
    person,
    profile,
    lang,
    career,
    asOf,
    city,
    edu: eduFitAge(eduLevelFor(r, profile), birthYear, yearOf(asOf)),
    cefr: cefrFor(r, profile),
    extras: { about: r.int(0, 2), courses: r.chance(0.4), more: 0 },
    fixed,
  };
  const relYears = relevantYears(doc, style);
  const text = fitSize(doc, style, relYears);
  return { lang, style, fullName: person.fullName, email: person.email, phone: person.phone, text, profile, expected: { relevantYearsApprox: relYears } };
}

/**
 * `count` resumes from one seed. E-mails and phones are unique within the batch, so seeding a demo
 * database does not trip duplicate detection on a chance collision.
 */
export function generateResumes(count: number, seed: number, opts: GenerateOptions = {}): GeneratedResume[] {
  const out: GeneratedResume[] = [];
  const emails = new Set<string>();
  const phones = new Set<string>();
  const base = mixSeed(seed);
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      // Retries go into the high half, which mixSeed folds in, so they never reuse another index's seed.
      const res = generateResume(((base ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0) + attempt * 4294967296, opts);
      const phone = res.phone.replace(/\D/g, '');
      if ((emails.has(res.email) || phones.has(phone)) && attempt < 15) continue;
      emails.add(res.email);
      phones.add(phone);
      out.push(res);
      break;
    }
  }
  return out;
}
