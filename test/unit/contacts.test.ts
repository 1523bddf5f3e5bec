import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { fillContacts, phoneE164, proposeContacts, type ContactProposal } from '../../src/domain/contacts.js';
import { normalizePhone } from '../../src/domain/candidate.js';

// Every person, company, phone and address below is made up (phones from reserved/fictional ranges).
const CASES: { name: string; text: string; want: ContactProposal }[] = [
  {
    name: 'hh.ru PDF export',
    text: `Кузнецова Анна Сергеевна
Женщина, 34 года, родилась 12 марта 1992
+7 (916) 555-01-23 — предпочитаемый способ связи
anna.kuznetsova@example.ru
Проживает: Москва, м. Тверская
Гражданство: Россия, есть разрешение на работу: Россия
Не готова к переезду, готова к командировкам
Желаемая должность и зарплата
Менеджер по работе с ключевыми клиентами
Опыт работы — 9 лет 10 месяцев
Март 2019 — настоящее время
ООО «Северное молоко»`,
    want: { fullName: 'Кузнецова Анна Сергеевна', email: 'anna.kuznetsova@example.ru', phone: '+7 916 555 01 23', city: 'Москва' },
  },
  {
    name: 'hh.ru with two phones, the preferred one second',
    text: `Резюме обновлено 3 февраля 2026 в 10:15
Ахметов Тимур Рашидович
Мужчина, 41 год
+7 (843) 200-11-22
+7 (927) 444-55-66 — предпочитаемый способ связи
t.akhmetov@example.com
Проживает: Казань
Гражданство: Россия`,
    want: { fullName: 'Ахметов Тимур Рашидович', email: 't.akhmetov@example.com', phone: '+7 927 444 55 66', city: 'Казань' },
  },
  {
    name: 'hh.ru DOCX with a phone written with 8 and the city with its metro station',
    text: `Соколова Мария Игоревна
Женщина, 29 лет
8 903 111 22 33
Проживает: Санкт-Петербург, м. Площадь Восстания
Опыт работы — 6 лет`,
    want: { fullName: 'Соколова Мария Игоревна', email: null, phone: '+7 903 111 22 33', city: 'Санкт-Петербург' },
  },
  {
    name: 'hh.ru English export',
    text: `Ivan Petrov
Male, 38 years old, born on 2 May 1987
+7 (926) 700-80-90 — preferred means of communication
ivan.petrov@example.org
Reside in: Novosibirsk
Citizenship: Russia`,
    want: { fullName: 'Ivan Petrov', email: 'ivan.petrov@example.org', phone: '+7 926 700 80 90', city: 'Novosibirsk' },
  },
  {
    name: 'LinkedIn PDF (Moscow): the Contact sidebar and skills print before the name',
    text: `Contact
+7 915 123 4567 (Mobile)
dmitry.ivanov@example.com
www.linkedin.com/in/dmitry-ivanov-kam (LinkedIn)
Top Skills
Category Management
Trade Marketing
Key Account Management
Languages
English (Professional Working)
Dmitry Ivanov
Key Account Manager at Nordic Snacks | FMCG | Negotiations
Moscow, Russia
Summary
Eight years of selling to federal retail chains.
Experience
Nordic Snacks
Key Account Manager
March 2019 - Present (6 years 10 months)
Saint Petersburg, Russia`,
    want: { fullName: 'Dmitry Ivanov', email: 'dmitry.ivanov@example.com', phone: '+7 915 123 45 67', city: 'Moscow' },
  },
  {
    name: 'LinkedIn PDF (London): three-part location, UK mobile',
    text: `Contact
sophie.turner.kam@example.co.uk
+44 7700 900461 (Mobile)
www.linkedin.com/in/sophie-turner (LinkedIn)
Top Skills
Negotiation
Sophie Turner
National Account Manager – Grocery
London, England, United Kingdom
Summary
Grocery NAM with Tesco and Asda experience.`,
    want: { fullName: 'Sophie Turner', email: 'sophie.turner.kam@example.co.uk', phone: '+44 7700 900461', city: 'London' },
  },
  {
    name: 'LinkedIn PDF (US metro area), no phone',
    text: `Contact
www.linkedin.com/in/marcus-reyes
Top Skills
Salesforce
Marcus Reyes
Strategic Account Executive
Greater Chicago Area
Summary
B2B sales since 2015.`,
    want: { fullName: 'Marcus Reyes', email: null, phone: null, city: null },
  },
  {
    name: 'US resume: name in capitals, City, ST ZIP | phone | e-mail',
    text: `JENNIFER L. WALSH
Austin, TX 78701 | (512) 555-0142 | jwalsh.sales@example.com
PROFESSIONAL SUMMARY
Results-driven key account manager with 7 years in CPG.
EXPERIENCE
Key Account Manager, Lone Star Beverages — Austin, TX
May 2018 – Present`,
    want: { fullName: 'Jennifer L. Walsh', email: 'jwalsh.sales@example.com', phone: '+1 512 555 0142', city: 'Austin' },
  },
  {
    name: 'US resume with a street address and credentials after the name',
    text: `Robert Chen, MBA
1420 Oak Street, Springfield, IL 62704
Cell: 217-555-0198
robert.chen@example.net
Summary
Regional sales manager.`,
    want: { fullName: 'Robert Chen', email: 'robert.chen@example.net', phone: '+1 217 555 0198', city: 'Springfield' },
  },
  {
    name: 'UK CV: "City, UK" and a landline with a leading zero',
    text: `Curriculum Vitae
Oliver Bennett
Leeds, UK
Tel: 0113 496 0123 · Mobile: 07400 123456
oliver.bennett@example.co.uk
Personal Profile
Field sales executive moving into key accounts.`,
    want: { fullName: 'Oliver Bennett', email: 'oliver.bennett@example.co.uk', phone: '+44 7400 123456', city: 'Leeds' },
  },
  {
    name: 'free-form Russian paragraph',
    text: `Меня зовут Ольга, восемь лет работаю в продажах FMCG, с 2018 года веду сети «Магнит» и «Лента».
Живу в г. Екатеринбург, телефон 8-912-345-67-89, почта olga.v@example.ru.`,
    want: { fullName: null, email: 'olga.v@example.ru', phone: '+7 912 345 67 89', city: 'Екатеринбург' },
  },
  {
    name: 'free-form English paragraph',
    text: `Hi, I am a B2B seller based in Manchester with eight years at Hollow Creek Beverages.
Reach me on +44 7700 900333 or at sam@example.com.`,
    want: { fullName: null, email: 'sam@example.com', phone: '+44 7700 900333', city: 'Manchester' },
  },
  {
    name: 'Russian resume in capitals with a «Город:» label and a name that matches the e-mail',
    text: `РЕЗЮМЕ
МЕНЕДЖЕР ПО ПРОДАЖАМ
ПЕТРОВ СЕРГЕЙ НИКОЛАЕВИЧ
Город: Нижний Новгород
Телефон: +7 (831) 123-45-67
E-mail: s.petrov@example.ru`,
    want: { fullName: 'Петров Сергей Николаевич', email: 's.petrov@example.ru', phone: '+7 831 123 45 67', city: 'Нижний Новгород' },
  },
  {
    name: 'a resume with dates and salaries that look like digits but are no phone',
    text: `Иванова Елена
Женщина, 45 лет
Проживает: Самара
Желаемая зарплата: 180 000 руб.
Январь 2015 — Декабрь 2019 (4 года 11 месяцев)
ИНН компании 7701234567`,
    want: { fullName: 'Иванова Елена', email: null, phone: null, city: 'Самара' },
  },
  {
    name: 'a skills line in title case before the name is not the name',
    text: `Key Account Management
Trade Marketing Category Management
Анна Смирнова
Ключевой менеджер
Москва, Россия
a.smirnova@example.ru
+79161112233`,
    want: { fullName: 'Анна Смирнова', email: 'a.smirnova@example.ru', phone: '+7 916 111 22 33', city: 'Москва' },
  },
  {
    name: 'an English CV of a Russian candidate: a number without a country code read as Russian',
    text: `Pavel Orlov
Moscow, Russia
Phone: 8 (926) 555-44-33
Email: p.orlov@example.com`,
    want: { fullName: 'Pavel Orlov', email: 'p.orlov@example.com', phone: '+7 926 555 44 33', city: 'Moscow' },
  },
  {
    name: 'nothing to propose',
    text: 'опыт работы в продажах, переговоры с сетями',
    want: { fullName: null, email: null, phone: null, city: null },
  },
];

