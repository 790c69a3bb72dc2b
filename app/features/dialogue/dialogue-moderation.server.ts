// The staff side of questions: moderating the queue (approving, hiding with a reason, restoring,
// merging duplicates). The queue itself: dialogue-question-queue.server.ts; units, deadlines and
// answers: dialogue-answers.server.ts. Every change is audited in the same transaction.
import type { Kysely } from "kysely";
import type { HideReason } from "~/features/dialogue/dialogue-state";
import { maskPii } from "~/kernel/mask-pii";
import { recordAudit } from "~/kernel/audit.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

export async function lockQuestion(trx: Kysely<Database>, sessionId: number, id: number) {
  return trx
    .selectFrom("dialogue_question")
    .selectAll()
    .where("id", "=", id)
    .where("session_id", "=", sessionId)
    .forUpdate()
    .executeTakeFirst();
}

export type ModResult = { ok: true } | { ok: false; error: string };

export async function approveQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  publicText: string,
  topic: string | null,
): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const q = await lockQuestion(trx, sessionId, id);
      if (!q) return { ok: false, error: "dialogue.errors.questionNotFound" };
      if (q.status !== "pending" && q.status !== "approved")
        return { ok: false, error: "dialogue.errors.badTransition" };
      await trx
        .updateTable("dialogue_question")
        .set({
          status: "approved",
          public_text: maskPii(publicText.trim() || q.text),
          topic,
          moderated_by: c.user.id,
          moderated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(
        c.client,
        { actor: actorOf(c.user), action: "dialogue.question.approve", entity: "dialogue_question", entityId: id },
        trx,
      );
      return { ok: true };
    });
}

export async function hideQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  reason: HideReason,
  note: string | null,
): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const q = await lockQuestion(trx, sessionId, id);
      if (!q) return { ok: false, error: "dialogue.errors.questionNotFound" };
      if (q.status !== "pending" && q.status !== "approved")
        return { ok: false, error: "dialogue.errors.badTransition" };
      await trx
        .updateTable("dialogue_question")
        .set({
          status: "hidden",
          hidden_reason: reason,
          hidden_note: note,
          moderated_by: c.user.id,
          moderated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.question.hide",
          entity: "dialogue_question",
          entityId: id,
          details: { reason },
        },
        trx,
      );
      return { ok: true };
    });
}

/** A hidden question back into the queue (the audit log keeps why it had been hidden). */
export async function restoreQuestion(c: Ctx, sessionId: number, id: number): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const q = await lockQuestion(trx, sessionId, id);
      if (!q || q.status !== "hidden") return { ok: false, error: "dialogue.errors.badTransition" };
      await trx
        .updateTable("dialogue_question")
        .set({ status: "pending", hidden_reason: null, hidden_note: null })
        .where("id", "=", id)
        .execute();
      await recordAudit(
        c.client,
        { actor: actorOf(c.user), action: "dialogue.question.restore", entity: "dialogue_question", entityId: id },
        trx,
      );
      return { ok: true };
    });
}

/** Merges a duplicate into another question of the same session: its voters' votes move along
 * (still one per registration) and its asker follows the target's answer. */
export async function mergeQuestion(c: Ctx, sessionId: number, id: number, intoId: number): Promise<ModResult> {
  if (id === intoId) return { ok: false, error: "dialogue.errors.mergeSelf" };
  return db()
    .transaction()
    .execute(async (trx) => {
      // Lock both in id order so two opposite merges cannot deadlock.
      const [a, b] = id < intoId ? [id, intoId] : [intoId, id];
      const qa = await lockQuestion(trx, sessionId, a);
      const qb = await lockQuestion(trx, sessionId, b);
      const [src, dst] = a === id ? [qa, qb] : [qb, qa];
      if (!src || !dst) return { ok: false, error: "dialogue.errors.questionNotFound" };
      if (src.status === "merged" || dst.status === "merged" || dst.status === "hidden")
        return { ok: false, error: "dialogue.errors.mergeTarget" };
      await trx
        .insertInto("dialogue_vote")
        .columns(["question_id", "registration_id"])
        .expression((eb) =>
          eb
            .selectFrom("dialogue_vote")
            .select([eb.val(intoId).as("question_id"), "registration_id"])
            .where("question_id", "=", id),
        )
        .onConflict((oc) => oc.columns(["question_id", "registration_id"]).doNothing())
        .execute();
      await trx
        .updateTable("dialogue_question")
        .set({ merged_into_id: intoId })
        .where("merged_into_id", "=", id)
        .execute();
      await trx
        .updateTable("dialogue_question")
        .set({
          status: "merged",
          merged_into_id: intoId,
          hidden_reason: null,
          hidden_note: null,
          moderated_by: c.user.id,
          moderated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.question.merge",
          entity: "dialogue_question",
          entityId: id,
          details: { into: intoId },
        },
        trx,
      );
      return { ok: true };
    });
}
