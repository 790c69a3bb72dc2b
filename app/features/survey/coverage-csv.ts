// Served counts from a CSV file: unit code, procedure code (may be empty), from, to, count.
// Commas or semicolons (spreadsheets set to Vietnamese save with ";"), quoted fields, an optional
// header line, dates as dd/mm/yyyy or yyyy-mm-dd. Pure: codes are checked against the catalogue
// by the caller.
import { parseDateInput } from "~/kernel/time/clock";

export interface CsvRow {
  line: number;
  unitCode: string;
  procedureCode: string | null;
  start: string;
  end: string;
  count: number;
}
export interface CsvError {
  line: number;
  key: string;
  code?: string;
}

export const CSV_MAX_LINES = 5000;
export const CSV_MAX_BYTES = 1_000_000;
const E = "surveyStaff.coverage.errors.";

/** One CSV line split at `sep`, quotes honoured (shared with the late-dossier register import). */
export function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** A real day between 2000 and 2100 ("dd/mm/yyyy" or "yyyy-mm-dd") as "yyyy-mm-dd"; the
 * range catches a year typed wrong. */
export function parseDay(s: string): string | null {
  const d = parseDateInput(s);
  return d && d >= "2000-01-01" && d <= "2100-12-31" ? d : null;
}

export function parseCoverageCsv(text: string): { rows: CsvRow[]; errors: CsvError[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim()) ?? "";
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  let seenData = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cells = splitLine(raw, sep);
    // A first line whose dates and count are not dates and a number is a header.
    if (!seenData && !parseDay(cells[2] ?? "") && !/^\d+$/.test(cells[4] ?? "")) {
      seenData = true;
      return;
    }
    seenData = true;
    if (cells.length !== 5) return void errors.push({ line, key: `${E}csvColumns` });
    const [unitCode, procedureCode, s, e, c] = cells;
    const start = parseDay(s);
    const end = parseDay(e);
    if (!unitCode) return void errors.push({ line, key: `${E}csvUnit`, code: "" });
    if (!start || !end) return void errors.push({ line, key: `${E}csvDate` });
    if (end < start) return void errors.push({ line, key: `${E}csvPeriod` });
    if (!/^\d{1,7}$/.test(c)) return void errors.push({ line, key: `${E}csvCount` });
    rows.push({ line, unitCode, procedureCode: procedureCode || null, start, end, count: Number(c) });
  });
  return { rows, errors };
}
