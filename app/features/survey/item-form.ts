// The Office's forms for surveys and items, as zod schemas whose messages are translation keys,
// plus the plain-text format staff type choices in ("code | Tiếng Việt | English | score | *").
import * as z from "zod";
import { vnInstant } from "~/kernel/time/clock";
import type { ItemOption, ItemType } from "../../../db/tables/survey";
import { SLUG_RE } from "./context";
import { ITEM_TYPES, MAX_MAX_LENGTH } from "./scales";

const K = "surveyStaff.errors.";
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number, error = `${K}title`) =>
  z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(max, { error: `${K}tooLong` });
const optionalText = (max: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(max, { error: `${K}tooLong` })
      .optional(),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** "code | Tiếng Việt | English | score | *" per line; a * marks a choice that offers the feedback form. */
export function parseOptionsText(textValue: string): ItemOption[] | null {
  const lines = textValue
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: ItemOption[] = [];
  for (const line of lines) {
    const [code, vi, en, score, mark, ...rest] = line.split("|").map((p) => p.trim());
    if (!code || !vi || !en || rest.length || !/^[a-z0-9_]{1,20}$/i.test(code)) return null;
    if (score && !/^-?\d{1,3}$/.test(score)) return null;
    if (mark && mark !== "*") return null;
    out.push({ code, vi, en, ...(score ? { score: Number(score) } : {}), ...(mark === "*" ? { feedback: true } : {}) });
  }
  return out;
}

export function optionsToText(options: ItemOption[] | null): string {
  return (options ?? [])
    .map((o) => [o.code, o.vi, o.en, o.score ?? "", o.feedback ? "*" : ""].join(" | ").replace(/( \| )+$/, ""))
    .join("\n");
}

const itemBaseSchema = z.object({
  code: z
    .string({ error: `${K}code` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{0,31}$/, { error: `${K}code` }),
  block: z
    .string({ error: `${K}block` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{0,19}$/, { error: `${K}block` }),
  type: z.enum(ITEM_TYPES as [ItemType, ...ItemType[]], { error: `${K}type` }),
  text_vi: text(500, `${K}text`),
  text_en: text(500, `${K}text`),
  help_vi: optionalText(500),
  help_en: optionalText(500),
  required: checkbox,
  options: z.string().default(""),
  max_length: z.preprocess(
    blank,
    z.coerce
      .number({ error: `${K}maxLength` })
      .int({ error: `${K}maxLength` })
      .min(1, { error: `${K}maxLength` })
      .max(MAX_MAX_LENGTH, { error: `${K}maxLength` })
      .optional(),
  ),
});

export interface ItemInput {
  code: string;
  block: string;
  type: ItemType;
  text_vi: string;
  text_en: string;
  help_vi: string | null;
  help_en: string | null;
  required: boolean;
  options: ItemOption[] | null;
  max_length: number | null;
}

/** The choices and length rules depend on the type; checked even when other fields are wrong,
 * so the person sees every problem at once. */
function checkTypeRules(
  type: string,
  optionsText: string,
  maxLength: string,
): { errors: Record<string, string>; options: ItemOption[] | null } {
  const errors: Record<string, string> = {};
  const choice = type === "single" || type === "multi";
  const wordy = type === "text" || type === "textarea";
  let options: ItemOption[] | null = null;
  if (optionsText.trim()) {
    options = parseOptionsText(optionsText);
    if (!options) errors.options = `${K}options`;
    else if (!choice && type !== "yesno") errors.options = `${K}optionsNotAllowed`;
    else if (
      type === "yesno" &&
      options
        .map((o) => o.code)
        .sort()
        .join() !== "0,1"
    )
      errors.options = `${K}optionsYesNo`;
    else if (choice && (options.length < 2 || new Set(options.map((o) => o.code)).size !== options.length))
      errors.options = `${K}optionsCount`;
  } else if (choice) errors.options = `${K}optionsCount`;
  if (maxLength.trim() && !wordy) errors.max_length = `${K}maxLength`;
  return { errors, options };
}

export function parseItemForm(
  values: Record<string, string>,
): { ok: true; data: ItemInput } | { ok: false; errors: Record<string, string> } {
  const base = itemBaseSchema.safeParse(values);
  const rules = checkTypeRules(
    String(values.type ?? ""),
    String(values.options ?? ""),
    String(values.max_length ?? ""),
  );
  const errors = { ...(base.success ? {} : fieldErrors(base.error)), ...rules.errors };
  if (!base.success || Object.keys(errors).length) return { ok: false, errors };
  const v = base.data;
  const wordy = v.type === "text" || v.type === "textarea";
  return {
    ok: true,
    data: {
      ...v,
      help_vi: v.help_vi ?? null,
      help_en: v.help_en ?? null,
      options: rules.options,
      max_length: wordy ? (v.max_length ?? null) : null,
    },
  };
}

export const createSurveySchema = z
  .object({
    source: z.enum(["B", "A", "copy"], { error: `${K}source` }),
    copy_of: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    slug: z
      .string({ error: `${K}slug` })
      .trim()
      .toLowerCase()
      .max(60, { error: `${K}slug` })
      .regex(SLUG_RE, { error: `${K}slug` }),
    title_vi: text(200),
    title_en: text(200),
  })
  .refine((v) => v.source !== "copy" || v.copy_of !== undefined, { path: ["copy_of"], message: `${K}copyOf` });
export type CreateSurveyInput = z.output<typeof createSurveySchema>;

const localDateTime = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: `${K}date` })
    .transform((s) => vnInstant(s.slice(0, 10), s.slice(11, 16)))
    .refine((d) => !Number.isNaN(d.getTime()), { error: `${K}date` })
    .optional(),
);

export const surveySettingsSchema = z
  .object({
    title_vi: text(200),
    title_en: text(200),
    intro_vi: z
      .string()
      .trim()
      .max(1000, { error: `${K}tooLong` })
      .default(""),
    intro_en: z
      .string()
      .trim()
      .max(1000, { error: `${K}tooLong` })
      .default(""),
    opens_at: localDateTime,
    closes_at: localDateTime,
    active: checkbox,
  })
  .refine((v) => !v.opens_at || !v.closes_at || v.closes_at > v.opens_at, {
    path: ["closes_at"],
    message: `${K}dates`,
  });
export type SurveySettingsInput = z.output<typeof surveySettingsSchema>;

/** zod issues → { field: translation key }, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = String(i.path[0] ?? "_form");
    out[k] ??= i.message;
  }
  return out;
}
