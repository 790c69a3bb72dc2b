// Reading dates and estimate marking (docs/rules/report-periods.md): windows by NĐ 09/2019
// Art. 12, due dates from the reform plan.
import { readingOf } from "~/features/reports/report-reading";

describe("what a report covers on its reading date", () => {
  it("Q1 read on its due date 26/02: actual 15/12–26/02, estimate 27/02–14/03", () => {
    // 15/12/2025 → 26/02/2026: 17 days of December + 31 of January + 26 of February = 74 days.
    // 27/02 → 14/03/2026: 2 days of February (2026 is not a leap year) + 14 of March = 16 days.
    expect(readingOf("2025-12-15", "2026-03-14", "2026-02-26")).toEqual({
      start: "2025-12-15",
      end: "2026-03-14",
      readThrough: "2026-02-26",
      actualDays: 74,
      estimate: { from: "2026-02-27", to: "2026-03-14", days: 16 },
    });
  });

  it("the year read on 20/11: estimate 21/11–14/12 (24 days)", () => {
    // 21/11 → 30/11 is 10 days, 01/12 → 14/12 is 14: 24.
    expect(readingOf("2025-12-15", "2026-12-14", "2026-11-20").estimate).toEqual({
      from: "2026-11-21",
      to: "2026-12-14",
      days: 24,
    });
  });

  it("read on the last day or after: all actual, no estimate", () => {
    expect(readingOf("2026-03-15", "2026-06-14", "2026-06-14")).toMatchObject({
      readThrough: "2026-06-14",
      actualDays: 92,
      estimate: null,
    });
    expect(readingOf("2026-03-15", "2026-06-14", "2026-08-01")).toMatchObject({
      readThrough: "2026-06-14",
      estimate: null,
    });
  });

  it("read before the window opens: nothing actual, the whole window to come", () => {
    // 15/06 → 14/09: 16 + 31 + 31 + 14 = 92 days.
    expect(readingOf("2026-06-15", "2026-09-14", "2026-06-01")).toEqual({
      start: "2026-06-15",
      end: "2026-09-14",
      readThrough: null,
      actualDays: 0,
      estimate: { from: "2026-06-15", to: "2026-09-14", days: 92 },
    });
  });
});

import { reportChange } from "~/features/reports/report-change";
import { rate } from "~/features/reports/stats";

describe("the change beside a sent report", () => {
  it("shows the figures now, the change in points and answers, and the entries behind it", () => {
    // Sent 38/45 = 84.44 %; 6 paper forms later, 5 satisfied: 43/51 = 84.31 %; −0.13 points.
    const c = reportChange(rate(38, 45), rate(43, 51), { entries: 6, paper: 6 }, 5, false);
    expect(c).toMatchObject({ entries: 6, paper: 6, answers: 6, heldBack: false });
    expect(c.now).toMatchObject({ satisfied: 43, n: 51 });
    expect(c.points).toBeCloseTo((43 / 51 - 38 / 45) * 100, 10);
  });

  it("holds the figures back when the change rests on fewer answers than the threshold", () => {
    // Sent 38/45, now 39/46: the figures would show that the one new person was satisfied.
    expect(reportChange(rate(38, 45), rate(39, 46), { entries: 1, paper: 1 }, 5, false)).toEqual({
      entries: 1,
      paper: 1,
      now: null,
      points: null,
      answers: null,
      heldBack: true,
    });
  });

  it("says nothing changed when nothing did", () => {
    expect(reportChange(rate(38, 45), rate(38, 45), { entries: 0, paper: 0 }, 5, false)).toMatchObject({
      entries: 0,
      now: null,
      heldBack: false,
    });
  });
});
