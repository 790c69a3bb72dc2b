import { noticeVersionDate } from "~/features/privacy/notice-version";
import { PRIVACY_NOTICES } from "~/features/privacy/privacy-notices";

describe("a notice's version as citizens read it", () => {
  it("is the date in the id, day first", () => {
    expect(noticeVersionDate("dialogue-2026-11-27")).toBe("27/11/2026");
    expect(noticeVersionDate("feedback-2027-01-05")).toBe("05/01/2027");
    expect(noticeVersionDate("v2")).toBe("v2");
  });
  it("every notice in use has a dated id", () => {
    for (const n of Object.values(PRIVACY_NOTICES))
      expect(noticeVersionDate(n.version)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});
