import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf.js';
import { detectOfficeKind, extractOfficeText, maskIdentityInFile, maskIdentityInXml, scrubMetadata } from '../../../src/extract/scrub.js';
import { extractFailure, fixture } from './helpers.js';

// Every person, company, path and address below is made up.
const NAME = 'Анна Петрова';
const LATIN_NAME = 'Anna Petrova';
// What must not survive a scrub anywhere in a package.
const LEAKS = ['Петров', 'Petrova', 'anna.petrova', 'apetrova', 'АП', 'Ромашка', 'Иван Иванов', 'Users', 'SharePoint'];

const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  x: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
};
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------------------------------------
// Fixture builders: minimal but complete OOXML packages, with every kind of authorship metadata.

function contentTypes(overrides: Record<string, string>): string {
  const items = Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${items}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
    '</Types>'
  );
}

function rels(items: [id: string, type: string, target: string, external?: boolean][]): string {
  const body = items
    .map(
      ([id, type, target, external]) =>
        `<Relationship Id="${id}" Type="${type}" Target="${target}"${external === true ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `${XML}<Relationships xmlns="${NS.rels}">${body}</Relationships>`;
}

function rootRels(mainType: string, mainTarget: string): string {
  return rels([
    ['rId1', mainType, mainTarget],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${NS.officeRel}/extended-properties`, 'docProps/app.xml'],
    ['rId4', `${NS.officeRel}/custom-properties`, 'docProps/custom.xml'],
  ]);
}

const CORE =
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<dc:title>КП Петровой</dc:title><dc:subject>Тестовое задание Петровой</dc:subject>' +
  `<dc:creator>${NAME}</dc:creator><cp:keywords>Петрова, КП</cp:keywords>` +
  '<dc:description>Автор: anna.petrova@example.ru</dc:description>' +
  '<cp:lastModifiedBy>apetrova</cp:lastModifiedBy><cp:revision>3</cp:revision>' +
  '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-10T09:00:00Z</dcterms:created>' +
  '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-11T10:30:00Z</dcterms:modified>' +
  '</cp:coreProperties>';

const APP = (titles: string[]): string =>
  `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Application>Microsoft Office</Application>' +
  `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
  '<Company>ООО «Ромашка»</Company><Manager>Иван Иванов</Manager>' +
  '<HyperlinkBase>C:\\Users\\apetrova\\Documents\\</HyperlinkBase><AppVersion>16.0000</AppVersion></Properties>';

