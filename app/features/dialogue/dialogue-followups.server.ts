// Follow-up actions decided at a dialogue: each with a responsible unit, a deadline and a result.
// Staff work inside their account's agency (`user.agencyId`): its sessions, questions and units.
import type { Kysely } from "kysely";
import { recordAudit } from "~/kernel/audit.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { db } from "~/kernel/db/db.server";
import type { Database, FollowupStatus } from "../../../db/types";

export async function listFollowups(agencyId: number, sessionId: number, conn: Kysely<Database> = db()) {
  return conn
    .selectFrom("dialogue_followup as f")
    .innerJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "f.agency_id").onRef("u.id", "=", "f.unit_id"))
    .select([
      "f.id",
      "f.question_id",
      "f.action",
      "f.unit_id",
      "f.due_date",
      "f.status",
      "f.result",
      "f.done_at",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
    ])
    .where("f.agency_id", "=", agencyId)
    .where("f.session_id", "=", sessionId)
    .orderBy("f.due_date")
    .orderBy("f.id")
    .execute();
}

export async function addFollowup(
  c: Ctx,
  sessionId: number,
  input: { action: string; unitId: number; dueDate: string; questionId: number | null },
) {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (input.questionId !== null) {
        const q = await trx
          .selectFrom("dialogue_question")
          .select("id")
          .where("agency_id", "=", c.user.agencyId)
          .where("id", "=", input.questionId)
          .where("session_id", "=", sessionId)
          .executeTakeFirst();
        if (!q) return { ok: false as const, error: "dialogue.errors.questionNotFound" };
      }
      // The responsible unit is one of the agency's own (another agency's id is a forged field).
      const unit = await trx
        .selectFrom("unit")
        .select("id")
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", input.unitId)
        .executeTakeFirst();
      if (!unit) return { ok: false as const, error: "dialogue.errors.unitRequired" };
      const row = await trx
        .insertInto("dialogue_followup")
        .values({
          agency_id: c.user.agencyId,
          session_id: sessionId,
          question_id: input.questionId,
          action: input.action,
          unit_id: input.unitId,
          due_date: input.dueDate,
          created_by: c.user.id,
          result: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.followup.add",
          entity: "dialogue_followup",
          entityId: row.id,
        },
        trx,
      );
      return { ok: true as const, id: row.id };
    });
}

export async function updateFollowup(
  c: Ctx,
  sessionId: number,
  id: number,
  input: { status: FollowupStatus; result: string | null },
) {
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("dialogue_followup")
        .set({
          status: input.status,
          result: input.result,
          done_at: input.status === "done" ? new Date() : null,
          updated_at: new Date(),
        })
        .where("agency_id", "=", c.user.agencyId)
        .where("id", "=", id)
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.followup.update",
          entity: "dialogue_followup",
          entityId: id,
          details: { status: input.status },
        },
        trx,
      );
      return true;
    });
}
