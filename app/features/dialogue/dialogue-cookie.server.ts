// After a person proves who they are (full code + phone or email, or by signing up), a cookie
// remembers their registration for two hours, so the no-JavaScript pages can offer cancel, ask
// and vote without asking for the code on every click. The cookie holds a random token; the
// server keeps its hash, the registration and the expiry (dialogue_registrant_session), so
// "forget" and an erasure end it at once, and a copied cookie dies with its row. The route hands in
// the request's Cookie header as a string; nothing here reads the request.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { db } from "~/kernel/db/db.server";
import { cookieSecure, env } from "~/kernel/env.server";
import { getSecrets } from "~/kernel/secrets.server";

const MAX_AGE = 2 * 60 * 60;

async function cookie() {
  return createCookie("hl_dialogue", {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path: "/dialogues",
    maxAge: MAX_AGE,
  });
}

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

async function token(cookieHeader: string | null): Promise<string | null> {
  const value = await (await cookie()).parse(cookieHeader);
  const t = value && typeof value === "object" ? (value as { t?: unknown }).t : null;
  return typeof t === "string" && /^[A-Za-z0-9_-]{43}$/.test(t) ? t : null;
}

export async function rememberRegistrant(registrationId: number, now = new Date()): Promise<string> {
  const t = crypto.randomBytes(32).toString("base64url");
  // Expired rows of anyone go with each new one: the table stays the size of two hours' sign-ins.
  await db().deleteFrom("dialogue_registrant_session").where("expires_at", "<", now).execute();
  await db()
    .insertInto("dialogue_registrant_session")
    .values({
      token_hash: hash(t),
      registration_id: registrationId,
      expires_at: new Date(now.getTime() + MAX_AGE * 1000),
    })
    .execute();
  return (await cookie()).serialize({ t });
}

/** The registration this browser proved, from the request's Cookie header (null when none). */
export async function readRegistrant(cookieHeader: string | null, now = new Date()): Promise<number | null> {
  const t = await token(cookieHeader);
  if (!t) return null;
  const row = await db()
    .selectFrom("dialogue_registrant_session")
    .select("registration_id")
    .where("token_hash", "=", hash(t))
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row?.registration_id ?? null;
}

/** Ends this browser's sign-in on the server as well as in the browser. */
export async function forgetRegistrant(cookieHeader: string | null): Promise<string> {
  const t = await token(cookieHeader);
  if (t) await db().deleteFrom("dialogue_registrant_session").where("token_hash", "=", hash(t)).execute();
  return (await cookie()).serialize("", { maxAge: 0 });
}
