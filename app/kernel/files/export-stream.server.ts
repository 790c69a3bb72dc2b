// Row writers for CSV and XLSX that stream into a Node stream, respecting back-pressure so a
// million rows never sit in memory at once.
import type { Writable } from "node:stream";
import { BOM, csvLine, safeCell } from "~/kernel/files/csv";
import { XlsxWriter, type Cell } from "./xlsx-writer.server";
import { drain } from "./zip-writer.server";

export interface RowSink {
  /** Starts a sheet (XLSX) or a blank-line-separated section (CSV). */
  sheet(name: string, header: string[]): void;
  /** Returns a promise only when the row has to wait for the output (back-pressure). */
  row(values: unknown[]): Promise<void> | void;
  end(): Promise<void>;
}

// Lines are gathered into one string of about this many characters per write: a write per row
// cost more than building the row (profiled at a million rows).
const BATCH_CHARS = 256 * 1024;

export function csvSink(out: Writable): RowSink {
  let started = false;
  // The lines waiting, joined into one string per write.
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = pending.join("");
    pending = [];
    size = 0;
    if (text && !out.write(text)) await drain(out);
  };
  const add = (line: string) => {
    pending.push(line);
    size += line.length;
  };
  return {
    // The first section starts the file; later ones follow a blank line and their name, so a
    // one-table export is plain CSV and a several-table one still reads as sections.
    sheet(name, header) {
      if (!started) add(BOM);
      else add("\r\n" + csvLine([name]));
      started = true;
      add(csvLine(header));
    },
    row(values) {
      add(csvLine(values));
      if (size >= BATCH_CHARS) return flush();
    },

    async end() {
      await flush();
      out.end();
    },
  };
}

export function xlsxSink(out: Writable): RowSink {
  const xlsx = new XlsxWriter(out);
  // sheet() is synchronous in the RowSink contract (callers do not await it) while starting a
  // ZIP entry is not: the steps are chained and every row or end waits for the chain first.
  let ready: Promise<void> = Promise.resolve();
  return {
    sheet(name, header) {
      ready = ready.then(async () => {
        await xlsx.addSheet(name);
        await xlsx.addRow(header);
      });
    },
    async row(values) {
      await ready;
      // Numbers stay numbers; text goes through the same formula guard as CSV.
      await xlsx.addRow(
        values.map((v): Cell => (typeof v === "number" || v === null || v === undefined ? v : safeCell(v))),
      );
    },
    async end() {
      await ready;
      await xlsx.finish();
    },
  };
}

export const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
