// Telling the sender that the answer is published: by email when SMTP is configured and the
// sender gave an address; otherwise the case stays on the staff's call list ("to notify").
import { isLang } from "~/kernel/i18n/i18n";
import { env } from "~/kernel/env.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { sendMail } from "~/kernel/mail.server";
import { db } from "~/kernel/db/db.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";

export async function notifySender(agencyId: number, id: number): Promise<"emailed" | "to_notify"> {
  const row = await db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", (j) =>
      j.onRef("c.agency_id", "=", "f.agency_id").onRef("c.feedback_id", "=", "f.id"),
    )
    .select(["f.code", "f.lang", "f.answer_published", "c.email"])
    .where("f.agency_id", "=", agencyId)
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row?.email) return "to_notify";
  const { t } = createI18n(isLang(row.lang) ? row.lang : "vi");
  const base = env().PUBLIC_URL?.replace(/\/$/, "") ?? "";
  // The status page of the agency the case was sent to: its codes are looked up there only.
  const path = agencyPath(await agencyPrefix(agencyId), "/feedback/status");
  const link = `${base}${path}?code=${encodeURIComponent(row.code)}`;
  const sent = await sendMail({
    to: row.email,
    subject: t("feedback.mail.subject", { code: row.code }),
    text: t("feedback.mail.body", { code: row.code, answer: row.answer_published ?? "", link }),
  });
  if (!sent) return "to_notify";
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("feedback")
        .set({ notify_status: "emailed" })
        .where("agency_id", "=", agencyId)
        .where("id", "=", id)
        .where("notify_status", "=", "to_notify")
        .execute();
      await trx
        .insertInto("feedback_event")
        .values({
          agency_id: agencyId,
          feedback_id: id,
          action: "notify",
          from_status: "published",
          to_status: "published",
          details: JSON.stringify({ channel: "email" }),
        })
        .execute();
    });
  return "emailed";
}
