// Sign-ups that wait "to confirm" (chờ xác nhận): past their address's share, they hold no seat
// until staff settle them (docs/security/limits.md). Confirming gives a seat if one is free, else
// the end of the waitlist; rejecting cancels. Each runs under the session's row lock, like every
// other seat change, so confirming many at once never passes the capacity.
import type { Kysely } from "kysely";
import { recordAudit } from "~/kernel/audit.server";
import type { Client } from "~/kernel/http/client";
import { queueNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";
import { lockSession } from "./dialogue-registration.server";

export type Decision = "confirm" | "reject";
export type SettleResult =
  | { ok: true; settled: { id: number; status: "confirmed" | "waitlisted" | "cancelled" }[]; noticeIds: string[] }
  | { ok: false; reason: "not_found" };

type Staff = { id: number; email: string; client: Client };

async function settleLocked(
  trx: Kysely<Database>,
  agencyId: number,
  sessionId: number,
  ids: number[] | "all",
  decision: Decision,
  staff: Staff,
  ctx: NoticeContext,
  now: Date,
): Promise<SettleResult> {
  const s = await lockSession(trx, agencyId, sessionId);
  if (!s) return { ok: false, reason: "not_found" };
  let q = trx
    .selectFrom("dialogue_registration")
    .select(["id", "code", "email_norm", "lang"])
    .where("agency_id", "=", agencyId)
    .where("session_id", "=", sessionId)
    .where("status", "=", "to_confirm");
  if (ids !== "all") q = q.where("id", "in", ids.length ? ids : [-1]);
  // Oldest first: they take the free seats in the order they signed up.
  const waiting = await q.orderBy("id").forUpdate().execute();
  if (!waiting.length) return { ok: true, settled: [], noticeIds: [] };
  const settled: { id: number; status: "confirmed" | "waitlisted" | "cancelled" }[] = [];
  let noticeIds: string[] = [];
  if (decision === "reject") {
    await trx
      .updateTable("dialogue_registration")
      .set({ status: "cancelled", cancelled_at: now, cancelled_by: staff.id, settled_by: staff.id, settled_at: now })
      .where("agency_id", "=", agencyId)
      .where(
        "id",
        "in",
        waiting.map((r) => r.id),
      )
      .execute();
    for (const r of waiting) settled.push({ id: r.id, status: "cancelled" });
  } else {
    const counts = await trx
      .selectFrom("dialogue_registration")
      .select((eb) => [
        eb.fn.count<number>("id").filterWhere("status", "=", "confirmed").as("confirmed"),
        eb.fn.max("waitlist_seq").as("last_seq"),
      ])
      .where("agency_id", "=", agencyId)
      .where("session_id", "=", sessionId)
      .executeTakeFirstOrThrow();
    const free = Math.max(0, s.capacity - Number(counts.confirmed));
    const seated = waiting.slice(0, free);
    const queued = waiting.slice(free);
    if (seated.length) {
      await trx
        .updateTable("dialogue_registration")
        .set({ status: "confirmed", settled_by: staff.id, settled_at: now })
        .where("agency_id", "=", agencyId)
        .where(
          "id",
          "in",
          seated.map((r) => r.id),
        )
        .execute();
      // The person learns their seat is confirmed, as when the waitlist moves up.
      noticeIds = await queueNotices(trx, s, "promoted", ctx, seated);
    }
    let seq = Number(counts.last_seq ?? 0);
    for (const r of queued) {
      await trx
        .updateTable("dialogue_registration")
        .set({ status: "waitlisted", waitlist_seq: ++seq, settled_by: staff.id, settled_at: now })
        .where("agency_id", "=", agencyId)
        .where("id", "=", r.id)
        .execute();
    }
    for (const r of seated) settled.push({ id: r.id, status: "confirmed" });
    for (const r of queued) settled.push({ id: r.id, status: "waitlisted" });
  }
  await recordAudit(
    staff.client,
    {
      agencyId: s.agency_id,
      actor: staff,
      action: decision === "confirm" ? "dialogue.registration.confirm" : "dialogue.registration.reject",
      entity: "dialogue_session",
      entityId: sessionId,
      details: { settled },
    },
    trx,
  );
  return { ok: true, settled, noticeIds };
}

/** Settles the given sign-ups waiting to confirm (or all of the session's), oldest first. */
export async function settleRegistrations(
  agencyId: number,
  sessionId: number,
  ids: number[] | "all",
  decision: Decision,
  staff: Staff,
  ctx: NoticeContext,
  now = new Date(),
): Promise<SettleResult> {
  return db()
    .transaction()
    .execute((trx) => settleLocked(trx, agencyId, sessionId, ids, decision, staff, ctx, now));
}
