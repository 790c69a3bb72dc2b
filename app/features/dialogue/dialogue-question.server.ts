// Questions to the dialogue: asked with the sign-up, later with the code, or by staff on
// someone's behalf; moderated (approve, merge duplicates, hide with a reason — never deleted);
// voted on once per registration; and each with one answer record (unit, deadline, answer).
import type { Kysely } from "kysely";
import { acceptsQuestions, QUESTIONS_PER_REGISTRATION } from "~/features/dialogue/dialogue-state";
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import { db } from "~/kernel/db/db.server";
import type { Database, QuestionChannel } from "../../../db/types";

export interface NewQuestion {
  /** The session's agency: the question and its answer record are written with it. */
  agencyId: number;
  sessionId: number;
  registrationId: number | null;
  text: string;
  topic: string | null;
  procedureId?: number | null;
  channel: QuestionChannel;
  staffId: number | null;
  /** Questions typed in by staff are approved at once (what the public reads is still masked). */
  approved?: boolean;
}

/** Inserts a question and its answer record in the caller's transaction. */
export async function insertQuestion(trx: Kysely<Database>, q: NewQuestion): Promise<number> {
  const row = await trx
    .insertInto("dialogue_question")
    .values({
      agency_id: q.agencyId,
      session_id: q.sessionId,
      registration_id: q.registrationId,
      text: q.text,
      topic: q.topic,
      procedure_id: q.procedureId ?? null,
      channel: q.channel,
      created_by: q.staffId,
      ...(q.approved
        ? {
            status: "approved" as const,
            public_text: maskPii(q.text),
            moderated_by: q.staffId,
            moderated_at: new Date(),
          }
        : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("dialogue_answer")
    .values({
      agency_id: q.agencyId,
      question_id: row.id,
      unit_id: null,
      answered_in: null,
      answer_text: null,
      answered_by: null,
      conclusion: null,
      updated_by: null,
    })
    .execute();
  return row.id;
}

export type AskResult =
  { ok: true; id: number } | { ok: false; reason: "closed" | "too_many" | "bad_topic" | "cancelled" };

/** A registrant adds a question with their code. */
export async function askQuestion(
  agencyId: number,
  registrationId: number,
  text: string,
  topic: string | null,
): Promise<AskResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<AskResult> => {
      const r = await trx
        .selectFrom("dialogue_registration as r")
        .innerJoin("dialogue_session as s", (j) =>
          j.onRef("s.agency_id", "=", "r.agency_id").onRef("s.id", "=", "r.session_id"),
        )
        .select(["r.id", "r.status", "r.session_id", "s.status as session_status", "s.topics"])
        .where("r.agency_id", "=", agencyId)
        .where("r.id", "=", registrationId)
        .forUpdate(["r"])
        .executeTakeFirstOrThrow();
      if (r.status === "cancelled") return { ok: false, reason: "cancelled" };
      if (!acceptsQuestions(r.session_status)) return { ok: false, reason: "closed" };
      if (topic && !r.topics.includes(topic)) return { ok: false, reason: "bad_topic" };
      const { n } = await trx
        .selectFrom("dialogue_question")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("agency_id", "=", agencyId)
        .where("registration_id", "=", registrationId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= QUESTIONS_PER_REGISTRATION) return { ok: false, reason: "too_many" };
      const id = await insertQuestion(trx, {
        agencyId,
        sessionId: r.session_id,
        registrationId,
        text,
        topic,
        channel: "online",
        staffId: null,
      });
      return { ok: true, id };
    });
}

function publicQuestionRows(conn: Kysely<Database>) {
  return conn
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_answer as a", "a.question_id", "q.id")
    .leftJoin("unit as u", "u.id", "a.unit_id")
    .select((eb) => [
      "q.id",
      "q.public_text",
      "q.topic",
      "q.created_at",
      "a.status as answer_status",
      "a.answered_in",
      "a.answer_text",
      "a.due_date",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
      eb
        .selectFrom("dialogue_vote as v")
        .whereRef("v.question_id", "=", "q.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("votes"),
    ]);
}

function publicQuestion(r: Awaited<ReturnType<ReturnType<typeof publicQuestionRows>["execute"]>>[number], lang: Lang) {
  return {
    id: r.id,
    text: maskPii(r.public_text ?? ""),
    topic: r.topic,
    votes: Number(r.votes),
    answerStatus: r.answer_status,
    answeredIn: r.answered_in,
    answer: r.answer_text ? maskPii(r.answer_text) : null,
    dueDate: r.due_date,
    unit: (lang === "en" ? r.unit_en : r.unit_vi) ?? null,
  };
}

/** Approved questions as the public reads them, ranked by votes then by date (a stated rule). */
export async function listPublicQuestions(sessionId: number, lang: Lang) {
  const rows = await publicQuestionRows(db())
    .where("q.session_id", "=", sessionId)
    .where("q.status", "=", "approved")
    .orderBy("votes", "desc")
    .orderBy("q.created_at")
    .orderBy("q.id")
    .execute();
  return rows.map((r) => publicQuestion(r, lang));
}

/** How many questions were hidden, by reason, and merged: said publicly so moderation is visible. */
export async function moderationSummary(sessionId: number) {
  const rows = await db()
    .selectFrom("dialogue_question")
    .select(["status", "hidden_reason", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", sessionId)
    .where("status", "in", ["hidden", "merged", "pending"])
    .groupBy(["status", "hidden_reason"])
    .execute();
  return {
    pending: rows.filter((r) => r.status === "pending").reduce((a, r) => a + Number(r.n), 0),
    merged: rows.filter((r) => r.status === "merged").reduce((a, r) => a + Number(r.n), 0),
    hidden: rows.filter((r) => r.status === "hidden").map((r) => ({ reason: r.hidden_reason!, n: Number(r.n) })),
  };
}

export type VoteResult = "ok" | "already" | "not_allowed";

/** One vote per registration per question, enforced by the primary key. Only people holding a
 * live registration for the same session may vote, and only on approved questions. */
export async function vote(agencyId: number, registrationId: number, questionId: number): Promise<VoteResult> {
  const row = await db()
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_session as s", (j) =>
      j.onRef("s.agency_id", "=", "q.agency_id").onRef("s.id", "=", "q.session_id"),
    )
    .innerJoin("dialogue_registration as r", (j) =>
      j.onRef("r.agency_id", "=", "q.agency_id").onRef("r.session_id", "=", "q.session_id"),
    )
    .select(["q.status", "s.status as session_status", "r.status as reg_status"])
    .where("q.agency_id", "=", agencyId)
    .where("q.id", "=", questionId)
    .where("r.id", "=", registrationId)
    .executeTakeFirst();
  if (!row || row.status !== "approved" || row.reg_status === "cancelled" || !acceptsQuestions(row.session_status))
    return "not_allowed";
  const res = await db()
    .insertInto("dialogue_vote")
    .values({ agency_id: agencyId, question_id: questionId, registration_id: registrationId })
    .onConflict((oc) => oc.columns(["agency_id", "question_id", "registration_id"]).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1 ? "ok" : "already";
}

export async function votedQuestionIds(agencyId: number, registrationId: number): Promise<number[]> {
  const rows = await db()
    .selectFrom("dialogue_vote")
    .select("question_id")
    .where("agency_id", "=", agencyId)
    .where("registration_id", "=", registrationId)
    .execute();
  return rows.map((r) => r.question_id);
}

/** The asker's own questions with where each stands: their own text (it is theirs), the
 * moderation state and reason, and the answer — a merged question shows its target's answer. */
export async function ownQuestions(agencyId: number, registrationId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("dialogue_question as q")
    .leftJoin("dialogue_question as m", "m.id", "q.merged_into_id")
    .innerJoin("dialogue_answer as a", (j) =>
      j.on((eb) => eb("a.question_id", "=", eb.fn.coalesce("q.merged_into_id", "q.id"))),
    )
    .leftJoin("unit as u", "u.id", "a.unit_id")
    .select([
      "q.id",
      "q.text",
      "q.topic",
      "q.status",
      "q.hidden_reason",
      "q.merged_into_id",
      "q.created_at",
      "m.public_text as merged_text",
      "a.status as answer_status",
      "a.answered_in",
      "a.answer_text",
      "a.due_date",
      "u.name_vi as unit_vi",
      "u.name_en as unit_en",
    ])
    .where("q.agency_id", "=", agencyId)
    .where("q.registration_id", "=", registrationId)
    .orderBy("q.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    topic: r.topic,
    status: r.status,
    hiddenReason: r.hidden_reason,
    mergedInto: r.merged_into_id ? { id: r.merged_into_id, text: maskPii(r.merged_text ?? "") } : null,
    answerStatus: r.answer_status,
    answeredIn: r.answered_in,
    answer: r.answer_text,
    dueDate: r.due_date,
    unit: (lang === "en" ? r.unit_en : r.unit_vi) ?? null,
  }));
}
