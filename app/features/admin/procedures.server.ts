// The procedure catalogue as staff see and edit it. Reads are scoped: a unit user sees only the
// procedures its unit handles. The public, active-only list stays in catalog.server.ts. Every
// read and write is the user's agency's: another agency's procedure is not found
// (docs/rules/agencies.md).
import { recordAudit, type Actor } from "~/kernel/audit.server";
import { inScope, scopeByUnit } from "~/features/accounts/scope.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";

export interface ProcedureInput {
  code: string;
  nationalCode: string | null;
  nameVi: string;
  nameEn: string;
  fieldVi: string;
  fieldEn: string;
  unitId: number | null;
  active: boolean;
}

const COLUMNS = [
  "procedure.id",
  "procedure.code",
  "procedure.national_code",
  "procedure.name_vi",
  "procedure.name_en",
  "procedure.field_vi",
  "procedure.field_en",
  "procedure.unit_id",
  "procedure.active",
] as const;

export async function listProceduresForStaff(user: StaffUser) {
  const q = db()
    .selectFrom("procedure")
    .leftJoin("unit", (j) =>
      j.onRef("unit.agency_id", "=", "procedure.agency_id").onRef("unit.id", "=", "procedure.unit_id"),
    )
    .select([...COLUMNS, "unit.code as unit_code"])
    .where("procedure.agency_id", "=", user.agencyId);
  return scopeByUnit(q, "procedure.unit_id", user)
    .orderBy("procedure.active", "desc")
    .orderBy("procedure.code")
    .execute();
}

/** One procedure, or null when it does not exist or lies outside the user's unit (the same
 * answer, so a unit user cannot learn which ids other units have). */
export async function getProcedureForStaff(id: number, user: StaffUser) {
  const row = await db()
    .selectFrom("procedure")
    .select(COLUMNS)
    .where("procedure.agency_id", "=", user.agencyId)
    .where("procedure.id", "=", id)
    .executeTakeFirst();
  return row && inScope(user, row.unit_id) ? row : null;
}

export type SaveProcedureResult =
  | { ok: true; id: number }
  | { ok: false; field: "code" | "unitId" | "_form"; error: string }
  /** The procedure lies outside the user's unit: answered as one that does not exist. */
  | { ok: false; outOfScope: true };

export async function saveProcedure(
  id: number | null,
  input: ProcedureInput,
  actor: StaffUser,
  client: Client,
): Promise<SaveProcedureResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (id !== null) {
        const existing = await trx
          .selectFrom("procedure")
          .select(["id", "unit_id"])
          .where("agency_id", "=", actor.agencyId)
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        // Another agency's procedure is answered as one that does not exist (the page's 404).
        if (!existing) return { ok: false, outOfScope: true } as const;
        // Only roles with every unit may edit today (admin, office); the check keeps a later
        // role change from opening other units' procedures.
        if (!inScope(actor, existing.unit_id)) return { ok: false, outOfScope: true } as const;
      }
      const taken = await trx
        .selectFrom("procedure")
        .select("id")
        .where("agency_id", "=", actor.agencyId)
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (taken && taken.id !== id)
        return { ok: false, field: "code", error: "staff.procedures.errors.codeTaken" } as const;
      if (input.unitId !== null) {
        const unit = await trx
          .selectFrom("unit")
          .select("id")
          .where("agency_id", "=", actor.agencyId)
          .where("id", "=", input.unitId)
          .executeTakeFirst();
        if (!unit) return { ok: false, field: "unitId", error: "staff.procedures.errors.unitMissing" } as const;
      }
      const values = {
        code: input.code,
        national_code: input.nationalCode,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        field_vi: input.fieldVi,
        field_en: input.fieldEn,
        unit_id: input.unitId,
        active: input.active,
      };
      let procId: number;
      if (id === null) {
        procId = (
          await trx
            .insertInto("procedure")
            .values({ ...values, agency_id: actor.agencyId })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        await trx
          .updateTable("procedure")
          .set(values)
          .where("agency_id", "=", actor.agencyId)
          .where("id", "=", id)
          .execute();
        procId = id;
      }
      const who: Actor = { id: actor.id, email: actor.email };
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor: who,
          action: id === null ? "procedure.create" : "procedure.update",
          entity: "procedure",
          entityId: procId,
          details: values,
        },
        trx,
      );
      return { ok: true, id: procId } as const;
    });
}
