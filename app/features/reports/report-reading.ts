// What a report's figures cover (docs/rules/report-periods.md). The plan's due dates fall before
// the NĐ 09/2019 windows close, so a report read before its window ends covers the days up to the
// reading date with actual figures ("số liệu đến ngày …") and the days after it are still to come:
// marked "ước thực hiện" (an estimate), with no number invented for them.
import { addDays, daysInclusive as daysBetween } from "~/kernel/time/clock";

export interface Reading {
  /** The window, inclusive local dates. */
  start: string;
  end: string;
  /** The last local day the actual figures include (the reading date); null before the window opens. */
  readThrough: string | null;
  /** Days from the window's start to the reading date, inclusive. */
  actualDays: number;
  /** The days still to come, marked as an estimate; null once the window has closed. */
  estimate: { from: string; to: string; days: number } | null;
}

/**
 * The reading of a window on the local day `today` (Asia/Ho_Chi_Minh). The reading date's own
 * figures are those stored up to the moment of reading; the days after it are not yet seen.
 */
export function readingOf(start: string, end: string, today: string): Reading {
  if (today < start)
    return {
      start,
      end,
      readThrough: null,
      actualDays: 0,
      estimate: { from: start, to: end, days: daysBetween(start, end) },
    };
  if (today >= end) return { start, end, readThrough: end, actualDays: daysBetween(start, end), estimate: null };
  const from = addDays(today, 1);
  return {
    start,
    end,
    readThrough: today,
    actualDays: daysBetween(start, today),
    estimate: { from, to: end, days: daysBetween(from, end) },
  };
}
