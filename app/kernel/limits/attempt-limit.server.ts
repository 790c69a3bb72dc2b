// Paced attempt counters in the database (app/kernel/limits/pace.ts; docs/security/limits.md), so they hold
// across server instances. `take` counts an attempt against several targets in ONE statement
// BEFORE the slow or revealing check it guards: concurrent attempts each get their own count
// (the row lock serialises them), so 60 sign-ins at once cannot all reach the password check.
// Keys are stored as keyed hashes with their namespace, never an address or a code in clear.
import { sql } from "kysely";
import { waitAfter, type Pace } from "~/kernel/limits/pace";
import { db } from "~/kernel/db/db.server";
import { keyedHash } from "~/kernel/sign.server";

export interface Target {
  /** "<namespace>:<raw value>", e.g. "login-account:a@b.vn". */
  key: string;
  pace: Pace;
  /** Stored account hash for sign-in rows, so an admin's unlock finds them. */
  account?: string | null;
}

export interface Taken {
  key: string;
  /** Counted (may go on to the check) or refused (must wait until `nextAt`). */
  allowed: boolean;
  /** Counted attempts in the run, including this one when allowed. */
  count: number;
  nextAt: Date;
  /** Refused attempts since the last counted one: 1 marks the start of a wait (audited). */
  refused: number;
}

/** The stored form of a key. */
export async function storedKey(key: string): Promise<string> {
  const ns = key.includes(":") ? key.slice(0, key.indexOf(":")) : "key";
  return `${ns}:${await keyedHash("attempt-limit", key)}`;
}

let lastSweep = 0;

/** Counts one attempt against every target, all or each refused on its own; results in order.
 * The attempt may proceed only if every result is allowed. */
export async function take(targets: Target[], now = new Date()): Promise<Taken[]> {
  const rows = await Promise.all(
    targets.map(async (t) => ({
      key: await storedKey(t.key),
      account: t.account ?? null,
      count: 1,
      run_start: now,
      last_at: now,
      next_at: new Date(now.getTime() + waitAfter(1, t.pace)),
      refused: 0,
      free_n: t.pace.free,
      base_ms: t.pace.baseMs,
      cap_ms: t.pace.capMs,
      quiet_ms: t.pace.quietMs,
      expires_at: new Date(now.getTime() + Math.max(t.pace.quietMs, waitAfter(1, t.pace))),
    })),
  );
  // Sorted and without twins: one upsert touches a row once, and statements locking rows in one
  // order never deadlock.
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  // fresh: the run ended (quiet long enough) — start again at 1. blocked: still waiting — count
  // nothing, note the refusal. Otherwise count one more and set the next wait from the new count.
  const fresh = sql`attempt_limit.last_at <= excluded.last_at - attempt_limit.quiet_ms * interval '1 millisecond'`;
  // Within the free attempts nothing waits, whatever the clocks: concurrent requests take their
  // time before they queue on the row lock, so one may carry a time a little before the last
  // counted attempt's.
  const blocked = sql`(not (${fresh}) and attempt_limit.count >= excluded.free_n and attempt_limit.next_at > excluded.last_at)`;
  const newCount = sql<number>`(case when ${fresh} then 1 when ${blocked} then attempt_limit.count else attempt_limit.count + 1 end)`;
  const wait = sql`(case when ${newCount} < excluded.free_n then 0 else least(excluded.cap_ms::float8, excluded.base_ms * power(2::float8, least(${newCount} - excluded.free_n, 30))) end)`;
  const counted = await db()
    .insertInto("attempt_limit")
    .values(unique)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: newCount,
        run_start: sql`case when ${fresh} then excluded.run_start else attempt_limit.run_start end`,
        last_at: sql`case when ${blocked} then attempt_limit.last_at else excluded.last_at end`,
        next_at: sql`case when ${blocked} then attempt_limit.next_at else excluded.last_at + ${wait} * interval '1 millisecond' end`,
        refused: sql`case when ${blocked} then attempt_limit.refused + 1 else 0 end`,
        account: sql`coalesce(excluded.account, attempt_limit.account)`,
        free_n: sql`excluded.free_n`,
        base_ms: sql`excluded.base_ms`,
        cap_ms: sql`excluded.cap_ms`,
        quiet_ms: sql`excluded.quiet_ms`,
        expires_at: sql`greatest(attempt_limit.expires_at, excluded.expires_at, case when ${blocked} then attempt_limit.next_at else excluded.last_at + ${wait} * interval '1 millisecond' end)`,
      }),
    )
    .returning(["key", "count", "next_at", "refused"])
    .execute();
  if (now.getTime() - lastSweep > 60_000) {
    lastSweep = now.getTime();
    await db().deleteFrom("attempt_limit").where("expires_at", "<", now).execute();
  }
  const byKey = new Map(counted.map((r) => [r.key, r]));
  return targets.map((t, i) => {
    const r = byKey.get(rows[i].key)!;
    return { key: t.key, allowed: r.refused === 0, count: r.count, nextAt: new Date(r.next_at), refused: r.refused };
  });
}

/** Gives back an attempt that succeeded (the right password, a code with its own contact):
 * someone who knows the answer is no attacker, and a whole office or carrier network behind one
 * address should not use up its allowance by signing in or finding their own records. Not once
 * an attempt has been turned away since the last counted one: in a burst, a success must not
 * reopen the pool to the attempts still waiting (they would be checked beyond the allowance). */
export async function refund(keys: string[]): Promise<void> {
  if (!keys.length) return;
  const stored = await Promise.all(keys.map(storedKey));
  const newCount = sql<number>`greatest(attempt_limit.count - 1, 0)`;
  await db()
    .updateTable("attempt_limit")
    .set({
      count: newCount,
      next_at: sql`case when ${newCount} < attempt_limit.free_n then least(attempt_limit.next_at, attempt_limit.last_at) else attempt_limit.next_at end`,
    })
    .where("key", "in", stored)
    .where("refused", "=", 0)
    .execute();
}

/** The wait a target is in now, without counting anything (for staff screens). */
export async function currentWait(key: string, now = new Date()) {
  const row = await db()
    .selectFrom("attempt_limit")
    .select(["count", "next_at", "refused"])
    .where("key", "=", await storedKey(key))
    .executeTakeFirst();
  return row && new Date(row.next_at) > now ? { until: new Date(row.next_at), count: row.count } : null;
}
