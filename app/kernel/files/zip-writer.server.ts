// A ZIP archive written straight into a stream, one deflated entry at a time, without ever
// holding an entry in memory: CRC-32 and sizes are counted on the way through and written after
// the data (data descriptors). Back-pressure is respected both ways: into the compressor and from
// the compressor into the output, so a slow download slows the export instead of filling memory.
import type { Writable } from "node:stream";
import zlib from "node:zlib";
import {
  ZIP32_LIMIT,
  centralHeader,
  dataDescriptor,
  dosDateTime,
  endOfCentralDirectory,
  localHeader,
  type ZipEntryInfo,
} from "~/kernel/files/zip-records";

/** Resolves once `stream` can take more, rejects if it is closed or fails first (the download was
 * cancelled): waiting on 'drain' alone would then hang the export for ever. A stream already
 * destroyed refuses every write without ever needing a drain: that rejects too, or the export
 * would run to its end into nothing (holding its database connection all the while). */
export function drain(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error("The output closed before the export finished."));
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off("drain", onDrain);
      stream.off("close", onClose);
      stream.off("error", done);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("The output closed before the export finished."));
    stream.on("drain", onDrain);
    stream.on("close", onClose);
    stream.on("error", done);
  });
}

export class TooLargeError extends Error {}

export interface ZipEntryWriter {
  write(data: Buffer): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: ZipEntryInfo[] = [];
  private open = false;
  private readonly stamp = dosDateTime(new Date());

  /** level: zlib level. 1: the responses export at 200,000 rows took 3.4–3.6 s of CPU and made
   * 38 MB, against 4.0–4.4 s and 35 MB at 3 (docs/decisions/0012-export-cursor.md). */
  constructor(
    private readonly out: Writable,
    private readonly level = 1,
  ) {}

  private async emit(b: Buffer): Promise<void> {
    this.offset += b.length;
    if (!this.out.write(b)) await drain(this.out);
  }

  async entry(name: string): Promise<ZipEntryWriter> {
    if (this.open) throw new Error("ZipWriter: close the previous entry first");
    this.open = true;
    const info: ZipEntryInfo = {
      name: Buffer.from(name, "utf8"),
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
      ...this.stamp,
    };
    await this.emit(localHeader(info.name, info.time, info.date));
    const deflate = zlib.createDeflateRaw({ level: this.level });
    const out = this.out;
    let failure: Error | null = null;
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on("data", (chunk: Buffer) => {
        info.compressedSize += chunk.length;
        this.offset += chunk.length;
        if (!out.write(chunk)) {
          deflate.pause();
          drain(out).then(
            () => deflate.resume(),
            (err: Error) => deflate.destroy(err),
          );
        }
      });
      deflate.on("end", resolve);
      deflate.on("error", (err) => {
        failure = err;
        reject(err);
      });
    });
    finished.catch(() => {}); // surfaced by write()/close()
    return {
      write: async (data) => {
        if (failure) throw failure;
        info.size += data.length;
        // Plain ZIP counts sizes and offsets in 32 bits: past that readers see a corrupt file.
        if (info.size > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) {
          deflate.destroy();
          throw new TooLargeError(
            "The XLSX file would pass 4 GB, the most a plain ZIP can hold: export CSV or a shorter period.",
          );
        }
        info.crc = zlib.crc32(data, info.crc);
        if (!deflate.write(data)) await drain(deflate);
      },
      close: async () => {
        deflate.end();
        await finished;
        if (info.compressedSize > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) {
          throw new TooLargeError(
            "The XLSX file would pass 4 GB, the most a plain ZIP can hold: export CSV or a shorter period.",
          );
        }
        await this.emit(dataDescriptor(info));
        this.entries.push(info);
        this.open = false;
      },
    };
  }

  async file(name: string, text: string): Promise<void> {
    const e = await this.entry(name);
    await e.write(Buffer.from(text, "utf8"));
    await e.close();
  }

  /** Writes the central directory and ends the output (without waiting for it to be read). */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) await this.emit(centralHeader(e));
    const size = this.offset - start;
    if (this.offset > ZIP32_LIMIT)
      throw new TooLargeError(
        "The XLSX file would pass 4 GB, the most a plain ZIP can hold: export CSV or a shorter period.",
      );
    await this.emit(endOfCentralDirectory(this.entries.length, size, start));
    this.out.end();
  }
}
