// A registrant cancelling their own seat (docs/security/citizen-codes.md). Being signed in with
// the full code is not enough: the cancellation is confirmed by a code sent to the registered
// email, or, without one (or without a mail server), it goes on the staff call list, where
// staff call the registered phone and cancel on the person's behalf.
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { checkOtp, sendOtp } from "~/features/citizen-codes/citizen-otp.server";
import { db } from "~/kernel/db/db.server";
import { cancelRegistration } from "./dialogue-seats.server";
import { deliverNotices, queueNotices, type NoticeContext } from "./dialogue-notify.server";

export type StartCancel = "otp_sent" | "queued";

/** `agencyId`: the page's agency, the one the registration was proved on (its cookie's). */
export async function startCancel(agencyId: number, registrationId: number, ctx: NoticeContext): Promise<StartCancel> {
  if (await sendOtp({ kind: "dialogue_registration", id: registrationId, agencyId }, "cancel")) return "otp_sent";
  await db()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .selectFrom("dialogue_registration")
        .select(["id", "session_id", "code", "access_key", "lang"])
        .where("agency_id", "=", agencyId)
        .where("id", "=", registrationId)
        .executeTakeFirstOrThrow();
      // One call is enough, however often the button is pressed.
      const waiting = await trx
        .selectFrom("dialogue_notification")
        .select("id")
        .where("agency_id", "=", agencyId)
        .where("registration_id", "=", r.id)
        .where("kind", "=", "cancel_request")
        .where("status", "=", "to_call")
        .executeTakeFirst();
      if (waiting) return;
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("agency_id", "=", agencyId)
        .where("id", "=", r.session_id)
        .executeTakeFirstOrThrow();
      // Addressed to staff (the call list), never emailed: no email on the target.
      await queueNotices(trx, s, "cancel_request", ctx, [{ id: r.id, code: r.code, email_norm: null, lang: "vi" }], {
        full: fullCode(r.code, r.access_key),
      });
    });
  return "queued";
}

/** Cancels when the code sent to the registered email is right; otherwise changes nothing. */
export async function confirmCancel(
  agencyId: number,
  registrationId: number,
  otp: string,
  ctx: NoticeContext,
): Promise<boolean> {
  if (!(await checkOtp({ kind: "dialogue_registration", id: registrationId, agencyId }, "cancel", otp))) return false;
  const res = await cancelRegistration(registrationId, ctx, { agencyId });
  if (res.ok) await deliverNotices(res.noticeIds);
  return true;
}
