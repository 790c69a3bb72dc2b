// Fixed-window counters in the database, so a limit holds across several server instances. Any
// feature can use it: `hit("survey-device:<id>", 5, 3_600_000)`. The key is stored only as a
// keyed hash prefixed by its namespace (the part before the first ":"), never an IP address or
// a device id in clear, and every row expires.
import crypto from "node:crypto";
import { sql } from "kysely";
import { db } from "~/kernel/db/db.server";
import { getSecrets } from "~/kernel/secrets.server";

let lastSweep = 0;
const SWEEP_EVERY_MS = 60_000;

export interface HitResult {
  allowed: boolean;
  count: number;
}

/** The stored form of a key: "<namespace>:<HMAC of the whole key>". */
export function limitKey(key: string, secret: string): string {
  const ns = key.includes(":") ? key.slice(0, key.indexOf(":")) : "key";
  return `${ns}:${crypto.createHmac("sha256", secret).update(key).digest("base64url").slice(0, 22)}`;
}

export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Counts one hit against `key`; allowed while the count in the current window is ≤ limit. */
export async function hit(key: string, limit: number, windowMs: number, now = new Date()): Promise<HitResult> {
  return (await hitAll([{ key, limit, windowMs }], now))[0];
}

/** Counts one hit against each limit in ONE statement (a submission checks several: one round
 * trip instead of one each); results in the order given. */
export async function hitAll(limits: Limit[], now = new Date()): Promise<HitResult[]> {
  const secret = (await getSecrets())[0];
  const rows = limits.map((l) => {
    const windowStart = new Date(Math.floor(now.getTime() / l.windowMs) * l.windowMs);
    return {
      key: limitKey(l.key, secret),
      window_start: windowStart,
      count: 1,
      expires_at: new Date(windowStart.getTime() + l.windowMs),
    };
  });
  // Sorted and without twins: an upsert may touch a row only once, and concurrent statements
  // that lock rows in the same order never deadlock.
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  // One statement: concurrent hits on several instances add up without a lost update. A row
  // left from an earlier window starts again at 1.
  const counted = await db()
    .insertInto("rate_limit")
    .values(unique)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when rate_limit.window_start = excluded.window_start then rate_limit.count + 1 else 1 end`,
        window_start: sql`excluded.window_start`,
        expires_at: sql`excluded.expires_at`,
      }),
    )
    .returning(["key", "count"])
    .execute();
  if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now.getTime();
    await sweepRateLimits(now);
  }
  const byKey = new Map(counted.map((r) => [r.key, r.count]));
  return limits.map((l, i) => {
    const count = byKey.get(rows[i].key)!;
    return { allowed: count <= l.limit, count };
  });
}

/** Deletes counters whose window has passed: the hashes are kept no longer than they serve. */
export async function sweepRateLimits(now = new Date()): Promise<number> {
  const res = await db().deleteFrom("rate_limit").where("expires_at", "<", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
