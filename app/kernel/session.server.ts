// Staff sessions held in the database. The cookie carries a random 256-bit token, signed with
// the rotatable secrets; the table keeps only the token's SHA-256. A session ends when it
// expires (12 h), sits idle (2 h), is signed out, or its user is disabled.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../db/types";
import type { Role } from "../../db/tables/staff";
import { cookieSecure, env } from "./env.server";
import { getSecrets } from "./secrets.server";

export const SESSION_COOKIE = "hl_session";
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitId: number | null;
  /** The account's agency: every staff query is scoped to it (docs/rules/agencies.md). */
  agencyId: number;
  mustChangePassword: boolean;
  sessionId: string;
}

async function sessionCookie() {
  return createCookie(SESSION_COOKIE, {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path: "/",
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

const digest = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

/** Starts a new session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function createSession(userId: number, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db()
    .insertInto("staff_session")
    .values({
      id: digest(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    })
    .execute();
  return (await sessionCookie()).serialize(token);
}

async function readToken(cookieHeader: string | null): Promise<string | null> {
  const value = await (await sessionCookie()).parse(cookieHeader);
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The signed-in staff user of a request's Cookie header (the route or the staff gate passes it). */
export async function getSessionUser(cookieHeader: string | null, now = new Date()): Promise<StaffUser | null> {
  const token = await readToken(cookieHeader);
  if (!token) return null;
  const id = digest(token);
  const row = await db()
    .selectFrom("staff_session as s")
    .innerJoin("staff_user as u", "u.id", "s.user_id")
    .select([
      "s.id as sid",
      "s.last_seen_at",
      "u.id",
      "u.email",
      "u.name",
      "u.role",
      "u.unit_id",
      "u.agency_id",
      "u.must_change_password",
    ])
    .where("s.id", "=", id)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("s.last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS))
    .where("u.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  // Touch at most once a minute: the idle clock needs minutes, not a write per request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db().updateTable("staff_session").set({ last_seen_at: now }).where("id", "=", id).execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unitId: row.unit_id,
    agencyId: row.agency_id,
    mustChangePassword: row.must_change_password,
    sessionId: row.sid,
  };
}

/** Ends this session and returns the Set-Cookie header that clears it. */
export async function destroySession(cookieHeader: string | null): Promise<string> {
  const token = await readToken(cookieHeader);
  if (token)
    await db()
      .updateTable("staff_session")
      .set({ revoked_at: sql`now()` })
      .where("id", "=", digest(token))
      .execute();
  return (await sessionCookie()).serialize("", { maxAge: 0 });
}

/** Ends every session of a user (sign out everywhere, disable, password change), optionally
 * keeping the one in use. Pass the transaction when it is part of one. */
export async function revokeUserSessions(
  userId: number,
  keepSessionId?: string,
  conn: Kysely<Database> = db(),
): Promise<number> {
  let q = conn
    .updateTable("staff_session")
    .set({ revoked_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepSessionId) q = q.where("id", "!=", keepSessionId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
