// The pace of every limit (docs/security/limits.md), by hand: free attempts, then waits that
// double from the first one up to the longest.
import { LOOKUP_ADDRESS, LOOKUP_TARGET, minutesUntil, SIGN_IN_ACCOUNT, waitAfter } from "~/kernel/limits/pace";

const MIN = 60_000;

describe("waitAfter", () => {
  it("sign-in: no wait after tries 1–4, then 1, 2, 4, 8 minutes, then 15 minutes for good", () => {
    expect([1, 2, 3, 4].map((n) => waitAfter(n, SIGN_IN_ACCOUNT))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => waitAfter(n, SIGN_IN_ACCOUNT) / MIN)).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });
  it("look-ups of a code or contact: 30 s, 1, 2, 4, 8, then 10 minutes; an address: 5, 10, 20, 40 s, then 1 minute", () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => waitAfter(n, LOOKUP_TARGET) / 1000)).toEqual([
      30, 60, 120, 240, 480, 600, 600,
    ]);
    expect(waitAfter(299, LOOKUP_ADDRESS)).toBe(0);
    expect([300, 301, 302, 303, 304, 1e9].map((n) => waitAfter(n, LOOKUP_ADDRESS) / 1000)).toEqual([
      5, 10, 20, 40, 60, 60,
    ]);
  });
  it("shows whole minutes, at least 1", () => {
    const now = new Date("2026-12-06T03:00:00Z");
    expect(minutesUntil(new Date(now.getTime() + 5000), now)).toBe(1);
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesUntil(new Date(now.getTime() - 1000), now)).toBe(1);
  });
});
