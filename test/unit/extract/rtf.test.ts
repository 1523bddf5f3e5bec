import { describe, expect, it } from 'vitest';
import { detectKind, ExtractError, extractText } from '../../../src/extract/index.js';
import { decodeCodepage, extractRtf, MAX_RTF_GROUP_DEPTH } from '../../../src/extract/rtf.js';
import { normalizeText } from '../../../src/extract/normalize.js';
import { EN_RESUME, expectedText, HH_RESUME, rtfDocument, type RtfEncoding } from '../../fixtures/files/rtf-writer.js';
import { extractFailure, fixture, lineIndex } from './helpers.js';

const rtfBytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('RTF: text as MS Word and hh.ru write it', () => {
  const encodings: RtfEncoding[] = ['ansi', 'unicode', 'unicode-ansi-fallback'];
  for (const encoding of encodings) {
    it(`reads Cyrillic, tables and line breaks (${encoding})`, async () => {
      const doc = { encoding, blocks: HH_RESUME, infoAuthor: 'Секретный Автор', email: 'anna.kuznetsova@example.ru' };
      const r = await extractText(rtfBytes(rtfDocument(doc)), 'Кузнецова.rtf');
      expect(r).toMatchObject({ kind: 'rtf', mime: 'application/rtf', pages: null });
      // Every paragraph, line break and table cell is a line of its own, letters neither lost nor doubled.
      expect(r.text).toBe(normalizeText(expectedText(doc)));
      const lines = r.text.split('\n');
      // The period cell and the company/title cell never run together.
      expect(lines[lineIndex(r.text, '7 лет 2 месяца') + 1]).toBe('ООО «Северное молоко — Дистрибуция»');
      expect(r.text).toContain('Ключевой менеджер по работе с сетевыми клиентами');
      // Characters outside windows-1251 come through \uN escapes.
      expect(r.text).toContain('naïve café');
      // Document info, pictures and field instructions are not text.
      expect(r.text).not.toMatch(/Секретный|89504e47|HYPERLINK|mailto:|Fixture writer|Arial|Normal/);
    });
  }

  it('reads an English resume in the same layout', async () => {
    const doc = { encoding: 'unicode' as const, blocks: EN_RESUME };
    const r = await extractText(rtfBytes(rtfDocument(doc)), 'cv.rtf');
    expect(r.text).toBe(normalizeText(expectedText(doc)));
    expect(r.text).toContain('Sainsbury’s');
  });

  it('reads the committed fixtures', async () => {
    const ru = await extractText(fixture('resume-ru.rtf'), 'resume-ru.rtf');
    expect(ru.text.split('\n')[0]).toBe('Кузнецова Анна Сергеевна');
    lineIndex(ru.text, 'Март 2019 — настоящее время');
    const word = await extractText(fixture('resume-ru-word.rtf'), 'resume.rtf');
    expect(word.text).toBe(ru.text);
    const en = await extractText(fixture('resume-en.rtf'), 'resume-en.rtf');
    lineIndex(en.text, 'National Account Manager');
  });

  it('follows \\uc, surrogate pairs, \\bin data, symbols and a font charset without \\ansicpg', () => {
    // \uc2: two fallback characters (bytes) follow each \uN and are skipped.
    expect(extractRtf(rtfBytes("{\\rtf1\\ansi\\uc2 \\u1055\\'cf\\'cf\\u1088 xy z}"))).toBe('Пр z');
    expect(extractRtf(rtfBytes('{\\rtf1\\ansi \\u-10179?\\u-8704?!}'))).toBe('😀!');
    expect(extractRtf(rtfBytes('{\\rtf1\\ansi a{\\*\\unknowndest hidden}b\\bin4 \u0000\u0001{}c\\emdash d}'))).toBe('abc—d');
    expect(extractRtf(rtfBytes("{\\rtf1\\ansi{\\fonttbl{\\f0\\fcharset204 Arial;}}\\f0 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2}"))).toBe('Привет');
  });

  it('decodes the code pages RTF names, falling back to windows-1252', () => {
    expect(decodeCodepage(Buffer.from([0xcf, 0xf0]), 'cp1251')).toBe('Пр');
    expect(decodeCodepage(Buffer.from([0x8f, 0xe0]), 'cp866')).toBe('Пр');
    expect(decodeCodepage(Buffer.from([0xf0, 0xd2]), 'cp20866')).toBe('Пр');
    expect(decodeCodepage(Buffer.from([0x93, 0x80]), 'cp1252')).toBe('“€');
    expect(decodeCodepage(Buffer.from([0x93]), 'cp99999')).toBe('“');
  });
});

