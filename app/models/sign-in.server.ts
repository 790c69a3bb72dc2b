// Signing in with email and password, as the sign-in page does it: the pacing's answer, the
// audit entry, a new session on success, and the cookie that makes this browser known to the
// account (its later sign-ins are paced apart from strangers': docs/security/limits.md).
import { minutesUntil } from "~/lib/pace";
import { recordAudit } from "~/models/audit.server";
import { authenticate } from "~/models/staff.server";
import { accountKey } from "~/models/throttle.server";
import { knownBrowserId, rememberBrowser } from "~/utils/known-browser.server";
import { clientIp } from "~/utils/request.server";
import { createSession, destroySession, getSessionUser, revokeUserSessions } from "~/utils/session.server";

export type SignInOutcome =
  | { ok: true; setCookies: string[]; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

export async function signInWithPassword(email: string, password: string, request: Request, now = new Date()): Promise<SignInOutcome> {
  const account = accountKey(email);
  const result = await authenticate(email, password, clientIp(request), now, await knownBrowserId(request, account));
  if (result.ok) {
    // A new session id at every sign-in: an id planted in the browser before is never promoted.
    const setCookies = [await createSession(result.userId, now), await rememberBrowser(request, account)];
    await recordAudit(request, { actor: { id: result.userId, email: result.email }, action: "auth.login", entity: "staff_user", entityId: result.userId });
    return { ok: true, setCookies, userId: result.userId };
  }
  // The address someone typed is not stored, only its hash, so the log is no list of addresses
  // and still shows repeated tries at one account.
  if (result.reason === "locked") {
    // One entry when a wait begins (not one per refused try: an attacker would fill the log).
    if (result.started) {
      await recordAudit(request, { actor: null, action: "auth.login_locked", entity: "staff_user", details: { account, pool: result.pool, until: result.until.toISOString() } });
    }
    return { ok: false, reason: "locked", minutes: minutesUntil(result.until, now) };
  }
  await recordAudit(request, { actor: null, action: "auth.login_failed", entity: "staff_user", details: { account, failures: result.failures } });
  return { ok: false, reason: "invalid" };
}

/** Ends this session (or, `everywhere`, every session of its user) and returns the Set-Cookie
 * header that clears the cookie. Without a session there is nothing to end or record. */
export async function signOut(request: Request, everywhere: boolean): Promise<string> {
  const user = await getSessionUser(request);
  if (user && everywhere) await revokeUserSessions(user.id);
  const setCookie = await destroySession(request);
  if (user) {
    await recordAudit(request, { actor: user, action: everywhere ? "auth.logout_everywhere" : "auth.logout", entity: "staff_user", entityId: user.id });
  }
  return setCookie;
}
