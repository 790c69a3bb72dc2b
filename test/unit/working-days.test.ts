import { addDays, weekday } from "~/kernel/time/clock";
import {
  addWorkingDays,
  calendarFrom,
  EMPTY_CALENDAR,
  isWorkingDay,
  workingDaysBetween,
} from "~/kernel/time/working-days";
import { demoHolidays } from "../../db/seed/holidays";

// The demo's 2026 days, and a nine-day Tết 2027 of this file's own (the days shipped for 2027 are
// tested in holiday-calendar.test.ts).
const NINE_DAY_TET = ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"];
const cal = calendarFrom([
  ...demoHolidays.map((h) => ({ date: h.date, kind: h.kind ?? "off" })),
  ...NINE_DAY_TET.map((date) => ({ date, kind: "off" as const })),
]);

describe("working days", () => {
  it("skip Saturdays and Sundays, and the day of receipt never counts", () => {
    expect(weekday("2026-11-27")).toBe(5); // a Friday
    expect(addWorkingDays("2026-11-27", 1, EMPTY_CALENDAR)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-27", 2, EMPTY_CALENDAR)).toBe("2026-12-01");
    // Received on a Saturday: the first working day is Monday.
    expect(addWorkingDays("2026-11-28", 1, EMPTY_CALENDAR)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-25", 15, EMPTY_CALENDAR)).toBe("2026-12-16");
    expect(addWorkingDays("2026-11-25", 0, EMPTY_CALENDAR)).toBe("2026-11-25");
  });

  it("skip a Tết holiday that spans a weekend (a nine-day Tết, Thu 4/2 – Fri 12/2/2027)", () => {
    // 2027-02-04..05 and 08..12 are off (this file's own days, see NINE_DAY_TET); 06–07 are the weekend.
    expect(
      ["2027-02-04", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-12"].map((d) =>
        isWorkingDay(d, cal),
      ),
    ).toEqual([false, false, false, false, false, false]);
    // Received Wed 3/2: the next working day is Mon 15/2, eleven calendar days later.
    expect(addWorkingDays("2027-02-03", 1, cal)).toBe("2027-02-15");
    // Refuse within 2 working days.
    expect(addWorkingDays("2027-02-03", 2, cal)).toBe("2027-02-16");
    // Answer within 15: the same count without the calendar would end 23/2.
    expect(addWorkingDays("2027-02-03", 15, EMPTY_CALENDAR)).toBe("2027-02-24");
    expect(addWorkingDays("2027-02-03", 15, cal)).toBe("2027-03-05");
  });

  it("move a deadline that would fall on a holiday to the next working day", () => {
    // Bính Ngọ 2026: Mon 16/2 – Fri 20/2. Received Thu 12/2: 2 working days are Fri 13/2 and Mon 23/2.
    expect(addWorkingDays("2026-02-12", 2, EMPTY_CALENDAR)).toBe("2026-02-16"); // a Tết day
    expect(addWorkingDays("2026-02-12", 2, cal)).toBe("2026-02-23");
    // Received Wed 22/4/2026 with 3 working days: Thu 23, Fri 24, then Mon 27/4 (Hùng Kings, day in
    // lieu) is skipped → Tue 28/4.
    expect(addWorkingDays("2026-04-22", 3, EMPTY_CALENDAR)).toBe("2026-04-27");
    expect(addWorkingDays("2026-04-22", 3, cal)).toBe("2026-04-28");
    // 30/4 and 1/5 are off too: 5 working days from Tue 28/4 end on Thu 7/5.
    expect(addWorkingDays("2026-04-28", 5, cal)).toBe("2026-05-07");
  });

  it("count a weekend day made a working day ('work') and a weekday given off ('off')", () => {
    const swapped = calendarFrom([
      { date: "2026-12-26", kind: "work" }, // a Saturday worked in exchange
      { date: "2026-12-28", kind: "off" }, // the Monday given off
    ]);
    expect(isWorkingDay("2026-12-26", swapped)).toBe(true);
    expect(isWorkingDay("2026-12-28", swapped)).toBe(false);
    expect(addWorkingDays("2026-12-25", 1, swapped)).toBe("2026-12-26");
    expect(addWorkingDays("2026-12-25", 2, swapped)).toBe("2026-12-29");
  });

  it("count working days between two dates, negative when the second is earlier", () => {
    expect(workingDaysBetween("2026-11-27", "2026-12-01", EMPTY_CALENDAR)).toBe(2);
    expect(workingDaysBetween("2026-12-01", "2026-11-27", EMPTY_CALENDAR)).toBe(-2);
    expect(workingDaysBetween("2026-12-01", "2026-12-01", EMPTY_CALENDAR)).toBe(0);
    expect(workingDaysBetween("2027-02-03", "2027-02-15", cal)).toBe(1);
  });

  it("agree with each other: n working days after d are n working days apart", () => {
    for (let i = 0; i < 60; i++) {
      const start = addDays("2026-01-01", i * 11);
      for (const n of [1, 2, 5, 15]) expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
    }
  });

  it("refuse nonsense instead of looping", () => {
    expect(() => addWorkingDays("2026-02-30x", 1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-11-27", -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-11-27", 1.5, cal)).toThrow(RangeError);
  });
});

describe("an agency's own days on top of the national calendar (docs/rules/holidays.md)", () => {
  // March 2031 has no national day. 15 working days after Monday 03/03/2031 are 4–7, 10–14, 17–21
  // and 24 March: the 15th is Monday 24/03. An own day off on Wednesday 12/03 is skipped, so the
  // 15th becomes Tuesday 25/03; an own working Saturday 08/03 as well brings it back to 24/03.
  const national = [{ date: "2031-01-01", kind: "off" as const }];
  it("an own day off is skipped, an own working Saturday counts, and neither touches the nation's days", () => {
    expect(addWorkingDays("2031-03-03", 15, calendarFrom(national))).toBe("2031-03-24");
    const own = calendarFrom(national, [{ date: "2031-03-12", kind: "off" }]);
    expect(addWorkingDays("2031-03-03", 15, own)).toBe("2031-03-25");
    const both = calendarFrom(national, [
      { date: "2031-03-12", kind: "off" },
      { date: "2031-03-08", kind: "work" },
    ]);
    expect(addWorkingDays("2031-03-03", 15, both)).toBe("2031-03-24");
    expect(isWorkingDay("2031-01-01", own)).toBe(false);
  });

  it("an own day decides its date over a national row of the other kind", () => {
    const withWork = calendarFrom([{ date: "2031-03-08", kind: "work" }], [{ date: "2031-03-08", kind: "off" }]);
    expect(isWorkingDay("2031-03-08", withWork)).toBe(false);
    const withOff = calendarFrom([{ date: "2031-03-12", kind: "off" }], [{ date: "2031-03-12", kind: "work" }]);
    expect(isWorkingDay("2031-03-12", withOff)).toBe(true);
  });
});
