// Does the holiday calendar cover the coming days? (docs/rules/holidays.md, "The 60-day
// warning"). A calendar year touched by the window with no day entered at all is uncovered: the
// limits counted in it skip no holiday. The literal "no holiday in the next 60 days" would warn
// every summer, when none falls for four months.
import { addDays } from "~/kernel/time/clock";

export const HOLIDAY_WARNING_DAYS = 60;

export interface HolidayCoverage {
  from: string;
  to: string;
  /** Years touched by the window with no day in the calendar, oldest first. */
  missingYears: string[];
}

/** `today` and the window's last day, both Ho Chi Minh dates; `yearsWithDays` the calendar's years. */
export function holidayCoverage(
  today: string,
  yearsWithDays: Iterable<string>,
  days = HOLIDAY_WARNING_DAYS,
): HolidayCoverage {
  const to = addDays(today, days);
  const have = new Set(yearsWithDays);
  const missingYears: string[] = [];
  for (let y = Number(today.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!have.has(String(y))) missingYears.push(String(y));
  return { from: today, to, missingYears };
}
