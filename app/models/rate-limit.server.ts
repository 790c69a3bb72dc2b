// Fixed-window counters in the database, so limits hold across several server instances.
// Keys are made by the caller from hashes (see limitKey) — never an IP or device id in clear.
import crypto from "node:crypto";
import { sql } from "kysely";
import { db } from "~/utils/db.server";

export interface HitResult {
  allowed: boolean;
  count: number;
}

/** Keyed hash for a limit key, e.g. limitKey("survey-device", deviceId, secret). */
export function limitKey(scope: string, value: string, secret: string): string {
  return `${scope}:${crypto.createHmac("sha256", secret).update(value).digest("base64url").slice(0, 22)}`;
}

/** Counts one hit against `key`; allowed while the count in the current window is ≤ limit. */
export async function hit(key: string, limit: number, windowMs: number, now = new Date()): Promise<HitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expires = new Date(windowStart.getTime() + windowMs);
  // One statement: concurrent hits on several instances add up without a lost update.
  const row = await db()
    .insertInto("rate_limit")
    .values({ key, window_start: windowStart, count: 1, expires_at: expires })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when rate_limit.window_start = ${windowStart}::timestamptz then rate_limit.count + 1 else 1 end`,
        window_start: windowStart,
        expires_at: expires,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return { allowed: row.count <= limit, count: row.count };
}

/** Old windows are useless; a periodic sweep keeps the table small. */
export async function sweepRateLimits(now = new Date()): Promise<number> {
  const res = await db().deleteFrom("rate_limit").where("expires_at", "<", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
