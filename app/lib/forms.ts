// Form parsing shared by the staff pages: FormData in, either typed data or one translation key
// per field out, plus the values to put back in the form. Pure, so it is unit-tested.
import type * as z from "zod";

/** Field name → translation key of its error. "_form" is an error about the whole form. */
export type FieldErrors = Record<string, string>;

/** Keys whose values are never sent back to the page (a password must not come back in HTML). */
const SECRET = /password|current|confirm/i;

/** The text fields of a form as typed, for refilling the form after an error. */
export function formValues(fd: FormData | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd instanceof FormData ? fd.entries() : Object.entries(fd)) {
    if (typeof v !== "string" || SECRET.test(k)) continue;
    out[k] = k in out ? `${out[k]},${v}` : v;
  }
  return out;
}

/** zod's own messages are English sentences; ours are translation keys. Anything that is not a
 * key (a schema that forgot its `error`) still gets a translated, if general, message. */
const isKey = (m: string) => /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(m);

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, input: FormData | Record<string, unknown>, fallbackKey = "staff.errors.invalid"): Parsed<z.output<S>> {
  const obj = input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === "string")) : input;
  const result = schema.safeParse(obj);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    // The first problem with a field is the one to fix first.
    errors[field] ??= isKey(issue.message) ? issue.message : fallbackKey;
  }
  return { ok: false, errors };
}
