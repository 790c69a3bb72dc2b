// The feedback time limits (settings) and the holiday calendar, read fresh on each use: the
// admin may edit either at any time, and both tables are a handful of rows.
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { DEFAULT_FEEDBACK_DAYS, type FeedbackDays } from "~/lib/feedback-deadlines";
import { calendarFrom, type WorkCalendar } from "~/lib/working-days";
import { db } from "~/utils/db.server";

const KEYS: Record<keyof FeedbackDays, string> = {
  refuse: "feedback.days.refuse",
  requestInfo: "feedback.days.request_info",
  transfer: "feedback.days.transfer",
  answer: "feedback.days.answer",
  publish: "feedback.days.publish",
  dueSoon: "feedback.due_soon_days",
};

/** The limits in working days; a missing or nonsensical setting falls back to the legal default. */
export async function feedbackDays(conn: Kysely<Database> = db()): Promise<FeedbackDays> {
  const rows = await conn.selectFrom("setting").select(["key", "value"]).where("key", "in", Object.values(KEYS)).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const out = { ...DEFAULT_FEEDBACK_DAYS };
  for (const [field, key] of Object.entries(KEYS) as [keyof FeedbackDays, string][]) {
    const v = Number(byKey.get(key));
    if (Number.isInteger(v) && v >= 0 && v <= 365) out[field] = v;
  }
  return out;
}

export async function workCalendar(conn: Kysely<Database> = db()): Promise<WorkCalendar> {
  const rows = await conn.selectFrom("holiday").select(["date", "kind"]).execute();
  return calendarFrom(rows);
}
