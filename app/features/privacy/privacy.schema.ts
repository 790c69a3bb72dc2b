// The privacy request forms, checked on the server. Messages are translation keys under privacy.
import * as z from "zod";
import { parseFeedbackCode, parseRegistrationCode } from "~/features/citizen-codes/citizen-code";
import { normaliseContact, normaliseEmail, normalisePhone } from "~/features/dialogue/dialogue-code";

/** key: the secret half of the full code; null when only the short code was typed. */
export type SubjectCode =
  | { kind: "feedback"; code: string; key: string | null }
  | { kind: "dialogue_registration"; code: string; key: string | null };

/** A feedback tracking code (PAKN.YYYYMMDD.NNNN) or a dialogue registration code (6 letters),
 * each with or without its secret key (docs/security/citizen-codes.md). */
export function parseSubjectCode(input: string): SubjectCode | null {
  const fb = parseFeedbackCode(input);
  if (fb) return { kind: "feedback", ...fb };
  const reg = parseRegistrationCode(input);
  return reg ? { kind: "dialogue_registration", ...reg } : null;
}

export const lookupSchema = z.object({
  code: z
    .string({ error: "privacy.errors.codeRequired" })
    .trim()
    .min(1, { error: "privacy.errors.codeRequired" })
    .max(40, { error: "privacy.errors.codeInvalid" })
    .refine((v) => parseSubjectCode(v) !== null, { error: "privacy.errors.codeInvalid" })
    // The short code is what staff read out; it opens nothing by itself.
    .refine((v) => parseSubjectCode(v)?.key !== null, { error: "codes.errors.needsKey" })
    .transform((v) => parseSubjectCode(v)!),
  contact: z
    .string({ error: "privacy.errors.contactRequired" })
    .trim()
    .min(1, { error: "privacy.errors.contactRequired" })
    .max(254, { error: "privacy.errors.contactInvalid" })
    .refine((v) => normaliseContact(v) !== null, { error: "privacy.errors.contactInvalid" })
    .transform((v) => normaliseContact(v)!),
});

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "privacy.errors.tooLong" })
    .optional()
    .transform((v) => v ?? "");

/** The corrections form: every field as the person wants it. What must be filled in depends on
 * the kind of case (checked in superRefine, so all problems show at once). */
export function correctionSchema(kind: SubjectCode["kind"]) {
  return z
    .object({
      name: text(100),
      phone: text(30),
      email: text(254),
      address: text(300),
      organisation: text(200),
    })
    .superRefine((v, ctx) => {
      if (v.name.length < 2) ctx.addIssue({ code: "custom", path: ["name"], message: "privacy.errors.nameRequired" });
      if (v.phone && !normalisePhone(v.phone))
        ctx.addIssue({ code: "custom", path: ["phone"], message: "privacy.errors.phoneInvalid" });
      if (v.email && !normaliseEmail(v.email))
        ctx.addIssue({ code: "custom", path: ["email"], message: "privacy.errors.emailInvalid" });
      if (kind === "feedback") {
        // NĐ 20/2008 Art. 7: a feedback needs the sender's address and phone.
        if (!v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "privacy.errors.phoneRequired" });
        if (!v.address) ctx.addIssue({ code: "custom", path: ["address"], message: "privacy.errors.addressRequired" });
      } else if (!v.phone && !v.email) {
        ctx.addIssue({ code: "custom", path: ["phone"], message: "privacy.errors.phoneOrEmail" });
      }
    });
}
export type Correction = z.output<ReturnType<typeof correctionSchema>>;

export const confirmSchema = z.object({ confirm: z.literal("yes", { error: "privacy.errors.confirmRequired" }) });

export const refuseSchema = z.object({
  reason: z
    .string({ error: "privacy.errors.reasonRequired" })
    .trim()
    .min(5, { error: "privacy.errors.reasonRequired" })
    .max(1000, { error: "privacy.errors.tooLong" }),
});

export const submissionSchema = z.uuid({ error: "privacy.errors.formExpired" });
