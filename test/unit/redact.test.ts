import { describe, expect, it } from 'vitest';
import { redact, type Identity } from '../../src/domain/redact.js';

// All people, companies, phones and addresses below are made up.
const M = '█████';
const anna: Identity = { fullName: 'Петрова Анна Сергеевна', email: 'anna.petrova@example.ru', phone: '8 916 555-12-34' };

describe('redact: a Russian commercial proposal', () => {
  const proposal = [
    'Коммерческое предложение для ООО «Северная Молочная Компания»',
    '',
    'Уважаемый Игорь Николаевич!',
    'Предлагаем поставку 12 SKU в 340 торговых точек сети. Бюджет пилота — 1 500 000 руб.,',
    'срок — до 15.03.2025 12:00. Реквизиты: ИНН 7701234567, р/с 40702810900000012345.',
    'Максимум выгоды даёт версия тарифа «Партнёр». Аннапурна — название нашего склада.',
    '',
    'С уважением, Петрова Анна Сергеевна, +7 (916) 555-12-34, anna.petrova@example.ru',
  ].join('\n');

  it('masks the signature and keeps everything else byte-identical', () => {
    const expected = [
      'Коммерческое предложение для ООО «Северная Молочная Компания»',
      '',
      'Уважаемый Игорь Николаевич!',
      'Предлагаем поставку 12 SKU в 340 торговых точек сети. Бюджет пилота — 1 500 000 руб.,',
      'срок — до 15.03.2025 12:00. Реквизиты: ИНН 7701234567, р/с 40702810900000012345.',
      'Максимум выгоды даёт версия тарифа «Партнёр». Аннапурна — название нашего склада.',
      '',
      `С уважением, ${M} ${M} ${M}, ${M}, ${M}`,
    ].join('\n');
    expect(redact(proposal, anna)).toBe(expected);
  });

  it('masks Russian case forms of every name part, case-insensitively and with ё = е', () => {
    const text = 'Петровой, Петрову, Петровым, ПЕТРОВА, Анны, Анне, Анну, Анной, Сергеевны, Сергеевне, Сергеевной.';
    expect(redact(text, anna)).toBe(`${Array(11).fill(M).join(', ')}.`);
    const ivanov: Identity = { fullName: 'Иванов Пётр Семёнович' };
    expect(redact('Иванова, Иванову, Ивановым, Ивановой; Петра, Пётру, Петром; Семеновича, Семёновичем', ivanov)).toBe(
      `${M}, ${M}, ${M}, ${M}; ${M}, ${M}, ${M}; ${M}, ${M}`,
    );
  });

  it('masks initials written next to the surname', () => {
    expect(redact('Исполнитель: Петрова А.С. Согласовано: А. С. Петрова.', anna)).toBe(`Исполнитель: ${M} Согласовано: ${M}.`);
    // Someone else's initials next to a matching surname stay.
    expect(redact('Петров И.И.', anna)).toBe(`${M} И.И.`);
  });

  it('does not mask longer words that merely start like a name', () => {
    const text = 'Аннапурна, аннулировать, ИНН, Анналы, Петроград, Петровский парк, Сергеевка';
    expect(redact(text, anna)).toBe(text);
    const vera: Identity = { fullName: 'Вера Максимова' };
    expect(redact('Версия, верный выбор, максимум, максимальный', vera)).toBe('Версия, верный выбор, максимум, максимальный');
    expect(redact('Веры, Вере, Максимовой', vera)).toBe(`${M}, ${M}, ${M}`);
  });

  it('masks the masculine form of a feminine surname (Петрова → Петров)', () => {
    expect(redact('Петров и Петровы', anna)).toBe(`${M} и ${M}`);
  });

  it('masks Latin transliterations of a Cyrillic name', () => {
    const text = 'Anna Petrova, PETROVA ANNA, Petrov’s team, Sergeevna, AnnaPetrova, anna_petrova, Ann';
    expect(redact(text, anna)).toBe(`${M} ${M}, ${M} ${M}, ${M}’s team, ${M}, ${M}, ${M}_${M}, Ann`);
    const yulia: Identity = { fullName: 'Щукина Юлия Дмитриевна' };
    expect(redact('Yulia, Yuliya, Iuliia, Julia Shchukina, Schukina; Юлии, Юлией, Щукиной', yulia)).toBe(
      `${M}, ${M}, ${M}, ${M} ${M}, ${M}; ${M}, ${M}, ${M}`,
    );
    expect(redact('Dmitry Dmitriy Dmitrii Aleksandr Alexandr', { fullName: 'Дмитрий Александр' })).toBe(`${M} ${M} ${M} ${M} ${M}`);
    expect(redact('Semin, Syomin, Семина', { fullName: 'Сёмин' })).toBe(`${M}, ${M}, ${M}`);
    expect(redact('Dostoevsky, Dostoevskiy, Dostoevskaya, Достоевской', { fullName: 'Достоевский' })).toBe(`${M}, ${M}, ${M}, ${M}`);
    // Russian case endings are not applied in Latin, where they would make English words.
    expect(redact('Vera Lineva: a very fine line, all in all', { fullName: 'Вера Лина Алла' })).toBe(
      `${M} Lineva: a very fine line, all in all`,
    );
    // Short names: the two-letter stem only takes case endings.
    expect(redact('Яна, Яны, Яне, Яной, Yana; январь, янтарь, Ян', { fullName: 'Яна' })).toBe(
      `${M}, ${M}, ${M}, ${M}, ${M}; январь, янтарь, Ян`,
    );
  });

  it('masks a Latin-typed Russian name in Cyrillic text too', () => {
    expect(redact('Анна Петрова, Анне Петровой, Anna Petrova, Ivanova', { fullName: 'Anna Petrova' })).toBe(
      `${M} ${M}, ${M} ${M}, ${M} ${M}, Ivanova`,
    );
    // Passport (ICAO) spelling.
    expect(redact('Марии, Мария', { fullName: 'Mariia' })).toBe(`${M}, ${M}`);
  });

  it('ignores name parts shorter than 3 letters', () => {
    expect(redact('Ли Мин и Ли', { fullName: 'Ли Мин' })).toBe(`Ли ${M} и Ли`);
  });
});

