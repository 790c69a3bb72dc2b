// Served counts from a CSV file: unit code, procedure code (may be empty), from, to, count.
// Commas or semicolons (spreadsheets set to Vietnamese save with ";"), quoted fields, an optional
// header line, dates as dd/mm/yyyy or yyyy-mm-dd. Pure: codes are checked against the catalogue
// by the caller.
import { readCsvLines, type CsvLineError } from "~/kernel/files/csv-read";
import { parseDateInput } from "~/kernel/time/clock";

export interface CsvRow {
  line: number;
  unitCode: string;
  procedureCode: string | null;
  start: string;
  end: string;
  count: number;
}
export type CsvError = CsvLineError;

export const CSV_MAX_LINES = 5000;
export const CSV_MAX_BYTES = 1_000_000;
const E = "surveyStaff.coverage.errors.";

/** A real day between 2000 and 2100 ("dd/mm/yyyy" or "yyyy-mm-dd") as "yyyy-mm-dd"; the
 * range catches a year typed wrong. */
export function parseDay(s: string): string | null {
  const d = parseDateInput(s);
  return d && d >= "2000-01-01" && d <= "2100-12-31" ? d : null;
}

export function parseCoverageCsv(text: string): { rows: CsvRow[]; errors: CsvError[] } {
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  // A first line whose dates and count are not dates and a number is a header.
  const lines = readCsvLines(text, (cells) => !parseDay(cells[2] ?? "") && !/^\d+$/.test(cells[4] ?? ""));
  for (const { line, cells } of lines) {
    if (cells.length !== 5) {
      errors.push({ line, key: `${E}csvColumns` });
      continue;
    }
    const [unitCode, procedureCode, s, e, c] = cells;
    const start = parseDay(s);
    const end = parseDay(e);
    if (!unitCode) errors.push({ line, key: `${E}csvUnit`, code: "" });
    else if (!start || !end) errors.push({ line, key: `${E}csvDate` });
    else if (end < start) errors.push({ line, key: `${E}csvPeriod` });
    else if (!/^\d{1,7}$/.test(c)) errors.push({ line, key: `${E}csvCount` });
    else rows.push({ line, unitCode, procedureCode: procedureCode || null, start, end, count: Number(c) });
  }
  return { rows, errors };
}
