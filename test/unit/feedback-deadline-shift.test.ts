// Moving an open case's limits when the holiday calendar changes (docs/rules/holidays.md).
// October 2029: Mon 1/10 … Fri 5/10, Sat 6/10, … Mon 22/10. Expectations counted by hand.
import { shiftCaseDeadlines, shiftDue, type OpenCase } from "~/features/feedback/feedback-deadline-shift";
import { calendarFrom, EMPTY_CALENDAR } from "~/kernel/time/working-days";

const off = (...dates: string[]) => calendarFrom(dates.map((date) => ({ date, kind: "off" as const })));

const received: OpenCase = {
  status: "received",
  base_date: "2029-10-01",
  answer_base: "2029-10-01",
  approved_day: null,
  // 2, 5, 5 and 15 working days from Mon 1/10 on a calendar without holidays.
  refuse_due: "2029-10-03",
  info_due: "2029-10-08",
  transfer_due: "2029-10-08",
  answer_due: "2029-10-22",
  publish_due: null,
  due_date: "2029-10-08",
};

describe("moving limits with the calendar", () => {
  it("keeps a limit's count of working days: a day off before it moves it one working day later", () => {
    // 15 working days from 1/10 with Wed 10/10 off: 2–5, 8, 9, 11, 12, 15–19, 22, 23 → Tue 23/10.
    expect(shiftDue("2029-10-01", "2029-10-22", EMPTY_CALENDAR, off("2029-10-10"))).toBe("2029-10-23");
    // A day off after the limit changes nothing.
    expect(shiftDue("2029-10-01", "2029-10-22", EMPTY_CALENDAR, off("2029-10-24"))).toBe("2029-10-22");
    // Removing the day moves it back.
    expect(shiftDue("2029-10-01", "2029-10-23", off("2029-10-10"), EMPTY_CALENDAR)).toBe("2029-10-22");
    // A Saturday made a working day (Sat 13/10) brings it one working day earlier: Fri 19/10.
    expect(
      shiftDue("2029-10-01", "2029-10-22", EMPTY_CALENDAR, calendarFrom([{ date: "2029-10-13", kind: "work" }])),
    ).toBe("2029-10-19");
  });

  it("moves only the limits still ahead in the case's state, and the current limit with them", () => {
    // Received: Fri 5/10 off moves the request and transfer limits (8/10 → 9/10) and the answer
    // limit (22/10 → 23/10); the refuse limit (Wed 3/10) is before it.
    expect(shiftCaseDeadlines(received, EMPTY_CALENDAR, off("2029-10-05"))).toEqual([
      { field: "info_due", from: "2029-10-08", to: "2029-10-09" },
      { field: "transfer_due", from: "2029-10-08", to: "2029-10-09" },
      { field: "answer_due", from: "2029-10-22", to: "2029-10-23" },
      { field: "due_date", from: "2029-10-08", to: "2029-10-09" },
    ]);
    // In progress: only the answer limit is live; the intake limits were judged when classified.
    expect(
      shiftCaseDeadlines(
        { ...received, status: "in_progress", due_date: "2029-10-22" },
        EMPTY_CALENDAR,
        off("2029-10-05"),
      ),
    ).toEqual([
      { field: "answer_due", from: "2029-10-22", to: "2029-10-23" },
      { field: "due_date", from: "2029-10-22", to: "2029-10-23" },
    ]);
    // Nothing to move: an empty list, so no history entry is written.
    expect(shiftCaseDeadlines(received, EMPTY_CALENDAR, off("2029-11-05"))).toEqual([]);
  });

  it("counts a reopened case's answer limit from the day of the rating, and publication from approval", () => {
    // Reopened Mon 15/10: 15 working days → Mon 5/11 (16–19, 22–26, 29–31/10, 1, 2, 5/11).
    // Fri 19/10 off → Tue 6/11. Counted from the receipt (1/10) it would have moved 22/10 instead.
    const reopened: OpenCase = {
      ...received,
      status: "in_progress",
      answer_base: "2029-10-15",
      answer_due: "2029-11-05",
      due_date: "2029-11-05",
    };
    expect(shiftCaseDeadlines(reopened, EMPTY_CALENDAR, off("2029-10-19"))).toEqual([
      { field: "answer_due", from: "2029-11-05", to: "2029-11-06" },
      { field: "due_date", from: "2029-11-05", to: "2029-11-06" },
    ]);
    // A holiday between receipt and the reopening does not touch the reopened limit.
    expect(shiftCaseDeadlines(reopened, EMPTY_CALENDAR, off("2029-10-10"))).toEqual([]);
    // Approved Tue 9/10: 2 working days → Thu 11/10; Wed 10/10 off → Fri 12/10.
    const approved: OpenCase = {
      ...received,
      status: "approved",
      approved_day: "2029-10-09",
      publish_due: "2029-10-11",
      due_date: "2029-10-11",
    };
    expect(shiftCaseDeadlines(approved, EMPTY_CALENDAR, off("2029-10-10"))).toEqual([
      { field: "publish_due", from: "2029-10-11", to: "2029-10-12" },
      { field: "due_date", from: "2029-10-11", to: "2029-10-12" },
    ]);
  });
});
