// The staff-side dialogue forms. Times are typed in Viet Nam time (datetime-local).
import * as z from "zod";
import { HIDE_REASONS } from "~/features/dialogue/dialogue-state";
import { fromVnInput, isDay } from "~/kernel/time/clock";
import { normalisePhone } from "~/features/dialogue/dialogue-code";
import type { SessionInput } from "~/features/dialogue/dialogue-session.server";
import { ALWAYS, idSchema, kindSchema, optionalText, requiredText, QUESTION_MAX } from "./dialogue.schema";

const when = (key = "dialogue.errors.dateTimeRequired") =>
  z
    .string({ error: key })
    .trim()
    .refine((v) => fromVnInput(v) !== null, { error: key })
    .transform((v) => fromVnInput(v)!);

const optionalWhen = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || fromVnInput(v) !== null, { error: "dialogue.errors.dateTimeInvalid" })
  .transform((v) => (v ? fromVnInput(v) : null));

export const dateSchema = z
  .string({ error: "dialogue.errors.dateRequired" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dialogue.errors.dateRequired" })
  .refine(isDay, { error: "dialogue.errors.dateRequired" });

export const sessionSchema = z
  .object({
    plan_number: optionalText(100),
    title_vi: requiredText(300, "dialogue.errors.titleRequired"),
    title_en: optionalText(300),
    description_vi: optionalText(5000),
    description_en: optionalText(5000),
    topics: optionalText(3000).transform((v) => [
      ...new Set(
        (v ?? "")
          .split(/\r?\n/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ]),
    // One English line for each Vietnamese topic, in the same order (the Vietnamese text stays the value
    // a question is filed under); a blank line leaves that topic in Vietnamese.
    // Not trimmed as a whole: a leading blank line keeps the first topic in Vietnamese.
    topics_en: z
      .string()
      .max(3000, { error: "dialogue.errors.tooLong" })
      .optional()
      .transform((v) => {
        const lines = (v ?? "").split(/\r?\n/).map((t) => t.trim());
        while (lines.length && !lines[lines.length - 1]) lines.pop();
        return lines;
      }),
    invited_groups: optionalText(1000),
    invited_groups_en: optionalText(1000),
    starts_at: when(),
    ends_at: when(),
    venue: optionalText(500),
    online_url: optionalText(500).refine((v) => !v || /^https:\/\/[^\s]+$/.test(v), {
      error: "dialogue.errors.urlInvalid",
    }),
    chair: requiredText(200, "dialogue.errors.chairRequired"),
    secretary: requiredText(200, "dialogue.errors.secretaryRequired"),
    capacity: z.coerce
      .number({ error: "dialogue.errors.capacityInvalid" })
      .int({ error: "dialogue.errors.capacityInvalid" })
      .min(1, { error: "dialogue.errors.capacityInvalid" })
      .max(5000, { error: "dialogue.errors.capacityInvalid" }),
    registration_opens_at: optionalWhen,
    registration_closes_at: optionalWhen,
    publish_at: optionalWhen,
  })
  .superRefine((v, ctx) => {
    if (!v.venue && !v.online_url)
      ctx.addIssue({ code: "custom", path: ["venue"], message: "dialogue.errors.placeRequired" });
    if (Array.isArray(v.topics) && (v.topics.length > 20 || v.topics.some((t) => t.length > 100)))
      ctx.addIssue({ code: "custom", path: ["topics"], message: "dialogue.errors.topicsInvalid" });
    if (
      Array.isArray(v.topics) &&
      Array.isArray(v.topics_en) &&
      (v.topics_en.length > v.topics.length || v.topics_en.some((t) => t.length > 100))
    )
      ctx.addIssue({ code: "custom", path: ["topics_en"], message: "dialogue.errors.topicsEnInvalid" });
  }, ALWAYS);

/** The form's procedure checkboxes arrive as repeated fields (the route passes every value of
 * `procedure_ids`); zod sees one string, so they are read here. */
export function procedureIds(values: readonly unknown[]): number[] {
  return values.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0);
}

export const cancelSessionSchema = z.object({ reason: requiredText(1000, "dialogue.errors.reasonRequired") });

export const onBehalfSchema = z
  .object({
    name: requiredText(100, "dialogue.errors.nameRequired"),
    phone: optionalText(30),
    email: optionalText(254),
    kind: kindSchema,
    organisation: optionalText(200),
    accessibility: optionalText(500),
    question: optionalText(QUESTION_MAX),
    channel: z.enum(["phone", "desk", "paper"], { error: "dialogue.errors.channelRequired" }),
    consent_confirmed: z.literal("on", { error: "dialogue.errors.consentConfirmRequired" }),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "dialogue.errors.contactRequired" });
    if (v.phone && !normalisePhone(v.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "dialogue.errors.phoneInvalid" });
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v.email))
      ctx.addIssue({ code: "custom", path: ["email"], message: "dialogue.errors.emailInvalid" });
    if (v.kind === "business" && !v.organisation)
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "dialogue.errors.organisationRequired" });
  }, ALWAYS);

