/**
 * The copy of a submitted file a blind grader downloads. Scrubbing (scrub.ts) removes authorship
 * metadata from an otherwise unchanged file; this goes further and rebuilds the file from an
 * allow-list, so that nothing the grader does not need to read the work comes along:
 *
 * - DOCX/PPTX/XLSX: a new package holding only the parts that carry the work (body, styles,
 *   numbering, headers and footers, notes, slides with their layouts and masters, sheets,
 *   drawings, charts, pictures). Dropped: document properties (core, app — slide and sheet titles
 *   — and custom), customXml, the glossary, comments and their authors, people lists, macros,
 *   embedded objects, external links, printer settings, thumbnails, the ZIP comment. External
 *   relationship targets (mailto:, web links) point to a placeholder. In every part kept, the
 *   candidate is masked in text runs, deleted text, field codes (HYPERLINK "mailto:…"), formulas
 *   and cached values, header/footer strings, and in alt texts, titles, shape and sheet names,
 *   defined names, tooltips.
 * - PDF: a new document with the pages copied one by one — without outlines, annotations (links,
 *   comments), attachments, actions, JavaScript, forms, XMP or the Info dictionary.
 * - TXT: masked text.
 *
 * Every rebuilt file is then checked: when the candidate's name, e-mail or phone can still be
 * found in it (a PDF's page text, which cannot be masked in place; a name pdf.js or the masking
 * does not see the same way), the answer is 'text': the grader gets the extracted, masked text
 * instead, and the grading page says so.
 */
import JSZip from 'jszip';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { ExtractError } from './errors.js';
import { extractPdf } from './pdf.js';
import {
  decodeXml,
  escapeAttribute,
  escapeText,
  maskIdentityInXml,
  NEUTRAL_AUTHOR,
  openPackage,
  PREFIX,
  relationships,
  resolveTarget,
  setAttributes,
  type ScrubKind,
} from './scrub.js';
import { namesCandidate } from '../domain/blind.js';
import { redact, type Identity } from '../domain/redact.js';

export type BlindCopy = { form: 'file'; bytes: Uint8Array } | { form: 'text'; reason: string };

/** Where external links in a blind copy point. */
export const LINK_PLACEHOLDER = 'https://removed.invalid/';

