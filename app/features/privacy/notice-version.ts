// A privacy notice's version as a citizen reads it (the ids live in app/features/privacy/privacy-notices.ts);
// kept apart so a page can show it without bundling the notice texts.
/** What a citizen reads for a notice's version: its date ("27/11/2026" for "dialogue-2026-11-27"),
 * never the internal id; an id without a date is shown as it is. */
export function noticeVersionDate(version: string): string {
  const m = /(\d{4})-(\d{2})-(\d{2})$/.exec(version);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : version;
}
