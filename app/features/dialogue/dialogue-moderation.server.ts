// The staff side of questions: moderating the queue (approving, hiding with a reason, restoring,
// merging duplicates). The queue itself: dialogue-question-queue.server.ts; units, deadlines and
// answers: dialogue-answers.server.ts. Every change is audited in the same transaction. Only the
// account's agency's questions are found (`user.agencyId`, docs/rules/agencies.md).
import type { Kysely, Updateable } from "kysely";
import type { HideReason } from "~/features/dialogue/dialogue-state";
import { maskPii } from "~/kernel/mask-pii";
import { recordAudit } from "~/kernel/audit.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { db } from "~/kernel/db/db.server";
import type { Database, DialogueQuestionTable } from "../../../db/types";

export async function lockQuestion(trx: Kysely<Database>, agencyId: number, sessionId: number, id: number) {
  return trx
    .selectFrom("dialogue_question")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .where("session_id", "=", sessionId)
    .forUpdate()
    .executeTakeFirst();
}

export type ModResult = { ok: true } | { ok: false; error: string };

/** The shape every staff change to a question shares: one transaction in which `step` locks,
 * checks and changes (returning a message key refuses, and nothing is written), then the audit
 * entry for the question. */
export async function moderate(
  c: Ctx,
  audit: { action: string; id: number; details?: Record<string, unknown> },
  step: (trx: Kysely<Database>) => Promise<string | void>,
): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<ModResult> => {
      const error = await step(trx);
      if (error) return { ok: false, error };
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: audit.action,
          entity: "dialogue_question",
          entityId: audit.id,
          details: audit.details,
        },
        trx,
      );
      return { ok: true };
    });
}

/** A question still open to moderation (pending or approved), locked, or why not. */
async function lockOpen(trx: Kysely<Database>, agencyId: number, sessionId: number, id: number) {
  const q = await lockQuestion(trx, agencyId, sessionId, id);
  if (!q) return { error: "dialogue.errors.questionNotFound" };
  if (q.status !== "pending" && q.status !== "approved") return { error: "dialogue.errors.badTransition" };
  return { q };
}

/** Sets the moderation outcome, signed with who moderated and when. */
async function setModerated(trx: Kysely<Database>, c: Ctx, id: number, set: Updateable<DialogueQuestionTable>) {
  await trx
    .updateTable("dialogue_question")
    .set({ ...set, moderated_by: c.user.id, moderated_at: new Date() })
    .where("agency_id", "=", c.user.agencyId)
    .where("id", "=", id)
    .execute();
}

export async function approveQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  publicText: string,
  topic: string | null,
): Promise<ModResult> {
  return moderate(c, { action: "dialogue.question.approve", id }, async (trx) => {
    const open = await lockOpen(trx, c.user.agencyId, sessionId, id);
    if (!open.q) return open.error;
    await setModerated(trx, c, id, {
      status: "approved",
      public_text: maskPii(publicText.trim() || open.q.text),
      topic,
    });
  });
}

export async function hideQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  reason: HideReason,
  note: string | null,
): Promise<ModResult> {
  return moderate(c, { action: "dialogue.question.hide", id, details: { reason } }, async (trx) => {
    const open = await lockOpen(trx, c.user.agencyId, sessionId, id);
    if (!open.q) return open.error;
    await setModerated(trx, c, id, { status: "hidden", hidden_reason: reason, hidden_note: note });
  });
}

/** A hidden question back into the queue (the audit log keeps why it had been hidden). */
export async function restoreQuestion(c: Ctx, sessionId: number, id: number): Promise<ModResult> {
  return moderate(c, { action: "dialogue.question.restore", id }, async (trx) => {
    const q = await lockQuestion(trx, c.user.agencyId, sessionId, id);
    if (!q || q.status !== "hidden") return "dialogue.errors.badTransition";
    await trx
      .updateTable("dialogue_question")
      .set({ status: "pending", hidden_reason: null, hidden_note: null })
      .where("agency_id", "=", c.user.agencyId)
      .where("id", "=", id)
      .execute();
  });
}

/** Merges a duplicate into another question of the same session: its voters' votes move along
 * (still one per registration) and its asker follows the target's answer. */
export async function mergeQuestion(c: Ctx, sessionId: number, id: number, intoId: number): Promise<ModResult> {
  if (id === intoId) return { ok: false, error: "dialogue.errors.mergeSelf" };
  return moderate(c, { action: "dialogue.question.merge", id, details: { into: intoId } }, async (trx) => {
    // Lock both in id order so two opposite merges cannot deadlock.
    const [a, b] = id < intoId ? [id, intoId] : [intoId, id];
    const agencyId = c.user.agencyId;
    const qa = await lockQuestion(trx, agencyId, sessionId, a);
    const qb = await lockQuestion(trx, agencyId, sessionId, b);
    const [src, dst] = a === id ? [qa, qb] : [qb, qa];
    if (!src || !dst) return "dialogue.errors.questionNotFound";
    if (src.status === "merged" || dst.status === "merged" || dst.status === "hidden")
      return "dialogue.errors.mergeTarget";
    await trx
      .insertInto("dialogue_vote")
      .columns(["agency_id", "question_id", "registration_id"])
      .expression((eb) =>
        eb
          .selectFrom("dialogue_vote")
          .select(["agency_id", eb.val(intoId).as("question_id"), "registration_id"])
          .where("agency_id", "=", agencyId)
          .where("question_id", "=", id),
      )
      .onConflict((oc) => oc.columns(["agency_id", "question_id", "registration_id"]).doNothing())
      .execute();
    await trx
      .updateTable("dialogue_question")
      .set({ merged_into_id: intoId })
      .where("agency_id", "=", agencyId)
      .where("merged_into_id", "=", id)
      .execute();
    await setModerated(trx, c, id, {
      status: "merged",
      merged_into_id: intoId,
      hidden_reason: null,
      hidden_note: null,
    });
  });
}
