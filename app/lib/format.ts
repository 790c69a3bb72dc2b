// Dates and times as people here read them: Asia/Ho_Chi_Minh, day first (dd/mm/yyyy HH:mm) in
// both languages, so a date copied from the English page into a Vietnamese report still reads
// right. Pure: shared by server and browser, and by every feature.
import type { Lang } from "./i18n";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** Viet Nam has kept UTC+7 without daylight saving since 1975, so a local day starts at 17:00 UTC. */
const OFFSET = "+07:00";

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function vnParts(date: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: p.year, m: p.month, d: p.day, hh: p.hour, mm: p.minute };
}

function toDate(value: Date | string): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "27/11/2026 14:05" in Viet Nam time. `lang` is taken for the day a format differs; today both agree. */
export function formatDateTime(value: Date | string, _lang: Lang = "vi"): string {
  const d = toDate(value);
  if (!d) return "";
  const p = vnParts(d);
  return `${p.d}/${p.m}/${p.y} ${p.hh}:${p.mm}`;
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
  const p = vnParts(d);
  return `${p.d}/${p.m}/${p.y}`;
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in Viet Nam. */
export function vnDay(value: Date = new Date()): string {
  const p = vnParts(value);
  return `${p.y}-${p.m}-${p.d}`;
}

/** The instant a Vietnamese calendar day begins (00:00 in Asia/Ho_Chi_Minh). */
export function vnDayStart(ymd: string): Date {
  return new Date(`${ymd}T00:00:00${OFFSET}`);
}

/** The day after a "YYYY-MM-DD" day, for exclusive "up to and including" ranges. */
export function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar day. */
export function weekday(ymd: string): number {
  return new Date(`${ymd}T00:00:00Z`).getUTCDay();
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2999) return null;
  return date.toISOString().slice(0, 10);
}

/** A date typed in a form: "YYYY-MM-DD" (what <input type="date"> sends) or "dd/mm/yyyy" (what a
 * person types where the browser shows a text box). Returns "YYYY-MM-DD", or null if it is not a
 * real day. */
export function parseDateInput(input: string | null | undefined): string | null {
  const s = (input ?? "").trim();
  let m = YMD.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
