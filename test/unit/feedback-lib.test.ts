import { formatCode, isValidPhone, normaliseCode, normalisePhone } from "~/features/feedback/feedback-code";
import {
  DEFAULT_FEEDBACK_DAYS,
  intakeDeadlines,
  isLate,
  stageDue,
  urgency,
} from "~/features/feedback/feedback-deadlines";
import { handlingSatisfaction } from "~/features/feedback/feedback-figures";
import { calendarFrom, EMPTY_CALENDAR } from "~/kernel/time/working-days";

describe("tracking codes and phones", () => {
  it("format and read back PAKN.YYYYMMDD.NNNN", () => {
    expect(formatCode("2026-11-27", 7)).toBe("PAKN.20261127.0007");
    expect(formatCode("2026-11-27", 12345)).toBe("PAKN.20261127.12345");
    expect(normaliseCode(" pakn.20261127.0007 ")).toBe("PAKN.20261127.0007");
    expect(normaliseCode("PAKN.2026112.0007")).toBeNull();
    expect(normaliseCode("PAKN.20261127.07")).toBeNull();
    expect(normaliseCode("")).toBeNull();
  });

  it("reduce phones to digits with the domestic 0", () => {
    expect(normalisePhone("0912 345 678")).toBe("0912345678");
    expect(normalisePhone("+84 912-345-678")).toBe("0912345678");
    expect(normalisePhone("84.273.3871.234")).toBe("02733871234");
    expect(isValidPhone("0912345678")).toBe(true);
    expect(isValidPhone("02733871234")).toBe(true);
    expect(isValidPhone("912345678")).toBe(false);
    expect(isValidPhone("09123")).toBe(false);
  });
});

describe("feedback deadlines", () => {
  const tet = calendarFrom(
    ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((date) => ({
      date,
      kind: "off" as const,
    })),
  );

  it("set each limit in working days from receipt, with the default settings of docs/rules/feedback-deadlines.md", () => {
    expect(DEFAULT_FEEDBACK_DAYS).toMatchObject({ refuse: 2, requestInfo: 5, transfer: 5, answer: 15, publish: 2 });
    expect(intakeDeadlines("2026-02-12", DEFAULT_FEEDBACK_DAYS, tet)).toEqual({
      refuse_due: "2026-02-23",
      info_due: "2026-02-26",
      transfer_due: "2026-02-26",
      answer_due: "2026-03-12",
    });
  });

  it("name the department's next limit by state, none when it waits for the sender", () => {
    const d = { transfer_due: "2026-03-01", answer_due: "2026-03-20", publish_due: "2026-03-25" };
    expect(stageDue("received", d)).toBe("2026-03-01");
    expect(stageDue("in_progress", d)).toBe("2026-03-20");
    expect(stageDue("approved", d)).toBe("2026-03-25");
    expect(stageDue("info_requested", d)).toBeNull();
    expect(stageDue("published", d)).toBeNull();
    expect(stageDue("closed", d)).toBeNull();
  });

  it("mark late after the limit day, due soon within the setting's working days", () => {
    expect(isLate("2026-03-20", "2026-03-20")).toBe(false);
    expect(isLate("2026-03-21", "2026-03-20")).toBe(true);
    expect(isLate("2026-03-21", null)).toBe(false);
    // Fri 27/11 with the limit Tue 1/12: two working days away → due soon.
    expect(urgency("2026-12-01", "2026-11-27", EMPTY_CALENDAR, 2)).toBe("due_soon");
    expect(urgency("2026-12-02", "2026-11-27", EMPTY_CALENDAR, 2)).toBe("ok");
    expect(urgency("2026-11-27", "2026-11-27", EMPTY_CALENDAR, 2)).toBe("due_soon");
    expect(urgency("2026-11-26", "2026-11-27", EMPTY_CALENDAR, 2)).toBe("late");
    expect(urgency(null, "2026-11-27", EMPTY_CALENDAR, 2)).toBeNull();
    // Across Tết, a limit a calendar week away can still be "due soon".
    expect(urgency("2026-02-23", "2026-02-13", tet, 2)).toBe("due_soon");
  });
});

describe("QĐ 766 satisfaction with handling", () => {
  // docs/rules/feedback-figures.md: (total − rated unsatisfied − handled late − repeated because of
  // dissatisfaction) ÷ total, each term a count of cases in which that event happened.
  it("is (total − unsatisfied − late − repeated) ÷ total, with its terms and n", () => {
    // 20 − 1 − 2 − 1 = 16 → 16/20 = 80 %.
    expect(handlingSatisfaction({ total: 20, unsatisfied: 1, late: 2, repeated: 1 })).toMatchObject({
      good: 16,
      rate: 16 / 20,
      n: 20,
      floored: false,
    });
    expect(handlingSatisfaction({ total: 0, unsatisfied: 0, late: 0, repeated: 0 })).toMatchObject({
      rate: null,
      n: 0,
      good: 0,
    });
  });

  it("charges one unsatisfied rating once: 10 cases, one rated unsatisfied → 90 %", () => {
    // The example: (10 − 1 − 0 − 0) ÷ 10 = 9/10. The old code also subtracted the reopening
    // that same rating caused and gave 8/10.
    const r = handlingSatisfaction({ total: 10, unsatisfied: 1, late: 0, repeated: 0 });
    expect(r).toMatchObject({ good: 9, rate: 0.9, n: 10 });
  });

  it("never goes below 0 when the terms overlap, and says so", () => {
    // 2 cases, each late, rated unsatisfied and raised again: 2 − 2 − 2 − 2 = −4 → 0.
    expect(handlingSatisfaction({ total: 2, unsatisfied: 2, late: 2, repeated: 2 })).toMatchObject({
      rate: 0,
      good: 0,
      floored: true,
    });
    // A case both late and rated unsatisfied costs two: 3 − 1 − 1 − 0 = 1 → 1/3.
    expect(handlingSatisfaction({ total: 3, unsatisfied: 1, late: 1, repeated: 0 }).rate).toBeCloseTo(1 / 3);
  });
});
