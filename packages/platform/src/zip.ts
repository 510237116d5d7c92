import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Minimal ZIP container (store + deflate), enough for XLSX files. No dependencies. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Writes entries with deflate. Timestamps are fixed (1980-01-01) so the same input gives the same bytes. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((size, part) => size + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The bytes are not a ZIP this reader takes (the message is Chinese, for the uploader). */
export class BadZipError extends Error {}

/** Inflating would produce more bytes than the caller allows. */
export class ZipTooLargeError extends Error {}

export interface ZipReader {
  names: string[];
  /** The uncompressed size the central directory declares, before anything is inflated. */
  declaredSize(name: string): number | undefined;
  /** Inflates one entry, counted against the reader's budget; undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

interface CentralEntry {
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/**
 * Opens a ZIP by its central directory; entries are inflated one at a time, on demand, within one
 * budget of `maxInflatedBytes` for everything read. Each entry's declared size is checked against
 * what is left of the budget before it is inflated, and inflation stops (zlib's `maxOutputLength`,
 * checked chunk by chunk) as soon as the output passes the declared size, so a zip bomb costs no
 * more memory than the budget whatever its headers say. Encrypted, ZIP64 and other compression
 * methods are refused.
 */
export function openZip(zip: Buffer, limits: { maxInflatedBytes: number }): ZipReader {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new BadZipError('不是 ZIP 格式');
  const count = zip.readUInt16LE(end + 10);
  let pointer = zip.readUInt32LE(end + 16);
  const entries = new Map<string, CentralEntry>();
  for (let i = 0; i < count; i++) {
    if (pointer + 46 > zip.length || zip.readUInt32LE(pointer) !== 0x02014b50) throw new BadZipError('ZIP 目录已损坏');
    const flags = zip.readUInt16LE(pointer + 8);
    const method = zip.readUInt16LE(pointer + 10);
    const compressedSize = zip.readUInt32LE(pointer + 20);
    const size = zip.readUInt32LE(pointer + 24);
    const nameLength = zip.readUInt16LE(pointer + 28);
    const extraLength = zip.readUInt16LE(pointer + 30);
    const commentLength = zip.readUInt16LE(pointer + 32);
    const localOffset = zip.readUInt32LE(pointer + 42);
    const name = zip.subarray(pointer + 46, pointer + 46 + nameLength).toString('utf8');
    pointer += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new BadZipError('不支持加密的文件');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new BadZipError('不支持 ZIP64 格式');
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) throw new BadZipError('ZIP 文件头已损坏');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) throw new BadZipError('ZIP 文件不完整');
    entries.set(name, { method, compressedSize, size, dataStart });
  }
  let budget = limits.maxInflatedBytes;
  return {
    names: [...entries.keys()],
    declaredSize: (name) => entries.get(name)?.size,
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.size > budget) throw new ZipTooLargeError(`解压后超过 ${Math.floor(limits.maxInflatedBytes / 1024 / 1024)} MB`);
      const raw = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      let data: Buffer;
      if (entry.method === 0) data = Buffer.from(raw);
      else if (entry.method === 8) {
        try {
          // One byte more than declared: an entry that inflates past its declared size is refused.
          data = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLargeError('解压后的大小与文件声明的不符');
          throw new BadZipError('ZIP 数据已损坏');
        }
      } else throw new BadZipError(`不支持的压缩方式 ${entry.method}`);
      if (data.length !== entry.size) throw new BadZipError('解压后的大小与文件声明的不符');
      budget -= data.length;
      return data;
    },
  };
}
