import { db } from "~/kernel/db/db.server";
import { hit, sweepRateLimits } from "~/kernel/limits/rate-limit.server";

describe("rate limits", () => {
  it("allow up to the limit in a window, count concurrent hits exactly, and reset in the next window", async () => {
    const t = new Date("2026-11-27T03:00:00Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => hit("test:device-1", 10, 60_000, t)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.allowed)).toHaveLength(2);
    // Stored as a keyed hash under its namespace, never in clear.
    const rows = await db().selectFrom("rate_limit").select("key").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].key).toMatch(/^test:[\w-]{22}$/);
    expect(rows[0].key).not.toContain("device-1");
    const next = await hit("test:device-1", 10, 60_000, new Date(t.getTime() + 60_000));
    expect(next).toEqual({ allowed: true, count: 1 });
    expect(await hit("test:device-2", 10, 60_000, t)).toEqual({ allowed: true, count: 1 });
    expect(await sweepRateLimits(new Date(t.getTime() + 10 * 60_000))).toBe(2);
  });
});
