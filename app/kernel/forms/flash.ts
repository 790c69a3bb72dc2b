// A success message carried in the address (?new=1, ?voted=ok) is about the step before. When the
// page now answers a new post with errors, the old "done" beside them would say the opposite of
// what just happened: it is left out.

/** The first flag set among `keys`, unless the page shows errors. */
export function shownFlash<K extends string>(
  keys: readonly K[],
  flags: Record<string, string | undefined>,
  errors: Record<string, unknown> | null | undefined,
): K | undefined {
  if (errors && Object.keys(errors).length) return undefined;
  return keys.find((k) => flags[k]);
}
