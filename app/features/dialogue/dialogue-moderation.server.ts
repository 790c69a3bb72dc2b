// The staff side of questions: the moderation queue, merging duplicates, hiding with a reason,
// giving each question a responsible unit and deadline, and recording its answer. A unit-role
// user sees and answers only the questions assigned to its own unit (checked here, not only in
// the page). Every change is audited in the same transaction.
import type { Kysely } from "kysely";
import type { HideReason } from "~/features/dialogue/dialogue-state";
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import { recordAudit } from "~/kernel/audit.server";
import { queueNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { insertQuestion } from "~/features/dialogue/dialogue-question.server";
import { canSeePersonalData, unitScope, type StaffUser } from "~/features/accounts/auth.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database, QuestionChannel, QuestionStatus } from "../../../db/types";

type Ctx = { client: Client; user: StaffUser };
const actorOf = (u: StaffUser) => ({ id: u.id, email: u.email });

export interface StaffQuestionFilter {
  status?: QuestionStatus | "all";
  topic?: string | null;
  sort?: "votes" | "topic" | "date";
}

/** The queue as staff see it. Names of askers only for roles that may see personal data; the
 * viewer reads the masked text. */
export async function listStaffQuestions(sessionId: number, user: StaffUser, filter: StaffQuestionFilter, lang: Lang) {
  let q = db()
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_answer as a", "a.question_id", "q.id")
    .leftJoin("unit as u", "u.id", "a.unit_id")
    .leftJoin("dialogue_registration as r", "r.id", "q.registration_id")
    .leftJoin("procedure as p", "p.id", "q.procedure_id")
    .select((eb) => [
      "q.id",
      "q.text",
      "q.public_text",
      "q.topic",
      "q.channel",
      "q.status",
      "q.hidden_reason",
      "q.hidden_note",
      "q.merged_into_id",
      "q.created_at",
      "r.name as asker_name",
      "r.kind as asker_kind",
      "p.code as procedure_code",
      "a.unit_id",
      "a.due_date",
      "a.status as answer_status",
      "a.answered_in",
      "a.answer_text",
      "a.answered_by",
      "a.conclusion",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
      eb
        .selectFrom("dialogue_vote as v")
        .whereRef("v.question_id", "=", "q.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("votes"),
    ])
    .where("q.session_id", "=", sessionId);
  const scope = unitScope(user);
  if (!scope.all) q = q.where("a.unit_id", "=", scope.unitId ?? -1);
  if (filter.status && filter.status !== "all") q = q.where("q.status", "=", filter.status);
  if (filter.topic) q = q.where("q.topic", "=", filter.topic);
  if (filter.sort === "topic") q = q.orderBy("q.topic", (o) => o.asc().nullsLast()).orderBy("votes", "desc");
  else if (filter.sort === "date") q = q.orderBy("q.created_at");
  else q = q.orderBy("votes", "desc").orderBy("q.created_at");
  const rows = await q.orderBy("q.id").execute();
  const personal = canSeePersonalData(user);
  return rows.map((r) => ({
    ...r,
    text: personal ? r.text : maskPii(r.text),
    asker_name: personal ? r.asker_name : null,
    votes: Number(r.votes),
    unit: (lang === "en" ? r.unit_en : r.unit_vi) ?? null,
  }));
}

async function lockQuestion(trx: Kysely<Database>, sessionId: number, id: number) {
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
        .onConflict((oc) => oc.columns(["agency_id", "question_id", "registration_id"]).doNothing())
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

export async function assignQuestion(
  c: Ctx,
  sessionId: number,
  id: number,
  unitId: number,
  dueDate: string,
): Promise<ModResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const q = await lockQuestion(trx, sessionId, id);
      if (!q) return { ok: false, error: "dialogue.errors.questionNotFound" };
      const unit = await trx
        .selectFrom("unit")
        .select("id")
        .where("id", "=", unitId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!unit) return { ok: false, error: "dialogue.errors.unitRequired" };
      await trx
        .updateTable("dialogue_answer")
        .set({ unit_id: unitId, due_date: dueDate, updated_by: c.user.id, updated_at: new Date() })
        .where("question_id", "=", id)
        .execute();
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.question.assign",
          entity: "dialogue_question",
          entityId: id,
          details: { unitId, dueDate },
        },
        trx,
      );
      return { ok: true };
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
  return db()
    .transaction()
    .execute(async (trx) => {
      const q = await lockQuestion(trx, sessionId, id);
      if (!q) return { ok: false, error: "dialogue.errors.questionNotFound" };
      const a = await trx
        .selectFrom("dialogue_answer")
        .selectAll()
        .where("question_id", "=", id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const scope = unitScope(c.user);
      // Another unit's question is "not found" to a unit user: it may not learn what it cannot see.
      if (!scope.all && a.unit_id !== scope.unitId) return { ok: false, error: "dialogue.errors.questionNotFound" };
      if (q.status === "merged" || q.status === "hidden") return { ok: false, error: "dialogue.errors.badTransition" };
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
        .where("question_id", "=", id)
        .execute();
      let noticeIds: string[] = [];
      if (answered && a.status !== "answered") {
        const askers = await trx
          .selectFrom("dialogue_question as q")
          .innerJoin("dialogue_registration as r", "r.id", "q.registration_id")
          .select(["r.id", "r.code", "r.email_norm", "r.lang"])
          .where((eb) => eb.or([eb("q.id", "=", id), eb("q.merged_into_id", "=", id)]))
          .execute();
        const s = await trx
          .selectFrom("dialogue_session")
          .selectAll()
          .where("id", "=", sessionId)
          .executeTakeFirstOrThrow();
        const unique = [...new Map(askers.map((r) => [r.id, r])).values()];
        noticeIds = await queueNotices(trx, s, "answered", notice, unique, { question: String(id) });
      }
      await recordAudit(
        c.client,
        {
          actor: actorOf(c.user),
          action: "dialogue.question.answer",
          entity: "dialogue_question",
          entityId: id,
          details: { status: input.status },
        },
        trx,
      );
      return { ok: true, noticeIds };
    });
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
          .where("session_id", "=", sessionId)
          .where("code", "=", input.registrationCode)
          .executeTakeFirst();
        if (!r) return { ok: false, error: "dialogue.errors.codeNotFound" };
        registrationId = r.id;
      }
      const id = await insertQuestion(trx, {
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
