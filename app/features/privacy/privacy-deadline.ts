// Requests about one's own personal data are met within 72 hours of receipt (docs/rules/personal-data.md,
// NĐ 13/2023 Art. 14–16 as the portal promises it). Hours, not working days: the promise in the
// notice is "72 giờ" and a person reads it as three days on the clock. Pure.

export const REQUEST_HOURS = 72;
/** Less than this left and the staff list marks the request "due soon". */
export const DUE_SOON_HOURS = 24;
const HOUR = 3_600_000;

export function requestDue(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + REQUEST_HOURS * HOUR);
}

export type DeadlineState = "late" | "due_soon" | "on_time";

/** Where an open request stands against its deadline at `now`. */
export function deadlineState(dueAt: Date, now: Date, soonHours = DUE_SOON_HOURS): DeadlineState {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "late";
  if (left < soonHours * HOUR) return "due_soon";
  return "on_time";
}

/** Whole hours left, rounded down; when late, whole hours late as a negative number, at least 1
 * (half an hour late reads "1 h late", never "0 h late"). */
export function hoursLeft(dueAt: Date, now: Date): number {
  const h = (dueAt.getTime() - now.getTime()) / HOUR;
  return h >= 0 ? Math.floor(h) : -Math.max(1, Math.floor(-h));
}
