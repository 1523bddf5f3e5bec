import { describe, expect, it } from 'vitest';
import { ExtractError, MAX_FILE_BYTES, extractText } from '../../../src/extract/index.js';
import { bytes, extractFailure, fixture, lineIndex, storedZip } from './helpers.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Things normalization guarantees for every successful result. */
function expectNormalized(text: string): void {
  expect(text).not.toMatch(/\r|\u00a0|\u00ad|\u200b|\ufeff|[\ufb00-\ufb06]|\t| {2}|\n{3}/);
  expect(text).toBe(text.trim());
  for (const line of text.split('\n')) expect(line).toBe(line.trim());
}

function expectNextLine(text: string, line: string, next: string): void {
  const lines = text.split('\n');
  expect(lines[lineIndex(text, line) + 1]).toBe(next);
}

describe('extractText: PDF', () => {
  it('resume-ru.pdf: Cyrillic text, the period and the job title on separate lines, 2 pages', async () => {
    const r = await extractText(fixture('resume-ru.pdf'), 'resume-ru.pdf');
    expect(r).toMatchObject({ kind: 'pdf', mime: 'application/pdf', pages: 2 });
    expectNormalized(r.text);
    expect(r.text.split('\n')[0]).toBe('Соколова Мария Игоревна');
    expectNextLine(r.text, 'Март 2019 — по настоящее время', 'Менеджер по работе с ключевыми клиентами');
    expectNextLine(r.text, 'Июнь 2016 — Февраль 2019', 'Региональный менеджер по продажам');
    expectNextLine(r.text, 'Май 2015 — Май 2016', 'Торговый представитель');
    // NBSPs of the salary became plain spaces.
    lineIndex(r.text, '220 000 ₽ на руки');
    // A word hyphenated across lines is rejoined; a real compound keeps its hyphen.
    expect(r.text).toContain('Ежегодные переговоры по контрактам, согласование промо-календаря и бюджета трейд-маркетинга.');
    // Page 2 follows page 1.
    expect(lineIndex(r.text, 'Образование')).toBeGreaterThan(lineIndex(r.text, 'Торговый представитель'));
    lineIndex(r.text, 'Английский — B2 — Средне-продвинутый');
  });

  it('resume-en.pdf: LinkedIn-like order, ligatures expanded, a wrapped URL rejoined with its hyphen', async () => {
    const r = await extractText(fixture('resume-en.pdf'), 'Profile.pdf');
    expect(r).toMatchObject({ kind: 'pdf', pages: 1 });
    expectNormalized(r.text);
    expectNextLine(r.text, 'Key Account Manager', 'March 2019 - Present (5 years 9 months)');
    expectNextLine(r.text, 'Field Sales Representative', 'June 2016 - February 2019 (2 years 9 months)');
    expect(r.text).toContain('efficient');
    expect(r.text).toContain('profile');
    expect(r.text).toContain('London office.');
    expect(r.text).toContain('www.linkedin.com/in/daniel-whitmore-example');
    lineIndex(r.text, "Managed the national accounts Tesco and Sainsbury's with £24m annual turnover.");
  });

  it('resume-two-column.pdf: both columns come out, lines intact', async () => {
    const r = await extractText(fixture('resume-two-column.pdf'), 'cv.pdf');
    expect(r.pages).toBe(1);
    expectNormalized(r.text);
    lineIndex(r.text, 'Переговоры с сетями');
    lineIndex(r.text, 'Английский — B1');
    expectNextLine(r.text, 'Январь 2020 — по настоящее время', 'Ключевой менеджер по сетям');
    expectNextLine(r.text, 'Сентябрь 2017 — Декабрь 2019', 'Супервайзер отдела продаж');
  });

  it('standard-font.pdf: non-embedded Helvetica still yields text, one line per Td', async () => {
    const r = await extractText(fixture('standard-font.pdf'), 'old.pdf');
    expect(r.text).toBe(
      [
        'Jane Example',
        'Key Account Manager',
        'March 2019 - Present',
        'Acme Snacks Ltd, Leeds',
        'Grew national accounts by 12% in 2023.',
      ].join('\n'),
    );
  });

  it('restricted.pdf: an owner password alone (no user password) does not block reading', async () => {
    const r = await extractText(fixture('restricted.pdf'), 'restricted.pdf');
    lineIndex(r.text, 'Key Account Manager');
  });

  it('scanned.pdf: a page that is only an image → no_text_layer', async () => {
    await extractFailure(extractText(fixture('scanned.pdf'), 'scan.pdf'), 'no_text_layer');
  });

  it('protected.pdf: a user password → encrypted', async () => {
    const err = await extractFailure(extractText(fixture('protected.pdf'), 'protected.pdf'), 'encrypted');
    expect(err.detail).toBe('pdf');
  });

  it('broken.pdf: a header followed by garbage → corrupt', async () => {
    await extractFailure(extractText(fixture('broken.pdf'), 'broken.pdf'), 'corrupt');
  });

  it('empty.pdf: zero bytes → empty', async () => {
    await extractFailure(extractText(fixture('empty.pdf'), 'empty.pdf'), 'empty');
  });

  it('does not detach or change the caller’s buffer, so the file can still be stored', async () => {
    const buf = fixture('resume-en.pdf');
    const copy = buf.slice();
    const first = await extractText(buf, 'a.pdf');
    expect(buf.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(buf, copy)).toBe(0);
    expect((await extractText(buf, 'a.pdf')).text).toBe(first.text);
  });

  it('reads a view into a larger buffer (Node Buffers from a pool are such views)', async () => {
    const pdf = fixture('resume-en.pdf');
    const host = new Uint8Array(pdf.length + 100);
    host.set(pdf, 37);
    const r = await extractText(host.subarray(37, 37 + pdf.length), 'a.pdf');
    lineIndex(r.text, 'Key Account Manager');
  });

  it('handles concurrent extractions independently', async () => {
    const names = ['resume-ru.pdf', 'resume-en.pdf', 'resume-two-column.pdf', 'resume-ru.pdf'];
    const results = await Promise.all(names.map((n) => extractText(fixture(n), n)));
    expect(results.map((r) => r.pages)).toEqual([2, 1, 1, 2]);
    expect(results[0]?.text).toBe(results[3]?.text);
  });
});