export const approveSchema = z.object({
  id: idSchema,
  public_text: requiredText(QUESTION_MAX, "dialogue.errors.questionRequired"),
  topic: optionalText(100),
});
export const hideSchema = z
  .object({
    id: idSchema,
    reason: z.enum(HIDE_REASONS, { error: "dialogue.errors.hideReasonRequired" }),
    note: optionalText(500),
  })
  .refine((v) => v.reason !== "other" || v.note, { path: ["note"], error: "dialogue.errors.hideNoteRequired" });
export const mergeSchema = z.object({ id: idSchema, into: idSchema });
const unitId = z.coerce
  .number({ error: "dialogue.errors.unitRequired" })
  .int({ error: "dialogue.errors.unitRequired" })
  .positive({ error: "dialogue.errors.unitRequired" });
export const assignSchema = z.object({ id: idSchema, unit_id: unitId, due_date: dateSchema });
export const answerSchema = z
  .object({
    id: idSchema,
    status: z.enum(["pending", "answered"], { error: "dialogue.errors.invalid" }),
    answered_in: z.enum(["dialogue", "after"]).optional(),
    answer_text: optionalText(5000),
    answered_by: optionalText(200),
    conclusion: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.status === "answered" && !v.answer_text)
      ctx.addIssue({ code: "custom", path: ["answer_text"], message: "dialogue.errors.answerRequired" });
    if (v.status === "answered" && !v.answered_in)
      ctx.addIssue({ code: "custom", path: ["answered_in"], message: "dialogue.errors.answeredInRequired" });
  }, ALWAYS);
export const staffQuestionSchema = z.object({
  text: requiredText(QUESTION_MAX, "dialogue.errors.questionRequired"),
  topic: optionalText(100),
  channel: z.enum(["phone", "desk", "paper", "at_dialogue"], { error: "dialogue.errors.channelRequired" }),
  code: optionalText(20),
});

export const checkinCodeSchema = z.object({ code: requiredText(20, "dialogue.errors.codeRequired") });
export const walkInSchema = z
  .object({
    name: requiredText(100, "dialogue.errors.nameRequired"),
    kind: kindSchema,
    organisation: optionalText(200),
    phone: optionalText(30),
    consent_confirmed: z.literal("on", { error: "dialogue.errors.consentConfirmRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.phone && !normalisePhone(v.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "dialogue.errors.phoneInvalid" });
    if (v.kind === "business" && !v.organisation)
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "dialogue.errors.organisationRequired" });
  }, ALWAYS);

export const minutesSchema = z.object({
  opened_at: optionalWhen,
  closed_at: optionalWhen,
  officials: optionalText(3000),
  summary: optionalText(10000),
  chair_conclusion: optionalText(10000),
});
export const followupSchema = z.object({
  action: requiredText(2000, "dialogue.errors.actionRequired"),
  unit_id: unitId,
  due_date: dateSchema,
  question_id: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: "dialogue.errors.invalid" }),
});
export const followupUpdateSchema = z.object({
  id: idSchema,
  status: z.enum(["open", "in_progress", "done"], { error: "dialogue.errors.invalid" }),
  result: optionalText(2000),
});

/** The parsed session form as the model takes it. */
export function sessionInput(d: z.output<typeof sessionSchema>, procedures: number[]): SessionInput {
  return {
    planNumber: d.plan_number,
    titleVi: d.title_vi,
    titleEn: d.title_en,
    descriptionVi: d.description_vi,
    descriptionEn: d.description_en,
    topics: d.topics,
    topicsEn: d.topics_en,
    invitedGroups: d.invited_groups,
    invitedGroupsEn: d.invited_groups_en,
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    venue: d.venue,
    onlineUrl: d.online_url,
    chair: d.chair,
    secretary: d.secretary,
    capacity: d.capacity,
    opensAt: d.registration_opens_at,
    closesAt: d.registration_closes_at,
    publishAt: d.publish_at,
    procedureIds: procedures,
  };
}
