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

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
