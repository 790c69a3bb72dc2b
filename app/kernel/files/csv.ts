// CSV that Excel opens correctly in Vietnamese and that cannot smuggle a formula into a
// spreadsheet (CSV injection): a cell starting with = + - @ or a control character is prefixed
// with an apostrophe, which spreadsheets show as text.
export const BOM = "\uFEFF";

const DANGEROUS = /^[=+\-@\t\r]/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : String(value);
  return typeof value === "string" && DANGEROUS.test(s) ? `'${s}` : s;
}

export function csvCell(value: unknown): string {
  const s = safeCell(value);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  // Same result as values.map(csvCell).join(","), without the per-cell checks numbers and empty
  // cells never need: a million-row export builds 35 million cells.
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    const v = values[i];
    if (v === null || v === undefined) continue;
    line += typeof v === "number" ? String(v) : csvCell(v);
  }
  return line + "\r\n";
}
