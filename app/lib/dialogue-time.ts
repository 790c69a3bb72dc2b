// Times typed into and shown by the dialogue pages, in Viet Nam time (UTC+7 all year since 1975,
// no daylight saving to get wrong): what ~/lib/format does not have — the time of day, the
// datetime-local box both ways, and a calendar year's bounds. Pure.
const OFFSET_MS = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, "0");

function vnFields(date: Date) {
  const d = new Date(date.getTime() + OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes() };
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatVnTime(value: Date | string): string {
  const f = vnFields(asDate(value));
  return `${pad(f.hh)}:${pad(f.mm)}`;
}

/** The value of an <input type="datetime-local"> showing this instant in Viet Nam time. */
export function toVnInput(value: Date | string | null | undefined): string {
  if (!value) return "";
  const f = vnFields(asDate(value));
  return `${f.y}-${pad(f.m)}-${pad(f.d)}T${pad(f.hh)}:${pad(f.mm)}`;
}

/** "2026-12-05T08:30" (datetime-local) or "05/12/2026 08:30" (typed) in Viet Nam time → instant. */
export function fromVnInput(input: string | null | undefined): Date | null {
  const s = (input ?? "").trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/.exec(s);
  let parts: number[] | null = m ? [m[1], m[2], m[3], m[4], m[5]].map(Number) : null;
  if (!parts) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(s);
    if (m) parts = [m[3], m[2], m[1], m[4], m[5]].map(Number);
  }
  if (!parts) return null;
  const [y, mo, d, hh, mm] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || y < 2000 || y > 2999) return null;
  const utc = Date.UTC(y, mo - 1, d, hh, mm) - OFFSET_MS;
  const date = new Date(utc);
  // 31/02 rolls over into March: refuse it rather than guess.
  if (vnFields(date).d !== d) return null;
  return date;
}

/** [start, end) of a calendar year in Viet Nam time. */
export function vnYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
}

export function vnYear(value: Date | string = new Date()): number {
  return vnFields(asDate(value)).y;
}
