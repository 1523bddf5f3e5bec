/**
 * Metadata scrubbing for files graders download during blind grading, and text extraction for the
 * Office formats the resume extractor does not read (PPTX, XLSX).
 *
 * Scrubbing removes who made, edited and commented a file — document properties, XMP, comment and
 * tracked-change authors, saved paths — not what it says. maskIdentityInFile() then masks the
 * candidate's name, contacts and profile links in the text of TXT and Office files as a blind
 * grader downloads them; a name inside a PDF's page content or in a picture stays.
 */
import JSZip from 'jszip';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';
import { ExtractError } from './errors.js';
import { detectOfficeKind, view, type ScrubKind } from './kinds.js';
import { checkXmlBudget, zipEntries } from './zip.js';
import { DEFAULT_MASK, redact, redactionSpans, type Identity } from '../domain/redact.js';

export { detectOfficeKind, isScrubKind, type ScrubKind } from './kinds.js';

export const NEUTRAL_AUTHOR = 'Reviewer';
const NEUTRAL_PRODUCER = 'KAM Hire';

// ---------------------------------------------------------------------------------------------
// XML helpers (targeted rewrites of known parts; a DOM round trip would reformat the whole part)

const XML_ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const XML_NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(XML_ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return XML_NAMED[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const START_TAG = /<[A-Za-z_][^<>]*>/g;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${PREFIX}${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : decodeXml(m[1] ?? m[2] ?? '');
}

/**
 * Sets attributes (matched by local name, any prefix) inside start tags. `elements` limits the
 * rewrite to tags with those local names; null means every tag.
 */
export function setAttributes(xml: string, elements: ReadonlySet<string> | null, values: Readonly<Record<string, string>>): string {
  const names = Object.keys(values).join('|');
  const attr = new RegExp(`(\\s${PREFIX}(${names})\\s*=\\s*)(?:"[^"]*"|'[^']*')`, 'g');
  return xml.replace(START_TAG, (tag) => {
    if (elements !== null) {
      const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
      if (!elements.has(localName(qname))) return tag;
    }
    return tag.replace(attr, (_whole, head: string, name: string) => `${head}"${escapeAttribute(values[name] ?? '')}"`);
  });
}

/** Empties the content of elements with these local names, keeping the tags and their attributes. */
function emptyElements(xml: string, names: readonly string[]): string {
  const re = new RegExp(`<(${PREFIX}(?:${names.join('|')}))(\\s[^<>]*?)?(?<!/)>[\\s\\S]*?</\\1\\s*>`, 'g');
  return xml.replace(re, (_whole, qname: string, attrs: string | undefined) => `<${qname}${attrs ?? ''}></${qname}>`);
}

export function removeElements(xml: string, name: string): string {
  const re = new RegExp(`<${PREFIX}${name}\\b[^<>]*?/>|<(${PREFIX}${name})\\b[^<>]*>[\\s\\S]*?</\\1\\s*>`, 'g');
  return xml.replace(re, '');
}

/** r:id — the prefixed id that points into the part's relationships (sldId also has a plain id). */
function relationshipId(tag: string): string {
  const m = /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
  return m === null ? '' : decodeXml(m[1] ?? m[2] ?? '');
}

export interface Relationship {
  tag: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(new RegExp(`<${PREFIX}Relationship\\b[^<>]*>`, 'g'))) {
    const tag = m[0];
    out.push({
      tag,
      id: attribute(tag, 'Id') ?? '',
      type: attribute(tag, 'Type') ?? '',
      target: attribute(tag, 'Target') ?? '',
      external: attribute(tag, 'TargetMode') === 'External',
    });
  }
  return out;
}

/** A relationship target as a zip entry name: relative to the source part's folder, or absolute. */
export function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------------
// Packages

export async function openPackage(buf: Uint8Array, kind: string): Promise<JSZip> {
  checkXmlBudget(buf, kind);
  try {
    return await JSZip.loadAsync(buf);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `${kind.toUpperCase()} cannot be read: ${reason}`, { cause: err });
  }
}

async function readPart(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file === null ? null : file.async('string');
}

// jszip would otherwise add directory entries ("word/") that the original package did not have.
const REPLACE = { createFolders: false } as const;

/** Rewrites a part in place; an unchanged part is left alone so jszip copies its compressed bytes. */
async function rewritePart(zip: JSZip, name: string, edit: (xml: string) => string): Promise<void> {
  const xml = await readPart(zip, name);
  if (xml === null) return;
  const edited = edit(xml);
  if (edited !== xml) zip.file(name, edited, REPLACE);
}

