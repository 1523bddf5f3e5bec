import { ExtractError } from './errors.js';

/**
 * What an Office package's ZIP central directory says, read without inflating anything: the
 * extractor and the scrubber both refuse zip bombs from these declared sizes before jszip or
 * mammoth unpack a byte.
 */
export interface ZipEntry {
  name: string;
  size: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
// Zip64 keeps the real size in an extra field; jszip checks it while inflating anyway.
const ZIP64_SIZE = 0xffffffff;
// Real documents' XML is far smaller; this only stops zip bombs.
const MAX_UNPACKED_XML_BYTES = 64 * 1024 * 1024;

/** Names and declared unpacked sizes from the central directory; null when there is none to read. */
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
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || dv.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) return entries.length > 0 ? entries : null;
    const size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    entries.push({ name: bytes.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength)), size });
    at += 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * Refuses a package whose XML parts declare more than the budget unpacked. A missing or odd
 * directory passes: the unzipper that follows rejects it as corrupt.
 */
export function checkXmlBudget(buf: Uint8Array, kind: string): void {
  const total = (zipEntries(buf) ?? [])
    .filter((e) => e.size !== ZIP64_SIZE && /\.(?:xml|rels)$/i.test(e.name))
    .reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNPACKED_XML_BYTES) throw new ExtractError('too_large', `${kind.toUpperCase()} XML parts unpack to ${total} bytes`);
}
