// The dialogue's figures for the dashboard and the reports: was this year's dialogue held (the
// reform plan asks for one a year), how many came, what share of questions got an answer, and
// how many promised follow-ups are still open.
import { vnDay, vnYearRange } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";

export interface DialogueFigures {
  year: number;
  /** Sessions of the year that were not cancelled. */
  sessions: number;
  held: boolean;
  /** The most recent session held this year, if any. */
  lastHeld: { id: number; startsAt: string; minutesPublished: boolean } | null;
  attendance: { citizen: number; business: number; total: number };
  questions: {
    total: number;
    answered: number;
    /** answered ÷ total, null when there were none */ answeredShare: number | null;
  };
  followUps: { total: number; open: number; overdue: number };
}

/** One agency's dialogue figures: every caller names the agency (no "all agencies" mode, as for
 * the feedback figures, docs/rules/agencies.md). */
export async function dialogueFigures({
  agencyId,
  year,
  today,
}: {
  agencyId: number;
  year: number;
  today?: string;
}): Promise<DialogueFigures> {
  const { from, to } = vnYearRange(year);
  const sessions = await db()
    .selectFrom("dialogue_session")
    .select(["id", "status", "starts_at"])
    .where("agency_id", "=", agencyId)
    .where("starts_at", ">=", from)
    .where("starts_at", "<", to)
    .where("status", "!=", "cancelled")
    .orderBy("starts_at", "desc")
    .execute();
  const heldRows = sessions.filter((s) => s.status === "held" || s.status === "minutes_published");
  const ids = sessions.map((s) => s.id);
  const heldIds = heldRows.map((s) => s.id);
  const empty = { year, sessions: sessions.length, held: heldRows.length > 0, lastHeld: null };
  if (!ids.length) {
    return {
      ...empty,
      attendance: { citizen: 0, business: 0, total: 0 },
      questions: { total: 0, answered: 0, answeredShare: null },
      followUps: { total: 0, open: 0, overdue: 0 },
    };
  }
  const att = heldIds.length
    ? await db()
        .selectFrom("dialogue_registration")
        .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
        .where("agency_id", "=", agencyId)
        .where("session_id", "in", heldIds)
        .where("checked_in_at", "is not", null)
        .groupBy("kind")
        .execute()
    : [];
  // A merged duplicate is answered through its target and a hidden one is not a question to
  // answer: neither counts.
  const q = await db()
    .selectFrom("dialogue_question as q")
    .innerJoin("dialogue_answer as a", "a.question_id", "q.id")
    .select([
      (eb) => eb.fn.countAll<number>().as("total"),
      (eb) => eb.fn.countAll<number>().filterWhere("a.status", "=", "answered").as("answered"),
    ])
    .where("q.agency_id", "=", agencyId)
    .where("q.session_id", "in", ids)
    .where("q.status", "in", ["approved", "pending"])
    .executeTakeFirstOrThrow();
  const day = today ?? vnDay();
  const f = await db()
    .selectFrom("dialogue_followup")
    .select([
      (eb) => eb.fn.countAll<number>().as("total"),
      (eb) => eb.fn.countAll<number>().filterWhere("status", "!=", "done").as("open"),
      (eb) =>
        eb.fn
          .countAll<number>()
          .filterWhere((w) => w.and([w("status", "!=", "done"), w("due_date", "<", day)]))
          .as("overdue"),
    ])
    .where("agency_id", "=", agencyId)
    .where("session_id", "in", ids)
    .executeTakeFirstOrThrow();
  const citizen = Number(att.find((a) => a.kind === "citizen")?.n ?? 0);
  const business = Number(att.find((a) => a.kind === "business")?.n ?? 0);
  const total = Number(q.total);
  const answered = Number(q.answered);
  const last = heldRows[0];
  return {
    ...empty,
    lastHeld: last
      ? { id: last.id, startsAt: last.starts_at.toISOString(), minutesPublished: last.status === "minutes_published" }
      : null,
    attendance: { citizen, business, total: citizen + business },
    questions: { total, answered, answeredShare: total ? answered / total : null },
    followUps: { total: Number(f.total), open: Number(f.open), overdue: Number(f.overdue) },
  };
}
