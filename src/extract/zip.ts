import { constants, inflateRawSync } from 'node:zlib';
import { ExtractError } from './errors.js';

/**
 * What an Office package's ZIP central directory says. The declared sizes are only a hint: a
 * hostile file can claim 1,000 bytes for a part that inflates to 200 MB, so checkXmlBudget()
 * measures what the parts really inflate to before jszip or mammoth unpack a byte.
 */
export interface ZipEntry {
  name: string;
  /** Declared unpacked size (from the zip64 extra field when the 32-bit field is saturated). */
  size: number;
  compressedSize: number;
  method: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_ENTRY_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;

/**
 * Unpacked XML a package may hold, by kind. Real files are far below: a 60-page resume or a
 * 40-page proposal with tables has 1–3 MiB of document XML, a 100-slide deck a few MiB, a sales
 * plan of 20,000 rows about 10 MiB. Word processing and slide parsing cost far more per byte than
 * sheet rows, hence the smaller DOCX budget.
 */
export const XML_BUDGET_BYTES: Readonly<Record<string, number>> = {
  docx: 8 * 1024 * 1024,
  pptx: 16 * 1024 * 1024,
  xlsx: 32 * 1024 * 1024,
};
const DEFAULT_XML_BUDGET = 8 * 1024 * 1024;
/** Every part together (pictures are already compressed, so they inflate to about their size). */
export const TOTAL_BUDGET_BYTES = 96 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

const XML_PART = /\.(?:xml|rels|vml)$/i;

function zip64Values(extra: Buffer, wanted: { size: boolean; compressed: boolean; offset: boolean }) {
  // The zip64 extra field holds, in this order, only the values whose 32-bit field is saturated.
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      const next = (): number | null => {
        if (p + 8 > at + 4 + len || p + 8 > extra.length) return null;
        const v = Number(extra.readBigUInt64LE(p));
        p += 8;
        return v;
      };
      return {
        size: wanted.size ? next() : null,
        compressed: wanted.compressed ? next() : null,
        offset: wanted.offset ? next() : null,
      };
    }
    at += 4 + len;
  }
  return { size: null, compressed: null, offset: null };
}

/** Entries of the central directory; null when there is none to read. */
export function zipEntries(buf: Uint8Array): ZipEntry[] | null {
  if (buf.length < 22) return null;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // A zip64 archive saturates the count; walk the directory until its signature stops.
  const limit = count === 0xffff ? MAX_ENTRIES : count;
  for (let n = 0; n < limit; n++) {
    if (at + 46 > buf.length || dv.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) return entries.length > 0 ? entries : null;
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const nameEnd = Math.min(buf.length, at + 46 + nameLength);
    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK || localHeaderOffset === ZIP64_MARK) {
      const z = zip64Values(bytes.subarray(nameEnd, Math.min(buf.length, nameEnd + extraLength)), {
        size: size === ZIP64_MARK,
        compressed: compressedSize === ZIP64_MARK,
        offset: localHeaderOffset === ZIP64_MARK,
      });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      localHeaderOffset = z.offset ?? localHeaderOffset;
    }
    entries.push({ name: bytes.toString('utf8', at + 46, nameEnd), size, compressedSize, method, localHeaderOffset });
    at += 46 + nameLength + extraLength + dv.getUint16(at + 32, true);
  }
  return entries;
}

const tooComplex = (kind: string, what: string) => new ExtractError('too_complex', `${kind.toUpperCase()} ${what}`);

/**
 * How many bytes one entry really inflates to, reading its data where jszip does (local header
 * offset from the central directory, compressed size from the directory) and stopping as soon as
 * `cap` is passed. Returns cap + 1 when it is passed; a damaged stream counts what came out
 * before the damage (the parser that follows reports the damage).
 */
function inflatedSize(bytes: Buffer, e: ZipEntry, cap: number): number {
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_ENTRY_SIGNATURE) return 0;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
  if (e.method === STORED) return data.length;
  if (e.method !== DEFLATED) return 0;
  try {
    // maxOutputLength makes zlib stop (and throw) once the output passes the cap, so a bomb is
    // never inflated beyond the budget.
    return inflateRawSync(data, { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    if (err instanceof RangeError) return cap + 1;
    return 0;
  }
}

/**
 * Refuses ('too_complex') a package whose XML parts inflate to more than the budget for its kind,
 * whose parts together inflate to more than TOTAL_BUDGET_BYTES, or whose directory alone already
 * declares more. Measured on the bytes actually inflated, never on what the directory claims. A
 * missing or odd directory passes: the unzipper that follows rejects it as corrupt.
 */
export function checkXmlBudget(buf: Uint8Array, kind: string): void {
  const entries = zipEntries(buf) ?? [];
  if (entries.length >= MAX_ENTRIES) throw tooComplex(kind, `has ${entries.length} parts`);
  const xmlBudget = XML_BUDGET_BYTES[kind] ?? DEFAULT_XML_BUDGET;
  const declaredXml = entries.filter((e) => XML_PART.test(e.name)).reduce((s, e) => s + e.size, 0);
  if (declaredXml > xmlBudget) throw tooComplex(kind, `XML parts declare ${declaredXml} bytes unpacked`);
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let xml = 0;
  let total = 0;
  for (const e of entries) {
    const isXml = XML_PART.test(e.name);
    const cap = Math.min(TOTAL_BUDGET_BYTES - total, isXml ? xmlBudget - xml : Infinity);
    const size = inflatedSize(bytes, e, cap);
    total += size;
    if (isXml) xml += size;
    if (isXml && xml > xmlBudget) throw tooComplex(kind, `XML parts inflate to more than ${xmlBudget} bytes`);
    if (total > TOTAL_BUDGET_BYTES) throw tooComplex(kind, `parts inflate to more than ${TOTAL_BUDGET_BYTES} bytes`);
  }
}
