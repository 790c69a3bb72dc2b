// Signing in with email and password, as the sign-in page does it: the pacing's answer, the
// audit entry, a new session on success, and the cookie that makes this browser known to the
// account (its later sign-ins are paced apart from strangers': docs/security/limits.md).
import { minutesUntil } from "~/kernel/limits/pace";
import { recordAudit } from "~/kernel/audit.server";
import { agencyOfAccount, authenticate } from "~/features/accounts/staff.server";
import { accountKey } from "~/features/accounts/throttle.server";
import { knownBrowserId, rememberBrowser } from "~/features/accounts/known-browser.server";
import type { Client } from "~/kernel/http/client";
import { createSession, revokeUserSessions } from "~/kernel/session.server";

export type SignInOutcome =
  | { ok: true; setCookies: string[]; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

/** Where the try comes from: the client's address, and the request's Cookie header (which may
 * name this browser as known to the account), both read by the route. */
export interface SignInFrom {
  client: Client;
  cookieHeader: string | null;
}

export async function signInWithPassword(
  email: string,
  password: string,
  from: SignInFrom,
  now = new Date(),
): Promise<SignInOutcome> {
  const account = accountKey(email);
  const { client } = from;
  const result = await authenticate(email, password, client.ip, now, await knownBrowserId(from.cookieHeader, account));
  if (result.ok) {
    // A new session id at every sign-in: an id planted in the browser before is never promoted.
    const setCookies = [await createSession(result.userId, now), await rememberBrowser(from.cookieHeader, account)];
    await recordAudit(client, {
      agencyId: result.agencyId,
      actor: { id: result.userId, email: result.email },
      action: "auth.login",
      entity: "staff_user",
      entityId: result.userId,
    });
    return { ok: true, setCookies, userId: result.userId };
  }
  // The address someone typed is not stored, only its hash, so the log is no list of addresses
  // and still shows repeated tries at one account.
  if (result.reason === "locked") {
    // One entry when a wait begins (not one per refused try: an attacker would fill the log).
    if (result.started) {
      await recordAudit(client, {
        agencyId: await agencyOfAccount(email),
        actor: null,
        action: "auth.login_locked",
        entity: "staff_user",
        details: { account, pool: result.pool, until: result.until.toISOString() },
      });
    }
    return { ok: false, reason: "locked", minutes: minutesUntil(result.until, now) };
  }
  await recordAudit(client, {
    agencyId: await agencyOfAccount(email),
    actor: null,
    action: "auth.login_failed",
    entity: "staff_user",
    details: { account, failures: result.failures },
  });
  return { ok: false, reason: "invalid" };
}

/** Signing out `user` (the session's user, or null when there is none: nothing to end or
 * record): `everywhere` ends every session of theirs, and the sign-out is recorded. The route
 * ends this browser's own session and clears its cookie (destroySession) after this. */
export async function signOut(
  user: { id: number; email: string; agencyId: number } | null,
  everywhere: boolean,
  client: Client,
): Promise<void> {
  if (!user) return;
  if (everywhere) await revokeUserSessions(user.id);
  await recordAudit(client, {
    agencyId: user.agencyId,
    actor: user,
    action: everywhere ? "auth.logout_everywhere" : "auth.logout",
    entity: "staff_user",
    entityId: user.id,
  });
}
