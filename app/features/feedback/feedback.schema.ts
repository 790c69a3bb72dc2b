// The citizen-facing feedback forms. Messages are translation keys, rendered in the reader's language.
import * as z from "zod";
import { sniffFile, type FileKind } from "~/kernel/http/file-type";
import { fullCode, parseFeedbackCode } from "~/features/citizen-codes/citizen-code";
import { isValidPhone, normalisePhone } from "~/features/feedback/feedback-code";
import { FEEDBACK_KINDS } from "~/features/feedback/feedback-workflow";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_KINDS: readonly FileKind[] = ["pdf", "doc", "docx", "xls", "xlsx", "jpg", "png"];
export const ATTACHMENT_ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png";

const E = (key: string) => ({ error: `feedback.errors.${key}` });

/** An optional text: blank becomes undefined. */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, E("tooLong")).optional(),
  );

const phone = z
  .string(E("phoneRequired"))
  .trim()
  .min(1, E("phoneRequired"))
  .refine((v) => isValidPhone(normalisePhone(v)), E("phoneInvalid"));

export const feedbackFormSchema = z.object({
  submissionId: z.uuid(E("formExpired")),
  kind: z.enum(FEEDBACK_KINDS, E("kindRequired")),
  name: z.string(E("nameRequired")).trim().min(2, E("nameRequired")).max(200, E("tooLong")),
  address: z.string(E("addressRequired")).trim().min(5, E("addressRequired")).max(500, E("tooLong")),
  phone: phone.pipe(z.string().max(40, E("tooLong"))),
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.email(E("emailInvalid")).max(200, E("tooLong")).optional(),
  ),
  organisation: optionalText(300),
  procedureId: z.preprocess(
    (v) => (v === "" || v == null ? undefined : Number(v)),
    z.number(E("procedureInvalid")).int(E("procedureInvalid")).positive(E("procedureInvalid")).optional(),
  ),
  dossierCode: optionalText(100),
  title: optionalText(300),
  content: z.string(E("contentRequired")).trim().min(20, E("contentTooShort")).max(10000, E("contentTooLong")),
  consent: z.literal("yes", E("consentRequired")),
});
export type FeedbackForm = z.infer<typeof feedbackFormSchema>;
export const FEEDBACK_FIELDS = [
  "kind",
  "name",
  "address",
  "phone",
  "email",
  "organisation",
  "procedureId",
  "dossierCode",
  "title",
  "content",
  "consent",
] as const;

export const lookupSchema = z.object({
  // The full code (short code + secret key), in canonical form. The short code alone gets its
  // own message: it is what staff read out, not what opens the case.
  code: z.string(E("codeInvalid")).transform((v, ctx) => {
    const c = parseFeedbackCode(v);
    if (!c) ctx.addIssue({ code: "custom", message: "feedback.errors.codeInvalid" });
    else if (!c.key) ctx.addIssue({ code: "custom", message: "codes.errors.feedbackNeedsKey" });
    return c?.key ? fullCode(c.code, c.key) : "";
  }),
  phone,
});

export const addInfoSchema = z.object({
  requestId: z.uuid(E("formExpired")),
  info: z.string(E("infoRequired")).trim().min(5, E("infoRequired")).max(10000, E("contentTooLong")),
});

export const rateSchema = z.object({
  rating: z.enum(["satisfied", "unsatisfied"], E("ratingRequired")),
  comment: optionalText(2000),
});

export interface CheckedFile {
  filename: string;
  bytes: Uint8Array;
  kind: FileKind;
  mime: string;
}

/** Each attachment's type decided by its content; the first refused file's name and why. */
export function checkAttachments(
  files: { filename: string; bytes: Uint8Array }[],
): { ok: true; files: CheckedFile[] } | { ok: false; filename: string; reason: string } {
  const out: CheckedFile[] = [];
  for (const f of files) {
    const res = sniffFile(f.bytes, f.filename, ATTACHMENT_KINDS);
    if (!res.ok) return { ok: false, filename: f.filename, reason: `feedback.errors.file_${res.reason}` };
    out.push({ filename: cleanFilename(f.filename), bytes: f.bytes, kind: res.kind, mime: res.mime });
  }
  return { ok: true, files: out };
}

/** A safe name to store and offer back: no path, no control characters, not too long. */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "file";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_").trim();
  return (cleaned || "file").slice(-150);
}
