// One public submission from start to finish: read the form within its limits, check the fields
// and the attachments' real types, hold back floods, then store it. Every refusal is a message
// key for the page, with what the person typed, and nothing stored.
import type { Lang } from "~/lib/i18n";
import { parseForm as parseFields } from "~/lib/forms";
import { checkAttachments, feedbackFormSchema, FEEDBACK_FIELDS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/schemas/feedback";
import { mailFeedbackCode } from "./citizen-code-mail.server";
import { submitFeedback } from "./feedback-intake.server";
import { hit } from "./rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { field, parseForm, type FormLimits } from "~/utils/upload.server";
import { db } from "~/utils/db.server";
import { FEEDBACK_BODY_MAX } from "~/utils/body-limits.server";

export const FORM_LIMITS: FormLimits = {
  maxFileBytes: MAX_ATTACHMENT_BYTES,
  maxFiles: MAX_ATTACHMENTS,
  maxFieldBytes: 64 * 1024,
  // Beyond this the body is not read at all (the server's gate refuses it first, with a 413);
  // between 10 MB and this, files are read and dropped so the typed text can come back.
  hardCapBytes: FEEDBACK_BODY_MAX,
};
/** Submissions per network address per hour taken as usual; past it they are still stored and
 * answered with their code, and held for review (a whole service hall may share one address, so
 * nothing is ever refused: docs/security/limits.md). */
export const SUBMIT_LIMIT = 20;
const HOUR = 3_600_000;

export type FormFailure = {
  ok: false;
  status: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string>>;
  filesDropped: boolean;
};
export type FormResult = { ok: true; code: string; fullCode: string; duplicate: boolean } | FormFailure;

export async function receiveFeedbackForm(request: Request, lang: Lang): Promise<FormResult> {
  const form = await parseForm(request, FORM_LIMITS);
  const values: Record<string, string> = { submissionId: field(form, "submissionId") };
  for (const name of FEEDBACK_FIELDS) values[name] = field(form, name);
  const filesDropped = form.files.length > 0 || form.tooLarge;
  const fail = (status: number, errors: Record<string, string>, errorParams: FormFailure["errorParams"] = {}): FormFailure => ({ ok: false, status, values, errors, errorParams, filesDropped });

  if (form.unreadable && !form.tooLarge) return fail(400, { _form: "feedback.errors.unreadable" });
  if (field(form, "homepage").trim() !== "") return fail(400, { _form: "feedback.errors.honeypot" });

  const parsed = parseFields(feedbackFormSchema, values, "feedback.errors.invalid");
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const errorParams: FormFailure["errorParams"] = {};
  let files: Extract<ReturnType<typeof checkAttachments>, { ok: true }>["files"] = [];
  if (form.tooLarge) errors.attachments = "feedback.errors.filesTooLarge";
  else if (form.tooMany) errors.attachments = "feedback.errors.filesTooMany";
  else {
    const checked = checkAttachments(form.files);
    if (checked.ok) files = checked.files;
    else {
      errors.attachments = checked.reason;
      errorParams.attachments = { filename: checked.filename };
    }
  }
  if (!parsed.ok || Object.keys(errors).length) return fail(form.tooLarge ? 413 : 400, errors, errorParams);
  // The list only offers real procedures, but a hand-made post may name any number: without this
  // the insert's foreign key refused it with a 500 (found by the fuzz test).
  if (parsed.data.procedureId !== undefined) {
    const proc = await db().selectFrom("procedure").select("id").where("id", "=", parsed.data.procedureId).executeTakeFirst();
    if (!proc) return fail(400, { procedureId: "feedback.errors.procedureInvalid" });
  }

  const limit = await hit(`feedback-submit:${clientIp(request)}`, SUBMIT_LIMIT, HOUR);
  const { consent: _consent, ...input } = parsed.data;
  // Past the address's share it is still stored and answered with its code, held for review.
  const res = await submitFeedback({ ...input, lang, attachments: files, held: limit.allowed ? undefined : "address_burst" });
  // The full code goes to the sender's email as well as to this browser (when mail is set up).
  if (!res.duplicate && input.email) await mailFeedbackCode(res.id);
  return { ok: true, code: res.code, fullCode: res.fullCode, duplicate: res.duplicate };
}
