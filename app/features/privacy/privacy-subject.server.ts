// Finding whose data a privacy request is about (a full code plus the phone or email given with it)
// and reading that data back, for the person themselves and for the staff member who acts on
// their request. Reading it for staff is a view of personal data: the caller logs pii.view.
import type { Kysely } from "kysely";
import { normalisePhone as feedbackPhoneDigits } from "~/features/feedback/feedback-code";
import type { Lang } from "~/kernel/i18n/i18n";
import type { SubjectCode } from "~/features/privacy/privacy.schema";
import { findRegistration } from "~/features/dialogue/dialogue-registrants.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { db } from "~/kernel/db/db.server";
import { sameSecret } from "~/kernel/secret-compare.server";
import type { Database, PrivacySubjectKind } from "../../../db/types";

export interface FoundSubject {
  kind: PrivacySubjectKind;
  id: number;
  code: string;
  /** The agency the case belongs to: its requests are that agency's. */
  agencyId: number;
}

/** The subject a code and a contact point to within `agencyId` (the page's path), or null: the
 * same answer for a wrong code, a wrong contact and another agency's case. Erased data cannot be
 * found: the contact it was matched on is gone. */
export async function findSubject(
  code: SubjectCode,
  contact: { phone: string } | { email: string },
  agencyId: number,
): Promise<FoundSubject | null> {
  if (!code.key) return null;
  if (code.kind === "dialogue_registration") {
    // Looked up within the path's agency: another agency's registration is not found.
    const id = await findRegistration(agencyId, code.code, code.key, contact);
    return id ? { kind: "dialogue_registration", id, code: code.code, agencyId } : null;
  }
  const row = await db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", (j) =>
      j.onRef("c.agency_id", "=", "f.agency_id").onRef("c.feedback_id", "=", "f.id"),
    )
    .select(["f.id", "f.access_key", "c.phone_digits", "c.email"])
    .where("f.agency_id", "=", agencyId)
    .where("f.code", "=", code.code)
    .executeTakeFirst();
  if (!row) return null;
  const ok =
    "phone" in contact
      ? feedbackPhoneDigits(contact.phone) === row.phone_digits
      : (row.email ?? "").trim().toLowerCase() === contact.email;
  // The key, not the short code, is what only the sender holds (docs/security/citizen-codes.md).
  return ok && sameSecret(row.access_key, code.key)
    ? { kind: "feedback", id: row.id, code: code.code, agencyId }
    : null;
}

export interface SubjectData {
  kind: PrivacySubjectKind;
  code: string;
  /** What the case is: the dialogue's title and date, or the feedback's received date; its
   * status as a translation key. */
  about: { title: string | null; date: Date; statusKey: string };
  /** The personal data held, field by field (label = translation key under privacy.fields). */
  fields: { key: string; value: string | null }[];
  erased: boolean;
  consents: { purpose: string; version: string; givenAt: Date; withdrawnAt: Date | null }[];
}

export async function subjectData(
  s: { kind: PrivacySubjectKind; id: number },
  lang: Lang,
  conn: Kysely<Database> = db(),
): Promise<SubjectData | null> {
  const [erasure, consents] = await Promise.all([
    conn
      .selectFrom("privacy_erasure")
      .select("erased_at")
      .where("subject_kind", "=", s.kind)
      .where("subject_id", "=", s.id)
      .executeTakeFirst(),
    conn
      .selectFrom("consent_record")
      .select(["purpose", "notice_version", "given_at", "withdrawn_at"])
      .where("subject_kind", "=", s.kind)
      .where("subject_id", "=", String(s.id))
      .orderBy("id")
      .execute(),
  ]);
  const base = {
    kind: s.kind,
    erased: Boolean(erasure),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      version: c.notice_version,
      givenAt: c.given_at,
      withdrawnAt: c.withdrawn_at,
    })),
  };
  if (s.kind === "dialogue_registration") {
    const r = await conn
      .selectFrom("dialogue_registration as r")
      .innerJoin("dialogue_session as s", "s.id", "r.session_id")
      .select([
        "r.code",
        "r.name",
        "r.phone",
        "r.email",
        "r.kind",
        "r.organisation",
        "r.accessibility",
        "r.status",
        "s.title_vi",
        "s.title_en",
        "s.starts_at",
      ])
      .where("r.id", "=", s.id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      ...base,
      code: r.code,
      about: { title: sessionTitle(r, lang), date: r.starts_at, statusKey: `privacy.registrationStatus.${r.status}` },
      fields: [
        { key: "name", value: r.name },
        { key: "phone", value: r.phone },
        { key: "email", value: r.email },
        { key: "kind", value: r.kind },
        { key: "organisation", value: r.organisation },
        { key: "accessibility", value: r.accessibility },
      ],
    };
  }
  const f = await conn
    .selectFrom("feedback as f")
    .leftJoin("feedback_contact as c", "c.feedback_id", "f.id")
    .select(["f.code", "f.status", "f.received_at", "c.name", "c.address", "c.phone", "c.email", "c.organisation"])
    .select((eb) =>
      eb
        .selectFrom("feedback_attachment as a")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.feedback_id", "=", "f.id")
        .as("attachments"),
    )
    .where("f.id", "=", s.id)
    .executeTakeFirst();
  if (!f) return null;
  return {
    ...base,
    code: f.code,
    about: { title: null, date: f.received_at, statusKey: `feedback.statuses.${f.status}` },
    fields: [
      { key: "name", value: f.name },
      { key: "address", value: f.address },
      { key: "phone", value: f.phone },
      { key: "email", value: f.email },
      { key: "organisation", value: f.organisation },
      { key: "attachments", value: String(Number(f.attachments ?? 0)) },
    ],
  };
}