describe('redact: short forms and fleeting vowels of first names', () => {
  it('masks the everyday short forms of the first name, in case forms and Latin', () => {
    const text = 'Привет, это Аня! Ане можно писать в Telegram, спросите Анюту или Нюру. Anya, Anyas.';
    expect(redact(text, anna)).toBe(`Привет, это ${M}! ${M} можно писать в Telegram, спросите ${M} или ${M}. ${M}, ${M}.`);
    const sasha: Identity = { fullName: 'Alexander Volkov' };
    expect(redact('Саша Волков, для Саши; Sasha', sasha)).toBe(`${M} ${M}, для ${M}; ${M}`);
  });

  it('leaves words alone that only look like a short form, and short forms of other names', () => {
    const text = 'Анализ, ананас, Ангара; Маша, Катя и Дима из отдела закупок; Annual plan';
    expect(redact(text, anna)).toBe(text);
  });

  it('masks names with a fleeting vowel in their case forms (Павел → Павла, Лев → Льва)', () => {
    const pavel: Identity = { fullName: 'Павел Орлов' };
    expect(redact('Павел, Павла, Павлу, Павлом, Павле; Паша, Паши', pavel)).toBe(`${M}, ${M}, ${M}, ${M}, ${M}; ${M}, ${M}`);
    const lev: Identity = { fullName: 'Лев Андреевич Котов' };
    expect(redact('Лев, Льва, Льву, Львом', lev)).toBe(`${M}, ${M}, ${M}, ${M}`);
    // The stems left by dropping the vowel are not words: «павлин», «львиный» stay.
    expect(redact('павлин, львиный, Павловский', pavel)).toBe('павлин, львиный, Павловский');
  });
});

