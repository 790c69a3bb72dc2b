import fc from "fast-check";
import {
  addDays,
  daysInclusive,
  formatDate,
  formatDateTime,
  formatTime,
  fromVnInput,
  isDay,
  isDayRange,
  nextDay,
  parseDateInput,
  today,
  toVnInput,
  vnDay,
  vnDayEnd,
  vnDayRange,
  vnDayStart,
  vnInstant,
  vnYear,
  vnYearRange,
  weekday,
} from "~/kernel/time/clock";

describe("formatDateTime / formatDate", () => {
  it("shows instants in Viet Nam time, day first", () => {
    // 17:30 UTC on 31 Dec is already 00:30 on 1 Jan in Viet Nam.
    const t = new Date("2026-12-31T17:30:00Z");
    expect(formatDateTime(t, "vi")).toBe("01/01/2027 00:30");
    expect(formatDateTime(t, "en")).toBe("01/01/2027 00:30");
    expect(formatDate(t)).toBe("01/01/2027");
    expect(formatDateTime("2026-11-27T02:05:00.000Z")).toBe("27/11/2026 09:05");
  });

  it("keeps a calendar day (a date column) as it is, with no time-zone shift", () => {
    expect(formatDate("2026-09-02")).toBe("02/09/2026");
  });

  it("returns an empty string for something that is not a time", () => {
    expect(formatDateTime("not a date")).toBe("");
    expect(formatDate("2026-13-45x")).toBe("");
  });
});

describe("Viet Nam days", () => {
  it("start at 17:00 UTC the day before", () => {
    expect(vnDayStart("2026-11-27").toISOString()).toBe("2026-11-26T17:00:00.000Z");
    expect(vnDay(new Date("2026-11-26T16:59:59Z"))).toBe("2026-11-26");
    expect(vnDay(new Date("2026-11-26T17:00:00Z"))).toBe("2026-11-27");
  });

  it("step over month and year ends and know the weekday", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(weekday("2026-09-02")).toBe(3); // a Wednesday
    expect(weekday("2026-11-29")).toBe(0); // a Sunday
  });

  it("vnDay of vnDayStart is the same day, for any day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          const ymd = d.toISOString().slice(0, 10);
          expect(vnDay(vnDayStart(ymd))).toBe(ymd);
          expect(formatDate(ymd)).toBe(formatDate(vnDayStart(ymd)));
        },
      ),
    );
  });
});

describe("parseDateInput", () => {
  it("reads what a date field sends and what a person types", () => {
    expect(parseDateInput("2026-09-02")).toBe("2026-09-02");
    expect(parseDateInput("02/09/2026")).toBe("2026-09-02");
    expect(parseDateInput(" 2/9/2026 ")).toBe("2026-09-02");
    expect(parseDateInput("29.02.2028")).toBe("2028-02-29");
  });

  it("refuses days that do not exist", () => {
    for (const bad of [
      "31/02/2026",
      "2026-02-29",
      "00/01/2026",
      "2026-13-01",
      "12/2026",
      "",
      null,
      undefined,
      "tomorrow",
    ]) {
      expect(parseDateInput(bad)).toBeNull();
    }
  });
});

// Hand-computed: Viet Nam is UTC+7 all year, so local midnight is 17:00:00 UTC the day before.
describe("the clock's edges", () => {
  it("turns the local day at 17:00:00 UTC, not a second before", () => {
    expect(vnDay(new Date("2026-03-14T16:59:59.999Z"))).toBe("2026-03-14");
    expect(vnDay(new Date("2026-03-14T17:00:00.000Z"))).toBe("2026-03-15");
    expect(today(new Date("2026-03-14T17:00:00Z"))).toBe("2026-03-15");
    expect(formatDateTime(new Date("2026-03-14T16:59:59Z"))).toBe("14/03/2026 23:59");
    expect(formatTime(new Date("2026-03-14T17:00:00Z"))).toBe("00:00");
  });

  it("crosses the year at 17:00 UTC on 31 December", () => {
    expect(vnDay(new Date("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(vnDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(vnYear(new Date("2026-12-31T16:59:59Z"))).toBe(2026);
    expect(vnYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(vnYearRange(2027).from.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(vnYearRange(2027).to.toISOString()).toBe("2027-12-31T17:00:00.000Z");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("bounds a local day and a window as instants, end exclusive", () => {
    expect(vnDayStart("2027-01-01").toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(vnDayEnd("2026-12-31").toISOString()).toBe("2026-12-31T17:00:00.000Z");
    const w = vnDayRange("2026-03-15", "2026-06-14");
    expect(w.from.toISOString()).toBe("2026-03-14T17:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-06-14T17:00:00.000Z");
    expect(vnInstant("2026-06-14", "08:30").toISOString()).toBe("2026-06-14T01:30:00.000Z");
    expect(daysInclusive("2026-03-15", "2026-06-14")).toBe(17 + 30 + 31 + 14); // 92
  });

  it("refuses a day that does not exist instead of rolling it over", () => {
    expect(parseDateInput("31/02/2026")).toBeNull();
    expect(parseDateInput("29/02/2026")).toBeNull(); // 2026 is not a leap year
    expect(parseDateInput("29/02/2028")).toBe("2028-02-29");
    expect(isDay("2026-02-31")).toBe(false);
    expect(isDay("2026-04-31")).toBe(false);
    expect(isDay("2026-04-30")).toBe(true);
    expect(isDayRange("2026-01-01", "2026-02-30")).toBe(false);
    expect(isDayRange("2026-03-01", "2026-02-01")).toBe(false);
    expect(fromVnInput("31/02/2026 08:00")).toBeNull();
    expect(fromVnInput("2026-02-31T08:00")).toBeNull();
    expect(fromVnInput("2026-02-28T24:00")).toBeNull();
    expect(fromVnInput("28/02/2026 08:00")?.toISOString()).toBe("2026-02-28T01:00:00.000Z");
    expect(() => weekday("2026-02-31")).toThrow(RangeError);
    expect(() => addDays("2026-02-31", 1)).toThrow(RangeError);
  });

  it("round-trips the datetime-local box in Viet Nam time", () => {
    expect(toVnInput(new Date("2026-12-31T17:05:00Z"))).toBe("2027-01-01T00:05");
    expect(fromVnInput("2027-01-01T00:05")?.toISOString()).toBe("2026-12-31T17:05:00.000Z");
    expect(toVnInput(null)).toBe("");
  });

  it("knows the weekday of a local day, not of the UTC day", () => {
    // 2027-01-01 is a Friday; at 17:30 UTC on Thursday 31/12/2026 it is already Friday here.
    expect(weekday(vnDay(new Date("2026-12-31T17:30:00Z")))).toBe(5);
    expect(weekday("2026-12-31")).toBe(4);
  });
});
