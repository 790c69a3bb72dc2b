// The sender's status page: look up by full code (short code + secret key) and phone, send the
// information asked for, rate the answer. Paced per short code, per phone and per network address
// (lookup-limit.server.ts), so nobody can try keys or phone numbers against a code; a wrong pair
// gets the same answer whether or not the code exists.
import { parseFeedbackCode } from "~/lib/citizen-code";
import { FEEDBACK_BODY_MAX } from "~/utils/body-limits.server";
import type { Lang } from "~/lib/i18n";
import { parseForm as parseFields } from "~/lib/forms";
import { addInfoSchema, checkAttachments, lookupSchema, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, rateSchema, type CheckedFile } from "~/schemas/feedback";
import { addInfoFromSender, rateFromSender, senderView, type SenderView } from "./feedback-public.server";
import { beginLookup } from "./lookup-limit.server";
import { clientIp } from "~/utils/request.server";
import { field, parseForm } from "~/utils/upload.server";

export interface StatusResult {
  status: number;
  view: SenderView | null;
  /** Translation key of a message shown above the status. */
  message: string | null;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string>>;
  values: { code: string; phone: string; info?: string; comment?: string };
}

export async function handleStatusPost(request: Request, lang: Lang): Promise<StatusResult> {
  const form = await parseForm(request, { maxFileBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS, maxFieldBytes: 64 * 1024, hardCapBytes: FEEDBACK_BODY_MAX });
  const intent = field(form, "intent") || "lookup";
  const values = { code: field(form, "code"), phone: field(form, "phone"), info: field(form, "info"), comment: field(form, "comment") };
  const out = (status: number, patch: Partial<StatusResult>): StatusResult => ({ status, view: null, message: null, errors: {}, errorParams: {}, values, ...patch });

  if (form.unreadable && !form.tooLarge) return out(400, { errors: { _form: "feedback.errors.unreadable" } });
  const who = parseFields(lookupSchema, values, "feedback.errors.invalid");
  if (!who.ok) return out(400, { errors: who.errors });
  const { code, phone } = who.data;

  // Counted before the record is read, against the short code (guessing keys for one case is
  // what it stops); a wait is minutes, never an hour-long lock.
  const gate = await beginLookup(parseFeedbackCode(code)!.code, phone, clientIp(request));
  if (!gate.ok) return out(429, { errors: { _form: "feedback.status.limited" } });
  const before = await senderView(code, phone, lang);
  if (!before) return out(404, { errors: { _form: "feedback.status.notFound" } });
  await gate.found();

  if (intent === "add_info") {
    const parsed = parseFields(addInfoSchema, { requestId: field(form, "requestId"), info: values.info }, "feedback.errors.invalid");
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const errorParams: StatusResult["errorParams"] = {};
    let files: CheckedFile[] = [];
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
    if (!parsed.ok || Object.keys(errors).length) return out(form.tooLarge ? 413 : 400, { view: before, errors, errorParams });
    const res = await addInfoFromSender(code, phone, { requestId: parsed.data.requestId, info: parsed.data.info, files });
    const view = await senderView(code, phone, lang);
    return out(res.ok ? 200 : 409, { view, message: res.ok ? "feedback.status.infoSent" : "feedback.status.stateChanged", values: { code, phone } });
  }
  if (intent === "rate") {
    const parsed = parseFields(rateSchema, { rating: field(form, "rating"), comment: values.comment }, "feedback.errors.invalid");
    if (!parsed.ok) return out(400, { view: before, errors: parsed.errors });
    const res = await rateFromSender(code, phone, parsed.data.rating, parsed.data.comment);
    const view = await senderView(code, phone, lang);
    const message = !res.ok ? "feedback.status.stateChanged" : parsed.data.rating === "unsatisfied" ? "feedback.status.reopened" : "feedback.status.rated";
    return out(res.ok ? 200 : 409, { view, message, values: { code, phone } });
  }
  return out(200, { view: before, values: { code, phone } });
}
