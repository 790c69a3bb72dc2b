// Sign-in pacing (docs/security/limits.md), kept in the database so it holds across several
// server instances. Every attempt is counted BEFORE the password is checked, in one statement
// (attempt-limit.server.ts), so concurrent attempts cannot slip past the count.
// - From a browser the account knows (hl_known cookie): that browser's own pool.
// - From any other browser: the account's pool for unknown browsers and the address's pool.
// A pool gives 5 (address: 30) attempts, then waits of 1, 2, 4, 8, 15, 15 … minutes between
// counted attempts; an hour without one starts afresh. A right password gives its attempt back.
import crypto from "node:crypto";
import { SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS } from "~/kernel/limits/pace";
import { db } from "~/kernel/db/db.server";
import { storedKey, type Target } from "~/kernel/limits/attempt-limit.server";

export const ACCOUNT_LIMIT = SIGN_IN_ACCOUNT.free;
export const SOURCE_LIMIT = SIGN_IN_ADDRESS.free;

export type Pool = "account" | "browser" | "address";

export function accountKey(email: string): string {
  // Hashed, so neither the table nor the audit log becomes a list of addresses people tried.
  return "acct:" + crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/** The pools one sign-in attempt is counted against, the account's (or browser's) first. */
export function signInTargets(email: string, ip: string, knownBrowser: string | null): (Target & { pool: Pool })[] {
  const account = accountKey(email);
  if (knownBrowser) return [{ key: `login-browser:${knownBrowser}`, pace: SIGN_IN_ACCOUNT, account, pool: "browser" }];
  return [
    { key: `login-account:${account}`, pace: SIGN_IN_ACCOUNT, account, pool: "account" },
    { key: `login-address:${ip}`, pace: SIGN_IN_ADDRESS, pool: "address" },
  ];
}

/** Ends every wait on an account: its pool for unknown browsers and each known browser's. */
export async function unlockAccount(email: string): Promise<number> {
  const res = await db().deleteFrom("attempt_limit").where("account", "=", accountKey(email)).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export interface AccountWait {
  /** Until when unknown browsers must wait, or null. */
  until: Date | null;
  /** Attempts counted in the current run from unknown browsers. */
  attempts: number;
  /** Known browsers of the account waiting now. */
  browsersWaiting: number;
}

/** Each account's sign-in state, for the admin's list: who is being made to wait, and how hard. */
export async function accountWaits(emails: string[], now = new Date()): Promise<Map<string, AccountWait>> {
  const out = new Map<string, AccountWait>();
  if (!emails.length) return out;
  const byAccount = new Map(emails.map((e) => [accountKey(e), e]));
  const poolKeys = new Map(
    await Promise.all(emails.map(async (e) => [await storedKey(`login-account:${accountKey(e)}`), e] as const)),
  );
  const rows = await db()
    .selectFrom("attempt_limit")
    .select(["key", "account", "count", "next_at", "last_at", "quiet_ms"])
    .where("account", "in", [...byAccount.keys()])
    .execute();
  for (const r of rows) {
    const email = byAccount.get(r.account!)!;
    const w = out.get(email) ?? { until: null, attempts: 0, browsersWaiting: 0 };
    const live = new Date(r.last_at).getTime() > now.getTime() - r.quiet_ms;
    const waiting = new Date(r.next_at) > now;
    if (poolKeys.has(r.key)) {
      if (live) w.attempts = r.count;
      if (waiting) w.until = new Date(r.next_at);
    } else if (waiting) w.browsersWaiting++;
    out.set(email, w);
  }
  return out;
}