describe('extractText: DOCX', () => {
  it('resume-ru.docx: table cells and manual line breaks become lines', async () => {
    const r = await extractText(fixture('resume-ru.docx'), 'resume-ru.docx');
    expect(r).toMatchObject({ kind: 'docx', mime: DOCX_MIME, pages: null });
    expectNormalized(r.text);
    // <w:br/> inside one paragraph.
    expectNextLine(r.text, '+7 (900) 000-12-34', 'm.sokolova@example.ru — предпочитаемый способ связи');
    expectNextLine(r.text, 'Март 2019 — по настоящее время', 'Менеджер по работе с ключевыми клиентами');
    expectNextLine(r.text, 'Июнь 2016 — Февраль 2019', 'Региональный менеджер по продажам');
    lineIndex(r.text, '220 000 ₽ на руки');
    lineIndex(r.text, 'Ежегодные переговоры с сетями X5 Group и «Магнит».');
    lineIndex(r.text, 'Английский B2 — Средне-продвинутый');
    // Three empty paragraphs leave one blank line.
    expect(r.text).toContain('Проживает: Москва\n\nЖелаемая должность и зарплата');
  });

  it('resume-en.docx: curly quotes kept, non-breaking hyphen becomes a hyphen', async () => {
    const r = await extractText(fixture('resume-en.docx'), 'resume-en.docx');
    expectNormalized(r.text);
    expectNextLine(r.text, 'Key Account Manager', 'March 2019 - Present (5 years 9 months)');
    lineIndex(r.text, 'Managed the national accounts Tesco and Sainsbury’s with £24m annual turnover.');
    lineIndex(r.text, 'University of Westbridge-Business School, 2015');
  });

  it('blank.docx: only whitespace → empty', async () => {
    await extractFailure(extractText(fixture('blank.docx'), 'blank.docx'), 'empty');
  });

  it('broken.docx: a zip cut in half → corrupt', async () => {
    await extractFailure(extractText(fixture('broken.docx'), 'broken.docx'), 'corrupt');
  });

  it('a DOCX upload cut off early (only the first entry arrived) → corrupt, not "a zip"', async () => {
    const docx = fixture('resume-ru.docx');
    await extractFailure(extractText(docx.slice(0, 200), 'cv.docx'), 'corrupt');
  });

  it('an OOXML zip with Word parts but no main document → corrupt', async () => {
    const zip = storedZip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' });
    await extractFailure(extractText(zip, 'cv.docx'), 'corrupt');
  });

  it('a valid zip that is not a Word document → unsupported_type zip / type_mismatch', async () => {
    const zip = storedZip({ 'resume.txt': 'Key Account Manager' });
    expect((await extractFailure(extractText(zip, 'cv.zip'), 'unsupported_type')).detail).toBe('zip');
    expect((await extractFailure(extractText(zip, 'cv.docx'), 'type_mismatch')).detail).toBe('zip');
  });

  it('a document.xml without the package relationships still reads (mammoth falls back to word/document.xml)', async () => {
    const xml =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      '<w:p><w:r><w:t>Март 2019 — по настоящее время</w:t></w:r></w:p><w:p><w:r><w:t>KAM &amp; Co</w:t></w:r></w:p>' +
      '</w:body></w:document>';
    const r = await extractText(storedZip({ 'word/document.xml': xml }), 'cv.docx');
    expect(r.text).toBe('Март 2019 — по настоящее время\nKAM & Co');
  });
});