describe('RTF: detection by content', () => {
  it('is RTF by its signature, whatever the name; a BOM or blank lines before it are tolerated', async () => {
    expect(detectKind(rtfBytes('{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(detectKind(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('\r\n{\\rtf1 hi}')]))).toBe('rtf');
    expect((await extractText(rtfBytes('{\\rtf1\\ansi Resume text}'), 'resume.pdf')).kind).toBe('rtf');
    // The text "{\rtf" in the middle of a text file is just text.
    expect(detectKind(rtfBytes('Notes about {\\rtf1} files'))).toBe('txt');
  });

  it('a picture named .rtf is a type mismatch, not a crash', async () => {
    const e = await extractFailure(extractText(fixture('image-named.pdf'), 'resume.rtf'), 'type_mismatch');
    expect(e.detail).toBe('jpeg');
  });
});

describe('RTF: malformed and hostile files', () => {
  it('a document without text is empty', async () => {
    await extractFailure(extractText(rtfBytes('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par\\par}'), 'a.rtf'), 'empty');
  });

  it('a truncated document keeps the text read so far', async () => {
    const full = rtfDocument({ encoding: 'unicode', blocks: HH_RESUME });
    const r = await extractText(rtfBytes(full.slice(0, Math.floor(full.length * 0.6))), 'cut.rtf');
    expect(r.text.split('\n')[0]).toBe('Кузнецова Анна Сергеевна');
  });

  it('bytes after the signature that are not RTF are reported as corrupt', async () => {
    await extractFailure(extractText(rtfBytes('{\\rtf9 junk'), 'a.rtf'), 'corrupt');
    await extractFailure(extractText(rtfBytes('{\\rtf1\\mac \\pard text}'), 'a.rtf'), 'corrupt');
  });

  it('groups nested without end are refused quickly', async () => {
    const deep = `{\\rtf1 ${'{'.repeat(2_000_000)}x`;
    const t0 = performance.now();
    const e = await extractFailure(extractText(rtfBytes(deep), 'deep.rtf'), 'corrupt');
    expect(e.message).toContain(String(MAX_RTF_GROUP_DEPTH));
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a \\bin that claims more bytes than the file has, a huge \\uc and random bytes do not crash or hang', async () => {
    const cases = [
      '{\\rtf1\\ansi a\\bin2147483647 b}',
      '{\\rtf1\\ansi\\uc2147483647 \\u1055 abc} tail',
      `{\\rtf1\\ansi ${'\\u-32768?'.repeat(100_000)}}`,
      `{\\rtf1\\ansi \\'zz\\'\\u\\ \\-\\${'x'.repeat(70_000)} ok}`,
    ];
    let seed = 7;
    const random = Buffer.alloc(200_000);
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const inputs = [...cases.map(rtfBytes), new Uint8Array(Buffer.concat([Buffer.from('{\\rtf1\\ansi '), random]))];
    for (const input of inputs) {
      const t0 = performance.now();
      const outcome = await extractText(input, 'x.rtf').then(
        (r) => r.kind,
        (e: unknown) => (e instanceof ExtractError ? e.code : `not an ExtractError: ${String(e)}`),
      );
      expect(['rtf', 'empty', 'corrupt', 'too_complex']).toContain(outcome);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });

  it('the time budget ends a conversion with too_complex, the text budget with too_large', () => {
    const big = rtfBytes(`{\\rtf1\\ansi ${'Менеджер по продажам\\par '.repeat(20_000)}}`);
    expect(() => extractRtf(big, { maxChars: 1000 })).toThrowError(expect.objectContaining({ code: 'too_large' }) as Error);
    expect(() => extractRtf(big, { timeBudgetMs: -1 })).toThrowError(expect.objectContaining({ code: 'too_complex' }) as Error);
  });

  it('a resume with 600 KB of text and a 4 MB photo converts within the time budget', () => {
    const para = `\\pard ${'\\u1052?\\u1077?\\u1085?\\u1077?\\u1076?\\u1078?\\u1077?\\u1088? sales '.repeat(20)}\\par\r\n`;
    const photo = `{\\*\\shppict{\\pict\\jpegblip ${'ffd8ffe000104a464946'.repeat(200_000)}}}`;
    const big = rtfBytes(`{\\rtf1\\ansi\\ansicpg1251 ${photo}${para.repeat(Math.floor(600_000 / para.length))}}`);
    const text = extractRtf(big);
    expect(text.startsWith('Менеджер sales')).toBe(true);
    expect(text).not.toContain('ffd8');
  });
});
