// Erasing a person's data, the one way every path does it: withdrawal of consent, a deletion
// request staff fulfil, and the retention job. What goes and what stays is decided here:
//  - a dialogue registration keeps its row, status, kind (citizen/business) and check-in time,
//    so the attendance figures of a past dialogue do not change; name, phone, email,
//    organisation and accessibility needs go. Questions stay, their raw text masked like the
//    published one, because the dialogue's minutes answer them. Notices not yet sent go: there
//    is nobody left to send them to.
//  - a feedback keeps its register row (kind, class, dates, lateness, rating), so the figures and
//    the published answer stay; the contact row and the attachments (ID scans, letters) go, the
//    content and notes are masked, and the dossier code (it points at the person's dossier) goes.
// Each erasure is written to privacy_erasure, which holds no personal data and stops a second
// erasure of the same subject.
import type { Kysely } from "kysely";
import { maskPii } from "~/kernel/mask-pii";
import { cancelRegistration } from "~/features/dialogue/dialogue-seats.server";
import { deliverNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { db } from "~/kernel/db/db.server";
import type { Database, ErasureReason, PrivacySubjectKind } from "../../../db/types";

/** What an erased name becomes: the column is required, and a dash reads as "nothing here". */
export const ERASED_NAME = "—";

export interface Subject {
  kind: PrivacySubjectKind;
  id: number;
}

async function alreadyErased(trx: Kysely<Database>, s: Subject): Promise<boolean> {
  const row = await trx
    .selectFrom("privacy_erasure")
    .select("id")
    .where("subject_kind", "=", s.kind)
    .where("subject_id", "=", s.id)
    .executeTakeFirst();
  return Boolean(row);
}

/** Erases one subject's personal data inside the caller's transaction. Returns false when it
 * was erased before (nothing done). */
/** The agency a subject belongs to (its row says; ids are unique across agencies). */
async function agencyOf(trx: Kysely<Database>, s: Subject): Promise<number | null> {
  const table = s.kind === "dialogue_registration" ? "dialogue_registration" : "feedback";
  const row = await trx.selectFrom(table).select("agency_id").where("id", "=", s.id).executeTakeFirst();
  return row?.agency_id ?? null;
}

export async function eraseInTransaction(
  trx: Kysely<Database>,
  s: Subject,
  reason: ErasureReason,
  requestId: number | null = null,
  now = new Date(),
): Promise<boolean> {
  if (await alreadyErased(trx, s)) return false;
  const agencyId = await agencyOf(trx, s);
  if (agencyId === null) return false;
  if (s.kind === "dialogue_registration") await eraseRegistration(trx, s.id, now);
  else await eraseFeedback(trx, s.id);
  // One-time codes for a contact that no longer exists have nothing left to confirm.
  await trx.deleteFrom("citizen_otp").where("subject_kind", "=", s.kind).where("subject_id", "=", s.id).execute();
  await trx
    .insertInto("privacy_erasure")
    .values({
      agency_id: agencyId,
      subject_kind: s.kind,
      subject_id: s.id,
      reason,
      request_id: requestId,
      erased_at: now,
    })
    .execute();
  return true;
}

async function eraseRegistration(trx: Kysely<Database>, id: number, now: Date) {
  await trx
    .updateTable("dialogue_registration")
    .set({
      name: ERASED_NAME,
      name_search: "",
      phone: null,
      phone_norm: null,
      email: null,
      email_norm: null,
      organisation: null,
      accessibility: null,
      erased_at: now,
    })
    .where("id", "=", id)
    .execute();
  const questions = await trx
    .selectFrom("dialogue_question")
    .select(["id", "text"])
    .where("registration_id", "=", id)
    .execute();
  for (const q of questions) {
    const masked = maskPii(q.text);
    if (masked !== q.text)
      await trx.updateTable("dialogue_question").set({ text: masked }).where("id", "=", q.id).execute();
  }
  await trx
    .deleteFrom("dialogue_notification")
    .where("registration_id", "=", id)
    .where("status", "in", ["queued", "to_call"])
    .execute();
  // Any browser still signed in as this registration is signed out.
  await trx.deleteFrom("dialogue_registrant_session").where("registration_id", "=", id).execute();
}

async function eraseFeedback(trx: Kysely<Database>, id: number) {
  await trx.deleteFrom("feedback_contact").where("feedback_id", "=", id).execute();
  await trx.deleteFrom("feedback_attachment").where("feedback_id", "=", id).execute();
  const f = await trx.selectFrom("feedback").select(["title", "content"]).where("id", "=", id).executeTakeFirst();
  if (f) {
    await trx
      .updateTable("feedback")
      .set({ title: f.title == null ? null : maskPii(f.title), content: maskPii(f.content), dossier_code: null })
      .where("id", "=", id)
      .execute();
  }
  const notes = await trx
    .selectFrom("feedback_event")
    .select(["id", "note"])
    .where("feedback_id", "=", id)
    .where("note", "is not", null)
    .execute();
  for (const e of notes) {
    const masked = maskPii(e.note!);
    // feedback_event rows are history; only the personal details inside a note change.
    if (masked !== e.note)
      await trx.updateTable("feedback_event").set({ note: masked }).where("id", "=", e.id).execute();
  }
}

/** A live registration for a dialogue still to come is cancelled before its data goes, so the
 * seat passes to the next person waiting (and they are told). Runs in its own transaction,
 * before the erasure's: cancelRegistration takes the session lock the seat rules need. */
export async function cancelIfUpcoming(s: Subject, ctx: NoticeContext, now = new Date()): Promise<void> {
  if (s.kind !== "dialogue_registration") return;
  const r = await db()
    .selectFrom("dialogue_registration as r")
    .innerJoin("dialogue_session as s", "s.id", "r.session_id")
    .select(["r.status", "s.starts_at"])
    .where("r.id", "=", s.id)
    .executeTakeFirst();
  if (!r || (r.status !== "confirmed" && r.status !== "waitlisted") || r.starts_at.getTime() <= now.getTime()) return;
  const res = await cancelRegistration(s.id, ctx, { now });
  if (res.ok && res.noticeIds.length) await deliverNotices(res.noticeIds);
}
