// Calendar dates and times as people in Vietnam read them: the day in Asia/Ho_Chi_Minh (UTC+7,
// no daylight saving), shown dd/mm/yyyy. Pure and safe to import in the browser.
import type { Lang } from "./i18n";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const ymdFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const hmFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hour12: false });

/** The calendar date ("YYYY-MM-DD") in Ho Chi Minh City at the instant `d`. */
export function hcmDate(d: Date): string {
  return ymdFormat.format(d);
}

function toYmd(value: Date | string): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return hcmDate(new Date(value));
}

/** dd/mm/yyyy in both languages: the form Vietnamese readers expect, and unambiguous in English. */
export function formatDate(value: Date | string | null | undefined, _lang: Lang = "vi"): string {
  if (value == null || value === "") return "";
  const [y, m, d] = toYmd(value).split("-");
  return `${d}/${m}/${y}`;
}

export function formatDateTime(value: Date | string | null | undefined, lang: Lang = "vi"): string {
  if (value == null || value === "") return "";
  const d = new Date(value);
  return `${hmFormat.format(d)} ${formatDate(d, lang)}`;
}
