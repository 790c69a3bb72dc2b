// Input rules of the flagged-responses page (docs/rules/flags.md): the date range shown and a
// batch accepted back. Pure: the route parses, the model acts.
import { addDays, isDay } from "~/kernel/time/clock";

const validYmd = isDay;
/** A batch's reasons as the page sends them back: reason codes joined by "+". */
const REASONS = /^[a-z_]{1,20}(\+[a-z_]{1,20}){0,9}$/;

/** The range to show: the last 30 local days by default; null when a given date is not valid. */
export function parseRange(
  q: { from?: string | null; to?: string | null },
  today: string,
): { from: string; to: string } | null {
  const to = q.to || today;
  const from = q.from || addDays(isDay(to) ? to : today, -29);
  if (!validYmd(from) || !validYmd(to) || from > to) return null;
  return { from, to };
}

export type BatchInput = { day: string; reasons: string; note: string };

export function parseBatch(f: {
  day?: unknown;
  reasons?: unknown;
  note?: unknown;
}): { ok: true; data: BatchInput } | { ok: false; errors: Record<string, string> } {
  const day = typeof f.day === "string" ? f.day : "";
  const reasons = typeof f.reasons === "string" ? f.reasons : "";
  const note = typeof f.note === "string" ? f.note.trim() : "";
  const errors: Record<string, string> = {};
  if (!validYmd(day) || !REASONS.test(reasons)) errors._form = "surveyFlags.errors.batch";
  if (note.length > 500) errors.note = "surveyFlags.errors.note";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { day, reasons, note } };
}
