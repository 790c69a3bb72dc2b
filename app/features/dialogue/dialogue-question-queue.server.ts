// The staff queue of a session's questions, filtered and sorted. A unit-role user sees only the
// questions assigned to its own unit (checked here, not only in the page), and every user only
// their account's agency's questions.
import type { Lang } from "~/kernel/i18n/i18n";
import { maskPii } from "~/kernel/mask-pii";
import { canSeePersonalData, unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import type { QuestionStatus } from "../../../db/types";

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
    .innerJoin("dialogue_answer as a", (j) =>
      j.onRef("a.agency_id", "=", "q.agency_id").onRef("a.question_id", "=", "q.id"),
    )
    .leftJoin("unit as u", (j) => j.onRef("u.agency_id", "=", "a.agency_id").onRef("u.id", "=", "a.unit_id"))
    .leftJoin("dialogue_registration as r", (j) =>
      j.onRef("r.agency_id", "=", "q.agency_id").onRef("r.id", "=", "q.registration_id"),
    )
    .leftJoin("procedure as p", (j) => j.onRef("p.agency_id", "=", "q.agency_id").onRef("p.id", "=", "q.procedure_id"))
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
    .where("q.agency_id", "=", user.agencyId)
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
