// The sender's status page: look up by full code (short code + secret key) and phone, send the
// information asked for, rate the answer. Paced per short code, per phone and per network address
// (lookup-limit.server.ts), so nobody can try keys or phone numbers against a code; a wrong pair
// gets the same answer whether or not the code exists.
import { parseFeedbackCode } from "~/features/citizen-codes/citizen-code";
import type { Lang } from "~/kernel/i18n/i18n";
import { parseForm as parseFields } from "~/kernel/forms/parse";
import {
  addInfoSchema,
  checkAttachments,
  lookupSchema,
  rateSchema,
  type CheckedFile,
} from "~/features/feedback/feedback.schema";
import { beginLookup } from "~/features/citizen-codes/lookup-limit.server";
import type { Client } from "~/kernel/http/client";
import type { PostedForm } from "./feedback-form.server";
import { addInfoFromSender, rateFromSender, senderView, type SenderView } from "./feedback-public.server";

/** How the post went, for the page to answer with: shown (200), a field problem (400), files
 * over the limit (413), too many look-ups (429), no such code and phone (404), or the case moved
 * on meanwhile (409). */
export type StatusOutcome = "shown" | "invalid" | "too_large" | "limited" | "not_found" | "state_changed";

export interface StatusResult {
  outcome: StatusOutcome;
  view: SenderView | null;
  /** Translation key of a message shown above the status. */
  message: string | null;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string>>;
  values: { code: string; phone: string; info?: string; comment?: string };
}

/** A post of the status page, read by the route (app/features/feedback/feedback.http.server.ts). */
/** `agencyId`: the agency of the page's path; a code of another agency is "not found". */
export async function handleStatusPost(
  form: PostedForm,
  client: Client,
  lang: Lang,
  agencyId: number,
): Promise<StatusResult> {
  const field = (name: string) => form.fields[name] ?? "";
  const tooLarge = form.filesProblem === "too_large";
  const intent = field("intent") || "lookup";
  const values = { code: field("code"), phone: field("phone"), info: field("info"), comment: field("comment") };
  const out = (outcome: StatusOutcome, patch: Partial<StatusResult>): StatusResult => ({
    outcome,
    view: null,
    message: null,
    errors: {},
    errorParams: {},
    values,
    ...patch,
  });

  if (form.unreadable && !tooLarge) return out("invalid", { errors: { _form: "feedback.errors.unreadable" } });
  const who = parseFields(lookupSchema, values, "feedback.errors.invalid");
  if (!who.ok) return out("invalid", { errors: who.errors });
  const { code, phone } = who.data;

  // Counted before the record is read, against the short code (guessing keys for one case is
  // what it stops); a wait is minutes, never an hour-long lock.
  const gate = await beginLookup(parseFeedbackCode(code)!.code, phone, client.ip, new Date(), agencyId);
  if (!gate.ok) return out("limited", { errors: { _form: "feedback.status.limited" } });
  const before = await senderView(code, phone, lang, agencyId);
  if (!before) return out("not_found", { errors: { _form: "feedback.status.notFound" } });
  await gate.found();

  if (intent === "add_info") {
    const parsed = parseFields(
      addInfoSchema,
      { requestId: field("requestId"), info: values.info },
      "feedback.errors.invalid",
    );
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const errorParams: StatusResult["errorParams"] = {};
    let files: CheckedFile[] = [];
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
    if (!parsed.ok || Object.keys(errors).length)
      return out(tooLarge ? "too_large" : "invalid", { view: before, errors, errorParams });
    const res = await addInfoFromSender(code, phone, {
      requestId: parsed.data.requestId,
      info: parsed.data.info,
      files,
      agencyId,
    });
    const view = await senderView(code, phone, lang, agencyId);
    return out(res.ok ? "shown" : "state_changed", {
      view,
      message: res.ok ? "feedback.status.infoSent" : "feedback.status.stateChanged",
      values: { code, phone },
    });
  }
  if (intent === "rate") {
    const parsed = parseFields(
      rateSchema,
      { rating: field("rating"), comment: values.comment },
      "feedback.errors.invalid",
    );
    if (!parsed.ok) return out("invalid", { view: before, errors: parsed.errors });
    const res = await rateFromSender(code, phone, parsed.data.rating, parsed.data.comment, new Date(), agencyId);
    const view = await senderView(code, phone, lang, agencyId);
    const message = !res.ok
      ? "feedback.status.stateChanged"
      : parsed.data.rating === "unsatisfied"
        ? "feedback.status.reopened"
        : "feedback.status.rated";
    return out(res.ok ? "shown" : "state_changed", { view, message, values: { code, phone } });
  }
  return out("shown", { view: before, values: { code, phone } });
}