describe('redact: e-mail, phones and profile links', () => {
  it('masks every e-mail address, not only the candidate’s', () => {
    expect(redact('Пишите: sales@partner.com или Anna.Petrova@Example.RU; копия — офис@компания.рф.', anna)).toBe(
      `Пишите: ${M} или ${M}; копия — ${M}.`,
    );
    // The candidate's own address is masked even when it would not pass as an e-mail.
    expect(redact('contact: anna@localhost', { fullName: 'X', email: 'anna@localhost' })).toBe(`contact: ${M}`);
  });

  it('masks the candidate’s phone in any formatting (8 ≡ +7)', () => {
    for (const phone of [
      '+7 (916) 555-12-34',
      '8 916 555 12 34',
      '8-916-555-12-34',
      '89165551234',
      '+79165551234',
      '9165551234',
      '916.555.12.34',
    ]) {
      expect(redact(`тел. ${phone}.`, anna), phone).toBe(`тел. ${M}.`);
    }
  });

  it('masks other phone-like numbers of 10–12 digits', () => {
    expect(redact('Офис: 8 (495) 123-45-67, моб. +7 903 111 22 33, +44 20 7946 0958, 8-800-555-35-35', anna)).toBe(
      `Офис: ${M}, моб. ${M}, ${M}, ${M}`,
    );
  });

  it('leaves money, dates, years, codes and account numbers alone', () => {
    const text = [
      'Бюджет 1 500 000 000 руб. и 2.500.000.000 тенге',
      'Встреча 15.01.2024 12:30, затем 2024-01-15 10:00',
      'Годы 2019 2020 2021',
      'ИНН 7701234567, ИНН ИП 770123456789, КПП 770101001, ОГРН 1027700132195',
      'р/с 40702810900000012345, артикул 123-456',
    ].join('\n');
    expect(redact(text, anna)).toBe(text);
  });

  it('masks profile links, keeping sentence punctuation', () => {
    const text =
      'Профили: linkedin.com/in/anna-p-123, https://www.linkedin.com/in/someone/, https://t.me/a_p_2024. ' +
      'Ещё t.me/joinchat/AbC и vk.com/id123456; сайт example.com/in/x и what.me/x не трогаем.';
    expect(redact(text, { fullName: 'Никто' })).toBe(
      `Профили: ${M}, ${M}, ${M}. Ещё ${M} и ${M}; сайт example.com/in/x и what.me/x не трогаем.`,
    );
  });
});

describe('redact: an English cover letter', () => {
  it('masks name, e-mail, phone and LinkedIn', () => {
    const who: Identity = { fullName: 'John Smith', email: 'j.smith@example.com', phone: '+1 (415) 555-0134' };
    const text = [
      'Dear hiring team,',
      'I grew annual revenue of our top-10 accounts by 35% (from $1,200,000 to $1,620,000).',
      "Smith's approach: quarterly business reviews, a joint plan with each account.",
      'Best regards,',
      'John Smith | J.Smith@example.com | +1 (415) 555-0134 | linkedin.com/in/johnsmith',
    ].join('\n');
    expect(redact(text, who)).toBe(
      [
        'Dear hiring team,',
        'I grew annual revenue of our top-10 accounts by 35% (from $1,200,000 to $1,620,000).',
        `${M}'s approach: quarterly business reviews, a joint plan with each account.`,
        'Best regards,',
        `${M} ${M} | ${M} | ${M} | ${M}`,
      ].join('\n'),
    );
  });
});

describe('redact: mechanics', () => {
  it('returns the text unchanged (same string) when there is nothing to mask', () => {
    const text = 'Ничего личного.\r\n\tNothing personal — «ёлки», 😀, é\u0301.';
    expect(redact(text, anna)).toBe(text);
    expect(redact('', anna)).toBe('');
  });

  it('uses a custom mask and never re-matches inside it', () => {
    expect(redact('Анна Петрова', anna, '[Анна]')).toBe('[Анна] [Анна]');
    expect(redact('anna.petrova@example.ru', anna, '[скрыто]')).toBe('[скрыто]');
  });

  it('merges overlapping findings into one mask', () => {
    // The e-mail contains both name parts; the link contains the surname.
    expect(redact('anna.petrova@example.ru t.me/petrova', anna)).toBe(`${M} ${M}`);
  });

  it('handles a decomposed й and a soft hyphen inside a name', () => {
    const who: Identity = { fullName: 'Сергей Гайдай' };
    expect(redact('Гаи\u0306даю и Сер\u00adгею', who)).toBe(`${M} и ${M}`);
  });

  it('stays fast on long texts without spaces', () => {
    const text = `${'a'.repeat(200_000)} ${'1'.repeat(200_000)} ${'1 '.repeat(100_000)}`;
    const started = Date.now();
    expect(redact(text, anna)).toBe(text);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
