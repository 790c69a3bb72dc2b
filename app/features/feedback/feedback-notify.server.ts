// Telling the sender that the answer is published: by email when SMTP is configured and the
// sender gave an address; otherwise the case stays on the staff's call list ("to notify").
import { isLang } from "~/kernel/i18n/i18n";
import { env } from "~/kernel/env.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { sendMail } from "~/kernel/mail.server";
import { db } from "~/kernel/db/db.server";

export async function notifySender(id: number): Promise<"emailed" | "to_notify"> {
  const row = await db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", "c.feedback_id", "f.id")
    .select(["f.code", "f.lang", "f.answer_published", "c.email"])
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row?.email) return "to_notify";
  const { t } = createI18n(isLang(row.lang) ? row.lang : "vi");
  const base = env().PUBLIC_URL?.replace(/\/$/, "") ?? "";
  const link = `${base}/feedback/status?code=${encodeURIComponent(row.code)}`;
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
        .where("id", "=", id)
        .where("notify_status", "=", "to_notify")
        .execute();
      await trx
        .insertInto("feedback_event")
        .values({
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
