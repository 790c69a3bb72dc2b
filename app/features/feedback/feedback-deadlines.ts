// The time limits on feedback (QĐ 766/QĐ-TTg scoring, docs/rules/feedback-deadlines.md), in working days:
// refuse within 2, first request for more information within 5, transfer within 5, answer ready
// within 15 of receipt, answer published within 2 of approval. The numbers are settings.
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from "~/kernel/time/working-days";
import type { FeedbackStatus } from "./feedback-workflow";

export interface FeedbackDays {
  refuse: number;
  requestInfo: number;
  transfer: number;
  answer: number;
  publish: number;
  dueSoon: number;
}

export const DEFAULT_FEEDBACK_DAYS: FeedbackDays = {
  refuse: 2,
  requestInfo: 5,
  transfer: 5,
  answer: 15,
  publish: 2,
  dueSoon: 2,
};

export interface IntakeDeadlines {
  refuse_due: string;
  info_due: string;
  transfer_due: string;
  answer_due: string;
}

/** Limits counted from `base`: the day of receipt, or the day the sender sent the information
 * asked for (the clock restarts then: the case could not be judged before). */
export function intakeDeadlines(base: string, days: FeedbackDays, cal: WorkCalendar): IntakeDeadlines {
  return {
    refuse_due: addWorkingDays(base, days.refuse, cal),
    info_due: addWorkingDays(base, days.requestInfo, cal),
    transfer_due: addWorkingDays(base, days.transfer, cal),
    answer_due: addWorkingDays(base, days.answer, cal),
  };
}

export interface StageDates {
  transfer_due: string | null;
  answer_due: string | null;
  publish_due: string | null;
}

/** The date by which the department's next step is due, or null when it is not the department's
 * turn. While a case waits to be classified, the triage limit (transfer / ask for more) rules. */
export function stageDue(status: FeedbackStatus, d: StageDates): string | null {
  switch (status) {
    case "received":
      return d.transfer_due;
    case "classified":
    case "in_progress":
    case "drafted":
      return d.answer_due;
    case "approved":
      return d.publish_due;
    default:
      return null;
  }
}

/** A step taken on `doneOn` (a Ho Chi Minh date) was late if that day is after its limit. */
export function isLate(doneOn: string, due: string | null | undefined): boolean {
  return !!due && doneOn > due;
}

export type Urgency = "late" | "due_soon" | "ok";

export function urgency(due: string | null, today: string, cal: WorkCalendar, soonDays: number): Urgency | null {
  if (!due) return null;
  if (today > due) return "late";
  return workingDaysBetween(today, due, cal) <= soonDays ? "due_soon" : "ok";
}
