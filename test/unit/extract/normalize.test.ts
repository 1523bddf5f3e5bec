import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/extract/index.js';

describe('normalizeText', () => {
  const table: Array<[string, string, string]> = [
    ['CRLF and lone CR become LF', 'a\r\nb\rc\n', 'a\nb\nc'],
    ['Unicode line/paragraph separators, form feed and VT become LF', 'a\u2028b\u2029c\fd\ve', 'a\nb\nc\nd\ne'],
    ['NBSP and narrow NBSP become spaces', '220\u00a0000\u202f₽', '220 000 ₽'],
    ['thin, figure, em and ideographic spaces become spaces', 'a\u2009b\u2007c\u2003d\u3000e', 'a b c d e'],
    ['soft hyphen removed', 'пере\u00adговоры', 'переговоры'],
    ['zero-width characters and BOM removed', '\ufeffKey\u200b Ac\u200dcount\u2060 Man\u200cager', 'Key Account Manager'],
    ['bidi marks removed', '\u200eKAM\u200f', 'KAM'],
    ['ligatures expanded', '\ufb01nance \ufb02ow o\ufb03ce e\ufb00ort ba\ufb04e', 'finance flow office effort baffle'],
    ['non-breaking hyphen becomes a hyphen', 'Coca\u2011Cola', 'Coca-Cola'],
    ['dashes and quotes are content and stay', 'Март 2019 — «наст.» – “now”', 'Март 2019 — «наст.» – “now”'],
    ['runs of spaces and tabs collapse to one space', 'Key \t  Account\t\tManager', 'Key Account Manager'],
    ['each line is trimmed, line breaks kept', '  Опыт работы  \n\t Март 2019 \n', 'Опыт работы\nМарт 2019'],
    ['lines holding only spaces count as blank', 'a\n   \n \t \n\nb', 'a\n\nb'],
    ['3+ blank lines collapse to one', 'a\n\n\n\n\nb', 'a\n\nb'],
    ['a single blank line stays', 'a\n\nb', 'a\n\nb'],
    ['a single line break stays', 'a\nb', 'a\nb'],
    ['whole text trimmed', '\n\n  Резюме \n\n', 'Резюме'],
    ['decomposed й/ё composed (NFC)', 'Андреи\u0306 Фе\u0308доров', 'Андрей Фёдоров'],
    ['control characters dropped, NEL is a line break', 'a\u0000b\u0007c\u001bd\u0085e\u0098f', 'abcd\nef'],
    ['empty and whitespace-only input give an empty string', ' \u00a0\r\n\t\u200b ', ''],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const messy = '\ufeff  Соколова\u00a0Мария \r\n\r\n\r\n\r\nМарт 2019 —\tпо настоящее время\u00ad\n\ufb01nance  ';
    const once = normalizeText(messy);
    expect(normalizeText(once)).toBe(once);
  });
});
