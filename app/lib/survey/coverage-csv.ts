// Served counts from a CSV file: unit code, procedure code (may be empty), from, to, count.
// Commas or semicolons (spreadsheets set to Vietnamese save with ";"), quoted fields, an optional
// header line, dates as dd/mm/yyyy or yyyy-mm-dd. Pure: codes are checked against the catalogue
// by the caller.

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

function splitLine(line: string, sep: string): string[] {
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

/** "dd/mm/yyyy", "d/m/yyyy" or "yyyy-mm-dd" → "yyyy-mm-dd" when it is a real date. */
export function parseDay(s: string): string | null {
  let y: number, m: number, d: number;
  const vn = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
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
