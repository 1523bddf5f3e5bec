import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/extract/detect.js';
import { detectKind, type Detected } from '../../../src/extract/index.js';
import { bytes, fixture, storedZip } from './helpers.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
const cp1251 = (s: string): Uint8Array => {
  // Inverts the decoder, like the fixture generator does.
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...s].map((c) => table.get(c) ?? 0x3f));
};

describe('detectKind: fixtures (names play no part)', () => {
  const table: Array<[string, Detected]> = [
    ['resume-ru.pdf', 'pdf'],
    ['resume-en.pdf', 'pdf'],
    ['resume-two-column.pdf', 'pdf'],
    ['scanned.pdf', 'pdf'],
    ['protected.pdf', 'pdf'],
    ['broken.pdf', 'pdf'],
    ['standard-font.pdf', 'pdf'],
    ['resume-ru.docx', 'docx'],
    ['resume-en.docx', 'docx'],
    ['blank.docx', 'docx'],
    // Still recognisably Word from the entry names it kept; opening it fails later as corrupt.
    ['broken.docx', 'docx'],
    ['resume-ru-cp1251.txt', 'txt'],
    ['resume-utf8-bom.txt', 'txt'],
    ['image-named.pdf', { unsupported: 'jpeg' }],
    ['old-word.doc', { unsupported: 'doc' }],
    ['empty.pdf', { unsupported: 'empty' }],
  ];
  it.each(table)('%s → %j', (name, expected) => {
    expect(detectKind(fixture(name))).toEqual(expected);
  });
});

describe('detectKind: magic bytes', () => {
  const table: Array<[string, Uint8Array, Detected]> = [
    ['PDF header', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'pdf'],
    ['PDF header after leading junk', bytes('\r\n\0\0junk', '%PDF-1.4\n'), 'pdf'],
    ['PDF header beyond the first KiB is not a PDF', bytes(zeros(2000), '%PDF-1.4'), { unsupported: 'binary' }],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], zeros(16)), { unsupported: 'png' }],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], zeros(16)), { unsupported: 'jpeg' }],
    ['GIF', bytes('GIF89a', zeros(16)), { unsupported: 'gif' }],
    ['TIFF little-endian', bytes('II*\0', zeros(16)), { unsupported: 'tiff' }],
    ['TIFF big-endian', bytes('MM\0*', zeros(16)), { unsupported: 'tiff' }],
    ['WebP', bytes('RIFF\x24\0\0\0WEBPVP8 ', zeros(16)), { unsupported: 'webp' }],
    ['BMP', bytes('BM\x36\x10\0\0\0\0\0\0\x36\0\0\0', zeros(16)), { unsupported: 'bmp' }],
    ['HEIC', bytes('\0\0\0\x18ftypheic', zeros(16)), { unsupported: 'heic' }],
    ['Windows executable', bytes('MZ\x90\0\x03\0\0\0', zeros(56)), { unsupported: 'exe' }],
    ['ELF', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], zeros(16)), { unsupported: 'elf' }],
    ['gzip', bytes([0x1f, 0x8b, 8, 0], zeros(16)), { unsupported: 'gzip' }],
    ['RAR', bytes('Rar!\x1a\x07\x01\0', zeros(8)), { unsupported: 'rar' }],
    ['7z', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], zeros(16)), { unsupported: '7z' }],
    ['zip with other files', storedZip({ 'photo.jpg': 'x', 'notes.txt': 'y' }), { unsupported: 'zip' }],
    ['empty zip', bytes('PK\x05\x06', zeros(18)), { unsupported: 'zip' }],
    ['DOCX (word/document.xml)', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'docx'],
    ['DOCX with a renamed main part', storedZip({ '[Content_Types].xml': '<Types/>', 'word/document2.xml': '<w:document/>' }), 'docx'],
    [
      'OOXML cut off before its word/ entries (broken DOCX)',
      bytes('PK\x03\x04', zeros(26), '[Content_Types].xml', [0x8d, 0x52, 0xc1]),
      'docx',
    ],
    [
      'complete OOXML package that is not Word',
      storedZip({ '[Content_Types].xml': '<Types/>', 'visio/document.xml': '<v/>' }),
      { unsupported: 'zip' },
    ],
    ['XLSX', storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), { unsupported: 'xlsx' }],
    ['PPTX', storedZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), { unsupported: 'pptx' }],
    ['ODT', storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), { unsupported: 'odt' }],
    ['OLE header only → old Word', bytes(OLE, zeros(504)), { unsupported: 'doc' }],
    ['OLE with WordDocument', bytes(OLE, zeros(1016), utf16('WordDocument')), { unsupported: 'doc' }],
    [
      'OLE with EncryptedPackage (password-protected DOCX)',
      bytes(OLE, zeros(1016), utf16('EncryptionInfo'), utf16('EncryptedPackage')),
      { unsupported: 'encrypted-office' },
    ],
    ['OLE with Workbook (old Excel)', bytes(OLE, zeros(1016), utf16('Workbook')), { unsupported: 'xls' }],

    ['HTML', bytes('\n  <!DOCTYPE html><html><body>CV</body></html>'), { unsupported: 'html' }],
    ['HTML with BOM', bytes([0xef, 0xbb, 0xbf], '<html><body>CV</body></html>'), { unsupported: 'html' }],
    ['XML', bytes('<?xml version="1.0"?><w:wordDocument/>'), { unsupported: 'xml' }],
    ['SVG', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), { unsupported: 'svg' }],
    ['binary with NULs', bytes([1, 2, 3, 0, 0, 7, 200, 14, 0]), { unsupported: 'binary' }],
    ['binary without NULs but full of control bytes', bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 200, 201]), { unsupported: 'binary' }],
  ];
  it.each(table)('%s', (_name, buf, expected) => {
    expect(detectKind(buf)).toEqual(expected);
  });
});

