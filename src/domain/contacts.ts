/**
 * Contacts proposed from a resume's text: full name, e-mail, phone and city. HR confirms them on the
 * intake form; bulk import takes them as they are. Pure: no I/O.
 *
 * Layouts covered by their general form, not by examples:
 * - hh.ru: the name on top, «Женщина, 34 года» under it, «+7 (916) 123-45-67 — предпочитаемый способ
 *   связи», «Проживает: Москва, м. …»;
 * - LinkedIn PDF: a "Contact" sidebar (e-mail, phone, profile URL, skills) printed before the name,
 *   then the name, the headline and a location line ("Moscow, Russia", "London, England, United Kingdom");
 * - US/UK resumes: a name line (often in capitals), then "City, ST 12345 | phone | e-mail";
 * - free text: «г. Казань», "Based in Leeds", "Location: Berlin".
 * Phones are read and normalised with libphonenumber-js (full metadata, so a date range or a salary
 * never passes as a phone).
 */
import { lazyPackage } from './lazy.js';
import type * as Phones from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { toLatin } from './translit.js';

// The full metadata (about 150 ms to load) is read with the first phone handled, not when the server starts.
const lib = lazyPackage<typeof Phones>('libphonenumber-js/max');

export interface ContactProposal {
  fullName: string | null;
  email: string | null;
  /** International format ("+7 916 123 45 67"); phoneE164() gives the form duplicates are matched on. */
  phone: string | null;
  city: string | null;
}

/** The country a phone written without one belongs to: the app serves Russian hiring first. */
export const DEFAULT_PHONE_REGION: CountryCode = 'RU';

/**
 * E.164 ("+79161234567") for any way of writing a phone number that could be real, read in
 * `region` when it has no country code (so «8 (916) 123-45-67» = "+7 916 1234567"); null otherwise.
 */
export function phoneE164(input: string | null | undefined, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const raw = input?.trim();
  if (!raw) return null;
  const parsed = lib().parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : null;
}

// Only the head of a resume holds its contacts; the rest is experience that names cities and people.
const HEAD_CHARS = 6000;
const HEAD_LINES = 60;

const EMAIL =
  /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
const PREFERRED = /предпочитаем|preferred|основн|mobile|моб|cell|сотов/i;

// ---- e-mail ---------------------------------------------------------------------------------------

function proposeEmail(head: string): string | null {
  const found = [...head.matchAll(EMAIL)].map((m) => ({ email: m[0].replace(/\.$/, ''), at: m.index }));
  if (found.length === 0) return null;
  const preferred = found.find((f) => PREFERRED.test(lineAround(head, f.at)));
  return (preferred ?? found[0])!.email;
}

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

// ---- phone ----------------------------------------------------------------------------------------