describe('proposeContacts', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(proposeContacts(c.text)).toEqual(c.want);
  });

  it('looks only at the head of a long resume', () => {
    const text = `Петров Пётр\n${'Опыт работы в продажах.\n'.repeat(400)}Контакт для справок: +7 (999) 000-00-00, ref@example.ru`;
    expect(proposeContacts(text)).toMatchObject({ email: null, phone: null });
  });
});

describe('phoneE164 / normalizePhone (libphonenumber-js)', () => {
  it.each([
    ['+7 (916) 555-12-34', '+79165551234'],
    ['8 916 555 12 34', '+79165551234'],
    ['8-916-555-12-34', '+79165551234'],
    ['9165551234', '+79165551234'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (512) 555-0142', '+15125550142'],
    ['12-34', null],
    ['', null],
    ['phone', null],
  ])('%s → %s', (input, out) => {
    expect(phoneE164(input)).toBe(out);
    expect(normalizePhone(input)).toBe(out);
  });

  it('agrees with the library for every way the proposals write a phone', () => {
    for (const c of CASES) {
      if (c.want.phone === null) continue;
      expect(phoneE164(c.want.phone)).toBe(parsePhoneNumberFromString(c.want.phone)?.number);
    }
  });

  it('the same phone written differently is one number, so duplicates by phone are found', () => {
    const forms = ['+7 (916) 555-12-34', '8 (916) 555 12 34', '89165551234', '+7 916 555 12 34'];
    expect(new Set(forms.map((f) => normalizePhone(f))).size).toBe(1);
  });
});

describe('fillContacts', () => {
  const proposal = { fullName: 'Кузнецова Анна Сергеевна', email: 'anna@example.ru', phone: '+7 916 555 01 23', city: 'Москва' };

  it('fills only the empty fields and says which', () => {
    const { values, proposed } = fillContacts({ full_name: '', email: 'typed@example.ru', phone: '  ', source: 'hh' }, proposal);
    expect(values).toEqual({
      full_name: 'Кузнецова Анна Сергеевна',
      email: 'typed@example.ru',
      phone: '+7 916 555 01 23',
      city: 'Москва',
      source: 'hh',
    });
    expect(proposed).toEqual(['full_name', 'phone', 'city']);
  });

  it('leaves a field empty when the resume proposes nothing for it', () => {
    const { values, proposed } = fillContacts({ full_name: 'Typed Name' }, { fullName: 'Other', email: null, phone: null, city: null });
    expect(values).toEqual({ full_name: 'Typed Name' });
    expect(proposed).toEqual([]);
  });
});

describe('proposeContacts: cities written alone, names with diacritics', () => {
  it.each([
    ['Николаев Павел\nМенеджер по работе с ключевыми клиентами\nКазань\n\nОпыт работы', 'Казань'],
    ['Смирнова Ольга\nKAM | FMCG | Новосибирск\nolga@example.com', 'Новосибирск'],
    ['Иванов Сергей Николаевич\nВоронеж, 8 (900) 123-45-67', 'Воронеж'],
    ['Contact\n+7 900 000 45 67\nКазань\nНавыки\nКузнецов Артём Олегович', 'Казань'],
  ])('%#: a contact line that is a known city', (text, city) => {
    expect(proposeContacts(text).city).toBe(city);
  });

  it('reads a Latin name with diacritics, not a mixed-script line', () => {
    expect(proposeContacts('Chloé Martin\nKey Account Manager — FMCG\nExperience').fullName).toBe('Chloé Martin');
    expect(proposeContacts('Анна Smith\nExperience').fullName).toBeNull();
  });
});
