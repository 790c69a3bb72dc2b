// The answering side of staff questions: giving each question a responsible unit and deadline,
// recording its answer, and typing in a question heard elsewhere. A unit-role user answers only
// the questions assigned to its own unit. Every change is audited in the same transaction.
import { queueNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { insertQuestion } from "~/features/dialogue/dialogue-question.server";
import { lockQuestion, moderate, type ModResult } from "~/features/dialogue/dialogue-moderation.server";
import { actorOf, type StaffCtx as Ctx } from "~/features/dialogue/dialogue-staff-ctx.server";
import { recordAudit } from "~/kernel/audit.server";
import { unitScope } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import type { QuestionChannel } from "../../../db/types";

export async function assignQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  unitId: number,
  dueDate: string,
): Promise<ModResult> {
  return moderate(c, { action: "dialogue.question.assign", id, details: { unitId, dueDate } }, async (trx) => {
    const q = await lockQuestion(trx, c.user.agencyId, sessionId, id);
    if (!q) return "dialogue.errors.questionNotFound";
    const unit = await trx
      .selectFrom("unit")
      .select("id")
      // A unit of the agency's own: another agency's unit id (a forged field) is refused.
      .where("agency_id", "=", c.user.agencyId)
      .where("id", "=", unitId)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!unit) return "dialogue.errors.unitRequired";
    await trx
      .updateTable("dialogue_answer")
      .set({ unit_id: unitId, due_date: dueDate, updated_by: c.user.id, updated_at: new Date() })
      .where("agency_id", "=", c.user.agencyId)
      .where("question_id", "=", id)
      .execute();
  });
}

export interface AnswerInput {
  status: "pending" | "answered";
  answeredIn: "dialogue" | "after" | null;
  answerText: string | null;
  answeredBy: string | null;
  conclusion: string | null;
}

/** Records the answer. The first time a question is answered, its askers (and those of
 * questions merged into it) are told. */
export async function saveAnswer(
  c: Ctx,
  sessionId: number,
  id: number,
  input: AnswerInput,
  notice: NoticeContext,
): Promise<ModResult & { noticeIds?: string[] }> {
  let noticeIds: string[] = [];
  const result = await moderate(
    c,
    { action: "dialogue.question.answer", id, details: { status: input.status } },
    async (trx) => {
      const q = await lockQuestion(trx, c.user.agencyId, sessionId, id);
      if (!q) return "dialogue.errors.questionNotFound";
      const a = await trx
        .selectFrom("dialogue_answer")
        .selectAll()
        .where("agency_id", "=", c.user.agencyId)
        .where("question_id", "=", id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const scope = unitScope(c.user);
      // Another unit's question is "not found" to a unit user: it may not learn what it cannot see.
      if (!scope.all && a.unit_id !== scope.unitId) return "dialogue.errors.questionNotFound";
      if (q.status === "merged" || q.status === "hidden") return "dialogue.errors.badTransition";
      const answered = input.status === "answered";
      await trx
        .updateTable("dialogue_answer")
        .set({
          status: input.status,
          answered_in: answered ? input.answeredIn : null,
          answer_text: input.answerText,
          answered_by: input.answeredBy,
          conclusion: input.conclusion,
          answered_at: answered ? (a.answered_at ?? new Date()) : null,
          updated_by: c.user.id,
          updated_at: new Date(),
        })
        .where("agency_id", "=", c.user.agencyId)
        .where("question_id", "=", id)
        .execute();
      if (answered && a.status !== "answered") {
        const askers = await trx
          .selectFrom("dialogue_question as q")
          .innerJoin("dialogue_registration as r", (j) =>
            j.onRef("r.agency_id", "=", "q.agency_id").onRef("r.id", "=", "q.registration_id"),
          )
          .select(["r.id", "r.code", "r.email_norm", "r.lang"])
          .where("q.agency_id", "=", c.user.agencyId)
          .where((eb) => eb.or([eb("q.id", "=", id), eb("q.merged_into_id", "=", id)]))
          .execute();
        const s = await trx
          .selectFrom("dialogue_session")
          .selectAll()
          .where("agency_id", "=", c.user.agencyId)
          .where("id", "=", sessionId)
          .executeTakeFirstOrThrow();
        const unique = [...new Map(askers.map((r) => [r.id, r])).values()];
        noticeIds = await queueNotices(trx, s, "answered", notice, unique, { question: String(id) });
      }
    },
  );
  return result.ok ? { ok: true, noticeIds } : result;
}

/** Staff type in a question heard by phone, at the desk, on paper or from the floor. */
export async function addStaffQuestion(
  c: Ctx,
  sessionId: number,
  input: { text: string; topic: string | null; channel: QuestionChannel; registrationCode: string | null },
): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      let registrationId: number | null = null;
      if (input.registrationCode) {
        const r = await trx
          .selectFrom("dialogue_registration")
          .select("id")
          .where("agency_id", "=", c.user.agencyId)
          .where("session_id", "=", sessionId)
          .where("code", "=", input.registrationCode)
          .executeTakeFirst();
        if (!r) return { ok: false, error: "dialogue.errors.codeNotFound" };
        registrationId = r.id;
      }
      const id = await insertQuestion(trx, {
        agencyId: c.user.agencyId,
        sessionId,
        registrationId,
        text: input.text,
        topic: input.topic,
        channel: input.channel,
        staffId: c.user.id,
        approved: true,
      });
      await recordAudit(
        c.client,
        {
          agencyId: c.user.agencyId,
          actor: actorOf(c.user),
          action: "dialogue.question.add",
          entity: "dialogue_question",
          entityId: id,
          details: { channel: input.channel },
        },
        trx,
      );
      return { ok: true };
    });
}
