// The one clock: Viet Nam time (Asia/Ho_Chi_Minh) for every feature — an instant's local day and
// back, today, weekdays, the bounds of a local day or window as instants, the year, and dates as
// people here read them (dd/mm/yyyy HH:mm in both languages, so a date copied from the English
// page into a Vietnamese report still reads right). Pure: shared by server, browser, seed and tests.
//
// Viet Nam has kept UTC+7 without daylight saving since 1975, so a local day starts at 17:00 UTC
// the day before and every conversion is one fixed offset — no Intl time-zone data needed, and the
// same answer in every browser. Local days travel as "YYYY-MM-DD" strings, never Date objects,
// so no machine's own time zone can shift them. SQL does the same with `at time zone
// 'Asia/Ho_Chi_Minh'` (TIME_ZONE).
import type { Lang } from "~/kernel/i18n/i18n";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

function local(date: Date) {
  const d = new Date(date.getTime() + OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    hh: d.getUTCHours(),
    mm: d.getUTCMinutes(),
  };
}

function toDate(value: Date | string): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A real calendar day, or null: 31/02 does not roll over into March. Years 1900–2999. */
function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Whether a string is a real "YYYY-MM-DD" day. */
export function isDay(ymd: string): boolean {
  const m = YMD.exec(ymd);
  return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3])) === ymd;
}

function assertDay(ymd: string): void {
  if (!isDay(ymd)) throw new RangeError(`not a date: ${ymd}`);
}

// ---- instant ↔ local day ----

/** The local day ("YYYY-MM-DD") an instant falls on in Viet Nam. */
export function vnDay(at: Date = new Date()): string {
  const p = local(at);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Today in Viet Nam. */
export const today = (now: Date = new Date()): string => vnDay(now);

/** The instant a local day begins (00:00 in Viet Nam: 17:00 UTC the day before). */
export function vnDayStart(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) - OFFSET_MS);
}

/** The instant a local day ends, exclusive: the start of the next day. */
export function vnDayEnd(ymd: string): Date {
  return new Date(vnDayStart(ymd).getTime() + DAY_MS);
}

/** The half-open instant range [from, to) covering the local days start..end, both included. */
export function vnDayRange(start: string, end: string): { from: Date; to: Date } {
  return { from: vnDayStart(start), to: vnDayEnd(end) };
}

/** The instant a local day and time ("YYYY-MM-DD", "HH:MM") stands for. */
export function vnInstant(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** The local year of an instant. */
export function vnYear(value: Date | string = new Date()): number {
  return local(toDate(value) ?? new Date(NaN)).y;
}

/** [start, end) of a calendar year in Viet Nam time. */
export function vnYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
}

// ---- calendar days ----

/** The day `n` days after (or before, when negative) a day. */
export function addDays(ymd: string, n: number): string {
  assertDay(ymd);
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The day after, for exclusive "up to and including" ranges. */
export const nextDay = (ymd: string): string => addDays(ymd, 1);

/** Days from a to b, both counted (a = b is 1 day). */
export function daysInclusive(a: string, b: string): number {
  assertDay(a);
  assertDay(b);
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS) + 1;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(ymd: string): number {
  assertDay(ymd);
  return new Date(`${ymd}T00:00:00Z`).getUTCDay();
}

/** Whether start..end are both real days with start ≤ end. */
export function isDayRange(start: string, end: string): boolean {
  return isDay(start) && isDay(end) && start <= end;
}

// ---- showing and reading ----

/** "27/11/2026 14:05" in Viet Nam time. `lang` is taken for the day a format differs; today both agree. */
export function formatDateTime(value: Date | string, _lang: Lang = "vi"): string {
  const d = toDate(value);
  if (!d) return "";
  const p = local(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}`;
}

/** "27/11/2026". A "YYYY-MM-DD" string (a `date` column) is a calendar day and is not shifted;
 * an instant is shown as the day it was in Viet Nam. */
export function formatDate(value: Date | string, _lang: Lang = "vi"): string {
  if (typeof value === "string") {
    const m = YMD.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = toDate(value);
  if (!d) return "";
  const p = local(d);
  return `${pad(p.d)}/${pad(p.m)}/${p.y}`;
}

/** "14:05", the local time of day. */
export function formatTime(value: Date | string): string {
  const d = toDate(value);
  if (!d) return "";
  const p = local(d);
  return `${pad(p.hh)}:${pad(p.mm)}`;
}

/** A date typed in a form: "YYYY-MM-DD" (what <input type="date"> sends) or "dd/mm/yyyy" (what a
 * person types where the browser shows a text box; "." and "-" also separate). Returns
 * "YYYY-MM-DD", or null if it is not a real day. */
export function parseDateInput(input: string | null | undefined): string | null {
  const s = (input ?? "").trim();
  let m = YMD.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** The value of an <input type="datetime-local"> showing this instant in Viet Nam time. */
export function toVnInput(value: Date | string | null | undefined): string {
  const d = value ? toDate(value) : null;
  if (!d) return "";
  const p = local(d);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mm)}`;
}

/** "2026-12-05T08:30" (datetime-local) or "05/12/2026 08:30" (typed) in Viet Nam time → instant;
 * null for a day or time that does not exist. Years 2000–2999. */
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
  if (y < 2000 || hh > 23 || mm > 59 || !validDay(y, mo, d)) return null;
  return new Date(Date.UTC(y, mo - 1, d, hh, mm) - OFFSET_MS);
}
