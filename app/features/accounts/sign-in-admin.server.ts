// The admin's view of sign-in pacing: which accounts strangers are making wait, and the unlock
// that ends every wait on an account (audited). docs/security/limits.md.
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import { accountWaits, unlockAccount, type AccountWait } from "./throttle.server";

export async function signInWaits(
  users: { id: number; email: string }[],
  now = new Date(),
): Promise<Record<number, AccountWait>> {
  const waits = await accountWaits(
    users.map((u) => u.email),
    now,
  );
  const out: Record<number, AccountWait> = {};
  for (const u of users) {
    const w = waits.get(u.email);
    if (w && (w.until || w.browsersWaiting || w.attempts)) out[u.id] = w;
  }
  return out;
}

export type UnlockResult = { ok: true; cleared: number } | { ok: false; error: string };

export async function unlockSignIn(id: number, actor: StaffActor, client: Client): Promise<UnlockResult> {
  // Only an account of the admin's own agency (docs/rules/agencies.md).
  const user = await db()
    .selectFrom("staff_user")
    .select(["id", "email"])
    .where("agency_id", "=", actor.agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!user) return { ok: false, error: "staff.users.errors.notFound" };
  const cleared = await unlockAccount(user.email);
  await recordAudit(client, {
    agencyId: actor.agencyId,
    actor,
    action: "user.unlock_sign_in",
    entity: "staff_user",
    entityId: id,
    details: { cleared },
  });
  return { ok: true, cleared };
}
