// Receiving feedback: one transaction writes the register row, the contact details, the
// attachments, the consent record and the first event, and takes the next tracking code of the
// day. A retry with the same submission id returns the first code instead of a second feedback.
import crypto from "node:crypto";
import { sql } from "kysely";
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { formatCode, normalisePhone } from "~/features/feedback/feedback-code";
import { intakeDeadlines, stageDue } from "~/features/feedback/feedback-deadlines";
import type { FeedbackKind } from "~/features/feedback/feedback-workflow";
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { CheckedFile } from "~/features/feedback/feedback.schema";
import { recordConsent } from "~/features/privacy/consent.server";
import { db, type DB } from "~/kernel/db/db.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { feedbackDays, workCalendar } from "./feedback-settings.server";

export interface IntakeInput {
  /** The agency the feedback was sent to (the public path's); stored on every row it writes. */
  agencyId?: number;
  submissionId: string;
  kind: FeedbackKind;
  name: string;
  address: string;
  phone: string;
  email?: string;
  organisation?: string;
  procedureId?: number;
  dossierCode?: string;
  title?: string;
  content: string;
  lang: Lang;
  attachments: CheckedFile[];
  /** Kept and held for a person to review (docs/security/limits.md), never refused. */
  held?: "address_burst";
}

export interface IntakeResult {
  id: number;
  code: string;
  /** The code with its secret key: shown once to the sender and sent to their email, never to
   * anyone else (docs/security/citizen-codes.md). */
  fullCode: string;
  /** True when this submission id had already been received: nothing new was written. */
  duplicate: boolean;
}

async function bySubmission(agencyId: number, submissionId: string): Promise<IntakeResult | null> {
  // Only the browser that holds the form's random submission id can send it again.
  const row = await db()
    .selectFrom("feedback")
    .select(["id", "code", "access_key"])
    .where("agency_id", "=", agencyId)
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
  return row ? { id: row.id, code: row.code, fullCode: fullCode(row.code, row.access_key), duplicate: true } : null;
}

/** The next number of the day. The row lock taken by the upsert is held to the end of the
 * transaction, so concurrent submissions queue for the code and a rolled-back one leaves no gap;
 * callers take it as the transaction's last step to hold that lock as briefly as possible. */
export async function nextDailyNumber(trx: DB, agencyId: number, day: string): Promise<number> {
  // Each agency numbers its own day: its codes say nothing of another agency's volume.
  const row = await trx
    .insertInto("feedback_counter")
    .values({ agency_id: agencyId, day, last: 1 })
    .onConflict((oc) => oc.columns(["agency_id", "day"]).doUpdateSet({ last: sql`feedback_counter.last + 1` }))
    .returning("last")
    .executeTakeFirstOrThrow();
  return row.last;
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export async function submitFeedback(input: IntakeInput, now = new Date()): Promise<IntakeResult> {
  const agencyId = input.agencyId ?? DEFAULT_AGENCY_ID;
  const seen = await bySubmission(agencyId, input.submissionId);
  if (seen) return seen;
  const [days, cal] = await Promise.all([feedbackDays(agencyId), workCalendar(agencyId)]);
  const today = vnDay(now);
  const dues = intakeDeadlines(today, days, cal);
  try {
    return await db()
      .transaction()
      .execute(async (trx) => {
        const fb = await trx
          .insertInto("feedback")
          .values({
            agency_id: agencyId,
            // Replaced below, inside this transaction: nobody else ever sees it.
            code: `pending:${input.submissionId}`,
            submission_id: input.submissionId,
            kind: input.kind,
            title: input.title ?? null,
            content: input.content,
            procedure_id: input.procedureId ?? null,
            dossier_code: input.dossierCode ?? null,
            lang: input.lang,
            received_at: now,
            base_date: today,
            ...dues,
            due_date: stageDue("received", { ...dues, publish_due: null }),
            held_at: input.held ? now : null,
            held_reason: input.held ?? null,
          })
          .returning(["id", "access_key"])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("feedback_contact")
          .values({
            agency_id: agencyId,
            feedback_id: fb.id,
            name: input.name,
            address: input.address,
            phone: input.phone,
            phone_digits: normalisePhone(input.phone),
            email: input.email ?? null,
            organisation: input.organisation ?? null,
          })
          .execute();
        await insertAttachments(trx, agencyId, fb.id, input.attachments, "intake");
        await recordConsent(trx, {
          agencyId,
          purpose: "feedback",
          subjectKind: "feedback",
          subjectId: fb.id,
          lang: input.lang,
        });
        await trx
          .insertInto("feedback_event")
          .values({
            agency_id: agencyId,
            feedback_id: fb.id,
            at: now,
            action: "receive",
            from_status: null,
            to_status: "received",
            details: JSON.stringify({ attachments: input.attachments.length }),
          })
          .execute();
        const code = formatCode(today, await nextDailyNumber(trx, agencyId, today));
        await trx
          .updateTable("feedback")
          .set({ code })
          .where("agency_id", "=", agencyId)
          .where("id", "=", fb.id)
          .execute();
        return { id: fb.id, code, fullCode: fullCode(code, fb.access_key), duplicate: false };
      });
  } catch (e) {
    // Two posts of one form raced: the second waited on the unique index and lost.
    if ((e as { code?: string }).code === "23505") {
      const first = await bySubmission(agencyId, input.submissionId);
      if (first) return first;
    }
    throw e;
  }
}

export async function insertAttachments(
  trx: DB,
  agencyId: number,
  feedbackId: number,
  files: CheckedFile[],
  source: "intake" | "info",
): Promise<void> {
  if (!files.length) return;
  await trx
    .insertInto("feedback_attachment")
    .values(
      files.map((f) => ({
        agency_id: agencyId,
        feedback_id: feedbackId,
        filename: f.filename,
        kind: f.kind,
        mime: f.mime,
        size: f.bytes.byteLength,
        sha256: sha256(f.bytes),
        data: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
        source,
      })),
    )
    .execute();
}