const CUSTOM =
  `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>SharePoint\\apetrova</vt:lpwstr></property>' +
  '</Properties>';

function docProps(zip: JSZip, titles: string[]): void {
  zip.file('docProps/core.xml', CORE);
  zip.file('docProps/app.xml', APP(titles));
  zip.file('docProps/custom.xml', CUSTOM);
}

const DOCX_TEXT = [
  'Коммерческое предложение',
  'Цель: рост продаж в сети на 15% за два квартала.',
  'План: аудит полки, промо, совместный бизнес-план.',
];

async function buildDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    contentTypes({
      'word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'word/comments.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
      'word/settings.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
      'word/people.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml',
    }),
  );
  zip.file('_rels/.rels', rootRels(`${NS.officeRel}/officeDocument`, 'word/document.xml'));
  const [title = '', goal = '', plan = ''] = DOCX_TEXT;
  zip.file(
    'word/document.xml',
    `${XML}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.officeRel}"><w:body>` +
      `<w:p><w:r><w:t>${title}</w:t></w:r></w:p>` +
      // A tracked insertion and deletion, and a comment anchored on the goal.
      `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Цель: рост продаж в сети на </w:t></w:r>` +
      `<w:ins w:id="1" w:author="${NAME}" w:date="2025-01-11T10:00:00Z"><w:r><w:t>15%</w:t></w:r></w:ins>` +
      `<w:del w:id="2" w:author="${LATIN_NAME}" w:date="2025-01-11T10:01:00Z"><w:r><w:delText>10%</w:delText></w:r></w:del>` +
      `<w:r><w:t xml:space="preserve"> за два квартала.</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
      `<w:r><w:commentReference w:id="0"/></w:r></w:p>` +
      `<w:p><w:pPr><w:pPrChange w:id="3" w:author="${NAME}" w:date="2025-01-11T10:02:00Z"><w:pPr/></w:pPrChange></w:pPr>` +
      `<w:r><w:t>${plan}</w:t></w:r></w:p>` +
      '</w:body></w:document>',
  );
  expect(goal).toContain('15%');
  zip.file(
    'word/_rels/document.xml.rels',
    rels([
      ['rId1', `${NS.officeRel}/comments`, 'comments.xml'],
      ['rId2', `${NS.officeRel}/settings`, 'settings.xml'],
      ['rId3', 'http://schemas.microsoft.com/office/2011/relationships/people', 'people.xml'],
    ]),
  );
  zip.file(
    'word/comments.xml',
    `${XML}<w:comments xmlns:w="${NS.w}"><w:comment w:id="0" w:author="${NAME}" w:date="2025-01-11T10:03:00Z" w:initials="АП">` +
      '<w:p><w:r><w:t>Проверить цифру</w:t></w:r></w:p></w:comment></w:comments>',
  );
  zip.file(
    'word/settings.xml',
    `${XML}<w:settings xmlns:w="${NS.w}" xmlns:r="${NS.officeRel}"><w:attachedTemplate r:id="rId1"/></w:settings>`,
  );
  zip.file(
    'word/_rels/settings.xml.rels',
    rels([
      ['rId1', `${NS.officeRel}/attachedTemplate`, 'file:///C:\\Users\\apetrova\\AppData\\Roaming\\Microsoft\\Templates\\KP.dotx', true],
    ]),
  );
  zip.file(
    'word/people.xml',
    `${XML}<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">` +
      `<w15:person w15:author="${NAME}"><w15:presenceInfo w15:providerId="AD" w15:userId="S::anna.petrova@example.ru::1"/></w15:person>` +
      '</w15:people>',
  );
  docProps(zip, ['КП Петровой']);
  // A chart's data workbook, with its own authorship metadata.
  zip.file('word/embeddings/Microsoft_Excel_Worksheet.xlsx', await buildXlsx());
  return zip.generateAsync({ type: 'uint8array' });
}

function slide(paragraphs: string): string {
  return (
    `${XML}<p:sld xmlns:a="${NS.a}" xmlns:p="${NS.p}" xmlns:r="${NS.officeRel}"><p:cSld><p:spTree>` +
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>' +
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Text"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/>' +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`
  );
}

async function buildPptx(): Promise<Uint8Array> {
  const zip = new JSZip();
  const slideType = 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml';
  zip.file(
    '[Content_Types].xml',
    contentTypes({
      'ppt/presentation.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      'ppt/slides/slide1.xml': slideType,
      'ppt/slides/slide2.xml': slideType,
      'ppt/commentAuthors.xml': 'application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml',
      'ppt/authors.xml': 'application/vnd.ms-powerpoint.authors+xml',
    }),
  );
  zip.file('_rels/.rels', rootRels(`${NS.officeRel}/officeDocument`, 'ppt/presentation.xml'));
  // The presentation shows slide2.xml first: order comes from sldIdLst, not from file names.
  zip.file(
    'ppt/presentation.xml',
    `${XML}<p:presentation xmlns:a="${NS.a}" xmlns:p="${NS.p}" xmlns:r="${NS.officeRel}">` +
      '<p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst>' +
      '<p:sldSz cx="12192000" cy="6858000"/></p:presentation>',
  );
  zip.file(
    'ppt/_rels/presentation.xml.rels',
    rels([
      ['rId2', `${NS.officeRel}/slide`, 'slides/slide1.xml'],
      ['rId3', `${NS.officeRel}/slide`, '/ppt/slides/slide2.xml'],
      ['rId4', `${NS.officeRel}/commentAuthors`, 'commentAuthors.xml'],
    ]),
  );
  zip.file(
    'ppt/slides/slide2.xml',
    slide(
      '<a:p><a:r><a:rPr lang="ru-RU"/><a:t xml:space="preserve">План </a:t></a:r><a:r><a:t>работы с сетью</a:t></a:r></a:p>' +
        '<a:p><a:pPr lvl="1"/><a:r><a:t>Q1: аудит &amp; анализ &lt;полки&gt;</a:t></a:r><a:br/><a:r><a:t>Q2: промо</a:t></a:r></a:p>' +
        '<a:p><a:endParaRPr lang="ru-RU"/></a:p><a:p/>',
    ),
  );
  zip.file(
    'ppt/slides/slide1.xml',
    slide('<a:p><a:r><a:t>Итоги</a:t></a:r></a:p><a:p><a:fld id="{1}" type="slidenum"><a:t>2</a:t></a:fld></a:p>'),
  );
  zip.file(
    'ppt/commentAuthors.xml',
    `${XML}<p:cmAuthorLst xmlns:p="${NS.p}"><p:cmAuthor id="1" name="${NAME}" initials="АП" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`,
  );
  zip.file(
    'ppt/authors.xml',
    `${XML}<p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">` +
      `<p188:author id="{8F6E1A2B-0000-0000-0000-000000000001}" name="${LATIN_NAME}" initials="AP" userId="anna.petrova@example.ru" providerId="AD"/>` +
      '</p188:authorLst>',
  );
  docProps(zip, ['Office Theme', 'План работы с сетью']);
  return zip.generateAsync({ type: 'uint8array' });
}

