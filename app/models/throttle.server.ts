// Sign-in throttling kept in the database, so it holds across several server instances.
// Per account: 5 failures in 15 minutes lock it for 15 minutes. Per source address: 30, so one
// office behind a shared IP is not locked out by one person's typos.
import crypto from "node:crypto";
import { sql } from "kysely";
import { db } from "~/utils/db.server";

export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const SOURCE_LIMIT = 30;

export function accountKey(email: string): string {
  // Hashed, so the table does not become a list of addresses people tried.
  return "acct:" + crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}
export const sourceKey = (ip: string) => `ip:${ip}`;

/** The time until which any of these keys is locked, or null. */
export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await db().selectFrom("login_throttle").select("locked_until").where("key", "in", keys).where("locked_until", ">", now).execute();
  if (!rows.length) return null;
  return new Date(Math.max(...rows.map((r) => new Date(r.locked_until!).getTime())));
}

/** Counts a failure against each key; returns the account key's failure count in the window. */
export async function recordFailure(keys: { key: string; limit: number }[], now = new Date()): Promise<number> {
  let accountFailures = 0;
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  for (const { key, limit } of keys) {
    // One statement per key: concurrent failures on several instances add up correctly.
    const row = await db()
      .insertInto("login_throttle")
      .values({ key, failures: 1, window_start: now, locked_until: limit <= 1 ? lockUntil : null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: sql`case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end`,
          window_start: sql`case when login_throttle.window_start < ${windowStart} then ${now}::timestamptz else login_throttle.window_start end`,
          locked_until: sql`case when (case when login_throttle.window_start < ${windowStart} then 1 else login_throttle.failures + 1 end) >= ${limit} then ${lockUntil}::timestamptz else login_throttle.locked_until end`,
        }),
      )
      .returning("failures")
      .executeTakeFirstOrThrow();
    if (key.startsWith("acct:")) accountFailures = row.failures;
  }
  return accountFailures;
}

export async function clearFailures(key: string): Promise<void> {
  await db().deleteFrom("login_throttle").where("key", "=", key).execute();
}

/** Each failure makes the next answer slower, up to 2 s, before the lock. */
export function failureDelayMs(failures: number): number {
  return failures <= 1 ? 0 : Math.min(2000, 250 * 2 ** (failures - 2));
}