const RU_HINT =
  /[А-Яа-яЁё]|\b(?:Russia|Russian Federation|Moscow|St\.? ?Petersburg|Saint Petersburg|Kazan|Novosibirsk|Yekaterinburg)\b|\+7[\s(]/;
const GB_HINT = /\b(?:United Kingdom|England|Scotland|Wales|Northern Ireland|UK|London)\b|\+44\b/;
const US_HINT = /\b(?:United States|USA|U\.S\.)\b|\b[A-Z][a-z]+,\s*[A-Z]{2}\s+\d{5}\b|\+1[\s(-]/;

/**
 * The countries a phone written without a country code is read in: the one the resume points to,
 * or, when it points nowhere, Russia, then the US and the UK.
 */
function phoneRegions(head: string): CountryCode[] {
  if (RU_HINT.test(head)) return ['RU'];
  if (GB_HINT.test(head)) return ['GB'];
  if (US_HINT.test(head)) return ['US'];
  return [DEFAULT_PHONE_REGION, 'US', 'GB'];
}

/** The words next to a phone on its line: «— предпочитаемый способ связи», "Mobile:", "(Mobile)". */
function phoneContext(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before =
    text
      .slice(Math.max(lineStart, start - 20), start)
      .split(/[·•|;,]/)
      .at(-1) ?? '';
  const after =
    text
      .slice(end, lineEnd < 0 ? text.length : lineEnd)
      .slice(0, 40)
      .split(/[·•|;]/)[0] ?? '';
  return `${before} ${after}`;
}

function proposePhone(head: string): string | null {
  for (const region of phoneRegions(head)) {
    // A number written with "+" and its country code was meant as a phone: possible is enough.
    // Digits without one must be a valid number in the region, so an INN or a date range is not taken.
    // The finder's leniency (README: "POSSIBLE" | "VALID" | …) is not in its types; the rule is applied below.
    const options = { defaultCountry: region, leniency: 'POSSIBLE' };
    const found = lib()
      .findPhoneNumbersInText(head, options)
      .filter((f) => f.number.isValid() || (head[f.startsAt] === '+' && f.number.isPossible()));
    if (found.length === 0) continue;
    const preferred = found.find((f) => PREFERRED.test(phoneContext(head, f.startsAt, f.endsAt)));
    const mobile = found.find((f) => f.number.getType() === 'MOBILE');
    return formatPhone((preferred ?? mobile ?? found[0])!.number);
  }
  return null;
}

function formatPhone(n: PhoneNumber): string {
  return n.formatInternational();
}

// ---- name -----------------------------------------------------------------------------------------

const CYR_WORD = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
// Latin letters with diacritics too: "Chloé Martin", "José Núñez", "Zoë O'Neil", "McArthur".
const LAT_WORD = "(?:\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)*|Mc\\p{Lu}\\p{Ll}+|\\p{Lu}\\.)";
const RU_NAME = new RegExp(`^${CYR_WORD}(?:\\s+${CYR_WORD}){1,2}$`);
const EN_NAME = new RegExp(`^${LAT_WORD}(?:\\s+${LAT_WORD}){1,3}$`, 'u');
const LATIN_ONLY = /^[\p{Script=Latin}\s.'’-]+$/u;
// "John Smith, MBA", "Jane Doe — CPA": credentials after the name.
const CREDENTIALS =
  /\s*(?:,|\s[-–—|]\s?)\s*(?:MBA|PhD|Ph\.D\.|CPA|PMP|MSc|BSc|BA|MA|Jr\.?|Sr\.?|III|II)(?:[,\s]+(?:MBA|PhD|CPA|PMP|MSc|BSc|BA|MA))*\.?$/;
const PATRONYMIC = /(?:вич|вна|чна|ична|инична|оглы|кызы)$/;
const GENDER_LINE = /^(?:Мужчина|Женщина|Male|Female)\b/i;

// Words that make a line a heading, a job title, a place or an organisation, never a person.
const NOT_NAME_WORDS = new Set(
  (
    'резюме опыт образование желаемая должность контакты контактная информация ключевые навыки знание знания языков гражданство проживает ' +
    'обо мне личная дополнительная специализации занятость график работы отдел продаж компания университет институт академия колледж ' +
    'менеджер директор руководитель специалист представитель супервайзер ведущий старший главный региональный торговый коммерческий ' +
    'москва россия клиенты клиентами ключевыми сети федеральные рекомендации курсы повышение квалификации тесты экзамены ' +
    'curriculum vitae resume cv contact contacts summary profile objective experience work employment history education skills top ' +
    'languages certifications certificates honors awards publications references volunteer interests hobbies achievements highlights ' +
    'qualifications core competencies technical professional career page linkedin email phone mobile address street road avenue ' +
    'university college school institute academy ltd inc llc plc company group corporation manager director executive representative ' +
    'specialist senior junior lead head team business development marketing trade category national regional area district territory ' +
    'customer service retail foods beverages sales account accounts key management consultant officer associate assistant coordinator ' +
    'analyst engineer supervisor united kingdom states england russia moscow london city county new york microsoft office excel ' +
    'present current bachelor master degree of and the for at in with'
  ).split(' '),
);

const titleCase = (w: string): string => w.replace(/[\p{L}]+/gu, (p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase());

/** The line as a person's name, or null. Names in capitals ("JOHN SMITH") are title-cased. */
function asName(line: string): string | null {
  let s = line.trim().replace(CREDENTIALS, '').replace(/\s+/g, ' ');
  if (s.length < 4 || s.length > 60) return null;
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length > 3 && letters === letters.toUpperCase()) s = titleCase(s);
  if (!RU_NAME.test(s) && !(EN_NAME.test(s) && LATIN_ONLY.test(s))) return null;
  const words = s.split(' ');
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, '')))) return null;
  // A name has at least two words of two letters or more; initials alone do not count.
  if (words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 2).length < 2) return null;
  return s;
}

