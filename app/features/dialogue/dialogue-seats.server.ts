// Freeing seats: a cancellation, by the person or by staff, hands the seat to the first person
// waiting. Like a sign-up (dialogue-registration.server.ts), every change takes the session's row
// lock first, so the count of confirmed seats never passes the capacity.
import type { Kysely } from "kysely";
import { isAnnounced } from "~/features/dialogue/dialogue-state";
import { recordAudit } from "~/kernel/audit.server";
import { queueNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { lockSession } from "~/features/dialogue/dialogue-registration.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database, DialogueSession } from "../../../db/types";

/** Gives free seats to the first people on the waitlist, in order, and queues their notices.
 * Call inside a transaction that holds the session's row lock. */
export async function fillSeats(trx: Kysely<Database>, s: DialogueSession, ctx: NoticeContext, now = new Date()) {
  if (!isAnnounced(s.status) || s.starts_at.getTime() <= now.getTime())
    return { promoted: [] as number[], noticeIds: [] as string[] };
  const { n } = await trx
    .selectFrom("dialogue_registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", s.agency_id)
    .where("session_id", "=", s.id)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow();
  const free = s.capacity - Number(n);
  if (free <= 0) return { promoted: [], noticeIds: [] };
  const next = await trx
    .selectFrom("dialogue_registration")
    .select(["id", "code", "email_norm", "lang"])
    .where("agency_id", "=", s.agency_id)
    .where("session_id", "=", s.id)
    .where("status", "=", "waitlisted")
    .orderBy("waitlist_seq")
    .limit(free)
    .execute();
  if (!next.length) return { promoted: [], noticeIds: [] };
  await trx
    .updateTable("dialogue_registration")
    .set({ status: "confirmed", waitlist_seq: null, promoted_at: now })
    .where("agency_id", "=", s.agency_id)
    .where(
      "id",
      "in",
      next.map((r) => r.id),
    )
    .execute();
  const noticeIds = await queueNotices(trx, s, "promoted", ctx, next);
  return { promoted: next.map((r) => r.id), noticeIds };
}

export type CancelResult =
  { ok: true; already: boolean; promoted: number[]; noticeIds: string[] } | { ok: false; reason: "not_found" };

/** Cancels a registration (by the person, or by staff on their behalf) and hands the freed seat
 * to the first person waiting. Cancelling is not withdrawing consent: the record stays. */
export async function cancelRegistration(
  registrationId: number,
  ctx: NoticeContext,
  opts: {
    staff?: { id: number; email: string; client: Client };
    /** refuse a registration of another session */ sessionId?: number;
    /** refuse a registration of another agency (the staff account's, the page's) */ agencyId?: number;
    now?: Date;
  } = {},
): Promise<CancelResult> {
  const { staff, now = new Date() } = opts;
  return db()
    .transaction()
    .execute(async (trx): Promise<CancelResult> => {
      let ref = trx
        .selectFrom("dialogue_registration")
        .select(["agency_id", "session_id"])
        .where("id", "=", registrationId);
      if (opts.agencyId !== undefined) ref = ref.where("agency_id", "=", opts.agencyId);
      const sessionRef = await ref.executeTakeFirst();
      if (!sessionRef || (opts.sessionId !== undefined && sessionRef.session_id !== opts.sessionId))
        return { ok: false, reason: "not_found" };
      // Session first, then the registration: every seat change takes the locks in this order.
      const s = (await lockSession(trx, sessionRef.agency_id, sessionRef.session_id))!;
      const r = await trx
        .selectFrom("dialogue_registration")
        .selectAll()
        .where("agency_id", "=", s.agency_id)
        .where("id", "=", registrationId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (r.status === "cancelled") return { ok: true, already: true, promoted: [], noticeIds: [] };
      await trx
        .updateTable("dialogue_registration")
        .set({ status: "cancelled", cancelled_at: now, cancelled_by: staff?.id ?? null })
        .where("agency_id", "=", s.agency_id)
        .where("id", "=", r.id)
        .execute();
      const filled = r.status === "confirmed" ? await fillSeats(trx, s, ctx, now) : { promoted: [], noticeIds: [] };
      if (staff) {
        await recordAudit(
          staff.client,
          {
            agencyId: s.agency_id,
            actor: staff,
            action: "dialogue.registration.cancel",
            entity: "dialogue_registration",
            entityId: r.id,
            details: { promoted: filled.promoted },
          },
          trx,
        );
      }
      return { ok: true, already: false, ...filled };
    });
}
