// The fixed records of a ZIP archive (PKWARE APPNOTE 4.3), for a writer that streams each entry
// once: the local header goes out before the data with zero CRC and sizes (general-purpose bit 3),
// and the real values follow the data in a data descriptor and again in the central directory.
// Plain 32-bit ZIP: the writer refuses past 4 GB rather than write an archive readers misread.

export const ZIP32_LIMIT = 0xffffffff;

// Bit 3: sizes and CRC in the data descriptor. Bit 11: names are UTF-8.
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate and data descriptors

export interface ZipEntryInfo {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

/** MS-DOS time and date fields (local time, 2-second steps, years from 1980). */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function localHeader(name: Buffer, time: number, date: number): Buffer {
  const b = Buffer.alloc(30 + name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(DEFLATE, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // CRC-32, compressed and uncompressed sizes (14..25) stay zero: they follow in the descriptor.
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(0, 28);
  name.copy(b, 30);
  return b;
}

export function dataDescriptor(e: Pick<ZipEntryInfo, "crc" | "compressedSize" | "size">): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc >>> 0, 4);
  b.writeUInt32LE(e.compressedSize, 8);
  b.writeUInt32LE(e.size, 12);
  return b;
}

export function centralHeader(e: ZipEntryInfo): Buffer {
  const b = Buffer.alloc(46 + e.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, spec 2.0
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(DEFLATE, 10);
  b.writeUInt16LE(e.time, 12);
  b.writeUInt16LE(e.date, 14);
  b.writeUInt32LE(e.crc >>> 0, 16);
  b.writeUInt32LE(e.compressedSize, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  // Extra field, comment, disk number, internal and external attributes (30..41) stay zero.
  b.writeUInt32LE(e.offset, 42);
  e.name.copy(b, 46);
  return b;
}

export function endOfCentralDirectory(entries: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}
