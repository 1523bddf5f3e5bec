/**
 * Submissions that name their author everywhere except in the text a grader reads: one builder per
 * format, one switch per hiding place listed in issue 13. All content is fictional and made here.
 */
import JSZip from 'jszip';
import { type PDFArray, type PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export const WHO = { fullName: 'Петрова Анна Сергеевна', email: 'anna.petrova@example.ru', phone: '+7 (916) 555-12-34' };
/** What must not be found anywhere in a blind copy (compared case-insensitively). */
export const SECRETS = [
  'Петрова',
  'Петровой',
  'Анна',
  'Сергеевна',
  'Petrova',
  'anna.petrova',
  'example.ru',
  '555-12-34',
  '555 12 34',
  '916) 555',
  '9165551234',
];

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

type Rel = [id: string, type: string, target: string, external?: boolean];
const rels = (list: Rel[]) =>
  `${XML}<Relationships xmlns="${PKG_REL}">${list.map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"${ext ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;
const types = (overrides: Record<string, string>) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('') +
  '</Types>';

const core = (extra: string) =>
  `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${extra}</cp:coreProperties>`;
const app = (titles: string[]) =>
  `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (inner: string) => `<w:p>${inner}</w:p>`;

export type DocxLeak =
  | 'alt-text'
  | 'mailto-rel'
  | 'profile-rel'
  | 'hyperlink-field'
  | 'core-properties'
  | 'custom-xml'
  | 'glossary'
  | 'zip-comment';
export const DOCX_LEAKS: DocxLeak[] = [
  'alt-text',
  'mailto-rel',
  'profile-rel',
  'hyperlink-field',
  'core-properties',
  'custom-xml',
  'glossary',
  'zip-comment',
];
export const WORK_DOCX = 'Коммерческое предложение для сети ПродМакс: 12 SKU, промо во втором квартале.';

export async function leakyDocx(leak: DocxLeak): Promise<Buffer> {
  const zip = new JSZip();
  const over: Record<string, string> = {
    'word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  };
  const docRels: Rel[] = [];
  let body = para(run(WORK_DOCX));
  if (leak === 'alt-text') {
    zip.file('word/media/image1.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    docRels.push(['rId5', `${REL}/image`, 'media/image1.png']);
    body += para(
      `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Фото Петрова" descr="Петрова Анна на выставке" title="anna.petrova@example.ru"/>` +
        `<a:graphic xmlns:a="${A}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
        `<pic:nvPicPr><pic:cNvPr id="0" name="Petrova.png" descr="Анна Петрова"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
    );
  }
  if (leak === 'mailto-rel' || leak === 'profile-rel') {
    docRels.push([
      'rId6',
      `${REL}/hyperlink`,
      leak === 'mailto-rel' ? 'mailto:anna.petrova@example.ru' : 'https://www.linkedin.com/in/anna-petrova-kam',
      true,
    ]);
    body += para(`<w:hyperlink r:id="rId6">${run('Связаться со мной')}</w:hyperlink>`);
  }
  if (leak === 'hyperlink-field') {
    body += para(
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:anna.petrova@example.ru" </w:instrText></w:r>' +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('почта')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
    );
    body += para('<w:fldSimple w:instr=" HYPERLINK &quot;https://t.me/anna_petrova&quot; "><w:r><w:t>телеграм</w:t></w:r></w:fldSimple>');
  }
  const rootRels: Rel[] = [['rId1', `${REL}/officeDocument`, 'word/document.xml']];
  if (leak === 'core-properties') {
    zip.file(
      'docProps/core.xml',
      core(
        '<cp:category>Петрова Анна</cp:category><cp:contentStatus>+7 (916) 555-12-34</cp:contentStatus><dc:identifier>anna.petrova@example.ru</dc:identifier><dc:creator>Петрова А.</dc:creator>',
      ),
    );
    zip.file('docProps/app.xml', app(['КП Петровой']));
    rootRels.push(['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml']);
    rootRels.push(['rId3', `${REL}/extended-properties`, 'docProps/app.xml']);
    over['docProps/core.xml'] = 'application/vnd.openxmlformats-package.core-properties+xml';
  }
  if (leak === 'custom-xml') {
    zip.file('customXml/item1.xml', `${XML}<CV><Author>Петрова Анна Сергеевна</Author><Mail>anna.petrova@example.ru</Mail></CV>`);
    zip.file(
      'customXml/itemProps1.xml',
      `${XML}<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`,
    );
    zip.file('customXml/_rels/item1.xml.rels', rels([['rId1', `${REL}/customXmlProps`, 'itemProps1.xml']]));
    docRels.push(['rId7', `${REL}/customXml`, '../customXml/item1.xml']);
  }
  if (leak === 'glossary') {
    zip.file(
      'word/glossary/document.xml',
      `${XML}<w:glossaryDocument xmlns:w="${W}"><w:docParts><w:docPart><w:docPartBody>${para(run('Петрова Анна, +7 916 555 12 34'))}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>`,
    );
    docRels.push(['rId8', `${REL}/glossaryDocument`, 'glossary/document.xml']);
    over['word/glossary/document.xml'] = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml';
  }
  zip.file('[Content_Types].xml', types(over));
  zip.file('_rels/.rels', rels(rootRels));
  zip.file('word/_rels/document.xml.rels', rels(docRels));
  zip.file('word/document.xml', `${XML}<w:document xmlns:w="${W}" xmlns:r="${REL}" xmlns:wp="${WP}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    ...(leak === 'zip-comment' ? { comment: 'Петрова Анна anna.petrova@example.ru' } : {}),
  });
}

export type PptxLeak = 'app-titles' | 'master-text' | 'alt-text';
export const PPTX_LEAKS: PptxLeak[] = ['app-titles', 'master-text', 'alt-text'];
export const WORK_PPTX = 'План работы с сетью: аудит полки, промо';

const sld = (shapes: string, root = 'p:sld') =>
  `${XML}<${root} xmlns:a="${A}" xmlns:p="${P}" xmlns:r="${REL}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld></${root}>`;
const shape = (id: number, text: string, nv = `<p:cNvPr id="${id}" name="TextBox ${id}"/>`) =>
  `<p:sp><p:nvSpPr>${nv}<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;

export async function leakyPptx(leak: PptxLeak): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    types({
      'ppt/presentation.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      'ppt/slides/slide1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
      'ppt/slideLayouts/slideLayout1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
      'ppt/slideMasters/slideMaster1.xml': 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
    }),
  );
  const rootRels: Rel[] = [['rId1', `${REL}/officeDocument`, 'ppt/presentation.xml']];
  if (leak === 'app-titles') {
    zip.file('docProps/app.xml', app(['Office Theme', 'КП — Петрова Анна', 'anna.petrova@example.ru']));
    rootRels.push(['rId3', `${REL}/extended-properties`, 'docProps/app.xml']);
  }
  zip.file('_rels/.rels', rels(rootRels));
  zip.file(
    'ppt/presentation.xml',
    `${XML}<p:presentation xmlns:a="${A}" xmlns:p="${P}" xmlns:r="${REL}"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>`,
  );
  zip.file(
    'ppt/_rels/presentation.xml.rels',
    rels([
      ['rId1', `${REL}/slideMaster`, 'slideMasters/slideMaster1.xml'],
      ['rId2', `${REL}/slide`, 'slides/slide1.xml'],
    ]),
  );
  const alt =
    leak === 'alt-text'
      ? `<p:cNvPr id="3" name="Фото Петровой" descr="Анна Петрова, anna.petrova@example.ru" title="Petrova"/>`
      : undefined;
  zip.file('ppt/slides/slide1.xml', sld(shape(2, WORK_PPTX) + (alt ? shape(3, 'Итоги', alt) : '')));
  zip.file('ppt/slides/_rels/slide1.xml.rels', rels([['rId1', `${REL}/slideLayout`, '../slideLayouts/slideLayout1.xml']]));
  zip.file('ppt/slideLayouts/slideLayout1.xml', sld(shape(2, 'Заголовок'), 'p:sldLayout'));
  zip.file('ppt/slideLayouts/_rels/slideLayout1.xml.rels', rels([['rId1', `${REL}/slideMaster`, '../slideMasters/slideMaster1.xml']]));
  zip.file(
    'ppt/slideMasters/slideMaster1.xml',
    sld(shape(2, leak === 'master-text' ? 'Петрова Анна · +7 (916) 555-12-34' : 'Компания'), 'p:sldMaster'),
  );
  zip.file('ppt/slideMasters/_rels/slideMaster1.xml.rels', rels([['rId1', `${REL}/slideLayout`, '../slideLayouts/slideLayout1.xml']]));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export type XlsxLeak = 'sheet-names' | 'defined-names' | 'formulas' | 'header-footer';
export const XLSX_LEAKS: XlsxLeak[] = ['sheet-names', 'defined-names', 'formulas', 'header-footer'];

export async function leakyXlsx(leak: XlsxLeak): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    types({
      'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    }),
  );
  const rootRels: Rel[] = [['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']];
  const sheetName = leak === 'sheet-names' ? 'Петрова план' : 'План';
  if (leak === 'sheet-names') {
    zip.file('docProps/app.xml', app([sheetName]));
    rootRels.push(['rId3', `${REL}/extended-properties`, 'docProps/app.xml']);
  }
  zip.file('_rels/.rels', rels(rootRels));
  const defined =
    leak === 'defined-names'
      ? `<definedNames><definedName name="Petrova_total">'${sheetName}'!$B$2</definedName><definedName name="Contact">"anna.petrova@example.ru"</definedName></definedNames>`
      : '';
  zip.file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${X}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>${defined}</workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', rels([['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml']]));
  const formula =
    leak === 'formulas'
      ? '<c r="C1" t="str"><f>"Автор: "&amp;"Петрова Анна"</f><v>Автор: Петрова Анна</v></c><c r="D1" t="str"><f>HYPERLINK("mailto:anna.petrova@example.ru")</f><v>mailto:anna.petrova@example.ru</v></c>'
      : '';
  const hf =
    leak === 'header-footer'
      ? '<headerFooter><oddHeader>&amp;LПетрова Анна&amp;R+7 916 555-12-34</oddHeader><oddFooter>anna.petrova@example.ru</oddFooter></headerFooter>'
      : '';
  zip.file(
    'xl/worksheets/sheet1.xml',
    `${XML}<worksheet xmlns="${X}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Выручка сети</t></is></c><c r="B1"><v>1250000</v></c>${formula}</row></sheetData>${hf}</worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export type PdfLeak = 'bookmarks' | 'annotation-contents' | 'embedded-file' | 'mailto-link' | 'open-action-js' | 'info';
export const PDF_LEAKS: PdfLeak[] = ['bookmarks', 'annotation-contents', 'embedded-file', 'mailto-link', 'open-action-js', 'info'];
export const WORK_PDF = 'Commercial proposal: twelve SKU, promotion in the second quarter.';

/** A one-page PDF whose page text is neutral (or, with `signed`, names the candidate). */
export async function leakyPdf(leak: PdfLeak | null, opts: { signed?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 300]);
  page.drawText(WORK_PDF, { x: 20, y: 250, size: 9, font });
  if (opts.signed) page.drawText('Author: Anna Petrova, anna.petrova@example.ru', { x: 20, y: 230, size: 9, font });
  const ctx = doc.context;
  const annots: PDFDict[] = [];
  if (leak === 'info') {
    doc.setAuthor('Петрова Анна');
    doc.setTitle('КП Петровой');
    doc.setKeywords(['anna.petrova@example.ru']);
  }
  if (leak === 'bookmarks') {
    const outlines = ctx.nextRef();
    const item = ctx.register(
      ctx.obj({ Title: PDFHexString.fromText('Петрова Анна — предложение'), Parent: outlines, Dest: [page.ref, 'Fit'] }),
    );
    ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
    doc.catalog.set(PDFName.of('Outlines'), outlines);
  }
  if (leak === 'annotation-contents') {
    annots.push(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Text',
        Rect: [10, 10, 30, 30],
        Contents: PDFHexString.fromText('Пишите: anna.petrova@example.ru'),
        T: PDFHexString.fromText('Петрова'),
      }) as PDFDict,
    );
  }
  if (leak === 'mailto-link') {
    annots.push(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [20, 240, 200, 260],
        A: { S: 'URI', URI: PDFString.of('mailto:anna.petrova@example.ru') },
      }) as PDFDict,
    );
  }
  if (annots.length > 0) page.node.set(PDFName.of('Annots'), ctx.obj(annots.map((a) => ctx.register(a))) as PDFArray);
  if (leak === 'embedded-file') {
    await doc.attach(Buffer.from('Петрова Анна Сергеевна, +7 (916) 555-12-34'), 'Petrova_Anna_CV.txt', {
      mimeType: 'text/plain',
      description: 'Резюме Петровой',
    });
  }
  if (leak === 'open-action-js') {
    doc.catalog.set(PDFName.of('OpenAction'), ctx.obj({ S: 'JavaScript', JS: PDFString.of("app.alert('Petrova +7 916 555-12-34')") }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