/** Does the e-mail's local part carry a word of the name ("anna.kuznetsova" ~ «Кузнецова Анна»)? */
function sharesWordWithEmail(name: string, email: string | null): boolean {
  if (email === null) return false;
  const local = email.split('@')[0]!.toLowerCase();
  return name.split(' ').some((w) => {
    const l = toLatin(w.replace(/\.$/, ''));
    // Transliterations differ in a letter or two ("kuznetsova"/"kuznecova"): the first four letters decide.
    return l.length >= 3 && local.includes(l.slice(0, Math.min(4, l.length)));
  });
}

function proposeName(lines: string[], email: string | null): string | null {
  let best: { name: string; score: number } | null = null;
  lines.forEach((line, i) => {
    const name = asName(line);
    if (name === null) return;
    const next = lines.slice(i + 1, i + 4);
    let score = 10 - Math.min(i, 40) / 4;
    if (PATRONYMIC.test(name.split(' ').at(-1) ?? '') || PATRONYMIC.test(name.split(' ')[1] ?? '')) score += 6;
    if (next.some((l) => GENDER_LINE.test(l))) score += 8;
    if (next.some((l) => locationOf(l) !== null)) score += 5;
    if (sharesWordWithEmail(name, email)) score += 7;
    if (best === null || score > best.score) best = { name, score };
  });
  return (best as { name: string; score: number } | null)?.name ?? null;
}

// ---- city -----------------------------------------------------------------------------------------

// «Проживает: Москва, м. Тверская», "Location: Berlin, Germany", "Reside in: Moscow".
const CITY_LABEL =
  /^(?:проживает|город(?: проживания)?|место (?:жительства|проживания)|местоположение|адрес|location|city|based in|lives in|living in|resides? in|reside in|current location|home)\s*[:\-–—]?\s*(.+)$/i;
