// Report periods (docs/rules/report-periods.md). Data cut-off by NĐ 09/2019/NĐ-CP Art. 12: a quarter runs from
// the 15th of the month before it to the 14th of its last month; the 6-month, 9-month and
// year periods start on 15/12 of the previous year. Due dates are the reform plan's (before
// 26/02, 26/05, 26/08, 20/11). Dates are calendar days in Asia/Ho_Chi_Minh (UTC+7, no DST); the day arithmetic is ~/kernel/time/clock's.
import { addDays } from "~/kernel/time/clock";

export type PeriodKind = "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "M9" | "Y";
export const PERIOD_KINDS: PeriodKind[] = ["Q1", "Q2", "H1", "Q3", "M9", "Q4", "Y"];

export interface PeriodWindow {
  year: number;
  kind: PeriodKind;
  /** First day, inclusive, "YYYY-MM-DD". */
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** The plan's "before" date, or null where the plan sets none. */
  due: string | null;
}

const d = (y: number, m: number, day: number) => `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export function defaultWindow(year: number, kind: PeriodKind): PeriodWindow {
  const prevDec15 = d(year - 1, 12, 15);
  switch (kind) {
    case "Q1":
      return { year, kind, start: prevDec15, end: d(year, 3, 14), due: d(year, 2, 26) };
    case "Q2":
      return { year, kind, start: d(year, 3, 15), end: d(year, 6, 14), due: null };
    case "Q3":
      return { year, kind, start: d(year, 6, 15), end: d(year, 9, 14), due: d(year, 8, 26) };
    case "Q4":
      return { year, kind, start: d(year, 9, 15), end: d(year, 12, 14), due: null };
    case "H1":
      return { year, kind, start: prevDec15, end: d(year, 6, 14), due: d(year, 5, 26) };
    case "M9":
      return { year, kind, start: prevDec15, end: d(year, 9, 14), due: null };
    case "Y":
      return { year, kind, start: prevDec15, end: d(year, 12, 14), due: d(year, 11, 20) };
  }
}

export function defaultWindows(year: number): PeriodWindow[] {
  return PERIOD_KINDS.map((k) => defaultWindow(year, k));
}

/** The period a report is compared with: the quarter before, or the same period a year earlier. */
export function previousOf(year: number, kind: PeriodKind): { year: number; kind: PeriodKind } {
  const quarters: PeriodKind[] = ["Q1", "Q2", "Q3", "Q4"];
  const i = quarters.indexOf(kind);
  if (i > 0) return { year, kind: quarters[i - 1] };
  if (i === 0) return { year: year - 1, kind: "Q4" };
  return { year: year - 1, kind };
}

/** The report year a local date falls in: 15/12 onwards counts for the next year. */
export function reportYearOf(date: string): number {
  const [y, m, day] = date.split("-").map(Number);
  return m === 12 && day >= 15 ? y + 1 : y;
}

/** The half-month a day belongs to, named by its first day: the 1st (days 1–14) or the 15th. */
export function halfMonthOf(date: string): string {
  return `${date.slice(0, 8)}${Number(date.slice(8, 10)) < 15 ? "01" : "15"}`;
}

/** The last day of the half-month that starts on `bucket`. */
export function halfMonthEnd(bucket: string): string {
  if (bucket.endsWith("-01")) return `${bucket.slice(0, 8)}14`;
  const [y, m] = bucket.split("-").map(Number);
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`, -1);
}

/** The report quarter a day belongs to, named by its first day: 15/12 (Q1 of the next year),
 * 15/03, 15/06 or 15/09. Each is exactly six half-months, so the quarter rollup is the sum of six
 * half-month rows (quarterBucketOf in rollup.server.ts is the same rule in SQL). */
export function quarterBucketOf(date: string): string {
  const [y, m, day] = date.split("-").map(Number);
  // The month of the last 15th on or before the day (0 is December of the year before), then the
  // quarter month (12, 3, 6, 9) at or before it.
  const k = day >= 15 ? m : m - 1;
  const q = k - (k % 3);
  return q === 0 ? d(y - 1, 12, 15) : d(y, q, 15);
}

/** The last day of the report quarter that starts on `quarter`: the 14th three months on. */
export function quarterBucketEnd(quarter: string): string {
  const [y, m] = quarter.split("-").map(Number);
  return m === 12 ? d(y + 1, 3, 14) : d(y, m + 3, 14);
}

type Range = { first: string; last: string };

/** Whole half-months of from..to and the leftover days at either edge. */
function splitHalves(from: string, to: string): { halves: Range[]; days: [string, string][] } {
  let first = halfMonthOf(from);
  if (first !== from) first = addDays(halfMonthEnd(first), 1);
  let last = halfMonthOf(to);
  if (halfMonthEnd(last) !== to) last = halfMonthOf(addDays(last, -1));
  if (first > last) return { halves: [], days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < first) days.push([from, addDays(first, -1)]);
  if (halfMonthEnd(last) < to) days.push([addDays(halfMonthEnd(last), 1), to]);
  return { halves: [{ first, last }], days };
}

/** Splits the inclusive window from..to into whole report quarters (read from the quarter
 * rollup), whole half-months before and after them (the half-month rollup) and the leftover days
 * at either edge (the daily rollup). Ranges name buckets by their first day; a report year is
 * four quarters, so it reads 4 row sets instead of 24. */
export function splitWindow(
  from: string,
  to: string,
): { quarters: Range | null; halves: Range[]; days: [string, string][] } {
  if (from > to) return { quarters: null, halves: [], days: [] };
  let first = quarterBucketOf(from);
  if (first !== from) first = addDays(quarterBucketEnd(first), 1);
  let last = quarterBucketOf(to);
  if (quarterBucketEnd(last) !== to) last = quarterBucketOf(addDays(last, -1));
  if (first > last) return { quarters: null, ...splitHalves(from, to) };
  const before = from < first ? splitHalves(from, addDays(first, -1)) : { halves: [], days: [] };
  const after =
    quarterBucketEnd(last) < to ? splitHalves(addDays(quarterBucketEnd(last), 1), to) : { halves: [], days: [] };
  return {
    quarters: { first, last },
    halves: [...before.halves, ...after.halves],
    days: [...before.days, ...after.days],
  };
}
