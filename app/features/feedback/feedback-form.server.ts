// One public submission from start to finish, once the form has been read: check the fields and
// the attachments' real types, hold back floods, then store it. Every refusal is a message key
// for the page, with what the person typed, and nothing stored. Reading the multipart body within
// its limits and choosing the HTTP status is the adapter's work (app/features/feedback/feedback.http.server.ts).
import type { Lang } from "~/kernel/i18n/i18n";
import { parseForm as parseFields } from "~/kernel/forms/parse";
import { checkAttachments, feedbackFormSchema, FEEDBACK_FIELDS } from "~/features/feedback/feedback.schema";
import { mailFeedbackCode } from "~/features/citizen-codes/citizen-code-mail.server";
import { hit } from "~/kernel/limits/rate-limit.server";
import type { Client } from "~/kernel/http/client";
import { db } from "~/kernel/db/db.server";
import { submitFeedback } from "./feedback-intake.server";

/** The agency's active procedures for the form's list, by code. */
export async function formProcedures(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("procedure")
    .select(["id", "code", "name_vi", "name_en"])
    .where("agency_id", "=", agencyId)
    .where("active", "=", true)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({ value: String(r.id), label: `${r.code} — ${lang === "en" ? r.name_en : r.name_vi}` }));
}

/** Submissions per network address per hour taken as usual; past it they are still stored and
 * answered with their code, and held for review (a whole service hall may share one address, so
 * nothing is ever refused: docs/security/limits.md). */
export const SUBMIT_LIMIT = 20;
const HOUR = 3_600_000;

/** A posted form as read: its text fields (first value of each), the files kept, and what the
 * reading found wrong with the files or the body. */
export interface PostedForm {
  fields: Record<string, string>;
  files: { filename: string; bytes: Uint8Array }[];
  /** The files together were over the limit (all dropped), or there were too many. */
  filesProblem: "too_large" | "too_many" | null;
  /** The body could not be read as a form at all. */
  unreadable: boolean;
}

export type FormFailure = {
  ok: false;
  /** The files were over the size limit (the page answers 413 rather than 400). */
  tooLarge: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string>>;
  filesDropped: boolean;
};
export type FormResult = { ok: true; code: string; fullCode: string; duplicate: boolean } | FormFailure;

/** `agencyId`: the agency the form was sent to (the page's path). */
export async function receiveFeedbackForm(
  form: PostedForm,
  client: Client,
  lang: Lang,
  agencyId: number,
): Promise<FormResult> {
  const field = (name: string) => form.fields[name] ?? "";
  const values: Record<string, string> = { submissionId: field("submissionId") };
  for (const name of FEEDBACK_FIELDS) values[name] = field(name);
  const tooLarge = form.filesProblem === "too_large";
  const filesDropped = form.files.length > 0 || tooLarge;
  const fail = (errors: Record<string, string>, errorParams: FormFailure["errorParams"] = {}): FormFailure => ({
    ok: false,
    tooLarge,
    values,
    errors,
    errorParams,
    filesDropped,
  });

  if (form.unreadable && !tooLarge) return fail({ _form: "feedback.errors.unreadable" });
  if (field("homepage").trim() !== "") return fail({ _form: "feedback.errors.honeypot" });

  const parsed = parseFields(feedbackFormSchema, values, "feedback.errors.invalid");
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const errorParams: FormFailure["errorParams"] = {};
  let files: Extract<ReturnType<typeof checkAttachments>, { ok: true }>["files"] = [];
  if (tooLarge) errors.attachments = "feedback.errors.filesTooLarge";
  else if (form.filesProblem === "too_many") errors.attachments = "feedback.errors.filesTooMany";
  else {
    const checked = checkAttachments(form.files);
    if (checked.ok) files = checked.files;
    else {
      errors.attachments = checked.reason;
      errorParams.attachments = { filename: checked.filename };
    }
  }
  if (!parsed.ok || Object.keys(errors).length) return fail(errors, errorParams);
  // The list only offers real procedures, but a hand-made post may name any number: without this
  // the insert's foreign key refused it with a 500 (found by the fuzz test).
  if (parsed.data.procedureId !== undefined) {
    const proc = await db()
      .selectFrom("procedure")
      .select("id")
      .where("agency_id", "=", agencyId)
      .where("id", "=", parsed.data.procedureId)
      .executeTakeFirst();
    if (!proc) return fail({ procedureId: "feedback.errors.procedureInvalid" });
  }

  const limit = await hit(`feedback-submit:${client.ip}`, SUBMIT_LIMIT, HOUR);
  const { consent: _consent, ...input } = parsed.data;
  // Past the address's share it is still stored and answered with its code, held for review.
  const res = await submitFeedback({
    ...input,
    agencyId,
    lang,
    attachments: files,
    held: limit.allowed ? undefined : "address_burst",
  });
  // The full code goes to the sender's email as well as to this browser (when mail is set up).
  if (!res.duplicate && input.email) await mailFeedbackCode(res.id);
  return { ok: true, code: res.code, fullCode: res.fullCode, duplicate: res.duplicate };
}
