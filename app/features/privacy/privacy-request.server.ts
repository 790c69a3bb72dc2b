// Requests a person makes about their own data, each written to privacy_request and the audit
// log (never with the data itself):
//  - access: seeing the data is immediate; the request is recorded as fulfilled at once;
//  - withdraw: withdrawing consent is honoured at once (NĐ 13/2023 Art. 12: withdrawal needs no
//    one's approval), the consent records are marked and the data erased the same way as a
//    deletion (app/features/privacy/privacy-erase.server.ts);
//  - correct, delete: open requests staff fulfil or refuse with a reason within 72 hours. Deletion
//    waits for staff because the law may oblige the Department to keep a case it is still
//    handling (NĐ 13/2023 Art. 16 §2), which is a decision for a person, with a written reason.
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { requestDue } from "~/features/privacy/privacy-deadline";
import type { Lang } from "~/kernel/i18n/i18n";
import type { Correction } from "~/features/privacy/privacy.schema";
import { recordAudit } from "~/kernel/audit.server";
import type { NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import type { Database, PrivacyRequestKind } from "../../../db/types";
import type { FoundSubject } from "./privacy-subject.server";
import { cancelIfUpcoming, eraseInTransaction } from "./privacy-erase.server";
import { withdrawConsent } from "./consent.server";

export interface RequestInput {
  /** Where the person posted from (the audit entry's address). */
  client: Client;
  subject: FoundSubject;
  submissionId: string;
  lang: Lang;
  now?: Date;
}

export interface CreatedRequest {
  id: number;
  dueAt: Date;
  /** True when this form had been posted before: the first request is returned. */
  duplicate: boolean;
}

async function insertRequest(
  trx: Kysely<Database>,
  input: RequestInput,
  kind: PrivacyRequestKind,
  opts: { requested?: Correction; decided?: boolean },
): Promise<CreatedRequest> {
  const now = input.now ?? new Date();
  const inserted = await trx
    .insertInto("privacy_request")
    .values({
      agency_id: input.subject.agencyId,
      submission_id: input.submissionId,
      kind,
      subject_kind: input.subject.kind,
      subject_id: input.subject.id,
      subject_code: input.subject.code,
      status: opts.decided ? "fulfilled" : "open",
      requested: opts.requested ? JSON.stringify(opts.requested) : null,
      lang: input.lang,
      received_at: now,
      due_at: requestDue(now),
      decided_at: opts.decided ? now : null,
    })
    .onConflict((oc) => oc.columns(["agency_id", "submission_id"]).doNothing())
    .returning(["id", "due_at"])
    .executeTakeFirst();
  if (!inserted) {
    const first = await trx
      .selectFrom("privacy_request")
      .select(["id", "due_at"])
      .where("agency_id", "=", input.subject.agencyId)
      .where("submission_id", "=", input.submissionId)
      .executeTakeFirstOrThrow();
    return { id: first.id, dueAt: first.due_at, duplicate: true };
  }
  // The citizen has no account: actor null; the entity names the request, never the person.
  await recordAudit(
    input.client,
    {
      agencyId: input.subject.agencyId,
      actor: null,
      action: `privacy.request.${kind}`,
      entity: "privacy_request",
      entityId: inserted.id,
      details: { subject: input.subject.kind, subjectId: input.subject.id },
    },
    trx,
  );
  return { id: inserted.id, dueAt: inserted.due_at, duplicate: false };
}

/** The person looked at their data: recorded, already fulfilled. */
export async function recordAccess(input: Omit<RequestInput, "submissionId">): Promise<CreatedRequest> {
  return db()
    .transaction()
    .execute((trx) => insertRequest(trx, { ...input, submissionId: crypto.randomUUID() }, "access", { decided: true }));
}

export async function requestCorrection(input: RequestInput, correction: Correction): Promise<CreatedRequest> {
  return db()
    .transaction()
    .execute((trx) => insertRequest(trx, input, "correct", { requested: correction }));
}

export async function requestDeletion(input: RequestInput): Promise<CreatedRequest> {
  return db()
    .transaction()
    .execute((trx) => insertRequest(trx, input, "delete", {}));
}

/** Withdrawal, honoured now: a live registration for a dialogue still to come is cancelled (its
 * seat goes to the next person waiting), then the consent records are marked withdrawn and the
 * data erased in one transaction with the request. A withdrawn feedback stays in the register,
 * anonymous, and is still handled and counted; the Department just can no longer reach the sender. */
export async function withdrawNow(input: RequestInput, ctx: NoticeContext): Promise<CreatedRequest> {
  const now = input.now ?? new Date();
  await cancelIfUpcoming(input.subject, ctx, now);
  return db()
    .transaction()
    .execute(async (trx) => {
      const created = await insertRequest(trx, input, "withdraw", { decided: true });
      if (created.duplicate) return created;
      await withdrawConsent(input.subject.kind, input.subject.id, "self_service", trx);
      await eraseInTransaction(trx, input.subject, "withdrawal", created.id, now);
      return created;
    });
}

/** A withdrawal that could not be confirmed through the contact on file (no email, or no mail
 * server): an open request staff settle after calling the phone on file. Nothing changes yet. */
export async function requestWithdrawal(input: RequestInput): Promise<CreatedRequest> {
  return db()
    .transaction()
    .execute((trx) => insertRequest(trx, input, "withdraw", {}));
}

/** The person's requests about this case, newest first (no personal data in them). */
export async function requestsFor(subject: { kind: string; id: number; agencyId: number }) {
  return db()
    .selectFrom("privacy_request")
    .select(["id", "kind", "status", "received_at", "due_at", "decided_at", "refuse_reason"])
    .where("agency_id", "=", subject.agencyId)
    .where("subject_kind", "=", subject.kind as never)
    .where("subject_id", "=", subject.id)
    .where("kind", "in", ["correct", "delete", "withdraw"])
    .orderBy("id", "desc")
    .limit(20)
    .execute();
}