const CITY_IN_TEXT = /(?:^|[\s(,])(?:г\.|город)\s*([А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?)/;
const BASED_IN = /\b(?:based in|live in|living in|located in|relocated to)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)/;

const COUNTRIES = new Set(
  (
    'russia|russian federation|россия|рф|united kingdom|uk|england|scotland|wales|northern ireland|united states|usa|us|' +
    'germany|france|netherlands|spain|italy|poland|kazakhstan|казахстан|belarus|беларусь|ukraine|украина|uzbekistan|узбекистан|' +
    'armenia|армения|georgia|грузия|serbia|сербия|turkey|турция|cyprus|кипр|united arab emirates|uae|оаэ|canada|australia|india|' +
    'ireland|sweden|finland|norway|denmark|switzerland|austria|czechia|czech republic|portugal|israel|china|singapore|kyrgyzstan|' +
    'кыргызстан|azerbaijan|азербайджан|moldova|latvia|lithuania|estonia|greece|belgium'
  ).split('|'),
);
const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  ),
);
const US_STATE_NAMES = new Set(
  (
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas ' +
    'kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada new hampshire ' +
    'new jersey new mexico new york north carolina north dakota ohio oklahoma oregon pennsylvania rhode island south carolina ' +
    'south dakota tennessee texas utah vermont virginia washington west virginia wisconsin wyoming'
  ).split(/ (?=[a-z])/),
);
const PLACE_WORD = "[A-ZА-ЯЁ][\\p{L}.'’-]*(?:\\s+(?:[A-ZА-ЯЁ][\\p{L}.'’-]*|upon|on|de|la|am|im|-на-|na))*";
const PLACE_LIST = new RegExp(`^(${PLACE_WORD})(?:\\s*,\\s*(${PLACE_WORD}))?(?:\\s*,\\s*(${PLACE_WORD}))?$`, 'u');
const US_CITY_STATE = /(?:^|[,|•·]\s*)([A-Z][A-Za-z.' -]+?),\s*([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?\s*$/;
const METRO = /^(?:Greater\s+)?(.+?)(?:\s+(?:Metropolitan|Metro|Bay|City)\s+Area|\s+Area)?$/;

// Cities people write alone on a contact line («Казань», "KAM | FMCG | Новосибирск", "Воронеж, 8 900 …"):
// Russian cities over ~250,000 people in both spellings, neighbouring capitals, and large UK/US/EU cities.
const KNOWN_CITIES = new Set(
  (
    'москва|санкт-петербург|новосибирск|екатеринбург|казань|нижний новгород|челябинск|красноярск|самара|уфа|ростов-на-дону|омск|' +
    'краснодар|воронеж|пермь|волгоград|саратов|тюмень|тольятти|ижевск|барнаул|ульяновск|иркутск|хабаровск|махачкала|ярославль|' +
    'владивосток|оренбург|томск|кемерово|новокузнецк|рязань|набережные челны|астрахань|киров|пенза|севастополь|липецк|балашиха|' +
    'калининград|тула|чебоксары|курск|ставрополь|улан-удэ|сочи|тверь|магнитогорск|иваново|брянск|белгород|сургут|владимир|' +
    'чита|архангельск|нижний тагил|симферополь|калуга|смоленск|волжский|якутск|саранск|череповец|курган|вологда|орёл|орел|' +
    'владикавказ|подольск|грозный|мурманск|тамбов|стерлитамак|петрозаводск|кострома|новороссийск|йошкар-ола|химки|таганрог|' +
    'минск|астана|алматы|ташкент|бишкек|ереван|тбилиси|баку|кишинёв|кишинев|душанбе|' +
    'moscow|saint petersburg|st. petersburg|st petersburg|novosibirsk|yekaterinburg|ekaterinburg|kazan|nizhny novgorod|chelyabinsk|' +
    'krasnoyarsk|samara|ufa|rostov-on-don|omsk|krasnodar|voronezh|perm|volgograd|saratov|tyumen|kaliningrad|sochi|vladivostok|' +
    'minsk|astana|almaty|tashkent|yerevan|tbilisi|baku|' +
    'london|manchester|birmingham|leeds|glasgow|edinburgh|liverpool|bristol|sheffield|newcastle|nottingham|leicester|cardiff|belfast|' +
    'new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|austin|san francisco|seattle|denver|' +
    'boston|atlanta|miami|minneapolis|detroit|charlotte|nashville|portland|las vegas|toronto|vancouver|montreal|sydney|melbourne|' +
    'berlin|munich|hamburg|frankfurt|paris|amsterdam|rotterdam|brussels|vienna|zurich|geneva|milan|rome|madrid|barcelona|lisbon|' +
    'warsaw|prague|budapest|stockholm|copenhagen|oslo|helsinki|dublin|istanbul|dubai|abu dhabi|limassol|belgrade|riga|vilnius|tallinn'
  ).split('|'),
);

/** A known city written alone (or as one segment of a contact line), as it was written. */
function knownCity(segment: string): string | null {
  const s = segment.trim().replace(/^(?:г\.|город)\s*/i, '');
  return KNOWN_CITIES.has(s.toLowerCase().replace(/ё/g, 'е')) || KNOWN_CITIES.has(s.toLowerCase()) ? s : null;
}

const isCountry = (s: string): boolean => COUNTRIES.has(s.trim().toLowerCase());
const isUsState = (s: string): boolean => US_STATES.has(s.trim()) || US_STATE_NAMES.has(s.trim().toLowerCase());

/** The city of a "City, Region, Country" / "City, ST 12345" line, or null when the line is not a place. */
function locationOf(line: string): string | null {
  const s = line.trim();
  if (s.length > 80) return null;
  const us = US_CITY_STATE.exec(s);
  if (us && US_STATES.has(us[2]!)) return cleanCity(us[1]!.split(',').at(-1)!);
  if (/\d/.test(s)) return null;
  const m = PLACE_LIST.exec(s);
  if (!m || m[2] === undefined) return null;
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined);
  const last = parts.at(-1)!;
  // "Moscow, Russia"; "London, England, United Kingdom"; "Austin, Texas, United States"; "Chicago, Illinois".
  if (isCountry(last) || isUsState(last)) return isCountry(parts[0]!) ? null : cleanCity(parts[0]!);
  return null;
}

function cleanCity(s: string): string | null {
  const city = (METRO.exec(s.trim())?.[1] ?? s).trim();
  if (city.length < 2 || isCountry(city)) return null;
  return city;
}

/** «Москва, м. Тверская, готова к переезду» → «Москва». */
function cityFromLabel(value: string): string | null {
  const first = value
    .split(/[,;(|]/)[0]!
    .replace(/^(?:г\.|город)\s*/i, '')
    .trim();
  if (!/^[\p{Lu}][\p{L}. '’-]*$/u.test(first) || first.length > 40) return null;
  return cleanCity(first);
}

function proposeCity(lines: string[], head: string): string | null {
  for (const line of lines) {
    const labelled = CITY_LABEL.exec(line.trim());
    if (labelled) {
      const city = cityFromLabel(labelled[1]!);
      if (city !== null) return city;
    }
  }
  for (const line of lines) {
    for (const segment of line.split(/\s[|•·]\s|\s{2,}/)) {
      const city = locationOf(segment);
      if (city !== null) return city;
    }
  }
  const ru = CITY_IN_TEXT.exec(head)?.[1];
  if (ru !== undefined) return ru;
  const based = BASED_IN.exec(head)?.[1];
  if (based !== undefined) return based;
  // Contact lines only: further down, a city names an employer's office, not where the person lives.
  for (const line of lines.slice(0, 25)) {
    for (const segment of line.split(/\s*[|•·,;]\s*/)) {
      const city = knownCity(segment);
      if (city !== null) return city;
    }
  }
  return null;
}

// ---- all together ---------------------------------------------------------------------------------

export function proposeContacts(text: string): ContactProposal {
  const head = text.slice(0, HEAD_CHARS);
  const lines = head
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, HEAD_LINES);
  const email = proposeEmail(head);
  return { fullName: proposeName(lines, email), email, phone: proposePhone(head), city: proposeCity(lines, head) };
}

/** The intake form's contact fields, in the order they are shown. */
export const CONTACT_FIELDS = ['full_name', 'email', 'phone', 'city'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const PROPOSAL_OF: Readonly<Record<ContactField, keyof ContactProposal>> = {
  full_name: 'fullName',
  email: 'email',
  phone: 'phone',
  city: 'city',
};

/**
 * Fills the contact fields a person left empty with what the resume proposes; what was typed stays.
 * Returns the new values and which fields were filled, so the form can mark them for checking.
 */
export function fillContacts<V extends Record<string, unknown>>(
  values: V,
  proposal: ContactProposal,
): { values: V; proposed: ContactField[] } {
  const out: Record<string, unknown> = { ...values };
  const proposed: ContactField[] = [];
  for (const field of CONTACT_FIELDS) {
    const current = out[field];
    const typed = typeof current === 'string' && current.trim() !== '';
    const value = proposal[PROPOSAL_OF[field]];
    if (!typed && value !== null) {
      out[field] = value;
      proposed.push(field);
    }
  }
  return { values: out as V, proposed };
}
