// The all-or-nothing CSV import that served counts and the late-dossier register share: every
// parsed line's unit and procedure codes are looked up in the catalogue and the user's units, each
// wrong line is named, and only when every line is right are the rows saved, all in one
// transaction (the `save` given, which also writes the audit entry).
// Codes are looked up in the importing account's agency only (docs/rules/agencies.md): another
// agency's unit or procedure code is an unknown code, and the file is refused whole.
import type { Kysely } from "kysely";
import type { CsvLineError } from "~/kernel/files/csv-read";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

/** Whether every unit and procedure named is the agency's own: a form or file naming another
 * agency's id is refused before anything is written (the keys would refuse it with an error). */
export async function placesAreAgencys(
  conn: Kysely<Database>,
  agencyId: number,
  rows: { unitId: number; procedureId: number | null }[],
): Promise<boolean> {
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const procIds = [...new Set(rows.flatMap((r) => (r.procedureId === null ? [] : [r.procedureId])))];
  const [units, procs] = await Promise.all([
    unitIds.length
      ? conn.selectFrom("unit").select("id").where("agency_id", "=", agencyId).where("id", "in", unitIds).execute()
      : [],
    procIds.length
      ? conn.selectFrom("procedure").select("id").where("agency_id", "=", agencyId).where("id", "in", procIds).execute()
      : [],
  ]);
  return units.length === unitIds.length && procs.length === procIds.length;
}

/** What every importable line names: where it stands in the file, its unit and its procedure. */
export interface CsvCodedLine {
  line: number;
  unitCode: string;
  procedureCode: string | null;
}

export type CsvImportResult = { ok: true; count: number } | { ok: false; errors: CsvLineError[] };

export async function importCsvRows<R extends CsvCodedLine, I>(opts: {
  /** The importing account's agency: only its units and procedures are looked up. */
  agencyId: number;
  parsed: { rows: R[]; errors: CsvLineError[] };
  /** The message keys' prefix: `csvUnit`, `csvScope`, `csvProcedure`, `csvEmpty` follow it. */
  errorPrefix: string;
  mayUseUnit: (unitId: number) => boolean;
  toInput: (row: R, unitId: number, procedureId: number | null) => I;
  save: (inputs: I[]) => Promise<{ ok: true; count: number } | { ok: false; key: string }>;
}): Promise<CsvImportResult> {
  const E = opts.errorPrefix;
  const all: CsvLineError[] = [...opts.parsed.errors];
  const units = new Map(
    (await db().selectFrom("unit").select(["id", "code"]).where("agency_id", "=", opts.agencyId).execute()).map((u) => [
      u.code.toUpperCase(),
      u.id,
    ]),
  );
  const procs = await db()
    .selectFrom("procedure")
    .select(["id", "code", "unit_id"])
    .where("agency_id", "=", opts.agencyId)
    .execute();
  const inputs: I[] = [];
  for (const r of opts.parsed.rows) {
    const unitId = units.get(r.unitCode.toUpperCase());
    if (!unitId) {
      all.push({ line: r.line, key: `${E}csvUnit`, code: r.unitCode });
      continue;
    }
    if (!opts.mayUseUnit(unitId)) {
      all.push({ line: r.line, key: `${E}csvScope` });
      continue;
    }
    let procedureId: number | null = null;
    if (r.procedureCode) {
      // A procedure of the whole department, or one of this unit's own.
      const p = procs.find(
        (x) => x.code.toUpperCase() === r.procedureCode!.toUpperCase() && (x.unit_id === null || x.unit_id === unitId),
      );
      if (!p) {
        all.push({ line: r.line, key: `${E}csvProcedure`, code: r.procedureCode });
        continue;
      }
      procedureId = p.id;
    }
    inputs.push(opts.toInput(r, unitId, procedureId));
  }
  if (all.length || !inputs.length)
    return {
      ok: false,
      errors: all.length ? all.sort((a, b) => a.line - b.line) : [{ line: 0, key: `${E}csvEmpty` }],
    };
  const saved = await opts.save(inputs);
  return saved.ok ? { ok: true, count: saved.count } : { ok: false, errors: [{ line: 0, key: saved.key }] };
}
