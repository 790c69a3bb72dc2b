// Editing the items of a survey's latest version, allowed only while it has no response. Every
// change locks the version row first; storing a response takes the same lock to freeze it, so
// an edit and a first response can never interleave.
import type { ItemInput } from "~/features/survey/item-form";
import { recordAudit } from "~/kernel/audit.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { isFrozenVersionError } from "~/features/survey/frozen";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import { lockLatestVersion } from "./survey-admin.server";

export type ItemResult =
  | { ok: true; id: number }
  | { ok: false; reason: "not_found" | "frozen" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

const actorOf = (u: StaffUser) => ({ id: u.id, email: u.email });

/** An edit the database refused because the version is frozen is the same "frozen" answer. */
const frozenAsResult = (e: unknown): ItemResult => {
  if (isFrozenVersionError(e)) return { ok: false, reason: "frozen" };
  throw e;
};

/** An item of one of the agency's surveys; undefined for another agency's survey or item. */
export async function getItemForEdit(agencyId: number, surveyId: number, itemId: number) {
  return db()
    .selectFrom("survey_item as i")
    .innerJoin("survey_version as v", "v.id", "i.version_id")
    .selectAll("i")
    .select(["v.frozen", "v.version"])
    .where("v.agency_id", "=", agencyId)
    .where("i.agency_id", "=", agencyId)
    .where("v.survey_id", "=", surveyId)
    .where("i.id", "=", itemId)
    .executeTakeFirst();
}

/** Creates (itemId null) or changes an item of the latest version. */
export async function saveItem(
  user: StaffUser,
  client: Client,
  surveyId: number,
  itemId: number | null,
  input: ItemInput,
): Promise<ItemResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<ItemResult> => {
      const v = await lockLatestVersion(trx, user.agencyId, surveyId);
      if (!v) return { ok: false, reason: "not_found" };
      if (v.frozen) return { ok: false, reason: "frozen" };
      const clash = await trx
        .selectFrom("survey_item")
        .select("id")
        .where("version_id", "=", v.id)
        .where("code", "=", input.code)
        .executeTakeFirst();
      if (clash && clash.id !== itemId)
        return { ok: false, reason: "invalid", errors: { code: "surveyStaff.errors.codeTaken" } };
      const values = { ...input, options: input.options ? JSON.stringify(input.options) : null };
      let id: number;
      if (itemId === null) {
        const { max } = await trx
          .selectFrom("survey_item")
          .select((eb) => eb.fn.max("position").as("max"))
          .where("version_id", "=", v.id)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto("survey_item")
          .values({ ...values, agency_id: user.agencyId, version_id: v.id, position: Number(max ?? 0) + 1 })
          .returning("id")
          .executeTakeFirstOrThrow();
        id = row.id;
      } else {
        const res = await trx
          .updateTable("survey_item")
          .set(values)
          .where("agency_id", "=", user.agencyId)
          .where("id", "=", itemId)
          .where("version_id", "=", v.id)
          .executeTakeFirst();
        if (!Number(res.numUpdatedRows)) return { ok: false, reason: "not_found" };
        id = itemId;
      }
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: itemId === null ? "survey.item.create" : "survey.item.update",
          entity: "survey_item",
          entityId: id,
          details: { surveyId, version: v.version, code: input.code },
        },
        trx,
      );
      return { ok: true, id };
    })
    .catch(frozenAsResult);
}

export async function deleteItem(
  user: StaffUser,
  client: Client,
  surveyId: number,
  itemId: number,
): Promise<ItemResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<ItemResult> => {
      const v = await lockLatestVersion(trx, user.agencyId, surveyId);
      if (!v) return { ok: false, reason: "not_found" };
      if (v.frozen) return { ok: false, reason: "frozen" };
      const gone = await trx
        .deleteFrom("survey_item")
        .where("agency_id", "=", user.agencyId)
        .where("id", "=", itemId)
        .where("version_id", "=", v.id)
        .returning("code")
        .executeTakeFirst();
      if (!gone) return { ok: false, reason: "not_found" };
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.item.delete",
          entity: "survey_item",
          entityId: itemId,
          details: { surveyId, version: v.version, code: gone.code },
        },
        trx,
      );
      return { ok: true, id: itemId };
    })
    .catch(frozenAsResult);
}

/** Swaps an item with its neighbour above (-1) or below (+1). */
export async function moveItem(
  user: StaffUser,
  client: Client,
  surveyId: number,
  itemId: number,
  dir: -1 | 1,
): Promise<ItemResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<ItemResult> => {
      const v = await lockLatestVersion(trx, user.agencyId, surveyId);
      if (!v) return { ok: false, reason: "not_found" };
      if (v.frozen) return { ok: false, reason: "frozen" };
      const list = await trx
        .selectFrom("survey_item")
        .select(["id", "position"])
        .where("version_id", "=", v.id)
        .orderBy("position")
        .orderBy("id")
        .execute();
      const i = list.findIndex((x) => x.id === itemId);
      if (i < 0) return { ok: false, reason: "not_found" };
      const j = i + dir;
      if (j < 0 || j >= list.length) return { ok: true, id: itemId };
      [list[i], list[j]] = [list[j], list[i]];
      // Renumber the whole list: positions stay 1..n even if earlier edits left gaps.
      for (const [k, it] of list.entries())
        await trx
          .updateTable("survey_item")
          .set({ position: k + 1 })
          .where("agency_id", "=", user.agencyId)
          .where("id", "=", it.id)
          .execute();
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: actorOf(user),
          action: "survey.item.move",
          entity: "survey_item",
          entityId: itemId,
          details: { surveyId, version: v.version, dir },
        },
        trx,
      );
      return { ok: true, id: itemId };
    })
    .catch(frozenAsResult);
}
