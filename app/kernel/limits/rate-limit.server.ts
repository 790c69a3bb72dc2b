// Fixed-window counters in the database, so a limit holds across several server instances. Any
// feature can use it: `hit("survey-device:<id>", 5, 3_600_000)`. The key is stored only as a
// keyed hash prefixed by its namespace (the part before the first ":"), never an IP address or
// a device id in clear, and every row expires.
import crypto from "node:crypto";
import { sql, type RawBuilder } from "kysely";
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

/** One counter of a hit to count: the stored key, its fixed window, and its limit. */
export interface CountedKey {
  key: string;
  windowStart: Date;
  windowEnd: Date;
  limit: number;
}

/** The counters `limits` hit at `now`, each with its key hashed with `secret` and its window;
 * anything else a limit carries (a kind, a reason) comes along. */
export function countedKeys<L extends Limit>(limits: L[], secret: string, now: Date): (L & CountedKey)[] {
  return limits.map((l) => {
    const start = Math.floor(now.getTime() / l.windowMs) * l.windowMs;
    return {
      ...l,
      key: limitKey(l.key, secret),
      windowStart: new Date(start),
      windowEnd: new Date(start + l.windowMs),
    };
  });
}

/**
 * The statement that counts one hit on each key, to use as a common table expression in a
 * statement of its own or inside a bigger one (a survey response is counted and stored in one:
 * docs/decisions/0013-count-and-store-in-one-statement.md). It returns each key's `key` and new
 * `count`. `keys` go as ONE JSON parameter, so the text is the same for any number of keys and
 * is named once (db/prepared.ts). Concurrent hits on several instances add up without a lost
 * update; a row left from an earlier window starts again at 1. `when`, if false, counts nothing.
 */
export function countHits(keys: CountedKey[], when: RawBuilder<boolean> = sql<boolean>`true`) {
  // Sorted and without twins: an upsert may touch a row only once, and concurrent statements that
  // lock rows in the same order never deadlock.
  const unique = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const json = JSON.stringify(
    unique.map((k) => ({
      key: k.key,
      window_start: k.windowStart.toISOString(),
      expires_at: k.windowEnd.toISOString(),
    })),
  );
  return sql<{ key: string; count: number }>`
    insert into rate_limit as r (key, window_start, count, expires_at)
    select x.key, x.window_start, 1, x.expires_at
    from json_to_recordset(${json}::json) as x(key text, window_start timestamptz, expires_at timestamptz)
    where ${when}
    on conflict (key) do update set
      count = case when r.window_start = excluded.window_start then r.count + 1 else 1 end,
      window_start = excluded.window_start,
      expires_at = excluded.expires_at
    returning r.key, r.count`;
}

/** A count is over its limit once it passes it: the limit-th hit in a window is still allowed. */
export const overLimit = (count: number, limit: number) => count > limit;

/** Deletes the expired counters once a minute at most (every hit calls it). */
export async function sweepRateLimitsDue(now: Date): Promise<void> {
  if (now.getTime() - lastSweep <= SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  await sweepRateLimits(now);
}

/** Counts one hit against each limit in ONE statement (a submission checks several: one round
 * trip instead of one each); results in the order given. */
export async function hitAll(limits: Limit[], now = new Date()): Promise<HitResult[]> {
  const keys = countedKeys(limits, (await getSecrets())[0], now);
  const counted = await sql<{
    key: string;
    count: number;
  }>`with hit as (${countHits(keys)}) select key, count from hit`.execute(db());
  await sweepRateLimitsDue(now);
  const byKey = new Map(counted.rows.map((r) => [r.key, Number(r.count)]));
  return keys.map((k) => {
    const count = byKey.get(k.key)!;
    return { allowed: !overLimit(count, k.limit), count };
  });
}

/** Deletes counters whose window has passed: the hashes are kept no longer than they serve. */
export async function sweepRateLimits(now = new Date()): Promise<number> {
  const res = await db().deleteFrom("rate_limit").where("expires_at", "<", now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
