import { hit, limitKey, sweepRateLimits } from "~/models/rate-limit.server";

describe("rate limits", () => {
  it("allow up to the limit in a window, count concurrent hits exactly, and reset in the next window", async () => {
    const key = limitKey("test", "device-1", "secret");
    expect(key).not.toContain("device-1");
    const t = new Date("2026-11-27T03:00:00Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => hit(key, 10, 60_000, t)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.allowed)).toHaveLength(2);
    const next = await hit(key, 10, 60_000, new Date(t.getTime() + 60_000));
    expect(next).toEqual({ allowed: true, count: 1 });
    expect(await sweepRateLimits(new Date(t.getTime() + 10 * 60_000))).toBe(1);
  });
});
