import { shownFlash } from "~/kernel/forms/flash";

describe("a success message from the address", () => {
  const keys = ["new", "again", "cancelled", "asked"] as const;
  it("shows the first flag set when the page has no errors", () => {
    expect(shownFlash(keys, { asked: "1", new: "1" }, {})).toBe("new");
    expect(shownFlash(keys, {}, {})).toBeUndefined();
    // A page reached by a link has no action data at all.
    expect(shownFlash(keys, { again: "1" }, undefined)).toBe("again");
  });
  it("is left out beside a new error", () => {
    expect(shownFlash(keys, { new: "1" }, { question: "dialogue.errors.questionRequired" })).toBeUndefined();
  });
});
