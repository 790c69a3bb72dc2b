// Working days for legal deadlines (NĐ 20/2008 feedback limits, docs/rules/feedback-deadlines.md): Saturdays and
// Sundays are off, the admin's holiday calendar adds days off ("off") and turns some weekend
// days into working days ("work", the swapped days around Tết). Dates are "YYYY-MM-DD" strings
// of the Vietnamese calendar, never Date objects, so no time zone can shift a day (~/kernel/time/clock).
import { addDays, isDay, weekday } from "./clock";

export interface WorkCalendar {
  off: ReadonlySet<string>;
  work: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { off: new Set(), work: new Set() };

// Limits in law are counted in days or weeks; a loop bound keeps a bad setting from hanging a request.
const MAX_DAYS = 3660;

function assertYmd(ymd: string): void {
  if (!isDay(ymd)) throw new RangeError(`not a date: ${ymd}`);
}

export function isWorkingDay(ymd: string, cal: WorkCalendar): boolean {
  if (cal.work.has(ymd)) return true;
  if (cal.off.has(ymd)) return false;
  const d = weekday(ymd);
  return d !== 0 && d !== 6;
}

/** The date of the n-th working day after `start` — the last day to act on an "n working days"
 * limit. The day of receipt itself never counts, whether or not it was a working day. */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS) throw new RangeError(`bad number of working days: ${n}`);
  let d = start;
  assertYmd(d);
  for (let counted = 0, steps = 0; counted < n; steps++) {
    if (steps > MAX_DAYS * 2) throw new RangeError("calendar has no working days");
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) counted++;
  }
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  assertYmd(from);
  assertYmd(to);
  if (to === from) return 0;
  const forward = to > from;
  const [a, b] = forward ? [from, to] : [to, from];
  let n = 0;
  for (let d = addDays(a, 1), steps = 0; d <= b; d = addDays(d, 1), steps++) {
    if (steps > MAX_DAYS * 2) throw new RangeError("range too long");
    if (isWorkingDay(d, cal)) n++;
  }
  return forward ? n : -n;
}

/** The national calendar's days, then an agency's own days on top (docs/rules/holidays.md,
 * "An agency's own days"): an own day decides its date whatever the national row said. */
export function calendarFrom(
  rows: { date: string; kind: "off" | "work" }[],
  own: { date: string; kind: "off" | "work" }[] = [],
): WorkCalendar {
  const off = new Set<string>();
  const work = new Set<string>();
  for (const r of [...rows, ...own]) {
    (r.kind === "work" ? work : off).add(r.date);
    (r.kind === "work" ? off : work).delete(r.date);
  }
  return { off, work };
}
