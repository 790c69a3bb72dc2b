// The "device cookie" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): a browser
// where someone signed in to an account with the right password gets a signed cookie naming that
// account and a random id. Its later sign-ins to that account are counted against that browser
// alone, not against the account's pool for unknown browsers, so a stranger who keeps the
// account's pool waiting does not keep its owner out. The cookie proves nothing on its own: the
// password is still checked, and the browser's own pool is paced the same way.
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { cookieSecure, env } from "~/kernel/env.server";
import { getSecrets } from "~/kernel/secrets.server";

const MAX_AGE_S = 180 * 24 * 60 * 60;
/** A shared office computer may sign in several people; the most recent few are remembered. */
const MAX_ACCOUNTS = 5;

interface Entry {
  a: string;
  n: string;
}

async function cookie() {
  return createCookie("hl_known", {
    secrets: await getSecrets(),
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(env()),
    path: "/staff",
    maxAge: MAX_AGE_S,
  });
}

// `cookieHeader`: the request's Cookie header, read by the route and passed down as a string.
async function entries(cookieHeader: string | null): Promise<Entry[]> {
  const value = await (await cookie()).parse(cookieHeader);
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Entry => !!e && typeof e.a === "string" && typeof e.n === "string" && e.n.length >= 16)
    .slice(0, MAX_ACCOUNTS);
}

/** This browser's id for `account` (an account hash), when it signed in to it before. */
export async function knownBrowserId(cookieHeader: string | null, account: string): Promise<string | null> {
  return (await entries(cookieHeader)).find((e) => e.a === account)?.n ?? null;
}

/** The Set-Cookie header that makes this browser known to `account` (keeping its id if it had one). */
export async function rememberBrowser(cookieHeader: string | null, account: string): Promise<string> {
  const list = await entries(cookieHeader);
  const mine = list.find((e) => e.a === account) ?? { a: account, n: crypto.randomBytes(18).toString("base64url") };
  const next = [mine, ...list.filter((e) => e.a !== account)].slice(0, MAX_ACCOUNTS);
  return (await cookie()).serialize(next);
}
