// The register of dossiers returned late (NĐ 61/2018 Art. 19; docs/rules/tt01.md "The register"):
// checking one entry, reading the CSV import, and the period's figures. Pure: codes are checked
// against the catalogue by the caller.
import { readCsvLines, type CsvLineError } from "~/kernel/files/csv-read";
import { parseDay } from "~/features/survey/coverage-csv";

const E = "tt01.register.errors.";
export const LATE_CSV_COLUMNS = 9;

/** Dossier codes are compared without spaces or case, as Form A's dossier code is ("hs 001" is "HS001"). */
export const normaliseDossierCode = (code: string) => code.toUpperCase().replace(/\s+/g, "");

export interface LateInput {
  code: string;
  promised: string;
  returned: string | null;
  apologySent: boolean;
  apologyDate: string | null;
  newDate: string | null;
  newDateKept: boolean | null;
}

export interface LateRaw {
  code: string;
  promised: string;
  returned: string;
  apology: string;
  apologyDate: string;
  newDate: string;
  kept: string;
}

/** "có/yes/1" → true, "không/no/0" → false, empty → null, anything else → undefined (an error). */
export function parseYesNo(s: string): boolean | null | undefined {
  const v = s.trim().toLowerCase();
  if (!v) return null;
  if (["có", "co", "yes", "y", "1", "true", "x"].includes(v)) return true;
  if (["không", "khong", "no", "n", "0", "false"].includes(v)) return false;
  return undefined;
}

/** Checks one entry; errors are translation keys by field. */
export function checkLate(
  raw: LateRaw,
): { ok: true; value: LateInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const code = normaliseDossierCode(raw.code);
  if (!code || code.length > 40) errors.code = `${E}code`;
  const promised = parseDay(raw.promised);
  if (!promised) errors.promised = `${E}promised`;
  const opt = (s: string, key: string) => {
    if (!s.trim()) return null;
    const d = parseDay(s);
    if (!d) errors[key] = `${E}${key}`;
    return d;
  };
  const returned = opt(raw.returned, "returned");
  const apologyDate = opt(raw.apologyDate, "apologyDate");
  const newDate = opt(raw.newDate, "newDate");
  const apology = parseYesNo(raw.apology);
  if (apology === undefined || apology === null) errors.apology = `${E}apology`;
  const kept = parseYesNo(raw.kept);
  if (kept === undefined) errors.kept = `${E}kept`;
  // A dossier in this register was returned after the promised day (or not returned yet).
  if (promised && returned && returned <= promised) errors.returned = `${E}notLate`;
  if (apology === false && apologyDate) errors.apologyDate = `${E}apologyDateWithoutApology`;
  if (promised && newDate && newDate <= promised) errors.newDate = `${E}newDateBefore`;
  if (kept !== null && kept !== undefined && !newDate) errors.kept = `${E}keptWithoutNewDate`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      code,
      promised: promised!,
      returned,
      apologySent: apology!,
      apologyDate,
      newDate,
      newDateKept: kept ?? null,
    },
  };
}

export interface LateCsvRow extends LateInput {
  line: number;
  unitCode: string;
  procedureCode: string | null;
}
export type LateCsvError = CsvLineError;

/** CSV lines: dossier code, unit code, procedure code (may be empty), promised date, returned
 * date, apology sent (có/không), apology date, new date, new date kept (có/không/empty). Commas
 * or semicolons, an optional header line, dates dd/mm/yyyy or yyyy-mm-dd. */
export function parseLateCsv(text: string): { rows: LateCsvRow[]; errors: LateCsvError[] } {
  const rows: LateCsvRow[] = [];
  const errors: LateCsvError[] = [];
  const seen = new Set<string>();
  // A first line whose promised date is not a date is a header.
  for (const { line, cells } of readCsvLines(text, (cells) => !parseDay(cells[3] ?? ""))) {
    if (cells.length !== LATE_CSV_COLUMNS) {
      errors.push({ line, key: `${E}csvColumns` });
      continue;
    }
    const [code, unitCode, procedureCode, promised, returned, apology, apologyDate, newDate, kept] = cells;
    if (!unitCode) {
      errors.push({ line, key: `${E}csvUnit`, code: "" });
      continue;
    }
    const checked = checkLate({ code, promised, returned, apology, apologyDate, newDate, kept });
    if (!checked.ok) {
      for (const key of Object.values(checked.errors)) errors.push({ line, key });
      continue;
    }
    if (seen.has(checked.value.code)) {
      errors.push({ line, key: `${E}csvDuplicate`, code: checked.value.code });
      continue;
    }
    seen.add(checked.value.code);
    rows.push({ ...checked.value, line, unitCode, procedureCode: procedureCode || null });
  }
  return { rows, errors };
}

export interface LateEntry {
  unitId: number;
  apologySent: boolean;
  newDate: string | null;
  newDateKept: boolean | null;
}

export interface LateUnitFigures {
  unitId: number;
  late: number;
  apologySent: number;
  /** Late without an apology letter: counts against the unit. */
  withoutApology: number;
}

export interface LateFigures extends Omit<LateUnitFigures, "unitId"> {
  newDateKept: number;
  newDateMissed: number;
  byUnit: LateUnitFigures[];
}

export function lateFigures(rows: LateEntry[]): LateFigures {
  const byUnit = new Map<number, LateUnitFigures>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, late: 0, apologySent: 0, withoutApology: 0 };
    u.late++;
    if (r.apologySent) u.apologySent++;
    else u.withoutApology++;
    byUnit.set(r.unitId, u);
  }
  const sum = (k: "late" | "apologySent" | "withoutApology") => [...byUnit.values()].reduce((a, u) => a + u[k], 0);
  return {
    late: sum("late"),
    apologySent: sum("apologySent"),
    withoutApology: sum("withoutApology"),
    newDateKept: rows.filter((r) => r.newDate && r.newDateKept === true).length,
    newDateMissed: rows.filter((r) => r.newDate && r.newDateKept === false).length,
    byUnit: [...byUnit.values()].sort(
      (a, b) => b.withoutApology - a.withoutApology || b.late - a.late || a.unitId - b.unitId,
    ),
  };
}
