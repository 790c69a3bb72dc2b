// The one rule for what a CSV import refused as too big gives back into its text box: the whole
// lines within the first 2,000 characters (docs/decisions/0015-too-big-paste-echo.md).
import { tooBigEcho } from "~/features/reports/csv-paste-echo";

describe("tooBigEcho", () => {
  it("gives back a paste of at most 2,000 characters whole", () => {
    expect(tooBigEcho("")).toBe("");
    const exactly = "a;b\n".repeat(500); // 2,000 characters
    expect(tooBigEcho(exactly)).toBe(exactly);
  });

  it("keeps the whole lines, each with its line break, that fit in 2,000 characters", () => {
    // Lines of 30 characters: 66 fit (1,980), the 67th would end at 2,010.
    const line = "x".repeat(29) + "\n";
    expect(tooBigEcho(line.repeat(100))).toBe(line.repeat(66));
    // Lines of 100 with CRLF: 20 end exactly at 2,000, and "\r\n" is never split.
    const crlf = "y".repeat(98) + "\r\n";
    expect(tooBigEcho(crlf.repeat(30))).toBe(crlf.repeat(20));
  });

  it("drops a line whose break falls just past the limit", () => {
    // 1,001 + 1,000 characters: the second line's text ends at 2,000 but its break is the 2,001st.
    const first = "a".repeat(1000) + "\n";
    const second = "b".repeat(999) + "\n";
    expect(tooBigEcho(first + second + "c\n")).toBe(first);
  });

  it("gives back the first 2,000 characters of a first line longer than that", () => {
    expect(tooBigEcho("z".repeat(2500) + "\nrest")).toBe("z".repeat(2000));
  });
});
