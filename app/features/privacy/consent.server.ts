// Consent records: written in the same transaction as the personal data they cover, so there is
// never personal data without a record of the consent under which it was given.
import type { Kysely } from "kysely";
import { PRIVACY_NOTICES, type ConsentPurpose } from "~/features/privacy/privacy-notices";
import type { Lang } from "~/kernel/i18n/i18n";
import { db } from "~/kernel/db/db.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import type { Database } from "../../../db/types";

export async function recordConsent(
  conn: Kysely<Database>,
  input: { agencyId?: number; purpose: ConsentPurpose; subjectKind: string; subjectId: string | number; lang: Lang },
): Promise<void> {
  await conn
    .insertInto("consent_record")
    .values({
      // The subject's agency; callers not yet scoped by agency write the default one.
      agency_id: input.agencyId ?? DEFAULT_AGENCY_ID,
      purpose: input.purpose,
      subject_kind: input.subjectKind,
      subject_id: String(input.subjectId),
      notice_version: PRIVACY_NOTICES[input.purpose].version,
      lang: input.lang,
    })
    .execute();
}

export async function withdrawConsent(
  subjectKind: string,
  subjectId: string | number,
  how: string,
  conn: Kysely<Database> = db(),
): Promise<number> {
  const res = await conn
    .updateTable("consent_record")
    .set({ withdrawn_at: new Date(), withdrawn_how: how })
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", String(subjectId))
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function consentsFor(subjectKind: string, subjectId: string | number) {
  return db()
    .selectFrom("consent_record")
    .selectAll()
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", String(subjectId))
    .orderBy("id")
    .execute();
}
