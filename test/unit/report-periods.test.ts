import { isDayRange, vnDay, vnDayRange } from "~/kernel/time/clock";
import {
  defaultWindow,
  defaultWindows,
  previousOf,
  reportYearOf,
  halfMonthEnd,
  halfMonthOf,
  quarterBucketEnd,
  quarterBucketOf,
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

  it("read the edges of an unaligned window from the daily table", () => {
    // 10/06–20/09: the report quarter 15/06–14/09 whole, five days before it and six after.
    expect(splitWindow("2026-06-10", "2026-09-20")).toEqual({
      quarters: { first: "2026-06-15", last: "2026-06-15" },
      halves: [],
      days: [
        ["2026-06-10", "2026-06-14"],
        ["2026-09-15", "2026-09-20"],
      ],
    });
    expect(splitWindow("2026-06-15", "2026-06-30")).toEqual({
      quarters: null,
      halves: [{ first: "2026-06-15", last: "2026-06-15" }],
      days: [],
    });
  });
});

describe("report quarter buckets", () => {
  it("name and end each report quarter (15/12, 15/03, 15/06, 15/09 to the 14th three months on)", () => {
    expect(quarterBucketOf("2026-01-10")).toBe("2025-12-15");
    expect(quarterBucketOf("2026-03-14")).toBe("2025-12-15");
    expect(quarterBucketOf("2026-03-15")).toBe("2026-03-15");
    expect(quarterBucketOf("2026-06-14")).toBe("2026-03-15");
    expect(quarterBucketOf("2026-09-01")).toBe("2026-06-15");
    expect(quarterBucketOf("2026-12-14")).toBe("2026-09-15");
    expect(quarterBucketOf("2026-12-15")).toBe("2026-12-15");
    expect(quarterBucketOf("2026-12-31")).toBe("2026-12-15");
    expect(quarterBucketEnd("2025-12-15")).toBe("2026-03-14");
    expect(quarterBucketEnd("2026-03-15")).toBe("2026-06-14");
    expect(quarterBucketEnd("2026-09-15")).toBe("2026-12-14");
  });

  it("read a report year as its four quarters", () => {
    expect(splitWindow("2025-12-15", "2026-12-14")).toEqual({
      quarters: { first: "2025-12-15", last: "2026-09-15" },
      halves: [],
      days: [],
    });
  });

  it("read a report quarter, and the 6-month period, from the quarter table alone", () => {
    expect(splitWindow("2026-06-15", "2026-09-14")).toEqual({
      quarters: { first: "2026-06-15", last: "2026-06-15" },
      halves: [],
      days: [],
    });
    expect(splitWindow("2025-12-15", "2026-06-14")).toEqual({
      quarters: { first: "2025-12-15", last: "2026-03-15" },
      halves: [],
      days: [],
    });
  });

  it("read the last 91 days to a mid-month day from half-months and days (no whole quarter fits)", () => {
    // 07/09–06/12/2026 is 24 + 31 + 30 + 6 = 91 days. The quarter 15/09–14/12 ends after it; the
    // half-months 15/09 … 15/11 (to 30/11) are whole; 07–14/09 and 01–06/12 are edge days.
    expect(splitWindow("2026-09-07", "2026-12-06")).toEqual({
      quarters: null,
      halves: [{ first: "2026-09-15", last: "2026-11-15" }],
      days: [
        ["2026-09-07", "2026-09-14"],
        ["2026-12-01", "2026-12-06"],
      ],
    });
    // The last 91 days to 14/03/2026 (14/12/2025 on: 18 + 31 + 28 + 14 = 91 days): Q1/2026
    // whole (15/12–14/03, 90 days) and the one day before it.
    expect(splitWindow("2025-12-14", "2026-03-14")).toEqual({
      quarters: { first: "2025-12-15", last: "2025-12-15" },
      halves: [],
      days: [["2025-12-14", "2025-12-14"]],
    });
  });

  it("read a window inside one half-month from the daily table alone", () => {
    expect(splitWindow("2026-06-16", "2026-06-20")).toEqual({
      quarters: null,
      halves: [],
      days: [["2026-06-16", "2026-06-20"]],
    });
  });

  it("read a window across a year end from quarters, half-months on either side and edge days", () => {
    // 20/11/2025–10/04/2026: Q1/2026 (15/12–14/03) whole; before it the half-month 01–14/12
    // whole and 20–30/11 as days; after it the half-month 15–31/03 whole and 01–10/04 as days.
    expect(splitWindow("2025-11-20", "2026-04-10")).toEqual({
      quarters: { first: "2025-12-15", last: "2025-12-15" },
      halves: [
        { first: "2025-12-01", last: "2025-12-01" },
        { first: "2026-03-15", last: "2026-03-15" },
      ],
      days: [
        ["2025-11-20", "2025-11-30"],
        ["2026-04-01", "2026-04-10"],
      ],
    });
    // 15/09/2025–14/06/2026: Q4/2025, Q1/2026 and Q2/2026, the middle one across 1 January.
    expect(splitWindow("2025-09-15", "2026-06-14")).toEqual({
      quarters: { first: "2025-09-15", last: "2026-03-15" },
      halves: [],
      days: [],
    });
  });

  it("read nothing for an empty window", () => {
    expect(splitWindow("2026-06-20", "2026-06-10")).toEqual({ quarters: null, halves: [], days: [] });
  });

  it("cover every day of a window exactly once", () => {
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
    for (const [from, to] of [
      ["2026-01-03", "2026-11-27"],
      ["2025-12-15", "2026-03-14"],
      ["2026-02-14", "2026-03-15"],
      ["2026-07-01", "2026-07-31"],
      ["2025-11-20", "2026-04-10"],
      ["2025-09-07", "2026-12-06"],
    ]) {
      const s = splitWindow(from, to);
      let covered = s.days.reduce((n, [a, b]) => n + days(a, b), 0);
      for (const h of s.halves) covered += days(h.first, halfMonthEnd(h.last));
      if (s.quarters) covered += days(s.quarters.first, quarterBucketEnd(s.quarters.last));
      expect(covered, `${from}..${to}`).toBe(days(from, to));
    }
  });
});
