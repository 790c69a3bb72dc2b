// A posted form's text values as plain data, for services that must read fields whose names they
// learn only after a lookup (a survey's questions). The route reads the request
// (`readPostedFields` in utils/request.server.ts); services never see FormData.

/** Each field name with every text value sent under it, in the order sent. Files are left out. */
export type PostedFields = ReadonlyMap<string, readonly string[]>;

/** Every value of a field (none: an empty list). */
export const allOf = (fields: PostedFields, name: string): string[] => [...(fields.get(name) ?? [])];

/** The first value of a field, as `FormData.get` gave it; null when absent. */
export const firstOf = (fields: PostedFields, name: string): string | null => fields.get(name)?.[0] ?? null;

/** Plain values to PostedFields (tests, and adapters that already hold entries). */
export function postedFields(
  entries: Iterable<readonly [string, unknown]> | Record<string, string | readonly string[]>,
): PostedFields {
  const out = new Map<string, string[]>();
  const list = Symbol.iterator in entries ? (entries as Iterable<readonly [string, unknown]>) : Object.entries(entries);
  for (const [k, v] of list) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (typeof one !== "string") continue;
      const prev = out.get(k);
      if (prev) prev.push(one);
      else out.set(k, [one]);
    }
  }
  return out;
}
