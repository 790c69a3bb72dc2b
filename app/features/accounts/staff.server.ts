// Staff accounts: sign-in, creating an account, a user changing their own password, the first
// admin. The admin's user management (with its audit entries) is in staff-admin.server.ts.
import { sql, type Kysely } from "kysely";
import { recordAudit } from "~/kernel/audit.server";
import { db } from "~/kernel/db/db.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { dummyHash, generatePassword, hashPassword, verifyPassword } from "~/features/accounts/password.server";
import { createSession, revokeUserSessions } from "~/kernel/session.server";
import type { Client } from "~/kernel/http/client";
import { knownBrowserId } from "~/features/accounts/known-browser.server";
import { refund, take } from "~/kernel/limits/attempt-limit.server";
import type { Database } from "../../../db/types";
import type { Role } from "../../../db/tables/staff";
import { accountKey, signInTargets, type Pool } from "./throttle.server";

export type SignInResult =
  | { ok: true; userId: number; email: string; agencyId: number }
  | { ok: false; reason: "invalid"; failures: number }
  /** `pool` is the pool that refused; `started` marks the first refusal of this wait. */
  | { ok: false; reason: "locked"; until: Date; pool: Pool; started: boolean };

export const normalise = (email: string) => email.trim().toLowerCase();

/** Counts the attempt against its pools first (one statement), and checks the password only
 * when every pool lets it through: of 60 attempts at once, only the pool's allowance is checked.
 * `knownBrowser` is this browser's id for the account (hl_known cookie), when it has one. */
export async function authenticate(
  email: string,
  password: string,
  ip: string,
  now = new Date(),
  knownBrowser: string | null = null,
): Promise<SignInResult> {
  const targets = signInTargets(email, ip, knownBrowser);
  const taken = await take(targets, now);
  const refused = taken.map((t, i) => ({ ...t, pool: targets[i].pool })).filter((t) => !t.allowed);
  // Waiting means waiting: the right password is refused too, unchecked, and the message is the
  // same whether or not the email exists.
  if (refused.length) {
    // Unchecked, so it uses up no other pool's allowance (an attacker refused on one account
    // does not also wear down the address's pool for everyone behind it).
    await refund(taken.filter((t) => t.allowed).map((t) => t.key));
    const last = refused.reduce((a, b) => (b.nextAt > a.nextAt ? b : a));
    return {
      ok: false,
      reason: "locked",
      until: last.nextAt,
      pool: last.pool,
      started: refused.some((r) => r.refused === 1),
    };
  }
  const user = await db()
    .selectFrom("staff_user")
    .select(["id", "email", "password_hash", "active", "agency_id"])
    .where(sql`lower(email)`, "=", normalise(email))
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (user && user.active && valid) {
    await refund(targets.map((t) => t.key));
    return { ok: true, userId: user.id, email: user.email, agencyId: user.agency_id };
  }
  return { ok: false, reason: "invalid", failures: taken[0].count };
}

/** The agency of the account with this email, for the audit entry of a failed or paced sign-in;
 * the default agency when no account has it (nobody's log but the installation's). */
export async function agencyOfAccount(email: string): Promise<number> {
  const row = await db()
    .selectFrom("staff_user")
    .select("agency_id")
    .where(sql`lower(email)`, "=", normalise(email))
    .executeTakeFirst();
  return row?.agency_id ?? DEFAULT_AGENCY_ID;
}

export async function emailTaken(email: string, conn: Kysely<Database> = db()): Promise<boolean> {
  const row = await conn
    .selectFrom("staff_user")
    .select("id")
    .where(sql`lower(email)`, "=", normalise(email))
    .executeTakeFirst();
  return !!row;
}

export async function createUser(
  input: {
    email: string;
    name: string;
    role: Role;
    unitId: number | null;
    password: string;
    mustChange?: boolean;
    /** The account's agency: an admin's new account is in the admin's own (docs/rules/agencies.md). */
    agencyId?: number;
  },
  conn: Kysely<Database> = db(),
) {
  // Hashing takes ~100 ms of CPU; done before the insert so a transaction is not held open for it.
  const passwordHash = await hashPassword(input.password);
  const row = await conn
    .insertInto("staff_user")
    .values({
      agency_id: input.agencyId ?? DEFAULT_AGENCY_ID,
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      unit_id: input.unitId,
      password_hash: passwordHash,
      must_change_password: input.mustChange ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ChangePasswordResult = { ok: true; setCookie: string } | { ok: false; reason: "wrongCurrent" | "locked" };

/** The signed-in user changes their own password. Every try is counted against
 * same pools as a sign-in (before the check), so a borrowed session cannot be used to guess the password. Every
 * session of the user ends, and this browser gets a fresh one (a new id after the change). */
export async function changePassword(
  user: { id: number; email: string; agencyId: number },
  current: string,
  next: string,
  /** The client's address and the request's Cookie header (this browser may be known to the account). */
  from: { client: Client; cookieHeader: string | null },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const { client } = from;
  const targets = signInTargets(user.email, client.ip, await knownBrowserId(from.cookieHeader, accountKey(user.email)));
  if ((await take(targets, now)).some((t) => !t.allowed)) return { ok: false, reason: "locked" };
  const row = await db()
    .selectFrom("staff_user")
    .select("password_hash")
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.password_hash))) {
    await recordAudit(client, {
      agencyId: user.agencyId,
      actor: user,
      action: "auth.password_change_failed",
      entity: "staff_user",
      entityId: user.id,
    });
    return { ok: false, reason: "wrongCurrent" };
  }
  await refund(targets.map((t) => t.key));
  const passwordHash = await hashPassword(next);
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("staff_user")
        .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now })
        .where("id", "=", user.id)
        .execute();
      // Anyone who knew the old password is signed out everywhere.
      const ended = await revokeUserSessions(user.id, undefined, trx);
      await recordAudit(
        client,
        {
          agencyId: user.agencyId,
          actor: user,
          action: "auth.password_changed",
          entity: "staff_user",
          entityId: user.id,
          details: { sessionsEnded: ended },
        },
        trx,
      );
    });
  return { ok: true, setCookie: await createSession(user.id, now) };
}

/** First run: make sure someone can sign in as admin. From ADMIN_EMAIL/ADMIN_PASSWORD, or a
 * generated password printed once on the console. */
export async function ensureFirstAdmin(
  email: string | undefined,
  password: string | undefined,
  log: (m: string) => void,
) {
  const admin = await db()
    .selectFrom("staff_user")
    .select("id")
    .where("role", "=", "admin")
    .where("active", "=", true)
    .executeTakeFirst();
  if (admin) return;
  const address = email ?? "admin@localhost";
  if (await emailTaken(address)) return;
  const pw = password ?? generatePassword();
  await createUser({
    email: address,
    name: "Quản trị viên / Administrator",
    role: "admin",
    unitId: null,
    password: pw,
    mustChange: !password,
  });
  if (password) log(`[auth] admin account ${address} created from ADMIN_EMAIL/ADMIN_PASSWORD`);
  else
    log(
      `[auth] admin account created — sign in at /staff/login as ${address} with password ${pw} (shown once; change it at first sign-in)`,
    );
}
