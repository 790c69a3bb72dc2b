// What staff may pick on the dialogue pages — the units that answer questions and follow-ups, the
// procedures a session is about — from the account's agency only (docs/rules/agencies.md): a
// list never offers another agency's unit or procedure, and the changes refuse one sent anyway.
import { db } from "~/kernel/db/db.server";
import type { Lang } from "~/kernel/i18n/i18n";

/** The agency's active units, in the admin's order. */
export async function agencyUnits(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("unit")
    .select(["id", "code", "name_vi", "name_en"])
    .where("agency_id", "=", agencyId)
    .where("active", "=", true)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: lang === "en" ? r.name_en : r.name_vi }));
}

/** The agency's active procedures, by code. */
export async function agencyProcedures(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("procedure")
    .select(["id", "code", "name_vi", "name_en", "field_vi", "field_en", "unit_id"])
    .where("agency_id", "=", agencyId)
    .where("active", "=", true)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    unitId: r.unit_id,
    name: lang === "en" ? r.name_en : r.name_vi,
    field: lang === "en" ? r.field_en : r.field_vi,
  }));
}
