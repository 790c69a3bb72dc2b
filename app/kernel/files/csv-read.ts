// Reading a CSV that people typed or saved from a spreadsheet: commas or semicolons (spreadsheets
// set to Vietnamese save with ";"), quoted fields, a byte-order mark, any line ending, an optional
// header line. Pure; what the cells mean is the caller's business.

/** A line refused by an import: its 1-based number (0: the whole file), the message key and the
 * code it names, if any. */
export interface CsvLineError {
  line: number;
  key: string;
  code?: string;
}

/** One CSV line split at `sep`, quotes honoured. */
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

/** The non-blank lines' cells with their 1-based line numbers. The separator is the one the first
 * non-blank line has more of; that line is left out when `isHeader` says it is a header. */
export function readCsvLines(text: string, isHeader: (cells: string[]) => boolean) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim()) ?? "";
  const sep = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const out: { line: number; cells: string[] }[] = [];
  let seenData = false;
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw, sep);
    const header = !seenData && isHeader(cells);
    seenData = true;
    if (!header) out.push({ line: i + 1, cells });
  });
  return out;
}
