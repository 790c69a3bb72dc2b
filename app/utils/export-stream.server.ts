// Row writers for CSV and XLSX that stream into a Node stream, respecting back-pressure so a
// million rows never sit in memory at once.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { BOM, csvLine, safeCell } from "~/lib/csv";

export interface RowSink {
  /** Starts a sheet (XLSX) or a blank-line-separated section (CSV). */
  sheet(name: string, header: string[]): void;
  row(values: unknown[]): Promise<void>;
  end(): Promise<void>;
}

async function drained(out: PassThrough) {
  if (out.writableNeedDrain) await new Promise((r) => out.once("drain", r));
}

export function csvSink(out: PassThrough): RowSink {
  let started = false;
  return {
    // The first section starts the file; later ones follow a blank line and their name, so a
    // one-table export is plain CSV and a several-table one still reads as sections.
    sheet(name, header) {
      if (!started) out.write(BOM);
      else out.write("\r\n" + csvLine([name]));
      started = true;
      out.write(csvLine(header));
    },
    async row(values) {
      if (!out.write(csvLine(values))) await drained(out);
    },
    async end() {
      out.end();
    },
  };
}

export function xlsxSink(out: PassThrough): RowSink {
  // Inline strings (no shared-strings table) keep memory flat however many rows there are.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  let ws: ExcelJS.Worksheet | null = null;
  let rows = 0;
  return {
    sheet(name, header) {
      ws?.commit();
      ws = wb.addWorksheet(name.slice(0, 31) || "Sheet");
      ws.addRow(header).commit();
    },
    async row(values) {
      // Numbers stay numbers; text goes through the same formula guard as CSV.
      ws!.addRow(values.map((v) => (typeof v === "number" || v === null || v === undefined ? v ?? null : safeCell(v)))).commit();
      if (++rows % 1000 === 0) await drained(out);
    },
    async end() {
      ws?.commit();
      await wb.commit();
    },
  };
}

export const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
