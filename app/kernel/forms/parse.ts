// The one form parser: a form's fields as plain values in (a record, or the [name, value] entries
// a route reads from its request), either typed data or one translation key per field out.
// "_form" is the key of a problem with the whole form. Pure, so it is unit-tested; it never sees
// a Request or FormData, only values.
import type * as z from "zod";

/** Field name → translation key of its error. "_form" is an error about the whole form. */
export type FieldErrors = Record<string, string>;
/** Field name → what the person typed, to put back in the form after an error. */
export type FieldValues = Record<string, string>;

/** The key of an error about the whole form rather than one field. */
export const FORM_ERROR = "_form";

/** Keys whose values are never sent back to the page (a password must not come back in HTML). */
const SECRET = /password|current|confirm/i;

export type FormInput = Record<string, unknown> | Iterable<readonly [string, unknown]>;

const isRecord = (x: FormInput): x is Record<string, unknown> =>
  typeof (x as Iterable<unknown>)[Symbol.iterator] !== "function";

/** The text values of a form; a file (or anything not a string) is left out. A name sent twice
 * keeps its last value, as the schemas expect one. */
export function formFields(input: FormInput): Record<string, string> {
  const entries = isRecord(input) ? Object.entries(input) : [...input];
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === "string") out[k] = v;
  return out;
}

/** The text fields of a form as typed, for refilling the form after an error: secrets left out,
 * a name sent twice (checkboxes) joined with commas. */
export function formValues(input: FormInput): FieldValues {
  const entries = isRecord(input) ? Object.entries(input) : [...input];
  const out: FieldValues = {};
  for (const [k, v] of entries) {
    if (typeof v !== "string" || SECRET.test(k)) continue;
    out[k] = k in out ? `${out[k]},${v}` : v;
  }
  return out;
}

/** zod's own messages are English sentences; ours are translation keys. Anything that is not a
 * key (a schema that forgot its `error`) still gets a translated, if general, message. */
const isKey = (m: string) => /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(m);

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Checks a form against its schema. On failure: one translation key per field (the first
 * problem with a field is the one to fix first), listed in the order of the form rather than
 * the order the checks ran. To refill the form, formValues() gives the values as typed.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: FormInput,
  fallbackKey = "forms.invalid",
): Parsed<z.output<S>> {
  const result = schema.safeParse(formFields(input));
  if (result.success) return { ok: true, data: result.data };
  const found: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : FORM_ERROR;
    found[field] ??= isKey(issue.message) ? issue.message : fallbackKey;
  }
  const order = fieldOrder(schema);
  const rank = (f: string) => (f === FORM_ERROR ? -1 : order.includes(f) ? order.indexOf(f) : order.length);
  const errors = Object.fromEntries(Object.entries(found).sort(([a], [b]) => rank(a) - rank(b)));
  return { ok: false, errors };
}

/** The fields of an object schema in the order it declares them, through refinements and pipes. */
function fieldOrder(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; def?: { in?: z.ZodType; schema?: z.ZodType } };
  if (s.shape) return Object.keys(s.shape);
  const inner = s.def?.in ?? s.def?.schema;
  return inner ? fieldOrder(inner) : [];
}
