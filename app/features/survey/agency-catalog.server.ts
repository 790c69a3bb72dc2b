// One agency's active units and procedures, for the public survey page's choices and the staff
// link and paper-entry forms: another agency's never appear (docs/rules/agencies.md).
import type { Lang } from "~/kernel/i18n/i18n";
import { db } from "~/kernel/db/db.server";

export /** The agency's active units and procedures, for a citizen to choose from. */
async function agencyCatalog(agencyId: number, lang: Lang, unitId?: number) {
  const pick = (r: { name_vi: string; name_en: string }) => (lang === "en" ? r.name_en : r.name_vi);
  let procs = db()
    .selectFrom("procedure")
    .select(["id", "code", "unit_id", "name_vi", "name_en"])
    .where("agency_id", "=", agencyId)
    .where("active", "=", true);
  if (unitId !== undefined) procs = procs.where("unit_id", "=", unitId);
  const [units, procedures] = await Promise.all([
    unitId !== undefined
      ? []
      : db()
          .selectFrom("unit")
          .select(["id", "name_vi", "name_en"])
          .where("agency_id", "=", agencyId)
          .where("active", "=", true)
          .orderBy("sort_order")
          .orderBy("id")
          .execute(),
    procs.orderBy("code").execute(),
  ]);
  return {
    units: units.map((u) => ({ id: u.id, name: pick(u) })),
    procedures: procedures.map((p) => ({ id: p.id, code: p.code, unitId: p.unit_id, name: pick(p) })),
  };
}
