// Staff accounts: sign-in, the admin's user management, password changes.
import { sql } from "kysely";
import type { Role } from "../../db/tables/staff";
import { db } from "~/utils/db.server";
import { dummyHash, generatePassword, hashPassword, verifyPassword } from "~/utils/password.server";
import { revokeUserSessions } from "~/utils/session.server";
import { accountKey, ACCOUNT_LIMIT, clearFailures, lockedUntil, recordFailure, sourceKey, SOURCE_LIMIT } from "./throttle.server";

export type SignInResult =
  | { ok: true; userId: number; email: string }
  | { ok: false; reason: "invalid"; failures: number }
  | { ok: false; reason: "locked"; until: Date };

const normalise = (email: string) => email.trim().toLowerCase();

export async function authenticate(email: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const acct = accountKey(email);
  const src = sourceKey(ip);
  const until = await lockedUntil([acct, src], now);
  // Locked means locked: the right password is refused too, and the message is the same
  // whether or not the email exists.
  if (until) return { ok: false, reason: "locked", until };
  const user = await db()
    .selectFrom("staff_user")
    .select(["id", "email", "password_hash", "active"])
    .where(sql`lower(email)`, "=", normalise(email))
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (user && user.active && valid) {
    await clearFailures(acct);
    return { ok: true, userId: user.id, email: user.email };
  }
  const failures = await recordFailure(
    [
      { key: acct, limit: ACCOUNT_LIMIT },
      { key: src, limit: SOURCE_LIMIT },
    ],
    now,
  );
  return { ok: false, reason: "invalid", failures };
}

export async function listUsers() {
  return db()
    .selectFrom("staff_user as u")
    .leftJoin("unit", "unit.id", "u.unit_id")
    .select(["u.id", "u.email", "u.name", "u.role", "u.unit_id", "u.active", "u.must_change_password", "u.created_at", "unit.name_vi as unit_vi", "unit.name_en as unit_en"])
    .orderBy("u.active", "desc")
    .orderBy("u.email")
    .execute();
}

export async function getUser(id: number) {
  return db().selectFrom("staff_user").select(["id", "email", "name", "role", "unit_id", "active"]).where("id", "=", id).executeTakeFirst();
}

export async function emailTaken(email: string): Promise<boolean> {
  const row = await db().selectFrom("staff_user").select("id").where(sql`lower(email)`, "=", normalise(email)).executeTakeFirst();
  return !!row;
}

export async function createUser(input: { email: string; name: string; role: Role; unitId: number | null; password: string; mustChange?: boolean }) {
  const row = await db()
    .insertInto("staff_user")
    .values({
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      unit_id: input.unitId,
      password_hash: await hashPassword(input.password),
      must_change_password: input.mustChange ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(id: number, input: { name: string; role: Role; unitId: number | null }) {
  await db().updateTable("staff_user").set({ name: input.name.trim(), role: input.role, unit_id: input.unitId }).where("id", "=", id).execute();
  // A changed role takes effect at once: the next request reads the user afresh.
}

export async function setUserActive(id: number, active: boolean) {
  await db().updateTable("staff_user").set({ active }).where("id", "=", id).execute();
  if (!active) await revokeUserSessions(id);
}

/** A new temporary password, shown once to the admin; the user must change it at next sign-in. */
export async function resetPassword(id: number): Promise<string> {
  const password = generatePassword();
  await db()
    .updateTable("staff_user")
    .set({ password_hash: await hashPassword(password), must_change_password: true, password_changed_at: new Date() })
    .where("id", "=", id)
    .execute();
  await revokeUserSessions(id);
  return password;
}

export async function changePassword(userId: number, current: string, next: string, keepSessionId: string): Promise<boolean> {
  const user = await db().selectFrom("staff_user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, user.password_hash))) return false;
  await db()
    .updateTable("staff_user")
    .set({ password_hash: await hashPassword(next), must_change_password: false, password_changed_at: new Date() })
    .where("id", "=", userId)
    .execute();
  // Anyone who knew the old password is signed out everywhere else.
  await revokeUserSessions(userId, keepSessionId);
  return true;
}

/** First run: make sure someone can sign in as admin. From ADMIN_EMAIL/ADMIN_PASSWORD, or a
 * generated password printed once on the console. */
export async function ensureFirstAdmin(email: string | undefined, password: string | undefined, log: (m: string) => void) {
  const admin = await db().selectFrom("staff_user").select("id").where("role", "=", "admin").where("active", "=", true).executeTakeFirst();
  if (admin) return;
  const address = email ?? "admin@localhost";
  if (await emailTaken(address)) return;
  const pw = password ?? generatePassword();
  await createUser({ email: address, name: "Quản trị viên / Administrator", role: "admin", unitId: null, password: pw, mustChange: !password });
  if (password) log(`[auth] admin account ${address} created from ADMIN_EMAIL/ADMIN_PASSWORD`);
  else log(`[auth] admin account created — sign in at /staff/login as ${address} with password ${pw} (shown once; change it at first sign-in)`);
}
