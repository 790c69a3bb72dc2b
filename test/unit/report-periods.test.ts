import { isDayRange, vnDay, vnDayRange } from "~/kernel/time/clock";
import {
  defaultWindow,
  defaultWindows,
  previousOf,
  reportYearOf,
  halfMonthEnd,
  halfMonthOf,
  splitWindow,
} from "~/features/reports/report-periods";

describe("report periods (NĐ 09/2019 cut-off)", () => {
  it("pre-fills the windows and the plan's due dates", () => {
    expect(defaultWindow(2026, "Q1")).toEqual({
      year: 2026,
      kind: "Q1",
      start: "2025-12-15",
      end: "2026-03-14",
      due: "2026-02-26",
    });
    expect(defaultWindow(2026, "Q2")).toMatchObject({ start: "2026-03-15", end: "2026-06-14", due: null });
    expect(defaultWindow(2026, "Q3")).toMatchObject({ start: "2026-06-15", end: "2026-09-14", due: "2026-08-26" });
    expect(defaultWindow(2026, "Q4")).toMatchObject({ start: "2026-09-15", end: "2026-12-14" });
    expect(defaultWindow(2026, "H1")).toMatchObject({ start: "2025-12-15", end: "2026-06-14", due: "2026-05-26" });
    expect(defaultWindow(2026, "M9")).toMatchObject({ start: "2025-12-15", end: "2026-09-14" });
    expect(defaultWindow(2026, "Y")).toMatchObject({ start: "2025-12-15", end: "2026-12-14", due: "2026-11-20" });
    expect(defaultWindows(2027)).toHaveLength(7);
  });

  it("the four quarters tile the year with no gap or overlap", () => {
    const q = ["Q1", "Q2", "Q3", "Q4"].map((k) =>
      vnDayRange(defaultWindow(2026, k as "Q1").start, defaultWindow(2026, k as "Q1").end),
    );
    for (let i = 1; i < 4; i++) expect(q[i].from.getTime()).toBe(q[i - 1].to.getTime());
    const y = vnDayRange(defaultWindow(2026, "Y").start, defaultWindow(2026, "Y").end);
    expect(q[0].from.getTime()).toBe(y.from.getTime());
    expect(q[3].to.getTime()).toBe(y.to.getTime());
  });

  it("compares with the quarter before or the same period a year earlier", () => {
    expect(previousOf(2026, "Q3")).toEqual({ year: 2026, kind: "Q2" });
    expect(previousOf(2026, "Q1")).toEqual({ year: 2025, kind: "Q4" });
    expect(previousOf(2026, "H1")).toEqual({ year: 2025, kind: "H1" });
  });

  it("works in Asia/Ho_Chi_Minh days", () => {
    const r = vnDayRange("2026-03-15", "2026-06-14");
    expect(r.from.toISOString()).toBe("2026-03-14T17:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-06-14T17:00:00.000Z");
    expect(vnDay(new Date("2026-12-14T17:30:00Z"))).toBe("2026-12-15");
    expect(reportYearOf("2026-12-15")).toBe(2027);
    expect(reportYearOf("2026-12-14")).toBe(2026);
    expect(isDayRange("2026-01-01", "2026-02-30")).toBe(false);
    expect(isDayRange("2026-03-01", "2026-02-01")).toBe(false);
    expect(isDayRange("2026-01-01", "2026-03-14")).toBe(true);
  });
});

import { parseDashboardQuery, quarterOf } from "~/features/reports/dashboard.schema";

describe("dashboard filters", () => {
  it("finds the report quarter of a day", () => {
    expect(quarterOf("2026-12-15")).toEqual({ year: 2027, kind: "Q1" });
    expect(quarterOf("2026-03-14")).toEqual({ year: 2026, kind: "Q1" });
    expect(quarterOf("2026-03-15")).toEqual({ year: 2026, kind: "Q2" });
    expect(quarterOf("2026-11-27")).toEqual({ year: 2026, kind: "Q4" });
  });
  it("ignores malformed values instead of failing", () => {
    const q = parseDashboardQuery(
      new URL("http://x/staff?survey=abc&period=2026-Q9&unit=-1&channel=fax&flagged=1&procedure=3").searchParams,
    );
    expect(q).toEqual({
      survey: undefined,
      period: undefined,
      unit: undefined,
      channel: undefined,
      flagged: "1",
      procedure: 3,
      version: undefined,
    });
  });
});

describe("half-month buckets", () => {
  it("name and end each half-month", () => {
    expect(halfMonthOf("2026-02-14")).toBe("2026-02-01");
    expect(halfMonthOf("2026-02-15")).toBe("2026-02-15");
    expect(halfMonthEnd("2026-02-01")).toBe("2026-02-14");
    expect(halfMonthEnd("2026-02-15")).toBe("2026-02-28");
    expect(halfMonthEnd("2028-02-15")).toBe("2028-02-29");
    expect(halfMonthEnd("2026-12-15")).toBe("2026-12-31");
  });

  it("cover a report window with whole half-months and no leftover days", () => {
    expect(splitWindow("2026-06-15", "2026-09-14")).toEqual({
      buckets: { first: "2026-06-15", last: "2026-09-01" },
      days: [],
    });
    expect(splitWindow("2025-12-15", "2026-12-14")).toEqual({
      buckets: { first: "2025-12-15", last: "2026-12-01" },
      days: [],
    });
  });

  it("read the edges of an unaligned window from the daily table", () => {
    expect(splitWindow("2026-06-10", "2026-09-20")).toEqual({
      buckets: { first: "2026-06-15", last: "2026-09-01" },
      days: [
        ["2026-06-10", "2026-06-14"],
        ["2026-09-15", "2026-09-20"],
      ],
    });
    expect(splitWindow("2026-06-16", "2026-06-20")).toEqual({ buckets: null, days: [["2026-06-16", "2026-06-20"]] });
    expect(splitWindow("2026-06-15", "2026-06-30")).toEqual({
      buckets: { first: "2026-06-15", last: "2026-06-15" },
      days: [],
    });
    expect(splitWindow("2026-06-20", "2026-06-10")).toEqual({ buckets: null, days: [] });
  });

  it("cover every day of a window exactly once", () => {
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
    for (const [from, to] of [
      ["2026-01-03", "2026-11-27"],
      ["2025-12-15", "2026-03-14"],
      ["2026-02-14", "2026-03-15"],
      ["2026-07-01", "2026-07-31"],
    ]) {
      const s = splitWindow(from, to);
      let covered = s.days.reduce((n, [a, b]) => n + days(a, b), 0);
      if (s.buckets) covered += days(s.buckets.first, halfMonthEnd(s.buckets.last));
      expect(covered, `${from}..${to}`).toBe(days(from, to));
    }
  });
});
