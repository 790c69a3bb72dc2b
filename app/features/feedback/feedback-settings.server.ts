// An agency's feedback time limits (from its settings) and its working calendar (the national
// holidays and its own days, docs/rules/holidays.md), read fresh on each use: the admin may edit
// either at any time, and both are a handful of rows.
import type { Kysely } from "kysely";
import { DEFAULT_FEEDBACK_DAYS, type FeedbackDays } from "~/features/feedback/feedback-deadlines";
import { calendarFrom, type WorkCalendar } from "~/kernel/time/working-days";
import { getSettings } from "~/features/admin/settings.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

/** The limits in working days; settings.server answers the legal default for a missing key. */
export async function feedbackDays(agencyId: number): Promise<FeedbackDays> {
  const s = await getSettings(agencyId);
  const pick = (v: number, fallback: number) => (Number.isInteger(v) && v >= 0 && v <= 365 ? v : fallback);
  return {
    refuse: pick(s["feedback.days.refuse"], DEFAULT_FEEDBACK_DAYS.refuse),
    requestInfo: pick(s["feedback.days.request_info"], DEFAULT_FEEDBACK_DAYS.requestInfo),
    transfer: pick(s["feedback.days.transfer"], DEFAULT_FEEDBACK_DAYS.transfer),
    answer: pick(s["feedback.days.answer"], DEFAULT_FEEDBACK_DAYS.answer),
    publish: pick(s["feedback.days.publish"], DEFAULT_FEEDBACK_DAYS.publish),
    dueSoon: pick(s["feedback.due_soon_days"], DEFAULT_FEEDBACK_DAYS.dueSoon),
  };
}

/** Pass the transaction that holds a feedback row's lock: a holiday change that moved the row's
 * limits has then landed, and the step counts on the same calendar. */
export async function workCalendar(agencyId: number, conn: Kysely<Database> = db()): Promise<WorkCalendar> {
  const [national, own] = await Promise.all([
    conn.selectFrom("holiday").select(["date", "kind"]).execute(),
    conn.selectFrom("agency_holiday").select(["date", "kind"]).where("agency_id", "=", agencyId).execute(),
  ]);
  return calendarFrom(national, own);
}