describe('detectKind: text', () => {
  const table: Array<[string, Uint8Array]> = [
    ['ASCII', bytes('Key Account Manager\n2019 - present\n')],
    ['UTF-8 Cyrillic', new Uint8Array(Buffer.from('Менеджер по работе с ключевыми клиентами\n', 'utf8'))],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], Buffer.from('Опыт работы', 'utf8'))],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], utf16('Опыт работы\r\n'))],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], utf16('Опыт работы\r\n').swap16())],
    ['Windows-1251', cp1251('Опыт работы — 9 лет\r\nМенеджер «Ёлка»\r\n')],
    ['text starting with "BM"', bytes('BMW Group Russia, Key Account Manager\n')],
    ['text starting with "MZ"', bytes('MZ Trading LLC\n')],
    ['a stray control character in a long text', bytes('x'.repeat(400), '\x07', 'y'.repeat(400))],
  ];
  it.each(table)('%s → txt', (_name, buf) => {
    expect(detectKind(buf)).toBe('txt');
  });
});

describe('decodeText', () => {
  it('decodes Windows-1251 Russian text', () => {
    const decoded = decodeText(cp1251('Ключевой клиент: «Магнит», № 1, ёлка'));
    expect(decoded).toEqual({ text: 'Ключевой клиент: «Магнит», № 1, ёлка', encoding: 'windows-1251' });
  });

  it('keeps UTF-8 when it is valid, even with Cyrillic', () => {
    expect(decodeText(new Uint8Array(Buffer.from('Ключевой клиент', 'utf8')))?.encoding).toBe('utf-8');
  });

  it('decodes isolated accented Latin letters as Windows-1252, not as stray Cyrillic', () => {
    // "Café Brands, Zoë" in Windows-1252: é = 0xE9, ë = 0xEB.
    const decoded = decodeText(bytes('Caf\xe9 Brands, Zo\xeb \x96 Key Account Manager'));
    expect(decoded).toEqual({ text: 'Café Brands, Zoë – Key Account Manager', encoding: 'windows-1252' });
  });

  it('treats NUL bytes without a BOM as binary', () => {
    expect(decodeText(utf16('Опыт работы'))).toBeNull();
  });
});