const CORE_PROPERTIES = /\/metadata\/core-properties$/;
const EXTENDED_PROPERTIES = /\/extended-properties$/;
const CUSTOM_PROPERTIES = /\/custom-properties$/;

async function scrubPackageProperties(zip: JSZip, kind: ScrubKind): Promise<void> {
  const rootRels = (await readPart(zip, '_rels/.rels')) ?? '';
  const rels = relationships(rootRels);
  const target = (type: RegExp, fallback: string): string => {
    const rel = rels.find((r) => type.test(r.type));
    return rel === undefined ? fallback : resolveTarget('', rel.target);
  };

  // Dates (created, modified, lastPrinted) and the revision count say nothing about who wrote it.
  await rewritePart(zip, target(CORE_PROPERTIES, 'docProps/core.xml'), (xml) =>
    emptyElements(xml, ['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'description']),
  );
  await rewritePart(zip, target(EXTENDED_PROPERTIES, 'docProps/app.xml'), (xml) => {
    const out = emptyElements(xml, ['Company', 'Manager', 'HyperlinkBase']);
    // In a DOCX the only "title of part" is the document title; in PPTX/XLSX they are slide and
    // sheet names, which graders see anyway.
    if (kind !== 'docx') return out;
    return out.replace(/<(?:\w+:)?TitlesOfParts\b[\s\S]*?<\/(?:\w+:)?TitlesOfParts>/, (block) => emptyElements(block, ['lpstr', 'lpwstr']));
  });

  // Custom properties are free-form (department, employee id, SharePoint user); drop them whole.
  const customRels = rels.filter((r) => CUSTOM_PROPERTIES.test(r.type));
  const customParts = new Set([...customRels.map((r) => resolveTarget('', r.target)), 'docProps/custom.xml']);
  for (const part of customParts) zip.remove(part);
  if (customRels.length > 0) {
    zip.file(
      '_rels/.rels',
      customRels.reduce((xml, r) => xml.replace(r.tag, ''), rootRels),
      REPLACE,
    );
  }
  await rewritePart(zip, '[Content_Types].xml', (xml) =>
    xml.replace(new RegExp(`<${PREFIX}Override\\b[^<>]*>`, 'g'), (tag) => {
      const part = (attribute(tag, 'PartName') ?? '').replace(/^\//, '');
      return customParts.has(part) ? '' : tag;
    }),
  );
}

export function partsMatching(zip: JSZip, re: RegExp): string[] {
  return Object.keys(zip.files).filter((name) => re.test(name) && !(zip.files[name]?.dir ?? false));
}

async function scrubDocx(zip: JSZip): Promise<void> {
  // w:author/w:initials occur on comments and on every kind of tracked change (w:ins, w:del,
  // w:rPrChange, w:moveFrom…) in the body, headers, footnotes; w15:author in people.xml.
  for (const part of partsMatching(zip, /^word\/.*\.xml$/i)) {
    await rewritePart(zip, part, (xml) => {
      const out = setAttributes(xml, null, { author: NEUTRAL_AUTHOR, initials: NEUTRAL_AUTHOR });
      // people.xml: presenceInfo carries the account (often the e-mail address).
      return /people\.xml$/i.test(part) ? removeElements(out, 'presenceInfo') : out;
    });
  }
  // An attached template is linked by its full path, typically C:\Users\<name>\….
  for (const part of partsMatching(zip, /^word\/_rels\/settings\.xml\.rels$/i)) {
    await rewritePart(zip, part, (xml) =>
      relationships(xml)
        .filter((r) => r.external && /\/attachedTemplate$/.test(r.type))
        .reduce((out, r) => {
          const base = r.target.split(/[\\/]/).pop() ?? '';
          return out.replace(r.tag, setAttributes(r.tag, null, { Target: base }));
        }, xml),
    );
  }
}

async function scrubPptx(zip: JSZip): Promise<void> {
  // Classic comments (commentAuthors.xml) and modern ones (authors.xml, with the account id).
  for (const part of partsMatching(zip, /^ppt\/(?:commentAuthors|authors)\.xml$/i)) {
    await rewritePart(zip, part, (xml) =>
      removeElements(
        setAttributes(xml, new Set(['cmAuthor', 'author']), {
          name: NEUTRAL_AUTHOR,
          initials: NEUTRAL_AUTHOR,
          userId: NEUTRAL_AUTHOR,
          providerId: 'None',
        }),
        'presenceInfo',
      ),
    );
  }
}

async function scrubXlsx(zip: JSZip): Promise<void> {
  for (const part of partsMatching(zip, /^xl\/comments[^/]*\.xml$/i)) {
    await rewritePart(zip, part, (xml) => {
      const authors = [...xml.matchAll(new RegExp(`<(${PREFIX}author)>([\\s\\S]*?)</\\1>`, 'g'))].map((m) => m[2] ?? '');
      let out = emptyElements(xml, ['author']).replace(/<((?:\w+:)?author)><\/\1>/g, `<$1>${NEUTRAL_AUTHOR}</$1>`);
      // Excel starts each note's text with a bold "Author Name:" run.
      for (const author of authors) if (author !== '') out = out.split(`>${author}:<`).join(`>${NEUTRAL_AUTHOR}:<`);
      return out;
    });
  }
  // Threaded comments' people list.
  for (const part of partsMatching(zip, /^xl\/persons\/[^/]*\.xml$/i)) {
    await rewritePart(zip, part, (xml) =>
      setAttributes(xml, new Set(['person']), { displayName: NEUTRAL_AUTHOR, userId: NEUTRAL_AUTHOR, providerId: 'None' }),
    );
  }
  // Excel records the folder the workbook was last saved in (C:\Users\<name>\Documents\).
  await rewritePart(zip, 'xl/workbook.xml', (xml) => setAttributes(xml, new Set(['absPath']), { url: '' }));
}

type OoxmlKind = 'docx' | 'pptx' | 'xlsx';

// Charts in Word and PowerPoint keep their data in an embedded workbook, which carries its own
// docProps with the author; objects pasted from other documents do the same.
const EMBEDDED_PACKAGE = /^(?:word|ppt|xl)\/embeddings\/[^/]+\.(?:docx|docm|xlsx|xlsm|pptx|pptm)$/i;
const MAX_EMBEDDED_BYTES = 32 * 1024 * 1024;
// A package embedded in an embedded package is already rare; deeper nesting is not followed.
const MAX_EMBEDDING_DEPTH = 2;

async function scrubEmbedded(zip: JSZip, buf: Uint8Array, depth: number): Promise<void> {
  const sizes = new Map((zipEntries(buf) ?? []).map((e) => [e.name, e.size]));
  for (const part of partsMatching(zip, EMBEDDED_PACKAGE)) {
    const size = sizes.get(part);
    if (size === undefined || size > MAX_EMBEDDED_BYTES) continue;
    const inner = await zip.file(part)?.async('uint8array');
    const kind = inner === undefined ? null : detectOfficeKind(inner);
    if (inner === undefined || (kind !== 'docx' && kind !== 'pptx' && kind !== 'xlsx')) continue;
    try {
      zip.file(part, await scrubOoxml(inner, kind, depth + 1), REPLACE);
    } catch {
      // A broken embedded object stays as it was: refusing the whole download over it would
      // cost graders the document, and Office shows such objects as a picture anyway.
    }
  }
}

async function scrubOoxml(buf: Uint8Array, kind: OoxmlKind, depth = 0): Promise<Uint8Array> {
  const zip = await openPackage(buf, kind);
  try {
    await scrubPackageProperties(zip, kind);
    if (kind === 'docx') await scrubDocx(zip);
    else if (kind === 'pptx') await scrubPptx(zip);
    else await scrubXlsx(zip);
    if (depth < MAX_EMBEDDING_DEPTH) await scrubEmbedded(zip, buf, depth);
    return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `${kind.toUpperCase()} cannot be rewritten: ${reason}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------
// PDF

const INFO_KEPT = new Set(['CreationDate', 'ModDate']);

function refsIn(obj: PDFObject | undefined, out: PDFRef[]): void {
  if (obj instanceof PDFRef) out.push(obj);
  else if (obj instanceof PDFDict) for (const value of obj.values()) refsIn(value, out);
  else if (obj instanceof PDFArray) for (const value of obj.asArray()) refsIn(value, out);
  else if (obj instanceof PDFStream) refsIn(obj.dict, out);
}

async function scrubPdf(buf: Uint8Array): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    // Encryption is checked on the loaded document: pdf-lib's EncryptedPDFError is compiled to
    // ES5 and fails instanceof.
    doc = await PDFDocument.load(buf, { updateMetadata: false, ignoreEncryption: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `PDF cannot be read: ${reason}`, { cause: err });
  }
  // pdf-lib cannot decrypt, and rewriting an encrypted file would keep its (encrypted) metadata
  // while corrupting every string it touched.
  if (doc.isEncrypted) throw new ExtractError('encrypted', 'PDF is encrypted; its metadata cannot be removed without decrypting it');
  try {
    return await rewritePdf(doc);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `PDF cannot be rewritten: ${reason}`, { cause: err });
  }
}

async function rewritePdf(doc: PDFDocument): Promise<Uint8Array> {
  const { context } = doc;

  // XMP packets (catalog, pages, images) and application private data (PieceInfo) repeat the
  // author and often the original file path.
  const metadataKey = PDFName.of('Metadata');
  const pieceInfoKey = PDFName.of('PieceInfo');
  for (const [, obj] of context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    dict?.delete(metadataKey);
    dict?.delete(pieceInfoKey);
  }

  // Comment authors (/T of markup annotations). On form widgets /T is the field name, not a person.
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (const item of annots?.asArray() ?? []) {
      const annot = context.lookup(item);
      if (!(annot instanceof PDFDict)) continue;
      if (annot.lookup(PDFName.of('Subtype')) === PDFName.of('Widget')) continue;
      if (annot.has(PDFName.of('T'))) annot.set(PDFName.of('T'), PDFString.of(NEUTRAL_AUTHOR));
    }
  }

  const oldInfo = context.lookup(context.trailerInfo.Info);
  const info = context.obj({});
  if (oldInfo instanceof PDFDict) {
    for (const [key, value] of oldInfo.entries()) if (INFO_KEPT.has(key.decodeText())) info.set(key, value);
  }
  // Literal strings: both values are ASCII, and "()" reads better in a viewer's raw view than "<FEFF>".
  for (const key of ['Title', 'Author', 'Subject', 'Keywords']) info.set(PDFName.of(key), PDFString.of(''));
  for (const key of ['Creator', 'Producer']) info.set(PDFName.of(key), PDFString.of(NEUTRAL_PRODUCER));
  context.trailerInfo.Info = context.register(info);

  // pdf-lib writes every object it parsed, including ones no longer referenced: the old Info
  // dictionary, the detached XMP streams, and earlier revisions left by incremental saves. Keep
  // only what the trailer can reach.
  const reachable = new Set<string>();
  const queue: PDFRef[] = [];
  refsIn(context.trailerInfo.Root, queue);
  refsIn(context.trailerInfo.Info, queue);
  while (queue.length > 0) {
    const ref = queue.pop();
    if (ref === undefined || reachable.has(ref.tag)) continue;
    reachable.add(ref.tag);
    refsIn(context.lookup(ref), queue);
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref.tag)) context.delete(ref);

  // Classic cross-reference tables: every reader since PDF 1.0 opens them, and nothing hides in a
  // compressed object stream.
  return doc.save({ addDefaultPage: false, updateFieldAppearances: false, useObjectStreams: false });
}

/**
 * A copy of the file without authorship metadata, still openable by the usual readers.
 * Throws ExtractError: 'encrypted' for a password-protected PDF (pdf-lib cannot decrypt, so the
 * metadata cannot be removed), 'corrupt' when the file does not parse as `kind`, 'too_large' for
 * an OOXML package whose XML would unpack to more than 64 MiB.
 */
export async function scrubMetadata(buf: Uint8Array, kind: ScrubKind): Promise<Uint8Array> {
  switch (kind) {
    case 'txt':
      return buf.slice();
    case 'pdf':
      return scrubPdf(buf);
    case 'docx':
    case 'pptx':
    case 'xlsx':
      return scrubOoxml(buf, kind);
  }
}

// ---------------------------------------------------------------------------------------------
// Text of presentations and spreadsheets

const SLIDE_ENTRY = /^ppt\/slides\/slide(\d+)\.xml$/i;

async function slideOrder(zip: JSZip): Promise<string[]> {
  const presentation = (await readPart(zip, 'ppt/presentation.xml')) ?? '';
  const rels = relationships((await readPart(zip, 'ppt/_rels/presentation.xml.rels')) ?? '');
  const byId = new Map(rels.map((r) => [r.id, resolveTarget('ppt/', r.target)]));
  const ordered: string[] = [];
  for (const m of presentation.matchAll(new RegExp(`<${PREFIX}sldId\\b[^<>]*>`, 'g'))) {
    const part = byId.get(relationshipId(m[0]));
    if (part !== undefined && zip.file(part) !== null) ordered.push(part);
  }
  if (ordered.length > 0) return ordered;
  // No usable slide list: fall back to the file numbering.
  return partsMatching(zip, SLIDE_ENTRY).sort((a, b) => Number(SLIDE_ENTRY.exec(a)?.[1] ?? 0) - Number(SLIDE_ENTRY.exec(b)?.[1] ?? 0));
}

const PARAGRAPH = /<a:p\b(?:[^<>]*?\/>|[^<>]*>([\s\S]*?)<\/a:p>)/g;
const RUN_OR_BREAK = /<a:t(?:\s[^<>]*)?>([\s\S]*?)<\/a:t>|<a:br\b[^<>]*>/g;

function slideText(xml: string): string {
  const lines: string[] = [];
  for (const p of xml.matchAll(PARAGRAPH)) {
    let line = '';
    for (const r of (p[1] ?? '').matchAll(RUN_OR_BREAK)) line += r[1] === undefined ? '\n' : decodeXml(r[1]);
    if (line.trim() !== '') lines.push(line);
  }
  return lines.join('\n');
}

// Excel escapes characters XML cannot hold (and literal "_x" sequences) as _xHHHH_.
function decodeExcelEscapes(s: string): string {
  return s.replace(/_x([0-9a-f]{4})_/gi, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The visible text of a shared or inline string: its <t> runs, without phonetic (rPh) guides. */
function stringItemText(xml: string): string {
  const visible = xml.replace(new RegExp(`<(${PREFIX}rPh)\\b[\\s\\S]*?</\\1>`, 'g'), '');
  let text = '';
  for (const m of visible.matchAll(new RegExp(`<${PREFIX}t(?:\\s[^<>]*)?>([\\s\\S]*?)</${PREFIX}t>`, 'g'))) text += m[1] ?? '';
  return decodeExcelEscapes(decodeXml(text));
}

async function spreadsheetText(zip: JSZip): Promise<string> {
  const workbook = (await readPart(zip, 'xl/workbook.xml')) ?? '';
  const rels = relationships((await readPart(zip, 'xl/_rels/workbook.xml.rels')) ?? '');
  const byId = new Map(rels.map((r) => [r.id, resolveTarget('xl/', r.target)]));
  const sharedRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sharedXml = (await readPart(zip, sharedRel === undefined ? 'xl/sharedStrings.xml' : resolveTarget('xl/', sharedRel.target))) ?? '';
  const shared = [...sharedXml.matchAll(new RegExp(`<(${PREFIX}si)\\b(?:[^<>]*?/>|[^<>]*>([\\s\\S]*?)</\\1>)`, 'g'))].map((m) =>
    stringItemText(m[2] ?? ''),
  );

  const blocks: string[] = [];
  for (const m of workbook.matchAll(new RegExp(`<${PREFIX}sheet\\b[^<>]*>`, 'g'))) {
    const name = attribute(m[0], 'name') ?? '';
    const part = byId.get(relationshipId(m[0]));
    const xml = part === undefined ? null : await readPart(zip, part);
    const lines = [name];
    if (xml !== null) {
      for (const row of xml.matchAll(new RegExp(`<(${PREFIX}row)\\b(?:[^<>]*?/>|[^<>]*>([\\s\\S]*?)</\\1>)`, 'g'))) {
        const cells: string[] = [];
        for (const c of (row[2] ?? '').matchAll(new RegExp(`<(${PREFIX}c)\\b([^<>]*?)(?:/>|>([\\s\\S]*?)</\\1>)`, 'g'))) {
          const type = attribute(`<c${c[2] ?? ''}>`, 't');
          const body = c[3] ?? '';
          const value = new RegExp(`<${PREFIX}v(?:\\s[^<>]*)?>([\\s\\S]*?)</${PREFIX}v>`).exec(body)?.[1];
          let text: string | undefined;
          if (type === 's' && value !== undefined) text = shared[Number.parseInt(value, 10)];
          else if (type === 'inlineStr') text = stringItemText(body);
          // A formula's string result.
          else if (type === 'str' && value !== undefined) text = decodeExcelEscapes(decodeXml(value));
          if (text !== undefined && text.trim() !== '') cells.push(text);
        }
        if (cells.length > 0) lines.push(cells.join('\t'));
      }
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * Text for graders to read in the app.
 * pptx: slides in presentation order, one paragraph per line (a line break inside a paragraph
 * stays a line break), empty paragraphs dropped, slides separated by a blank line. Speaker notes
 * are not included.
 * xlsx: sheets in workbook order, each a block starting with the sheet name, then one line per
 * row holding that row's text cells (shared, inline and formula-string values) joined by tabs;
 * numbers are left out. Blocks are separated by a blank line.
 * Throws ExtractError 'corrupt' / 'too_large' like scrubMetadata.
 */
export async function extractOfficeText(buf: Uint8Array, kind: 'pptx' | 'xlsx'): Promise<string> {
  const zip = await openPackage(buf, kind);
  try {
    if (kind === 'xlsx') return await spreadsheetText(zip);
    const slides: string[] = [];
    for (const part of await slideOrder(zip)) {
      const text = slideText((await readPart(zip, part)) ?? '');
      if (text !== '') slides.push(text);
    }
    return slides.join('\n\n');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExtractError('corrupt', `${kind.toUpperCase()} cannot be read: ${reason}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------
// The candidate's identity in a file's text

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Text runs (w:t, a:t, t) and the ends of what joins them into one line: a paragraph (w:p, a:p) or a
// spreadsheet string (si, is). Word splits a typed name over several runs (spelling marks, revisions),
// so runs are joined into lines, matched as one text, and the masks mapped back onto the runs.
const TEXT_RUN = new RegExp(`<(${PREFIX}t)(\\s[^<>]*)?>([^<]*)</\\1>|</${PREFIX}(?:p|si|is)>`, 'g');

interface Run {
  /** Where the run's content sits in the XML. */
  xmlStart: number;
  xmlEnd: number;
  /** Where its decoded text sits in the joined text. */
  start: number;
  text: string;
}

/** Masks the identity in the text runs of one Office XML part; markup is left as it was. */
export function maskIdentityInXml(xml: string, who: Identity): string {
  const runs: Run[] = [];
  let joined = '';
  for (const m of xml.matchAll(TEXT_RUN)) {
    if (m[1] === undefined) {
      joined += '\n';
      continue;
    }
    const content = m[3] ?? '';
    const xmlStart = m.index + m[0].length - content.length - `</${m[1]}>`.length;
    const text = decodeXml(content);
    runs.push({ xmlStart, xmlEnd: xmlStart + content.length, start: joined.length, text });
    joined += text;
  }
  const spans = redactionSpans(joined, who);
  if (spans.length === 0) return xml;
  let out = '';
  let at = 0;
  for (const run of runs) {
    const end = run.start + run.text.length;
    // The parts of each span inside this run are cut out; the mask goes to the run where the span starts.
    let touched = false;
    let masked = '';
    let cursor = 0;
    for (const [s0, s1] of spans) {
      if (s1 <= run.start || s0 >= end) continue;
      const from = Math.max(s0, run.start) - run.start;
      touched = true;
      masked += run.text.slice(cursor, from) + (s0 >= run.start ? DEFAULT_MASK : '');
      cursor = Math.min(s1, end) - run.start;
    }
    if (!touched) continue;
    masked += run.text.slice(cursor);
    out += xml.slice(at, run.xmlStart) + escapeText(masked);
    at = run.xmlEnd;
  }
  return out + xml.slice(at);
}

const TEXT_PARTS: Readonly<Record<OoxmlKind, RegExp>> = {
  docx: /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/i,
  pptx: /^ppt\/(?:slides\/slide\d+|notesSlides\/notesSlide\d+|comments\/[^/]+)\.xml$/i,
  xlsx: /^xl\/(?:sharedStrings|worksheets\/sheet\d+|comments[^/]*)\.xml$/i,
};

/**
 * The file a blind grader downloads: the candidate's name (with its case forms, short forms and
 * transliterations), e-mail, phone and profile links masked in the text of a TXT or Office file.
 * A PDF is returned as it is: its page content cannot be rewritten reliably.
 */
export async function maskIdentityInFile(buf: Uint8Array, kind: ScrubKind, who: Identity): Promise<Uint8Array> {
  if (kind === 'pdf') return buf;
  if (kind === 'txt') {
    const text = view(buf).toString('utf8');
    const masked = redact(text, who);
    return masked === text ? buf : new Uint8Array(Buffer.from(masked, 'utf8'));
  }
  const zip = await openPackage(buf, kind);
  let changed = false;
  for (const part of partsMatching(zip, TEXT_PARTS[kind])) {
    const xml = await readPart(zip, part);
    if (xml === null) continue;
    const masked = maskIdentityInXml(xml, who);
    if (masked !== xml) {
      zip.file(part, masked, REPLACE);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } }) : buf;
}
