// After a person proves who they are (full code + phone or email, or by signing up), a cookie
// remembers their registration for two hours, so the no-JavaScript pages can offer cancel, ask
// and vote without asking for the code on every click. The cookie holds a random token; the
// server keeps its hash, the registration and the expiry (dialogue_registrant_session), so
// "forget" and an erasure end it at once, and a copied cookie dies with its row. The route hands in
// the request's Cookie header as a string; nothing here reads the request. Each agency's pages have
// their own cookie (its path is the agency's /…/dialogues) and a sign-in counts on its own agency's
// pages only (docs/rules/agencies.md).
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { db } from "~/kernel/db/db.server";
import { cookieSecure, env } from "~/kernel/env.server";
import { getSecrets } from "~/kernel/secrets.server";
import { agencyPath } from "~/kernel/agency/agency-path";

const MAX_AGE = 2 * 60 * 60;

/** `prefix`: the agency's path prefix (null for the default agency). */
async function cookie(prefix: string | null) {
  return createCookie("hl_dialogue", {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path: agencyPath(prefix, "/dialogues"),
    maxAge: MAX_AGE,
  });
}

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

async function token(cookieHeader: string | null): Promise<string | null> {
  // The secrets and the name are the same for every agency: the path only says where it is sent.
  const value = await (await cookie(null)).parse(cookieHeader);
  const t = value && typeof value === "object" ? (value as { t?: unknown }).t : null;
  return typeof t === "string" && /^[A-Za-z0-9_-]{43}$/.test(t) ? t : null;
}

export async function rememberRegistrant(
  agency: { id: number; prefix: string | null },
  registrationId: number,
  now = new Date(),
): Promise<string> {
  const t = crypto.randomBytes(32).toString("base64url");
  // Expired rows of anyone go with each new one: the table stays the size of two hours' sign-ins.
  await db().deleteFrom("dialogue_registrant_session").where("expires_at", "<", now).execute();
  await db()
    .insertInto("dialogue_registrant_session")
    .values({
      agency_id: agency.id,
      token_hash: hash(t),
      registration_id: registrationId,
      expires_at: new Date(now.getTime() + MAX_AGE * 1000),
    })
    .execute();
  return (await cookie(agency.prefix)).serialize({ t });
}

/** The registration this browser proved on this agency's pages, from the request's Cookie header
 * (null when none). */
export async function readRegistrant(
  agencyId: number,
  cookieHeader: string | null,
  now = new Date(),
): Promise<number | null> {
  const t = await token(cookieHeader);
  if (!t) return null;
  const row = await db()
    .selectFrom("dialogue_registrant_session")
    .select("registration_id")
    .where("agency_id", "=", agencyId)
    .where("token_hash", "=", hash(t))
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row?.registration_id ?? null;
}

/** Ends this browser's sign-in on the server as well as in the browser. */
export async function forgetRegistrant(prefix: string | null, cookieHeader: string | null): Promise<string> {
  const t = await token(cookieHeader);
  if (t) await db().deleteFrom("dialogue_registrant_session").where("token_hash", "=", hash(t)).execute();
  return (await cookie(prefix)).serialize("", { maxAge: 0 });
}
