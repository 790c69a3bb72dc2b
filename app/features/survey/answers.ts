// Form data → answers, checked by a zod schema built from the version's items. Used for the
// public form (radio buttons, checkboxes, text) and, with other input rules, for paper entry.
// Error messages are translation keys; the page translates them in the reader's language.
import * as z from "zod";
import { fieldName, type AnswerValue, type FormItem } from "./items";
import { isScale, maxLengthOf, SCALES } from "./scales";

/** What a form submitted for one field: every value under that name (checkboxes repeat). */
export type FieldReader = (name: string) => string[];

export const E = {
  chooseOne: "survey.errors.chooseOne",
  chooseAtLeastOne: "survey.errors.chooseAtLeastOne",
  enterText: "survey.errors.enterText",
  tooLong: "survey.errors.tooLong",
  paperDigit: "survey.errors.paperDigit",
} as const;

/** Field values as typed, to put back into the form after an error. */
export type FormValues = Record<string, string | string[]>;

export type ParseResult =
  | { ok: true; answers: AnswerValue[]; values: FormValues }
  | { ok: false; errors: Record<string, string>; values: FormValues };

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function codeEnum(codes: string[], error: string) {
  return z.enum(codes as [string, ...string[]], { error });
}

function itemSchema(item: FormItem, enforceRequired: boolean): z.ZodType {
  const required = enforceRequired && item.required;
  if (isScale(item.type)) {
    const s = codeEnum(SCALES[item.type].map(String), E.chooseOne);
    return z.preprocess(blankToUndefined, required ? s : s.optional());
  }
  if (item.type === "single") {
    const s = codeEnum(
      (item.options ?? []).map((o) => o.code),
      E.chooseOne,
    );
    return z.preprocess(blankToUndefined, required ? s : s.optional());
  }
  if (item.type === "multi") {
    const codes = (item.options ?? []).map((o) => o.code);
    return z.array(codeEnum(codes, E.chooseOne)).min(required ? 1 : 0, { error: E.chooseAtLeastOne });
  }
  const max = maxLengthOf(item);
  const s = z.string().trim().min(1, { error: E.enterText }).max(max, { error: E.tooLong });
  return z.preprocess(blankToUndefined, required ? z.string({ error: E.enterText }).pipe(s) : s.optional());
}

type AnswersSchema = z.ZodObject<Record<string, z.ZodType>>;

// Built schemas by what they check. Building one (and zod compiling it on its first parse) took
// ~2 ms of every submission; a form's items rarely change, so the same few schemas serve all.
const schemas = new Map<string, AnswersSchema>();
const MAX_SCHEMAS = 100;

/** The zod schema for a whole form: one key per item code. */
export function buildAnswersSchema(items: FormItem[], opts: { enforceRequired?: boolean } = {}): AnswersSchema {
  const enforce = opts.enforceRequired ?? true;
  const key = JSON.stringify([enforce, items.map((i) => [i.code, i.type, i.required, i.options, i.maxLength])]);
  let schema = schemas.get(key);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    for (const item of items) shape[item.code] = itemSchema(item, enforce);
    schema = z.object(shape);
    if (schemas.size >= MAX_SCHEMAS) schemas.clear();
    schemas.set(key, schema);
  }
  return schema;
}

function toAnswer(item: FormItem, raw: unknown): AnswerValue | null {
  if (raw === undefined) return null;
  const base = { itemId: item.id, value: null, text: null, choices: null };
  if (isScale(item.type)) return { ...base, value: Number(raw) };
  if (item.type === "single") {
    const opt = item.options?.find((o) => o.code === raw);
    return { ...base, choices: [String(raw)], value: opt?.score ?? null };
  }
  if (item.type === "multi") {
    const list = [...new Set(raw as string[])];
    return list.length ? { ...base, choices: list } : null;
  }
  return { ...base, text: String(raw) };
}

function readValues(items: FormItem[], read: FieldReader): FormValues {
  const values: FormValues = {};
  for (const item of items) {
    const all = read(fieldName(item.code));
    values[item.code] = item.type === "multi" ? all : (all[0] ?? "");
  }
  return values;
}

function collect(
  items: FormItem[],
  schema: ReturnType<typeof buildAnswersSchema>,
  input: FormValues,
  values: FormValues,
): ParseResult {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const code = String(issue.path[0] ?? "");
      if (code && !errors[code]) errors[code] = issue.message;
    }
    return { ok: false, errors, values };
  }
  const data = result.data as Record<string, unknown>;
  const answers = items.map((item) => toAnswer(item, data[item.code])).filter((a): a is AnswerValue => a !== null);
  return { ok: true, answers, values };
}

/** The public form: radio buttons post codes, checkboxes post several codes, text is text. */
export function parseAnswers(items: FormItem[], read: FieldReader): ParseResult {
  const values = readValues(items, read);
  return collect(items, buildAnswersSchema(items), values, values);
}

/**
 * Paper entry: one text box per item, typed with the keyboard. Scales take the digit printed on
 * the paper form (L5: 1–5, 0 = no opinion); choices take the option's number (1, 2, …), several
 * digits for a multiple choice ("13"); yes/no takes 1 or 0. A blank box is an unanswered
 * question: a paper form may skip a required question, and we record what is on the paper.
 */
export function parsePaperAnswers(items: FormItem[], read: FieldReader): ParseResult {
  const values = readValues(items, (name) => read(name).slice(0, 1));
  const input: FormValues = {};
  const errors: Record<string, string> = {};
  for (const item of items) {
    const typed = String(values[item.code] ?? "").trim();
    if (item.type === "single" || item.type === "multi") {
      const opts = item.options ?? [];
      const digits = typed
        .replace(/[\s,;]/g, "")
        .split("")
        .filter(Boolean);
      const picked = digits.map((d) => opts[Number(d) - 1]?.code);
      if (picked.some((c) => c === undefined) || (item.type === "single" && digits.length > 1))
        errors[item.code] = E.paperDigit;
      else input[item.code] = item.type === "multi" ? (picked as string[]) : (picked[0] ?? "");
    } else {
      input[item.code] = typed;
    }
  }
  const parsed = collect(items, buildAnswersSchema(items, { enforceRequired: false }), input, values);
  if (parsed.ok && !Object.keys(errors).length) return parsed;
  // A scale digit out of range reads better as "type a number from the paper" than "choose one".
  const all = { ...(parsed.ok ? {} : parsed.errors), ...errors };
  for (const [code, key] of Object.entries(all)) if (key === E.chooseOne) all[code] = E.paperDigit;
  return { ok: false, errors: all, values };
}
