import fc from "fast-check";
import { formatDate, formatDateTime, nextDay, parseDateInput, vnDay, vnDayStart, weekday } from "~/lib/format";

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
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const ymd = d.toISOString().slice(0, 10);
        expect(vnDay(vnDayStart(ymd))).toBe(ymd);
        expect(formatDate(ymd)).toBe(formatDate(vnDayStart(ymd)));
      }),
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
    for (const bad of ["31/02/2026", "2026-02-29", "00/01/2026", "2026-13-01", "12/2026", "", null, undefined, "tomorrow"]) {
      expect(parseDateInput(bad)).toBeNull();
    }
  });
});
