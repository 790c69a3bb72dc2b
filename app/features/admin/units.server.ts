// The admin's view of the unit tree: every unit of the admin's agency, active or not, and saving
// one with its audit entry. The public, active-only lists stay in catalog.server.ts. Every
// function names the agency: another agency's unit is not found (docs/rules/agencies.md).
import { sql } from "kysely";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import { db } from "~/kernel/db/db.server";
import type { Lang } from "~/kernel/i18n/i18n";
import { wouldCycle } from "~/features/admin/units";
import type { Client } from "~/kernel/http/client";

export interface UnitInput {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  parentId: number | null;
  active: boolean;
}

export async function listAllUnits(agencyId: number) {
  const rows = await db()
    .selectFrom("unit as u")
    .leftJoin("unit as p", (j) => j.onRef("p.agency_id", "=", "u.agency_id").onRef("p.id", "=", "u.parent_id"))
    .select(["u.id", "u.code", "u.name_vi", "u.name_en", "u.kind", "u.parent_id", "u.active", "p.code as parent_code"])
    .select((eb) =>
      eb
        .selectFrom("staff_user as s")
        .whereRef("s.unit_id", "=", "u.id")
        .whereRef("s.agency_id", "=", "u.agency_id")
        .where("s.active", "=", true)
        .select(eb.fn.countAll<number>().as("n"))
        .as("staff"),
    )
    .where("u.agency_id", "=", agencyId)
    .orderBy("u.sort_order")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ ...r, parentId: r.parent_id, staff: Number(r.staff ?? 0) }));
}

export async function getUnit(agencyId: number, id: number) {
  return db()
    .selectFrom("unit")
    .select(["id", "code", "name_vi", "name_en", "kind", "parent_id", "active"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export type SaveUnitResult =
  { ok: true; id: number } | { ok: false; field: "code" | "parentId" | "_form"; error: string };

/** Creates (id null) or changes a unit of the actor's agency. Refuses a code another unit of the
 * agency has, a parent outside the agency and a parent that would put the unit under itself. */
export async function saveUnit(
  id: number | null,
  input: UnitInput,
  actor: StaffActor,
  client: Client,
): Promise<SaveUnitResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      // Serialise unit edits: two admins moving units at once could otherwise build a loop
      // that neither check saw.
      await sql`lock table unit in share row exclusive mode`.execute(trx);
      const all = await trx
        .selectFrom("unit")
        .select(["id", "code", "parent_id"])
        .where("agency_id", "=", actor.agencyId)
        .execute();
      if (id !== null && !all.some((u) => u.id === id))
        return { ok: false, field: "_form", error: "staff.units.errors.notFound" } as const;
      if (all.some((u) => u.code.toLowerCase() === input.code.toLowerCase() && u.id !== id)) {
        return { ok: false, field: "code", error: "staff.units.errors.codeTaken" } as const;
      }
      if (input.parentId !== null && !all.some((u) => u.id === input.parentId)) {
        return { ok: false, field: "parentId", error: "staff.units.errors.parentMissing" } as const;
      }
      if (
        wouldCycle(
          all.map((u) => ({ id: u.id, parentId: u.parent_id })),
          id,
          input.parentId,
        )
      ) {
        return { ok: false, field: "parentId", error: "staff.units.errors.parentCycle" } as const;
      }
      const values = {
        code: input.code,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        kind: input.kind,
        parent_id: input.parentId,
        active: input.active,
      };
      let unitId: number;
      if (id === null) {
        const maxOrder = await trx
          .selectFrom("unit")
          .select((eb) => eb.fn.max("sort_order").as("m"))
          .where("agency_id", "=", actor.agencyId)
          .executeTakeFirst();
        const row = await trx
          .insertInto("unit")
          .values({ ...values, agency_id: actor.agencyId, sort_order: Number(maxOrder?.m ?? 0) + 1 })
          .returning("id")
          .executeTakeFirstOrThrow();
        unitId = row.id;
      } else {
        await trx
          .updateTable("unit")
          .set(values)
          .where("agency_id", "=", actor.agencyId)
          .where("id", "=", id)
          .execute();
        unitId = id;
      }
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: id === null ? "unit.create" : "unit.update",
          entity: "unit",
          entityId: unitId,
          details: values,
        },
        trx,
      );
      return { ok: true, id: unitId } as const;
    });
}

/** Every unit of the agency as a choice in a form ("QLCN — Phòng …"), inactive ones marked so a
 * record that still points at one shows it. */
export async function unitOptions(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("unit")
    .select(["id", "code", "name_vi", "name_en", "active", "parent_id"])
    .where("agency_id", "=", agencyId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    active: r.active,
    label: `${r.code} — ${lang === "en" ? r.name_en : r.name_vi}`,
  }));
}
