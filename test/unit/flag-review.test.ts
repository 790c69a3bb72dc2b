// The flagged-responses page's input rules (docs/rules/flags.md, "Reviewing and accepting back").
import { parseBatch, parseRange } from "~/features/survey/flag-review";

describe("the range shown", () => {
  it("is the last 30 local days by default, ending today", () => {
    // 30 days ending 06/12/2026: 07/11 … 06/12.
    expect(parseRange({}, "2026-12-06")).toEqual({ from: "2026-11-07", to: "2026-12-06" });
    expect(parseRange({ to: "2026-03-01" }, "2026-12-06")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });
  it("refuses dates that do not exist, a reversed range and anything else", () => {
    for (const q of [
      { from: "2026-02-30" },
      { from: "2026-12-07", to: "2026-12-06" },
      { to: "06/12/2026" },
      { from: "2026-1-1" },
      { from: "'; select 1" },
    ]) {
      expect(parseRange(q, "2026-12-06")).toBeNull();
    }
  });
});

describe("a batch accepted back", () => {
  it("takes a real day, reason codes joined by +, and a note of at most 500 characters", () => {
    expect(parseBatch({ day: "2031-05-20", reasons: "too_fast+rate_address", note: "  đã kiểm tra  " })).toEqual({
      ok: true,
      data: { day: "2031-05-20", reasons: "too_fast+rate_address", note: "đã kiểm tra" },
    });
    expect(parseBatch({ day: "2031-05-20", reasons: "honeypot" })).toEqual({
      ok: true,
      data: { day: "2031-05-20", reasons: "honeypot", note: "" },
    });
  });
  it("refuses anything else, naming the field", () => {
    expect(parseBatch({ day: "2031-02-29", reasons: "too_fast" })).toEqual({
      ok: false,
      errors: { _form: "surveyFlags.errors.batch" },
    });
    expect(parseBatch({ day: "2031-05-20", reasons: "TOO_FAST" })).toEqual({
      ok: false,
      errors: { _form: "surveyFlags.errors.batch" },
    });
    expect(parseBatch({ day: "2031-05-20", reasons: "too_fast+" })).toEqual({
      ok: false,
      errors: { _form: "surveyFlags.errors.batch" },
    });
    expect(parseBatch({ day: "2031-05-20", reasons: "too_fast", note: "x".repeat(501) })).toEqual({
      ok: false,
      errors: { note: "surveyFlags.errors.note" },
    });
    expect(parseBatch({ day: ["2031-05-20"], reasons: "too_fast" })).toEqual({
      ok: false,
      errors: { _form: "surveyFlags.errors.batch" },
    });
  });
});
