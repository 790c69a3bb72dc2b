// Fixed-window counters in the database, so a limit holds across several server instances. Any
// feature can use it: `hit("survey-device:<id>", 5, 3_600_000)`. The key is stored only as a
// keyed hash prefixed by its namespace (the part before the first ":"), never an IP address or
// a device id in clear, and every row expires.
import crypto from "node:crypto";
import { sql } from "kysely";
import { db } from "~/utils/db.server";
import { getSecrets } from "~/utils/secrets.server";

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

/** Counts one hit against `key`; allowed while the count in the current window is ≤ limit. */
export async function hit(key: string, limit: number, windowMs: number, now = new Date()): Promise<HitResult> {
  const stored = limitKey(key, (await getSecrets())[0]);
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expires = new Date(windowStart.getTime() + windowMs);
  // One statement: concurrent hits on several instances add up without a lost update.
  const row = await db()
    .insertInto("rate_limit")
    .values({ key: stored, window_start: windowStart, count: 1, expires_at: expires })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when rate_limit.window_start = ${windowStart}::timestamptz then rate_limit.count + 1 else 1 end`,
        window_start: windowStart,
        expires_at: expires,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now.getTime();
    await sweepRateLimits(now);
  }
  return { allowed: row.count <= limit, count: row.count };
}

/** Deletes counters whose window has passed: the hashes are kept no longer than they serve. */
export async function sweepRateLimits(now = new Date()): Promise<number> {
  const res = await db().deleteFrom("rate_limit").where("expires_at", "<", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
