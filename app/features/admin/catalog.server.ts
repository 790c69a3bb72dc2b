// Units and the procedure catalogue.
import { db } from "~/kernel/db/db.server";
import type { Lang } from "~/kernel/i18n/i18n";

export async function catalogCounts() {
  const row = await db()
    .selectNoFrom((eb) => [
      eb.selectFrom("unit").where("active", "=", true).select(eb.fn.countAll<number>().as("n")).as("units"),
      eb.selectFrom("procedure").where("active", "=", true).select(eb.fn.countAll<number>().as("n")).as("procedures"),
    ])
    .executeTakeFirstOrThrow();
  return { units: Number(row.units), procedures: Number(row.procedures) };
}

export async function listUnits(lang: Lang) {
  const rows = await db()
    .selectFrom("unit")
    .select(["id", "code", "name_vi", "name_en", "parent_id", "kind"])
    .where("active", "=", true)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    parentId: r.parent_id,
    kind: r.kind,
    name: lang === "en" ? r.name_en : r.name_vi,
  }));
}

export async function listProcedures(lang: Lang, unitId?: number) {
  let q = db()
    .selectFrom("procedure")
    .select(["id", "code", "name_vi", "name_en", "field_vi", "field_en", "unit_id"])
    .where("active", "=", true);
  if (unitId !== undefined) q = q.where("unit_id", "=", unitId);
  const rows = await q.orderBy("code").execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    unitId: r.unit_id,
    name: lang === "en" ? r.name_en : r.name_vi,
    field: lang === "en" ? r.field_en : r.field_vi,
  }));
}
