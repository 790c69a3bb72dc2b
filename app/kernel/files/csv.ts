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
  // cells never need: a million-row export builds 35 million cells. Joined from an array, not
  // appended cell by cell: appending left a chain of ~70 small strings per line until the line was
  // written, and at a batch of lines those chains were most of what each young-generation garbage
  // collection had to copy (README "Performance", issue 18).
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    cells[i] = v === null || v === undefined ? "" : typeof v === "number" ? String(v) : csvCell(v);
  }
  return cells.join(",") + "\r\n";
}
