// When the holiday calendar changes, the limits of open feedback cases are counted again on the
// new calendar (docs/rules/holidays.md). Each limit keeps its own count of working days from its
// own starting day — the count is read back from the old calendar, so a change of the day-count
// settings since the case arrived does not ride along with a holiday change.
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from "~/kernel/time/working-days";
import { stageDue } from "./feedback-deadlines";
import type { FeedbackStatus } from "./feedback-workflow";

export type DeadlineField = "refuse_due" | "info_due" | "transfer_due" | "answer_due" | "publish_due";

export interface OpenCase {
  status: FeedbackStatus;
  /** Day of receipt, or of the information the sender sent: the start of the intake limits. */
  base_date: string;
  /** Start of the answer limit: base_date, or the day an unsatisfied rating reopened the case. */
  answer_base: string;
  /** Day the answer was approved: the start of the publication limit. */
  approved_day: string | null;
  refuse_due: string;
  info_due: string;
  transfer_due: string;
  answer_due: string;
  publish_due: string | null;
  due_date: string | null;
}

export interface DeadlineChange {
  field: DeadlineField | "due_date";
  from: string | null;
  to: string | null;
}

/** The same number of working days after `base` on the new calendar as `due` was on the old. */
export function shiftDue(base: string, due: string, before: WorkCalendar, after: WorkCalendar): string {
  const n = workingDaysBetween(base, due, before);
  return n > 0 ? addWorkingDays(base, n, after) : due;
}

/** Limits still ahead of the department in this state; a limit of a step already taken was
 * judged when the step was taken and stays as it was. */
function liveFields(status: FeedbackStatus): DeadlineField[] {
  switch (status) {
    case "received":
      return ["refuse_due", "info_due", "transfer_due", "answer_due"];
    case "classified":
    case "in_progress":
    case "drafted":
      return ["answer_due"];
    case "approved":
      return ["publish_due"];
    default:
      return [];
  }
}

/** The limits that move, and the case's current limit (`due_date`) if it moves; empty when
 * nothing changes. */
export function shiftCaseDeadlines(c: OpenCase, before: WorkCalendar, after: WorkCalendar): DeadlineChange[] {
  const next = {
    refuse_due: c.refuse_due,
    info_due: c.info_due,
    transfer_due: c.transfer_due,
    answer_due: c.answer_due,
    publish_due: c.publish_due,
  };
  const changes: DeadlineChange[] = [];
  for (const field of liveFields(c.status)) {
    const old = next[field];
    if (!old) continue;
    const base = field === "answer_due" ? c.answer_base : field === "publish_due" ? c.approved_day : c.base_date;
    if (!base) continue;
    const moved = shiftDue(base, old, before, after);
    if (moved !== old) {
      next[field] = moved;
      changes.push({ field, from: old, to: moved });
    }
  }
  const due = stageDue(c.status, next);
  if (changes.length && due !== c.due_date) changes.push({ field: "due_date", from: c.due_date, to: due });
  return changes;
}