describe('extractText: plain text', () => {
  it('resume-ru-cp1251.txt: Windows-1251 with CRLF', async () => {
    const r = await extractText(fixture('resume-ru-cp1251.txt'), 'resume.txt');
    expect(r).toMatchObject({ kind: 'txt', mime: 'text/plain', pages: null });
    expectNormalized(r.text);
    expect(r.text.split('\n')[0]).toBe('Смирнов Алексей Викторович');
    expectNextLine(r.text, 'Февраль 2018 — по настоящее время', 'Менеджер по работе с ключевыми клиентами');
    lineIndex(r.text, 'ООО «Ёлка Дистрибуция», Екатеринбург');
    lineIndex(r.text, 'Высшее, диплом № 123456, 2012');
    // Four blank lines collapse to one.
    expect(r.text).toContain('115%.\n\nОбразование');
  });

  it('resume-utf8-bom.txt: BOM dropped, spaces and tabs collapsed', async () => {
    const r = await extractText(fixture('resume-utf8-bom.txt'), 'resume.txt');
    expect(r.text).toBe(
      'Chloé Martin\nKey Account Manager — FMCG\n\nExperience\nMarch 2019 – Present\nNational Account Manager, Café Brands Ltd',
    );
  });

  it('UTF-16 with BOM, both byte orders', async () => {
    const text = 'Менеджер по работе с ключевыми клиентами\r\nMarch 2019 – Present';
    const le = bytes([0xff, 0xfe], Buffer.from(text, 'utf16le'));
    const be = bytes([0xfe, 0xff], Buffer.from(text, 'utf16le').swap16());
    for (const buf of [le, be]) {
      expect((await extractText(buf, 'cv.txt')).text).toBe('Менеджер по работе с ключевыми клиентами\nMarch 2019 – Present');
    }
  });

  it('whitespace-only text → empty', async () => {
    await extractFailure(extractText(bytes(' \r\n\t\n  \u00a0'), 'cv.txt'), 'empty');
    await extractFailure(extractText(bytes([0xef, 0xbb, 0xbf], '\n\n'), 'cv.txt'), 'empty');
  });
});

