/**
 * Hostile uploads, made by the tests themselves: small Office files whose XML unpacks to tens of
 * megabytes, a package whose central directory lies about its sizes, and a PDF whose page content
 * is a deflate bomb. Nothing here is checked in as a binary.
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';

const MiB = 1024 * 1024;

export interface ZipPart {
  name: string;
  data: string | Uint8Array;
  /** Uncompressed size written into the headers instead of the real one (a lying directory). */
  declaredSize?: number;
}

/** A deflated zip written by hand, so headers can lie and 60 MiB parts pack in well under a second. */
export function deflatedZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data);
    const packed = deflateRawSync(raw, { level: 9 });
    const size = part.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** XML made of `unit` repeated to about `bytes`. */
const filler = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));

/** A DOCX whose word/document.xml is `xmlBytes` of one-letter paragraphs (mammoth's worst case). */
export function docxOfTinyParagraphs(xmlBytes: number, opts: { declaredSize?: number } = {}): Buffer {
  const body = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${filler('<w:p><w:r><w:t>a</w:t></w:r></w:p>', xmlBytes)}</w:body></w:document>`;
  return deflatedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', data: body, ...(opts.declaredSize === undefined ? {} : { declaredSize: opts.declaredSize }) },
  ]);
}

/** An XLSX whose one sheet is `xmlBytes` of rows with an inline string each. */
export function xlsxOfManyRows(xmlBytes: number): Buffer {
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${filler('<row><c t="inlineStr"><is><t>x</t></is></c></row>', xmlBytes)}</sheetData></worksheet>`;
  return deflatedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

/** A PPTX with one slide of `xmlBytes` of paragraphs. */
export function pptxOfManyParagraphs(xmlBytes: number): Buffer {
  const slide = `<?xml version="1.0"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody>${filler('<a:p><a:r><a:t>y</a:t></a:r></a:p>', xmlBytes)}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  return deflatedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'ppt/presentation.xml',
      data: `<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="${REL}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`,
    },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/slide" Target="slides/slide1.xml"/></Relationships>`,
    },
    { name: 'ppt/slides/slide1.xml', data: slide },
  ]);
}

/**
 * A one-page PDF whose content stream inflates to `contentBytes` of text-showing operators: pdf.js
 * inflates and interprets all of it to find the page text.
 */
export async function pdfBomb(contentBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const font = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica' });
  page.node.setFontDictionary(PDFName.of('F1'), doc.context.register(font));
  const ops = `BT /F1 1 Tf ${filler('(ab) Tj 0 1 Td ', contentBytes)} ET`;
  const packed = doc.context.stream(deflateSync(Buffer.from(ops, 'latin1'), { level: 9 }), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), doc.context.register(packed));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export { MiB };
