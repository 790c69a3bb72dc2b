// Fixed-window counters in the database, so a limit holds across several server instances. Any
// feature can use it: `hit("survey-device:<id>", 5, 3_600_000)`. The key is stored only as a
// keyed hash (prefixed by its namespace, the part before the first ":"), and every row expires.
import { sql } from "kysely";
import { db } from "~/utils/db.server";
import { keyedHash } from "~/utils/sign.server";

let lastPurge = 0;
const PURGE_EVERY_MS = 60_000;

export async function hit(key: string, limit: number, windowMs: number, now = new Date()): Promise<{ allowed: boolean; count: number }> {
  const ns = key.includes(":") ? key.slice(0, key.indexOf(":")) : "key";
  const stored = `${ns}:${await keyedHash("rate-limit", key)}`;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db()
    .insertInto("rate_limit")
    .values({ key: stored, window_start: windowStart, count: 1, expires_at: new Date(windowStart.getTime() + windowMs) })
    // One statement: concurrent hits on several instances add up exactly.
    .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet({ count: sql`rate_limit.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();
  if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
    lastPurge = now.getTime();
    await purgeExpired(now);
  }
  return { allowed: row.count <= limit, count: row.count };
}

/** Deletes counters whose window has passed (the hashes are not kept longer than they serve). */
export async function purgeExpired(now = new Date()): Promise<number> {
  const res = await db().deleteFrom("rate_limit").where("expires_at", "<", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