async function buildXlsx(): Promise<Uint8Array> {
  const zip = new JSZip();
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  zip.file(
    '[Content_Types].xml',
    contentTypes({
      'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'xl/worksheets/sheet1.xml': sheetType,
      'xl/worksheets/sheet2.xml': sheetType,
      'xl/sharedStrings.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
      'xl/comments1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
      'xl/persons/person.xml': 'application/vnd.ms-excel.person+xml',
    }),
  );
  zip.file('_rels/.rels', rootRels(`${NS.officeRel}/officeDocument`, 'xl/workbook.xml'));
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${NS.x}" xmlns:r="${NS.officeRel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      '<fileVersion appName="xl" lastEdited="7"/>' +
      '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\apetrova\\Documents\\" ' +
      'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
      '<sheets><sheet name="Расчёт" sheetId="1" r:id="rId1"/><sheet name="Итоги" sheetId="2" r:id="rId2"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels([
      ['rId1', `${NS.officeRel}/worksheet`, 'worksheets/sheet1.xml'],
      ['rId2', `${NS.officeRel}/worksheet`, 'worksheets/sheet2.xml'],
      ['rId3', `${NS.officeRel}/sharedStrings`, 'sharedStrings.xml'],
    ]),
  );
  zip.file(
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="${NS.x}" count="5" uniqueCount="5">` +
      '<si><t>Клиент</t></si>' +
      '<si><t>Выручка, ₽</t></si>' +
      // Rich text in two runs plus a phonetic guide that is not shown.
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Сеть </t></r><r><t>«Магнит» &amp; Co</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
      '<si><t>Итого_x000D_</t></si>' +
      '<si><t>Рост</t></si>' +
      '</sst>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${XML}<worksheet xmlns="${NS.x}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1250000</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Вручную</t></is></c><c r="B3" s="1"/></row>' +
      '<row r="4"><c r="A4"><v>42</v></c></row>' +
      '</sheetData></worksheet>',
  );
  zip.file(
    'xl/worksheets/sheet2.xml',
    `${XML}<worksheet xmlns="${NS.x}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" t="str"><f>A1&amp;"!"</f><v>Итого!</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><f>B1/2</f><v>0.15</v></c></row>' +
      '</sheetData></worksheet>',
  );
  zip.file(
    'xl/comments1.xml',
    `${XML}<comments xmlns="${NS.x}"><authors><author>${NAME}</author></authors>` +
      // Excel prefixes the note with a bold "Author:" run.
      `<commentList><comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>${NAME}:</t></r><r><t xml:space="preserve">
Проверить</t></r></text></comment></commentList></comments>`,
  );
  zip.file(
    'xl/persons/person.xml',
    `${XML}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
      `<person displayName="${LATIN_NAME}" id="{00000000-0000-0000-0000-000000000001}" userId="anna.petrova@example.ru" providerId="AD"/>` +
      '</personList>',
  );
  docProps(zip, ['Расчёт', 'Итоги']);
  return zip.generateAsync({ type: 'uint8array' });
}

async function partsOf(buf: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('string'));
  return out;
}

/** Compression method of every file entry (folders have none), from the central directory. */
function compressionMethods(buf: Uint8Array): number[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(eocd + 16);
  const methods: number[] = [];
  for (let n = 0; n < b.readUInt16LE(eocd + 10); n++) {
    const name = b.toString('utf8', at + 46, at + 46 + b.readUInt16LE(at + 28));
    if (!name.endsWith('/')) methods.push(b.readUInt16LE(at + 10));
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return methods;
}

function expectNoLeaks(parts: Map<string, string>): void {
  for (const [name, xml] of parts) {
    for (const leak of LEAKS) expect(xml, `${leak} in ${name}`).not.toContain(leak);
  }
}

async function expectCommonPackageScrub(before: Uint8Array, after: Uint8Array): Promise<Map<string, string>> {
  const parts = await partsOf(after);
  expect(compressionMethods(after).every((m) => m === 8)).toBe(true);
  expect(parts.has('docProps/custom.xml')).toBe(false);
  expect(parts.get('_rels/.rels')).not.toContain('custom-properties');
  expect(parts.get('[Content_Types].xml')).not.toContain('custom.xml');
  expect(parts.get('[Content_Types].xml')).toContain('/docProps/core.xml');

  const core = parts.get('docProps/core.xml') ?? '';
  for (const tag of ['dc:creator', 'cp:lastModifiedBy', 'dc:title', 'dc:subject', 'cp:keywords', 'dc:description']) {
    expect(core).toContain(`<${tag}></${tag}>`);
  }
  // Dates and the revision count stay.
  expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-10T09:00:00Z</dcterms:created>');
  expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-11T10:30:00Z</dcterms:modified>');
  expect(core).toContain('<cp:revision>3</cp:revision>');
  const app = parts.get('docProps/app.xml') ?? '';
  expect(app).toContain('<Company></Company>');
  expect(app).toContain('<Manager></Manager>');
  expect(app).toContain('<TotalTime>42</TotalTime>');

  // Parts nobody touched are byte-identical.
  const original = await partsOf(before);
  for (const [name, xml] of parts) {
    if (
      !/docProps|_rels\/\.rels$|Content_Types|comment|people|person|authors|settings|document\.xml$|workbook\.xml$|embeddings/i.test(name)
    ) {
      expect(xml, name).toBe(original.get(name));
    }
  }
  expectNoLeaks(parts);
  return parts;
}

// ---------------------------------------------------------------------------------------------

async function renamedMainPart(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await buildDocx());
  const main = (await zip.file('word/document.xml')?.async('string')) ?? '';
  zip.remove('word/document.xml');
  zip.file('word/document2.xml', main);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('detectOfficeKind', () => {
  it('classifies by content', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const pdfBytes = await pdf.save();
    const otherZip = new JSZip();
    otherZip.file('mimetype', 'application/vnd.oasis.opendocument.text');
    otherZip.file('content.xml', '<office:document-content/>');
    const cases: [string, Uint8Array, string | null][] = [
      ['pdf-lib PDF', pdfBytes, 'pdf'],
      ['PDF after junk', Buffer.concat([Buffer.from('junk from a mail gateway\r\n'), pdfBytes]), 'pdf'],
      ['resume-en.pdf', fixture('resume-en.pdf'), 'pdf'],
      ['docx', await buildDocx(), 'docx'],
      ['resume-ru.docx', fixture('resume-ru.docx'), 'docx'],
      ['truncated docx (no central directory)', fixture('broken.docx'), 'docx'],
      ['pptx', await buildPptx(), 'pptx'],
      ['xlsx', await buildXlsx(), 'xlsx'],
      ['odt', await otherZip.generateAsync({ type: 'uint8array' }), null],
      ['docx with word/document2.xml', await renamedMainPart(), 'docx'],
      ['UTF-8 text', Buffer.from('Коммерческое предложение\n— с уважением'), 'txt'],
      ['UTF-8 with BOM', fixture('resume-utf8-bom.txt'), 'txt'],
      ['empty file', new Uint8Array(0), 'txt'],
      ['windows-1251 text', fixture('resume-ru-cp1251.txt'), null],
      ['text with a NUL', Buffer.from('abc\0def'), null],
      ['Word 97', fixture('old-word.doc'), null],
      ['PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), null],
    ];
    for (const [label, buf, kind] of cases) expect(detectOfficeKind(buf), label).toBe(kind);
  });
});

describe('scrubMetadata: DOCX', () => {
  it('empties properties, drops custom.xml, anonymises comment and revision authors; text unchanged', async () => {
    const before = await buildDocx();
    const after = await scrubMetadata(before, 'docx');
    expect(detectOfficeKind(after)).toBe('docx');
    const parts = await expectCommonPackageScrub(before, after);

    const app = parts.get('docProps/app.xml') ?? '';
    expect(app).toContain('<vt:lpstr></vt:lpstr>');
    const comments = parts.get('word/comments.xml') ?? '';
    expect(comments).toContain('w:author="Reviewer"');
    expect(comments).toContain('w:initials="Reviewer"');
    expect(comments).toContain('Проверить цифру');
    const document = parts.get('word/document.xml') ?? '';
    expect(document.match(/w:author="Reviewer"/g)).toHaveLength(3);
    expect(document).toContain('w:date="2025-01-11T10:00:00Z"');
    expect(parts.get('word/people.xml')).not.toContain('presenceInfo');
    expect(parts.get('word/_rels/settings.xml.rels')).toContain('Target="KP.dotx"');
    const embedded = await JSZip.loadAsync(after).then((z) =>
      z.file('word/embeddings/Microsoft_Excel_Worksheet.xlsx')?.async('uint8array'),
    );
    expect(embedded).toBeDefined();
    if (embedded !== undefined) expectNoLeaks(await partsOf(embedded));

    const text = async (buf: Uint8Array): Promise<string> =>
      (await mammoth.extractRawText({ buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) })).value;
    const original = await text(before);
    expect(original).toContain(DOCX_TEXT[2]);
    expect(await text(after)).toBe(original);
  });

  it('keeps a real-world DOCX readable with the same text', async () => {
    const before = fixture('resume-ru.docx');
    const after = await scrubMetadata(before, 'docx');
    const text = async (buf: Uint8Array): Promise<string> =>
      (await mammoth.extractRawText({ buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) })).value;
    expect(await text(after)).toBe(await text(before));
  });
});

describe('scrubMetadata: PPTX and XLSX', () => {
  it('PPTX: anonymises comment authors, text unchanged', async () => {
    const before = await buildPptx();
    const after = await scrubMetadata(before, 'pptx');
    const parts = await expectCommonPackageScrub(before, after);
    expect(parts.get('ppt/commentAuthors.xml')).toContain('name="Reviewer" initials="Reviewer"');
    expect(parts.get('ppt/authors.xml')).toContain('name="Reviewer" initials="Reviewer" userId="Reviewer" providerId="None"');
    // Slide titles in app.xml are shown on the slides anyway.
    expect(parts.get('docProps/app.xml')).toContain('<vt:lpstr>План работы с сетью</vt:lpstr>');
    expect(await extractOfficeText(after, 'pptx')).toBe(await extractOfficeText(before, 'pptx'));
  });

  it('XLSX: anonymises comment authors and threaded-comment people, clears the saved path', async () => {
    const before = await buildXlsx();
    const after = await scrubMetadata(before, 'xlsx');
    const parts = await expectCommonPackageScrub(before, after);
    expect(parts.get('xl/comments1.xml')).toContain('<authors><author>Reviewer</author></authors>');
    expect(parts.get('xl/comments1.xml')).toContain('<t>Reviewer:</t>');
    expect(parts.get('xl/persons/person.xml')).toContain('displayName="Reviewer"');
    expect(parts.get('xl/workbook.xml')).toContain('<x15ac:absPath url=""');
    expect(await extractOfficeText(after, 'xlsx')).toBe(await extractOfficeText(before, 'xlsx'));
  });

  it('rejects a package that is not a zip', async () => {
    await extractFailure(scrubMetadata(Buffer.from('not a zip at all'), 'xlsx'), 'corrupt');
    await extractFailure(scrubMetadata(fixture('broken.docx'), 'docx'), 'corrupt');
  });
});

describe('scrubMetadata: PDF', () => {
  /** Latin-1 view of the bytes, plus the UTF-16BE hex form pdf-lib uses for Info strings. */
  function pdfContains(buf: Uint8Array, text: string): boolean {
    const raw = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
    const hex = PDFHexString.fromText(text).asString().slice(4).toUpperCase(); // without the BOM
    return raw.includes(text) || raw.toUpperCase().includes(hex);
  }

  async function buildPdf(): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([400, 300]);
    page.drawText('Commercial proposal', { x: 40, y: 240, size: 18, font });
    page.drawText('Goal: +15% sell-out in two quarters', { x: 40, y: 210, size: 12, font });
    doc.setTitle('KP Petrova.docx');
    doc.setAuthor(LATIN_NAME);
    doc.setSubject('Test task by Anna Petrova');
    doc.setKeywords(['Petrova']);
    doc.setCreator('Microsoft Word');
    doc.setProducer('Microsoft: Print To PDF');
    doc.setCreationDate(new Date('2025-01-10T09:00:00Z'));
    doc.setModificationDate(new Date('2025-01-11T10:30:00Z'));
    const { context } = doc;
    const info = context.lookup(context.trailerInfo.Info);
    if (info instanceof PDFDict) info.set(PDFName.of('Company'), PDFString.of('Romashka LLC'));
    // An uncompressed XMP packet, as Word and Acrobat write it.
    const xmp = context.stream(
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Anna Petrova (XMP)</rdf:li></rdf:Seq></dc:creator></rdf:Description>' +
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
      { Type: 'Metadata', Subtype: 'XML' },
    );
    doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));
    // A sticky-note comment by the candidate and a form field whose /T is a field name.
    const note = context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [10, 10, 30, 30],
      T: PDFString.of('Anna Petrova (note)'),
      Contents: PDFString.of('check'),
    });
    const field = context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Tx', Rect: [50, 10, 150, 30], T: PDFString.of('client_name') });
    page.node.set(PDFName.of('Annots'), context.obj([context.register(note), context.register(field)]));
    // What an incremental save leaves behind: an old Info dictionary nobody references.
    context.register(context.obj({ Author: PDFString.of('Anna Petrova (old revision)') }));
    return doc.save({ useObjectStreams: false });
  }

  it('removes Info fields, XMP, comment authors and orphaned objects; text and dates unchanged', async () => {
    const before = await buildPdf();
    for (const s of ['Anna Petrova (XMP)', 'Anna Petrova (note)', 'Anna Petrova (old revision)', 'Romashka', LATIN_NAME]) {
      expect(pdfContains(before, s), s).toBe(true);
    }
    const after = await scrubMetadata(before, 'pdf');
    expect(detectOfficeKind(after)).toBe('pdf');
    for (const s of ['Petrova', 'Romashka', 'Microsoft', 'xpacket']) expect(pdfContains(after, s), s).toBe(false);

    const doc = await PDFDocument.load(after, { updateMetadata: false });
    expect(doc.getAuthor()).toBe('');
    expect(doc.getTitle()).toBe('');
    expect(doc.getSubject()).toBe('');
    expect(doc.getKeywords()).toBe('');
    expect(doc.getCreator()).toBe('KAM Hire');
    expect(doc.getProducer()).toBe('KAM Hire');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-01-10T09:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2025-01-11T10:30:00.000Z');
    expect(doc.catalog.has(PDFName.of('Metadata'))).toBe(false);
    const annots =
      doc
        .getPages()[0]
        ?.node.Annots()
        ?.asArray()
        .map((ref) => doc.context.lookup(ref, PDFDict)) ?? [];
    expect(annots.map((a) => a.lookup(PDFName.of('T'), PDFString, PDFHexString).decodeText())).toEqual(['Reviewer', 'client_name']);

    expect((await extractPdf(after)).text).toBe((await extractPdf(before)).text);
  });

  it('keeps a real-world PDF readable with the same text', async () => {
    const before = fixture('resume-ru.pdf');
    const after = await scrubMetadata(before, 'pdf');
    const [a, b] = [await extractPdf(before), await extractPdf(after)];
    expect(b).toEqual(a);
    expect((await PDFDocument.load(after, { updateMetadata: false })).getProducer()).toBe('KAM Hire');
  });

  it('refuses encrypted PDFs with a clear error', async () => {
    const err = await extractFailure(scrubMetadata(fixture('protected.pdf'), 'pdf'), 'encrypted');
    expect(err.message).toMatch(/encrypted/);
    // Owner-password-only files are encrypted too, and pdf-lib cannot rewrite them.
    await extractFailure(scrubMetadata(fixture('restricted.pdf'), 'pdf'), 'encrypted');
  });

  it('rejects a file that is not a PDF', async () => {
    await extractFailure(scrubMetadata(Buffer.from('plain text'), 'pdf'), 'corrupt');
  });
});

describe('scrubMetadata: TXT', () => {
  it('returns the same bytes in a new buffer', async () => {
    const before = fixture('resume-utf8-bom.txt');
    const after = await scrubMetadata(before, 'txt');
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
  });
});

describe('extractOfficeText', () => {
  it('PPTX: slides in presentation order, one paragraph per line', async () => {
    expect(await extractOfficeText(await buildPptx(), 'pptx')).toBe(
      ['План работы с сетью', 'Q1: аудит & анализ <полки>', 'Q2: промо', '', 'Итоги', '2'].join('\n'),
    );
  });

  it('PPTX without a usable slide list falls back to file numbering', async () => {
    const zip = await JSZip.loadAsync(await buildPptx());
    zip.remove('ppt/_rels/presentation.xml.rels');
    const buf = await zip.generateAsync({ type: 'uint8array' });
    expect(await extractOfficeText(buf, 'pptx')).toBe(
      ['Итоги', '2', '', 'План работы с сетью', 'Q1: аудит & анализ <полки>', 'Q2: промо'].join('\n'),
    );
  });

  it('XLSX: per sheet, the sheet name then each row’s text cells joined by tabs', async () => {
    expect(await extractOfficeText(await buildXlsx(), 'xlsx')).toBe(
      ['Расчёт', 'Клиент\tВыручка, ₽', 'Сеть «Магнит» & Co', 'Вручную', '', 'Итоги', 'Итого\r\tИтого!', 'Рост'].join('\n'),
    );
  });

  it('rejects a broken package', async () => {
    await extractFailure(extractOfficeText(Buffer.from('PK\u0003\u0004 nothing else'), 'pptx'), 'corrupt');
  });
});

describe('maskIdentityInXml / maskIdentityInFile: the candidate in the text of a downloaded file', () => {
  const who = { fullName: 'Петрова Анна Сергеевна', email: 'anna.petrova@example.ru', phone: '+7 916 555-12-34' };
  const M = '█████';

  it('masks a name Word split over several runs, keeps the markup, and leaves other paragraphs alone', () => {
    const xml =
      `<w:body><w:p><w:r><w:t xml:space="preserve">Подготовила: Пет</w:t></w:r><w:proofErr w:type="spellStart"/>` +
      `<w:r><w:rPr><w:b/></w:rPr><w:t>рова</w:t></w:r><w:r><w:t xml:space="preserve"> А.С., тел. +7 (916) 555-12-34</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>Петров &amp; партнёры — не кандидат</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>Рост &lt;20%&gt; за квартал</w:t></w:r></w:p></w:body>`;
    expect(maskIdentityInXml(xml, who)).toBe(
      `<w:body><w:p><w:r><w:t xml:space="preserve">Подготовила: ${M}</w:t></w:r><w:proofErr w:type="spellStart"/>` +
        `<w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r><w:r><w:t xml:space="preserve">, тел. ${M}</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>${M} &amp; партнёры — не кандидат</w:t></w:r></w:p>` +
        `<w:p><w:r><w:t>Рост &lt;20%&gt; за квартал</w:t></w:r></w:p></w:body>`,
    );
  });

  it('does not join the end of one paragraph to the start of the next', () => {
    const xml = '<a:p><a:r><a:t>Итоги: Анна</a:t></a:r></a:p><a:p><a:r><a:t>лиз рынка</a:t></a:r></a:p>';
    expect(maskIdentityInXml(xml, who)).toBe(`<a:p><a:r><a:t>Итоги: ${M}</a:t></a:r></a:p><a:p><a:r><a:t>лиз рынка</a:t></a:r></a:p>`);
  });

  it('DOCX: body, header, footer and comments masked; the package still opens and reads the same otherwise', async () => {
    const zip = await JSZip.loadAsync(await buildDocx());
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    zip.file('word/header1.xml', `${XML}<w:hdr xmlns:w="${NS.w}">${para('Анна Петрова · anna.petrova@example.ru')}</w:hdr>`);
    zip.file('word/footer1.xml', `${XML}<w:ftr xmlns:w="${NS.w}">${para('t.me/annapetrova')}</w:ftr>`);
    const body = (await zip.file('word/document.xml')!.async('string')).replace(
      '</w:body>',
      `${para('С уважением, Аня Петрова')}</w:body>`,
    );
    zip.file('word/document.xml', body);
    const docx = await zip.generateAsync({ type: 'uint8array' });

    // As graders get it: metadata scrubbed when the file was received, the text masked on download.
    const masked = await maskIdentityInFile(await scrubMetadata(docx, 'docx'), 'docx', who);
    const parts = await partsOf(masked);
    for (const name of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']) {
      for (const leak of ['Петров', 'Анна', 'Аня', 'anna.petrova', 'annapetrova']) expect(parts.get(name)).not.toContain(leak);
    }
    expect(parts.get('word/header1.xml')).toContain(`${M} ${M} · ${M}`);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(masked) })).value;
    for (const line of DOCX_TEXT) expect(text).toContain(line);
    expect(text).toContain(`С уважением, ${M} ${M}`);
  });

  it('PPTX and XLSX text masked; a file without the candidate comes back byte-identical', async () => {
    const zip = await JSZip.loadAsync(await buildPptx());
    zip.file('ppt/slides/slide1.xml', slide('<a:p><a:r><a:t>Докладчик: Anna Petrova</a:t></a:r></a:p>'));
    const pptx = await maskIdentityInFile(await zip.generateAsync({ type: 'uint8array' }), 'pptx', who);
    expect(await extractOfficeText(pptx, 'pptx')).toContain(`Докладчик: ${M} ${M}`);

    const xlsxZip = await JSZip.loadAsync(await buildXlsx());
    xlsxZip.file(
      'xl/sharedStrings.xml',
      (await xlsxZip.file('xl/sharedStrings.xml')!.async('string')).replace(
        '<si><t>Рост</t></si>',
        '<si><t>Рост (расчёт Петровой А.)</t></si>',
      ),
    );
    const xlsx = await maskIdentityInFile(await xlsxZip.generateAsync({ type: 'uint8array' }), 'xlsx', who);
    expect(await extractOfficeText(xlsx, 'xlsx')).toContain(`Рост (расчёт ${M})`);

    const other = { fullName: 'Сидоров Игорь', email: null, phone: null };
    const docx = await buildDocx();
    expect(await maskIdentityInFile(docx, 'docx', other)).toBe(docx);
  });

  it('TXT masked as UTF-8 text; PDF returned as it is', async () => {
    const txt = new TextEncoder().encode('Решение кейса.\nАвтор: Анна Петрова, anna.petrova@example.ru\n');
    expect(new TextDecoder().decode(await maskIdentityInFile(txt, 'txt', who))).toBe(`Решение кейса.\nАвтор: ${M} ${M}, ${M}\n`);
    const pdf = fixture('resume-ru.pdf');
    expect(await maskIdentityInFile(pdf, 'pdf', who)).toBe(pdf);
  });
});
