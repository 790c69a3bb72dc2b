// The citizen-side dialogue forms, checked on the server. Messages are translation keys.
import * as z from "zod";
import { parseRegistrationCode } from "~/features/citizen-codes/citizen-code";
import { normaliseContact, normaliseEmail, normalisePhone } from "~/features/dialogue/dialogue-code";

/** Empty boxes arrive as "": treat them as not filled in. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "dialogue.errors.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

export const requiredText = (max: number, key = "dialogue.errors.required") =>
  z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: "dialogue.errors.tooLong" });

/** Cross-field checks run even when a field failed, so the person sees every problem at once. */
export const ALWAYS = { when: () => true };

const ticked = (key: string) => z.literal("on", { error: key });

export const kindSchema = z.enum(["citizen", "business"], { error: "dialogue.errors.kindRequired" });

export const QUESTION_MAX = 2000;

export const signUpSchema = z
  .object({
    name: z
      .string({ error: "dialogue.errors.nameRequired" })
      .trim()
      .min(2, { error: "dialogue.errors.nameRequired" })
      .max(100, { error: "dialogue.errors.tooLong" }),
    phone: optionalText(30),
    email: optionalText(254),
    kind: kindSchema,
    organisation: optionalText(200),
    accessibility: optionalText(500),
    question: optionalText(QUESTION_MAX),
    topic: optionalText(100),
    adult: ticked("dialogue.errors.adultRequired"),
    consent: ticked("dialogue.errors.consentRequired"),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "dialogue.errors.contactRequired" });
    if (v.phone && !normalisePhone(v.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "dialogue.errors.phoneInvalid" });
    if (v.email && !normaliseEmail(v.email))
      ctx.addIssue({ code: "custom", path: ["email"], message: "dialogue.errors.emailInvalid" });
    if (v.kind === "business" && !v.organisation)
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "dialogue.errors.organisationRequired" });
  }, ALWAYS)
  .transform((v) => ({
    ...v,
    phoneNorm: v.phone ? normalisePhone(v.phone) : null,
    emailNorm: v.email ? normaliseEmail(v.email) : null,
  }));

export const lookupSchema = z.object({
  code: z
    .string({ error: "dialogue.errors.codeRequired" })
    .trim()
    .min(1, { error: "dialogue.errors.codeRequired" })
    .max(40, { error: "dialogue.errors.codeInvalid" })
    .refine((v) => parseRegistrationCode(v) !== null, { error: "dialogue.errors.codeInvalid" })
    // The six-letter door code alone opens nothing (docs/security/citizen-codes.md).
    .refine((v) => parseRegistrationCode(v)?.key !== null, { error: "codes.errors.needsKey" })
    .transform((v) => parseRegistrationCode(v) as { code: string; key: string }),
  contact: z
    .string({ error: "dialogue.errors.contactRequired" })
    .trim()
    .min(1, { error: "dialogue.errors.contactRequired" })
    .max(254, { error: "dialogue.errors.tooLong" })
    .refine((v) => normaliseContact(v) !== null, { error: "dialogue.errors.contactInvalid" })
    .transform((v) => normaliseContact(v)!),
});

export const askSchema = z.object({
  question: requiredText(QUESTION_MAX, "dialogue.errors.questionRequired"),
  topic: optionalText(100),
});

export const cancelSchema = z.object({ confirm: ticked("dialogue.errors.confirmCancel") });

export const idSchema = z.coerce
  .number({ error: "dialogue.errors.invalid" })
  .int()
  .positive({ error: "dialogue.errors.invalid" });
