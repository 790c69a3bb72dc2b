// Staff side of privacy requests: the open ones by deadline, one with the data it is about, and
// the two decisions (fulfil, refuse with a reason). Each decision records one audit entry in the
// same transaction; the corrections asked for are cleared once decided, so they are not kept.
// Staff see and decide their own agency's requests only: another agency's id is "not found".
import type { Kysely } from "kysely";
import { foldName, normaliseEmail, normalisePhone } from "~/features/dialogue/dialogue-code";
import { normalisePhone as feedbackPhoneDigits } from "~/features/feedback/feedback-code";
import type { Correction } from "~/features/privacy/privacy.schema";
import { recordAudit, type Actor } from "~/kernel/audit.server";
import type { NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../../db/types";
import { cancelIfUpcoming, eraseInTransaction } from "./privacy-erase.server";
import { withdrawConsent } from "./consent.server";

/** Open requests, the nearest deadline first. No personal data: kind, code and times only. */
export async function listOpenRequests(agencyId: number) {
  return db()
    .selectFrom("privacy_request")
    .select(["id", "kind", "subject_kind", "subject_code", "received_at", "due_at"])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "open")
    .orderBy("due_at")
    .orderBy("id")
    .limit(500)
    .execute();
}

/** The last decided requests, for the record on the same page. */
export async function listDecidedRequests(agencyId: number, limit = 20) {
  return db()
    .selectFrom("privacy_request")
    .select(["id", "kind", "subject_kind", "subject_code", "status", "received_at", "due_at", "decided_at"])
    .where("agency_id", "=", agencyId)
    .where("status", "!=", "open")
    .where("kind", "in", ["correct", "delete", "withdraw"])
    .orderBy("decided_at", "desc")
    .limit(limit)
    .execute();
}

export async function getRequest(agencyId: number, id: number) {
  return db()
    .selectFrom("privacy_request")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export type DecideResult = { ok: true } | { ok: false; reason: "not_found" | "decided" };

async function lockOpen(trx: Kysely<Database>, agencyId: number, id: number) {
  const r = await trx
    .selectFrom("privacy_request")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) return { error: "not_found" as const };
  if (r.status !== "open") return { error: "decided" as const };
  return { row: r };
}

async function applyCorrection(trx: Kysely<Database>, agencyId: number, kind: string, id: number, c: Correction) {
  if (kind === "dialogue_registration") {
    await trx
      .updateTable("dialogue_registration")
      .set({
        name: c.name,
        name_search: foldName(c.name),
        phone: c.phone || null,
        phone_norm: c.phone ? normalisePhone(c.phone) : null,
        email: c.email || null,
        email_norm: c.email ? normaliseEmail(c.email) : null,
        organisation: c.organisation || null,
      })
      .where("agency_id", "=", agencyId)
      .where("id", "=", id)
      .execute();
    return;
  }
  await trx
    .updateTable("feedback_contact")
    .set({
      name: c.name,
      address: c.address,
      phone: c.phone,
      phone_digits: feedbackPhoneDigits(c.phone),
      email: c.email || null,
      organisation: c.organisation || null,
    })
    .where("agency_id", "=", agencyId)
    .where("feedback_id", "=", id)
    .execute();
}

/** Does what the request asked: applies the corrections, or erases the data. */
export async function fulfilRequest(
  client: Client,
  actor: Actor,
  agencyId: number,
  id: number,
  ctx: NoticeContext,
  now = new Date(),
): Promise<DecideResult> {
  const pre = await getRequest(agencyId, id);
  if (!pre) return { ok: false, reason: "not_found" };
  if (pre.status !== "open") return { ok: false, reason: "decided" };
  // Outside the transaction below: cancelling takes the dialogue's own locks in its own order.
  if (pre.kind === "delete" || pre.kind === "withdraw")
    await cancelIfUpcoming({ kind: pre.subject_kind, id: pre.subject_id }, ctx, now);
  return db()
    .transaction()
    .execute(async (trx): Promise<DecideResult> => {
      const locked = await lockOpen(trx, agencyId, id);
      if ("error" in locked) return { ok: false, reason: locked.error! };
      const r = locked.row;
      if (r.kind === "correct" && r.requested)
        await applyCorrection(trx, agencyId, r.subject_kind, r.subject_id, r.requested as unknown as Correction);
      if (r.kind === "delete")
        await eraseInTransaction(trx, { kind: r.subject_kind, id: r.subject_id }, "request", r.id, now);
      // A withdrawal staff confirmed with the person by phone (docs/security/citizen-codes.md).
      if (r.kind === "withdraw") {
        await withdrawConsent(r.subject_kind, r.subject_id, "staff_confirmed", trx);
        await eraseInTransaction(trx, { kind: r.subject_kind, id: r.subject_id }, "withdrawal", r.id, now);
      }
      await trx
        .updateTable("privacy_request")
        .set({ status: "fulfilled", decided_at: now, decided_by: actor.id, requested: null })
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .execute();
      await recordAudit(
        client,
        {
          agencyId: agencyId,
          actor,
          action: "privacy.request.fulfil",
          entity: "privacy_request",
          entityId: id,
          details: { kind: r.kind, subject: r.subject_kind, subjectId: r.subject_id },
        },
        trx,
      );
      return { ok: true };
    });
}

export async function refuseRequest(
  client: Client,
  actor: Actor,
  agencyId: number,
  id: number,
  reason: string,
  now = new Date(),
): Promise<DecideResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<DecideResult> => {
      const locked = await lockOpen(trx, agencyId, id);
      if ("error" in locked) return { ok: false, reason: locked.error! };
      await trx
        .updateTable("privacy_request")
        .set({ status: "refused", decided_at: now, decided_by: actor.id, refuse_reason: reason, requested: null })
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .execute();
      await recordAudit(
        client,
        {
          agencyId: agencyId,
          actor,
          action: "privacy.request.refuse",
          entity: "privacy_request",
          entityId: id,
          details: { kind: locked.row.kind },
        },
        trx,
      );
      return { ok: true };
    });
}
