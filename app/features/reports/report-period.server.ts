// Report periods per agency and year: pre-filled from NĐ 09/2019 and the plan, editable by the
// agency's Office. Every read and write names the agency (docs/rules/agencies.md): a period id of
// another agency is not found.
import { defaultWindows, type PeriodKind } from "~/features/reports/report-periods";
import { db } from "~/kernel/db/db.server";

/** Makes sure an agency's periods of a year exist (pre-filled); edits its Office made are kept. */
export async function ensureYear(agencyId: number, year: number): Promise<void> {
  await db()
    .insertInto("report_period")
    .values(
      defaultWindows(year).map((w) => ({
        agency_id: agencyId,
        year,
        kind: w.kind,
        start_date: w.start,
        end_date: w.end,
        due_date: w.due,
      })),
    )
    .onConflict((oc) => oc.columns(["agency_id", "year", "kind"]).doNothing())
    .execute();
}

export async function listPeriods(agencyId: number, year: number) {
  await ensureYear(agencyId, year);
  const rows = await db()
    .selectFrom("report_period")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .execute();
  const order: PeriodKind[] = ["Q1", "Q2", "H1", "Q3", "M9", "Q4", "Y"];
  return rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

export async function getPeriod(agencyId: number, year: number, kind: PeriodKind) {
  await ensureYear(agencyId, year);
  return db()
    .selectFrom("report_period")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .where("kind", "=", kind)
    .executeTakeFirstOrThrow();
}

/** Changes one of the agency's periods; null when the agency has no period with this id. */
export async function updatePeriod(
  agencyId: number,
  id: number,
  input: { start: string; end: string; due: string | null },
  userId: number,
) {
  const before = await db()
    .selectFrom("report_period")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!before) return null;
  await db()
    .updateTable("report_period")
    .set({
      start_date: input.start,
      end_date: input.end,
      due_date: input.due,
      updated_by: userId,
      updated_at: new Date(),
    })
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .execute();
  return before;
}

/** The agency's stored (possibly edited) windows of the given periods, keyed "KIND/YEAR" — the
 * trend uses these, so a trend point and the headline of the same period read the same days. */
export async function windowsOf(
  agencyId: number,
  keys: { year: number; kind: PeriodKind }[],
): Promise<Map<string, { start: string; end: string }>> {
  const years = [...new Set(keys.map((k) => k.year))];
  if (!years.length) return new Map();
  const read = () =>
    db()
      .selectFrom("report_period")
      .select(["year", "kind", "start_date", "end_date"])
      .where("agency_id", "=", agencyId)
      .where("year", "in", years)
      .execute();
  let rows = await read();
  // A page view writes nothing unless a year's periods were never created.
  const missing = years.filter((y) => rows.filter((r) => r.year === y).length < 7);
  if (missing.length) {
    await Promise.all(missing.map((y) => ensureYear(agencyId, y)));
    rows = await read();
  }
  return new Map(rows.map((r) => [`${r.kind}/${r.year}`, { start: r.start_date, end: r.end_date }]));
}
