// Signing in with email and password, as the sign-in page does it: the throttle's answer, the
// slowdown after failures, the audit entry, and a new session on success.
import { recordAudit } from "~/models/audit.server";
import { authenticate } from "~/models/staff.server";
import { accountKey, failureDelayMs } from "~/models/throttle.server";
import { clientIp } from "~/utils/request.server";
import { createSession, destroySession, getSessionUser, revokeUserSessions } from "~/utils/session.server";

export type SignInOutcome =
  | { ok: true; setCookie: string; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function signInWithPassword(email: string, password: string, request: Request, now = new Date()): Promise<SignInOutcome> {
  const result = await authenticate(email, password, clientIp(request), now);
  if (result.ok) {
    // A new session id at every sign-in: an id planted in the browser before is never promoted.
    const setCookie = await createSession(result.userId, now);
    await recordAudit(request, { actor: { id: result.userId, email: result.email }, action: "auth.login", entity: "staff_user", entityId: result.userId });
    return { ok: true, setCookie, userId: result.userId };
  }
  // The address someone typed is not stored, only its hash (the throttle's key), so the log is
  // no list of addresses and still shows repeated tries at one account.
  const details = { account: accountKey(email) };
  if (result.reason === "locked") {
    await recordAudit(request, { actor: null, action: "auth.login_locked", entity: "staff_user", details });
    return { ok: false, reason: "locked", minutes: Math.max(1, Math.ceil((result.until.getTime() - now.getTime()) / 60_000)) };
  }
  await recordAudit(request, { actor: null, action: "auth.login_failed", entity: "staff_user", details: { ...details, failures: result.failures } });
  await sleep(failureDelayMs(result.failures));
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
