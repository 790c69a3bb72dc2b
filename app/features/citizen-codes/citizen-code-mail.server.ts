// Sending a full code (short code + secret key) to the contact on file — never to whoever asks
// in a browser (docs/security/citizen-codes.md):
//  - a new feedback or registration: the code goes to the email given, as well as on screen;
//  - a second sign-up with a contact already registered: the existing registration's details go
//    to that registration's email, or onto the staff call list when it has none or mail is not
//    configured (staff ring the phone on file). The browser learns nothing of it.
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { isLang } from "~/kernel/i18n/i18n";
import { deliverNotices, queueNotices, type NoticeContext } from "~/features/dialogue/dialogue-notify.server";
import { hit } from "~/kernel/limits/rate-limit.server";
import { db } from "~/kernel/db/db.server";
import { env } from "~/kernel/env.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { sendMail } from "~/kernel/mail.server";

const DAY = 24 * 3_600_000;
/** Details sent to one registration per day, however many strangers sign up with its contact:
 * its owner's inbox (or the staff's call list) is not a channel for others to flood. */
export const DETAILS_PER_DAY = 3;

const base = () => env().PUBLIC_URL?.replace(/\/$/, "") ?? "";

export async function mailFeedbackCode(id: number): Promise<boolean> {
  const row = await db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", (j) =>
      j.onRef("c.agency_id", "=", "f.agency_id").onRef("c.feedback_id", "=", "f.id"),
    )
    .select(["f.code", "f.access_key", "f.lang", "f.agency_id", "c.email"])
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row?.email) return false;
  const { t } = createI18n(isLang(row.lang) ? row.lang : "vi");
  // The code opens the status page of the agency it was sent to, and no other.
  const link = `${base()}${agencyPath(await agencyPrefix(row.agency_id), "/feedback/status")}`;
  const vars = { code: row.code, full: fullCode(row.code, row.access_key), link };
  return sendMail({
    to: row.email,
    subject: t("codes.mail.feedbackSubject", vars),
    text: t("codes.mail.feedbackBody", vars),
  });
}

/** The sender's full code, for office staff to read out on the phone (the caller logs pii.view). */
export async function senderFullCode(agencyId: number, id: number): Promise<string | null> {
  const row = await db()
    .selectFrom("feedback")
    .select(["code", "access_key"])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? fullCode(row.code, row.access_key) : null;
}

export async function mailRegistrationCode(id: number): Promise<boolean> {
  const row = await db()
    .selectFrom("dialogue_registration as r")
    .innerJoin("dialogue_session as s", (j) =>
      j.onRef("s.agency_id", "=", "r.agency_id").onRef("s.id", "=", "r.session_id"),
    )
    .select(["r.code", "r.access_key", "r.lang", "r.email_norm", "r.agency_id", "s.title_vi", "s.title_en"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!row?.email_norm) return false;
  const lang = isLang(row.lang) ? row.lang : "vi";
  const { t } = createI18n(lang);
  const vars = {
    title: lang === "en" && row.title_en ? row.title_en : row.title_vi,
    code: row.code,
    full: fullCode(row.code, row.access_key),
    // The code opens the registration page of the dialogue's agency, and no other.
    link: `${base()}${agencyPath(await agencyPrefix(row.agency_id), "/dialogues/registration")}`,
  };
  return sendMail({
    to: row.email_norm,
    subject: t("codes.mail.registrationSubject", vars),
    text: t("codes.mail.registrationBody", vars),
  });
}

/** A sign-up met a registration with the same contact: tell that registration's owner, through
 * its own contact, what their full code is. Returns what happened, for tests and logs only. */
export async function sendRegistrationDetails(
  registrationId: number,
  ctx: NoticeContext,
): Promise<"queued" | "limited" | "gone"> {
  const limit = await hit(`dialogue-details:${registrationId}`, DETAILS_PER_DAY, DAY);
  if (!limit.allowed) return "limited";
  const ids = await db()
    .transaction()
    .execute(async (trx) => {
      const r = await trx
        .selectFrom("dialogue_registration")
        .select(["id", "session_id", "code", "access_key", "email_norm", "lang", "status"])
        .where("id", "=", registrationId)
        .executeTakeFirst();
      if (!r || r.status === "cancelled") return null;
      const s = await trx
        .selectFrom("dialogue_session")
        .selectAll()
        .where("id", "=", r.session_id)
        .executeTakeFirstOrThrow();
      return queueNotices(trx, s, "details", ctx, [r], { full: fullCode(r.code, r.access_key) });
    });
  if (ids === null) return "gone";
  await deliverNotices(ids);
  return "queued";
}
