// The installation admin's view of the agency tree (issue 19): every agency with its parent and
// how many units and active staff it has, one agency, and saving one with its audit entry.
import { sql } from "kysely";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import { clearAgencyCache } from "~/kernel/agency/agency.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import type { Lang } from "~/kernel/i18n/i18n";
import { parentProblem, type AgencyInput } from "~/features/agencies/agencies";

export async function listAgencies() {
  const rows = await db()
    .selectFrom("agency as a")
    .leftJoin("agency as p", "p.id", "a.parent_id")
    .select([
      "a.id",
      "a.code",
      "a.name_vi",
      "a.name_en",
      "a.parent_id",
      "a.target_percent",
      "p.code as parent_code",
      "p.name_vi as parent_name_vi",
      "p.name_en as parent_name_en",
    ])
    .select((eb) => [
      eb
        .selectFrom("unit as u")
        .whereRef("u.agency_id", "=", "a.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("units"),
      eb
        .selectFrom("staff_user as s")
        .whereRef("s.agency_id", "=", "a.id")
        .where("s.active", "=", true)
        .select(eb.fn.countAll<number>().as("n"))
        .as("staff"),
    ])
    // The province first, then its agencies by code.
    .orderBy(sql`a.parent_id is not null`)
    .orderBy("a.code")
    .execute();
  return rows.map((r) => ({
    ...r,
    target_percent: Number(r.target_percent),
    units: Number(r.units ?? 0),
    staff: Number(r.staff ?? 0),
  }));
}

export async function getAgency(id: number) {
  const row = await db()
    .selectFrom("agency")
    .select(["id", "code", "name_vi", "name_en", "parent_id", "target_percent"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { ...row, target_percent: Number(row.target_percent) };
}

/** Every agency as a choice in a form ("so-y-te — Sở Y tế"). */
export async function agencyOptions(lang: Lang) {
  const rows = await db()
    .selectFrom("agency")
    .select(["id", "code", "name_vi", "name_en", "parent_id"])
    .orderBy(sql`parent_id is not null`)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    label: `${r.code} — ${lang === "en" ? r.name_en : r.name_vi}`,
  }));
}

export type SaveAgencyResult =
  { ok: true; id: number } | { ok: false; field: "code" | "parentId" | "_form"; error: string; notFound?: boolean };

/** Creates (id null) or changes an agency. `code` is required for a new one (the schema saw to
 * that) and, for one that exists, may only repeat the code it has. */
export async function saveAgency(
  id: number | null,
  input: AgencyInput,
  actor: StaffActor,
  client: Client,
): Promise<SaveAgencyResult> {
  const out = await db()
    .transaction()
    .execute(async (trx) => {
      // One agency edit at a time: two admins moving agencies at once could build a loop that
      // neither check saw, and two creating the same code would both pass the "taken" check.
      await sql`lock table agency in share row exclusive mode`.execute(trx);
      const all = await trx.selectFrom("agency").select(["id", "code", "parent_id"]).execute();
      const self = id === null ? undefined : all.find((a) => a.id === id);
      if (id !== null && !self)
        return { ok: false, field: "_form", error: "agencies.errors.notFound", notFound: true } as const;
      // The code of an agency never changes once made: it is printed on QR posters and in the
      // addresses citizens have saved, which would then lead to another agency or to nothing.
      if (self && input.code !== null && input.code !== self.code)
        return { ok: false, field: "code", error: "agencies.errors.codeFixed" } as const;
      const code = self ? self.code : input.code;
      if (!code) return { ok: false, field: "code", error: "agencies.errors.codeRequired" } as const;
      if (!self && all.some((a) => a.code.toLowerCase() === code.toLowerCase()))
        return { ok: false, field: "code", error: "agencies.errors.codeTaken" } as const;
      const nodes = all.map((a) => ({ id: a.id, parentId: a.parent_id }));
      const parentError = parentProblem(nodes, id, input.parentId);
      if (parentError) return { ok: false, field: "parentId", error: parentError } as const;

      const values = {
        name_vi: input.nameVi,
        name_en: input.nameEn,
        parent_id: input.parentId,
        target_percent: input.target,
      };
      let agencyId: number;
      if (self) {
        await trx.updateTable("agency").set(values).where("id", "=", self.id).execute();
        agencyId = self.id;
      } else {
        const row = await trx
          .insertInto("agency")
          .values({ code, ...values })
          .returning("id")
          .executeTakeFirstOrThrow();
        agencyId = row.id;
      }
      const action: "agency.create" | "agency.update" = self ? "agency.update" : "agency.create";
      await recordAudit(
        client,
        { agencyId: actor.agencyId, actor, action, entity: "agency", entityId: agencyId, details: { code, ...values } },
        trx,
      );
      return { ok: true, id: agencyId } as const;
    });
  // After the commit: public paths and staff pages read agencies from the kernel's cache.
  if (out.ok) clearAgencyCache();
  return out;
}
