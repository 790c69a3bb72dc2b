// The HTTP side of the public feedback pages: reading the multipart body within its limits and
// turning what the services answer into HTTP statuses. The services (feedback-form.server.ts,
// feedback-status.server.ts) take the fields and files read here and never see the request.
import type { FormResult, PostedForm } from "~/features/feedback/feedback-form.server";
import { receiveFeedbackForm } from "~/features/feedback/feedback-form.server";
import type { Lang } from "~/kernel/i18n/i18n";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "~/features/feedback/feedback.schema";
import { FEEDBACK_BODY_MAX } from "~/kernel/http/body-limits.server";
import { clientOf } from "~/kernel/http/request.server";
import { parseForm, type FormLimits, type ParsedForm } from "~/kernel/http/upload.server";

export const FORM_LIMITS: FormLimits = {
  maxFileBytes: MAX_ATTACHMENT_BYTES,
  maxFiles: MAX_ATTACHMENTS,
  maxFieldBytes: 64 * 1024,
  // Beyond this the body is not read at all (the server's gate refuses it first, with a 413);
  // between 10 MB and this, files are read and dropped so the typed text can come back.
  hardCapBytes: FEEDBACK_BODY_MAX,
};

/** What a service takes of a read form: the first value of each field, the files, the problems. */
export function postedForm(form: ParsedForm): PostedForm {
  return {
    fields: Object.fromEntries([...form.fields].map(([name, values]) => [name, values[0] ?? ""])),
    files: form.files,
    filesProblem: form.tooLarge ? "too_large" : form.tooMany ? "too_many" : null,
    unreadable: form.unreadable,
  };
}

/** Reads a post of either page (the form, or the status page adding information or rating). */
export async function readFeedbackPost(request: Request): Promise<PostedForm> {
  return postedForm(await parseForm(request, FORM_LIMITS));
}

/** The public form's post: read, received, and the status to answer a refusal with. */
export async function receiveFeedbackPost(
  request: Request,
  lang: Lang,
  agencyId: number,
): Promise<{ result: FormResult; status: number }> {
  const result = await receiveFeedbackForm(await readFeedbackPost(request), clientOf(request), lang, agencyId);
  return { result, status: result.ok ? 200 : result.tooLarge ? 413 : 400 };
}