/** The text and attribute values of an XML part as one string to search. */
function searchableXml(xml: string): string {
  const attrs = [...xml.matchAll(/\s[\w.:-]+\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => m[1] ?? m[2] ?? '');
  // Runs are glued without a space, as a reader shows them: a name split over runs is found too.
  return `${decodeXml(xml.replace(/<[^>]*>/g, ''))}\n${attrs.map(decodeXml).join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Office packages

// Parts that carry the work, by kind. Relationship parts follow the part they belong to.
const KEEP: Readonly<Record<'docx' | 'pptx' | 'xlsx', RegExp>> = {
  docx: /^word\/(?:document\d*|styles|stylesWithEffects|numbering|settings|fontTable|footnotes|endnotes|header\d+|footer\d+)\.xml$|^word\/theme\/theme\d+\.xml$|^word\/media\/[^/]+$/i,
  pptx: /^ppt\/(?:presentation|presProps|viewProps|tableStyles)\.xml$|^ppt\/(?:slides\/slide|slideLayouts\/slideLayout|slideMasters\/slideMaster|notesSlides\/notesSlide|notesMasters\/notesMaster|handoutMasters\/handoutMaster|theme\/theme|charts\/chart)\d+\.xml$|^ppt\/media\/[^/]+$/i,
  xlsx: /^xl\/(?:workbook|styles|sharedStrings)\.xml$|^xl\/(?:worksheets\/sheet|theme\/theme|drawings\/drawing|charts\/chart)\d+\.xml$|^xl\/media\/[^/]+$/i,
};

// Relationship types that nothing in a kept part refers to by id: dropped with their target.
const IMPLICIT_RELATIONSHIP =
  /\/(?:metadata\/core-properties|extended-properties|custom-properties|metadata\/thumbnail|customXml|customXmlProps|glossaryDocument|people|vbaProject|comments|commentAuthors|authors|threadedComment|person|commentsExtended|commentsIds|commentsExtensible|calcChain|printerSettings|attachedTemplate|mailMergeSource|mailMergeHeaderSource|webSettings|revisionHeaders|usernames|customData|vmlDrawing)$/i;

// Attributes that hold text a person wrote or chose: alt text and titles (descr, title), shape,
// picture and table names (name), tooltips, field instructions (instr), content-control labels.
const TEXT_ATTRIBUTES =
  /(\s(?:[\w.-]+:)?(descr|title|name|tooltip|instr|alias|tag|text|userId|displayName)\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;
// Elements whose whole content is text outside the runs maskIdentityInXml joins: deleted text,
// field codes, formulas, cached values, header/footer strings, defined names, property strings.
const TEXT_ELEMENTS = new RegExp(
  `(<(${PREFIX}(?:delText|instrText|f|v|oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter|definedName|lpstr|lpwstr|t))(?:\\s[^<>]*)?>)([^<]*)(</\\2\\s*>)`,
  'g',
);

const isXmlPart = (name: string) => /\.(?:xml|rels|vml)$/i.test(name);
const dirOf = (name: string) => name.slice(0, name.lastIndexOf('/') + 1);

/** The part a .rels file describes: word/_rels/document.xml.rels → word/document.xml. */
function sourceOfRels(name: string): string | null {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
  return m === null ? null : `${m[1]}${m[2]}`;
}

// Excel header/footer codes (&L left, &C, &R, &P page, &"Font,Bold", &12 size…) glue onto the
// words next to them; the text between codes is masked piece by piece.
const HEADER_CODE = /(&"[^"]*"|&\d+|&[A-Za-z&])/;
const HEADER_FOOTER = /^(?:\w+:)?(?:odd|even|first)(?:Header|Footer)$/;

function maskElements(xml: string, who: Identity): string {
  return xml.replace(TEXT_ELEMENTS, (whole, open: string, qname: string, content: string, close: string) => {
    const text = decodeXml(content);
    const masked = HEADER_FOOTER.test(qname)
      ? text
          .split(HEADER_CODE)
          .map((piece, i) => (i % 2 === 1 ? piece : redact(piece, who)))
          .join('')
      : redact(text, who);
    return masked === text ? whole : `${open}${escapeText(masked)}${close}`;
  });
}

function maskAttributes(xml: string, who: Identity, rename: (local: string, tag: string) => string | null): string {
  return xml.replace(/<[A-Za-z_][^<>]*>/g, (tag) =>
    tag.replace(TEXT_ATTRIBUTES, (whole, head: string, local: string, dq: string | undefined, sq: string | undefined) => {
      const value = decodeXml(dq ?? sq ?? '');
      const masked = redact(value, who);
      if (masked === value) return whole;
      return `${head}"${escapeAttribute(rename(local, tag) ?? masked)}"`;
    }),
  );
}

function cleanRels(xml: string, relsName: string, keep: ReadonlySet<string>): string {
  const source = sourceOfRels(relsName) ?? '';
  let out = xml;
  for (const r of relationships(xml)) {
    let replacement: string | null;
    if (IMPLICIT_RELATIONSHIP.test(r.type)) replacement = '';
    else if (r.external) replacement = setAttributes(r.tag, null, { Target: LINK_PLACEHOLDER });
    else if (keep.has(resolveTarget(dirOf(source), r.target))) replacement = null;
    // A dropped part referred to by id (an embedded object, an external workbook): the reference
    // stays valid, but leads nowhere.
    else
      replacement = setAttributes(r.tag.replace(/\s+TargetMode\s*=\s*("[^"]*"|'[^']*')/, ''), null, { Target: LINK_PLACEHOLDER }).replace(
        /\s*\/?>$/,
        ' TargetMode="External"/>',
      );
    if (replacement !== null) out = out.replace(r.tag, replacement);
  }
  return out;
}

function cleanContentTypes(xml: string, keep: ReadonlySet<string>): string {
  return xml.replace(new RegExp(`<${PREFIX}Override\\b[^<>]*>`, 'g'), (tag) => {
    const part = (/PartName\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '').replace(/^\//, '');
    return keep.has(decodeURIComponent(part)) ? tag : '';
  });
}

function cleanPart(name: string, xml: string, who: Identity): string {
  let out = xml;
  // Settings: the template's path, mail-merge sources and document variables can name anyone.
  if (/^word\/settings\.xml$/i.test(name)) {
    out = out.replace(new RegExp(`<(${PREFIX}(?:attachedTemplate|mailMerge|docVars))\\b(?:[^<>]*/>|[^<>]*>[\\s\\S]*?</\\1>)`, 'g'), '');
  }
  // Notes (comments) of a sheet are drawn by a legacy VML part, which is not kept.
  if (/^xl\/worksheets\//i.test(name)) out = out.replace(new RegExp(`<${PREFIX}legacyDrawing(?:HF)?\\b[^<>]*/>`, 'g'), '');
  if (/^xl\/workbook\.xml$/i.test(name)) {
    out = out.replace(new RegExp(`<(${PREFIX}(?:externalReferences|fileSharing))\\b(?:[^<>]*/>|[^<>]*>[\\s\\S]*?</\\1>)`, 'g'), '');
    out = out.replace(new RegExp(`<(${PREFIX}absPath)\\b(?:[^<>]*/>|[^<>]*>[\\s\\S]*?</\\1>)`, 'g'), '');
  }
  out = setAttributes(out, null, { author: NEUTRAL_AUTHOR, initials: NEUTRAL_AUTHOR });
  out = maskIdentityInXml(out, who);
  out = maskElements(out, who);
  let sheet = 0;
  let definedName = 0;
  out = maskAttributes(out, who, (local, tag) => {
    // A masked sheet or defined name must still be a valid, unique name.
    if (local === 'name' && /^<(?:\w+:)?sheet\s/.test(tag)) return `Masked sheet ${++sheet}`;
    if (local === 'name' && /^<(?:\w+:)?definedName\s/.test(tag)) return `Masked_${++definedName}`;
    return null;
  });
  return out;
}

async function blindOoxml(buf: Uint8Array, kind: 'docx' | 'pptx' | 'xlsx', who: Identity): Promise<BlindCopy> {
  const zip = await openPackage(buf, kind);
  const names = Object.keys(zip.files).filter((n) => !(zip.files[n]?.dir ?? false));
  const keep = new Set(names.filter((n) => KEEP[kind].test(n) || n === '[Content_Types].xml'));
  for (const n of names) {
    const source = sourceOfRels(n);
    if (n === '_rels/.rels' || (source !== null && keep.has(source))) keep.add(n);
  }
  // A fresh package: no ZIP comment, no extra fields, only what was kept.
  const out = new JSZip();
  let leftover = '';
  for (const name of [...keep].sort()) {
    const file = zip.file(name);
    if (file === null) continue;
    if (!isXmlPart(name)) {
      out.file(name, await file.async('uint8array'), { createFolders: false });
      continue;
    }
    const xml = await file.async('string');
    const clean =
      name === '[Content_Types].xml'
        ? cleanContentTypes(xml, keep)
        : name.endsWith('.rels')
          ? cleanRels(xml, name, keep)
          : cleanPart(name, xml, who);
    if (namesCandidate(searchableXml(clean), who)) leftover += `${name} `;
    out.file(name, clean, { createFolders: false });
  }
  if (leftover !== '') return { form: 'text', reason: `the candidate is still named in ${leftover.trim()}` };
  const bytes = await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { form: 'file', bytes };
}

// ---------------------------------------------------------------------------------------------
// PDF

// Page entries that are not the page's look: annotations (links, comments, attachments), page
// actions, XMP, private application data, article beads, thumbnails, structure and web-capture ids.
const PAGE_DROPPED = ['Annots', 'AA', 'Metadata', 'PieceInfo', 'B', 'Thumb', 'StructParents', 'ID', 'PZ', 'SeparationInfo', 'Tabs'];

function dropEverywhere(doc: PDFDocument, keys: readonly string[]): void {
  const names = keys.map((k) => PDFName.of(k));
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    for (const n of names) dict?.delete(n);
  }
}

function refsIn(obj: PDFObject | undefined, out: PDFRef[]): void {
  if (obj instanceof PDFRef) out.push(obj);
  else if (obj instanceof PDFDict) for (const value of obj.values()) refsIn(value, out);
  else if (obj instanceof PDFArray) for (const value of obj.asArray()) refsIn(value, out);
  else if (obj instanceof PDFStream) refsIn(obj.dict, out);
}

async function blindPdf(buf: Uint8Array, who: Identity): Promise<BlindCopy> {
  let src: PDFDocument;
  try {
    src = await PDFDocument.load(buf, { updateMetadata: false, ignoreEncryption: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `PDF cannot be read: ${reason}`, { cause: err });
  }
  if (src.isEncrypted) return { form: 'text', reason: 'the PDF is encrypted and cannot be rebuilt' };
  // Remove what must not be copied before copying: copyPages follows every reference of a page.
  for (const page of src.getPages()) for (const key of PAGE_DROPPED) page.node.delete(PDFName.of(key));

  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  // XMP and private data of images and form XObjects the pages use.
  dropEverywhere(out, ['Metadata', 'PieceInfo', 'OPI']);
  // Only what the catalog reaches is written (no Info dictionary, no orphans from the source).
  const reachable = new Set<string>();
  const queue: PDFRef[] = [];
  refsIn(out.context.trailerInfo.Root, queue);
  while (queue.length > 0) {
    const ref = queue.pop();
    if (ref === undefined || reachable.has(ref.tag)) continue;
    reachable.add(ref.tag);
    refsIn(out.context.lookup(ref), queue);
  }
  for (const [ref] of out.context.enumerateIndirectObjects()) if (!reachable.has(ref.tag)) out.context.delete(ref);
  out.context.trailerInfo.Info = undefined;
  const bytes = await out.save({ addDefaultPage: false, updateFieldAppearances: false, useObjectStreams: false });

  // The page text is the candidate's own layout and cannot be masked in place.
  const text = await extractPdf(bytes).then(
    (r) => r.text,
    () => '',
  );
  if (namesCandidate(text, who)) return { form: 'text', reason: 'the candidate is named in the page text' };
  if (namesCandidate(rawStrings(out), who)) return { form: 'text', reason: 'the candidate is named in the PDF' };
  return { form: 'file', bytes };
}

/** Every literal in the rebuilt PDF's objects and decodable streams, for a last check. */
function rawStrings(doc: PDFDocument): string {
  const parts: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream) {
      const filter = obj.dict.lookup(PDFName.of('Filter'));
      if (filter === undefined || filter === PDFName.of('FlateDecode')) {
        try {
          parts.push(Buffer.from(filter === undefined ? obj.contents : inflate(obj.contents)).toString('latin1'));
        } catch {
          // An undecodable stream has no searchable text.
        }
      }
    } else parts.push(obj.toString());
  }
  return parts.join('\n');
}

// A stream that inflates past this is not searched (and the worker's memory limit holds anyway).
const MAX_INFLATED_STREAM = 64 * 1024 * 1024;
const inflate = (data: Uint8Array) => inflateSync(data, { maxOutputLength: MAX_INFLATED_STREAM });

// ---------------------------------------------------------------------------------------------

/**
 * The blind grader's copy of a submitted file, or 'text' when only the extracted, masked text can
 * be given. Throws ExtractError for a file that does not parse as `kind` (callers fall back to
 * the text then too).
 */
export async function blindCopy(buf: Uint8Array, kind: ScrubKind, who: Identity): Promise<BlindCopy> {
  switch (kind) {
    case 'txt': {
      const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
      return { form: 'file', bytes: new Uint8Array(Buffer.from(redact(text, who), 'utf8')) };
    }
    case 'pdf':
      return blindPdf(buf, who);
    case 'docx':
    case 'pptx':
    case 'xlsx':
      return blindOoxml(buf, kind, who);
  }
}
