// One-time codes that confirm a change through the contact on file (docs/security/citizen-codes.md):
// withdrawing consent (which erases the data) and cancelling a dialogue seat. Six digits, sent
// to the email on file only, valid 15 minutes, used once, five wrong tries and it is spent.
// Without an email on file or a configured mail server nothing can be confirmed this way, and
// the caller turns the change into a request staff settle after calling the phone on file.
import crypto from "node:crypto";
import { isLang } from "~/kernel/i18n/i18n";
import { hit } from "~/kernel/limits/rate-limit.server";
import { db } from "~/kernel/db/db.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { env } from "~/kernel/env.server";
import { createI18n } from "~/kernel/http/i18n.server";
import { sendMail } from "~/kernel/mail.server";
import { sameSecret } from "~/kernel/secret-compare.server";
import type { OtpPurpose, PrivacySubjectKind } from "../../../db/types";

export const OTP_TTL_MS = 15 * 60_000;
export const OTP_MAX_TRIES = 5;
/** Codes sent to one subject per day: its owner's inbox is not someone else's megaphone, and
 * with OTP_MAX_TRIES this caps guesses at 25 a day (docs/security/citizen-codes.md). */
export const OTP_SENDS_PER_DAY = 5;

export interface OtpSubject {
  kind: PrivacySubjectKind;
  id: number;
  /** The subject's agency, stored on its codes; the default agency when the caller has none yet. */
  agencyId?: number;
}

const hashOtp = (s: OtpSubject, purpose: OtpPurpose, code: string) =>
  crypto.createHash("sha256").update(`${s.kind}:${s.id}:${purpose}:${code}`).digest("hex");

/** The email on file and the language of the case, or null. */
async function emailOnFile(s: OtpSubject): Promise<{ email: string; lang: string; code: string } | null> {
  if (s.kind === "dialogue_registration") {
    const r = await db()
      .selectFrom("dialogue_registration")
      .select(["email_norm", "lang", "code"])
      .where("id", "=", s.id)
      .executeTakeFirst();
    return r?.email_norm ? { email: r.email_norm, lang: r.lang, code: r.code } : null;
  }
  const f = await db()
    .selectFrom("feedback as f")
    .innerJoin("feedback_contact as c", "c.feedback_id", "f.id")
    .select(["c.email", "f.lang", "f.code"])
    .where("f.id", "=", s.id)
    .executeTakeFirst();
  return f?.email ? { email: f.email, lang: f.lang, code: f.code } : null;
}

/** Sends a fresh code to the email on file (earlier unused codes for the same change stop
 * working). False when it cannot be sent: no email, no mail server, the server refused, or too
 * many sent this hour. */
export async function sendOtp(s: OtpSubject, purpose: OtpPurpose, now = new Date()): Promise<boolean> {
  if (!env().SMTP_URL) return false;
  const to = await emailOnFile(s);
  if (!to) return false;
  if (!(await hit(`otp-send:${s.kind}:${s.id}`, OTP_SENDS_PER_DAY, 24 * 3_600_000, now)).allowed) return false;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable("citizen_otp")
        .set({ used_at: now })
        .where("subject_kind", "=", s.kind)
        .where("subject_id", "=", s.id)
        .where("purpose", "=", purpose)
        .where("used_at", "is", null)
        .execute();
      await trx
        .insertInto("citizen_otp")
        .values({
          agency_id: s.agencyId ?? DEFAULT_AGENCY_ID,
          subject_kind: s.kind,
          subject_id: s.id,
          purpose,
          code_hash: hashOtp(s, purpose, code),
          expires_at: new Date(now.getTime() + OTP_TTL_MS),
        })
        .execute();
    });
  const { t } = createI18n(isLang(to.lang) ? to.lang : "vi");
  const vars = {
    otp: code,
    code: to.code,
    what: t(purpose === "withdraw" ? "codes.otp.whatWithdraw" : "codes.otp.whatCancel"),
  };
  return sendMail({ to: to.email, subject: t("codes.otp.mailSubject", vars), text: t("codes.otp.mailBody", vars) });
}

/** True once for the right code within its time; every wrong try counts, and a code is spent
 * after OTP_MAX_TRIES of them. */
export async function checkOtp(s: OtpSubject, purpose: OtpPurpose, typed: string, now = new Date()): Promise<boolean> {
  const digits = typed.replace(/\s/g, "");
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom("citizen_otp")
        .select(["id", "code_hash", "attempts", "expires_at"])
        .where("subject_kind", "=", s.kind)
        .where("subject_id", "=", s.id)
        .where("purpose", "=", purpose)
        .where("used_at", "is", null)
        .orderBy("id", "desc")
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!row || row.expires_at.getTime() <= now.getTime() || row.attempts >= OTP_MAX_TRIES) return false;
      const ok = /^\d{6}$/.test(digits) && sameSecret(row.code_hash, hashOtp(s, purpose, digits));
      await trx
        .updateTable("citizen_otp")
        .set(ok ? { used_at: now } : { attempts: row.attempts + 1 })
        .where("id", "=", row.id)
        .execute();
      return ok;
    });
}
