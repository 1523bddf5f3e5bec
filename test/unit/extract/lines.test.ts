import { describe, expect, it } from 'vitest';
import { docxHtmlToText } from '../../../src/extract/docx.js';
import { joinHyphenatedLines, pageText, type ContentItem } from '../../../src/extract/pdf.js';

/** A pdf.js text item at baseline y with font size 10. */
const item = (str: string, y: number, hasEOL = false, x = 72): ContentItem => ({
  str,
  dir: 'ltr',
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  fontName: 'g_d0_f1',
  hasEOL,
});

describe('PDF page text', () => {
  it('follows hasEOL', () => {
    expect(pageText([item('Март 2019 — по настоящее время', 700, true), item('Менеджер', 686)])).toBe(
      'Март 2019 — по настоящее время\nМенеджер',
    );
  });

  it('breaks lines on a baseline change when hasEOL is missing', () => {
    const items = [
      item('Март 2019 —', 700),
      item(' по настоящее время', 700, false, 140),
      item('Менеджер по работе с ключевыми клиентами', 686),
    ];
    expect(pageText(items)).toBe('Март 2019 — по настоящее время\nМенеджер по работе с ключевыми клиентами');
  });

  it('keeps sub/superscripts and small baseline shifts on the line', () => {
    expect(pageText([item('Рост 18', 700), item('%', 702, false, 110), item(' за год', 700, false, 115)])).toBe('Рост 18% за год');
  });

  it('ignores marked-content items and adds no break for empty items', () => {
    const items: ContentItem[] = [{ type: 'beginMarkedContent', id: '' }, item('A', 700), item('', 500), item('B', 700, false, 80)];
    expect(pageText(items)).toBe('AB');
  });
});

describe('joinHyphenatedLines', () => {
  const table: Array<[string, string, string]> = [
    ['drops the hyphen of a word split at a line end', 'Ежегодные перего-\nворы с сетями', 'Ежегодные переговоры с сетями'],
    ['works with the Unicode hyphen and English', 'nego\u2010\ntiations', 'negotiations'],
    ['drops a visible soft hyphen', 'пере\u00ad\nговоры', 'переговоры'],
    [
      'keeps a hyphen spelled that way elsewhere in the text',
      'бюджет трейд-\nмаркетинга; трейд-маркетинг',
      'бюджет трейд-маркетинга; трейд-маркетинг',
    ],
    [
      'keeps the hyphen inside URLs and codes but rejoins',
      'linkedin.com/in/daniel-whitmore-\nexample',
      'linkedin.com/in/daniel-whitmore-example',
    ],
    ['leaves a next line starting upper-case alone', 'Санкт-\nПетербург', 'Санкт-\nПетербург'],
    ['leaves a dash after a space alone (a list or range)', 'Навыки -\nпереговоры', 'Навыки -\nпереговоры'],
    ['leaves digits before the hyphen alone', '2019-\nнастоящее время', '2019-\nнастоящее время'],
    ['chains over several lines', 'дис-\nтри-\nбуция', 'дистрибуция'],
    ['keeps the rest of the next line', 'a Ver-\nhandlungen  b\nc', 'a Verhandlungen  b\nc'],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(joinHyphenatedLines(input)).toBe(expected);
  });
});

describe('DOCX HTML flattening', () => {
  const table: Array<[string, string, string]> = [
    ['paragraphs become lines', '<p>a</p><p>b</p>', '\na\nb\n'],
    ['<br /> becomes a line break', '<p>+7 900<br />mail@example.ru</p>', '\n+7 900\nmail@example.ru\n'],
    ['an empty paragraph becomes a blank line', '<p>a</p><p></p><p>b</p>', '\na\n\nb\n'],
    [
      'table cells become lines',
      '<table><tr><td><p>Март 2019</p></td><td><p><strong>KAM</strong></p><p>ООО</p></td></tr></table>',
      '\nМарт 2019\nKAM\nООО\n',
    ],
    ['nested list items do not glue', '<ul><li>a<ul><li>b</li></ul></li></ul>', '\na\nb\n'],
    ['entities decoded once', '<p>R&amp;D &lt;KAM&gt; &quot;x&quot; &amp;lt; &#1046; &#x416;</p>', '\nR&D <KAM> "x" &lt; Ж Ж\n'],
    [
      'footnote back-links dropped',
      '<p>a<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p>Note <a href="#footnote-ref-1">↑</a></p></li></ol>',
      '\na[1]\nNote \n',
    ],
  ];
  it.each(table)('%s', (_name, html, expected) => {
    expect(docxHtmlToText(html)).toBe(expected);
  });
});