describe('extractText: type checks by content', () => {
  it('image-named.pdf: a JPEG named .pdf → type_mismatch with what it really is', async () => {
    const err = await extractFailure(extractText(fixture('image-named.pdf'), 'image-named.pdf'), 'type_mismatch');
    expect(err.detail).toBe('jpeg');
  });

  it('the same JPEG under its own name → unsupported_type', async () => {
    const err = await extractFailure(extractText(fixture('image-named.pdf'), 'photo.JPG'), 'unsupported_type');
    expect(err.detail).toBe('jpeg');
  });

  it('old-word.doc → unsupported_type doc; renamed to .docx → type_mismatch doc', async () => {
    const doc = fixture('old-word.doc');
    expect((await extractFailure(extractText(doc, 'old-word.doc'), 'unsupported_type')).detail).toBe('doc');
    expect((await extractFailure(extractText(doc, 'C:\\CV\\resume.DOCX'), 'type_mismatch')).detail).toBe('doc');
  });

  it('an encrypted DOCX (OLE container with EncryptedPackage) → encrypted, whatever the name', async () => {
    const ole = bytes(
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      new Array<number>(504).fill(0),
      Buffer.from('EncryptedPackage', 'utf16le'),
    );
    await extractFailure(extractText(ole, 'cv.docx'), 'encrypted');
    await extractFailure(extractText(ole, 'cv'), 'encrypted');
  });

  it('a file without a supported extension → unsupported_type', async () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], new Array<number>(30).fill(0));
    for (const name of ['scan.png', 'scan', 'pdf', '.pdf.png']) {
      expect((await extractFailure(extractText(png, name), 'unsupported_type')).detail).toBe('png');
    }
    expect((await extractFailure(extractText(png, 'cv.txt'), 'type_mismatch')).detail).toBe('png');
  });

  it('a supported type is extracted by content even when the name says otherwise', async () => {
    expect((await extractText(fixture('resume-en.pdf'), 'resume.docx')).kind).toBe('pdf');
    expect((await extractText(fixture('resume-ru.docx'), 'resume.pdf')).kind).toBe('docx');
    expect((await extractText(fixture('resume-utf8-bom.txt'), 'resume.pdf')).kind).toBe('txt');
  });
});

describe('extractText: size limit', () => {
  it('is 10 MiB by default', () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('rejects a file over opts.maxBytes before parsing it', async () => {
    const pdf = fixture('resume-ru.pdf');
    await extractFailure(extractText(pdf, 'resume-ru.pdf', { maxBytes: pdf.length - 1 }), 'too_large');
    expect((await extractText(pdf, 'resume-ru.pdf', { maxBytes: pdf.length })).kind).toBe('pdf');
  });

  it('rejects a file over the default limit', async () => {
    await extractFailure(extractText(new Uint8Array(MAX_FILE_BYTES + 1), 'big.pdf'), 'too_large');
  });

  it('rejects a DOCX whose text parts declare a zip-bomb size', async () => {
    // Central directory entry for word/document.xml declaring 200 MiB unpacked, plus the end record.
    const name = Buffer.from('word/document.xml', 'latin1');
    const entry = Buffer.alloc(46 + name.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(200 * 1024 * 1024, 24);
    entry.writeUInt16LE(name.length, 28);
    name.copy(entry, 46);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(entry.length, 12);
    end.writeUInt32LE(local.length, 16);
    await extractFailure(extractText(bytes(local, entry, end), 'cv.docx'), 'too_complex');
  });
});

describe('extractText: damaged input never escapes as a non-ExtractError', () => {
  // Deterministic cuts and byte flips of every readable fixture.
  const sources = ['resume-en.pdf', 'resume-ru.pdf', 'resume-ru.docx', 'resume-ru-cp1251.txt', 'standard-font.pdf'];
  for (const name of sources) {
    it(name, async () => {
      const original = fixture(name);
      const variants: Uint8Array[] = [0.1, 0.5, 0.9].map((f) => original.slice(0, Math.floor(original.length * f)));
      let seed = 7;
      for (let v = 0; v < 3; v++) {
        const damaged = original.slice();
        for (let k = 0; k < 40; k++) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          const at = seed % damaged.length;
          damaged[at] = (damaged[at] ?? 0) ^ 0xa5;
        }
        variants.push(damaged);
      }
      for (const buf of variants) {
        const outcome = await extractText(buf, name).then(
          (r) => r.kind,
          (e: unknown) => (e instanceof ExtractError ? e.code : e),
        );
        expect(typeof outcome).toBe('string');
      }
    });
  }
});
