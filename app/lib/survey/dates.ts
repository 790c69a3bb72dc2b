// Dates as people read them here: Asia/Ho_Chi_Minh, dd/mm/yyyy in Vietnamese.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export function formatDate(d: Date, lang: "vi" | "en"): string {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
}

export function formatDateTime(d: Date, lang: "vi" | "en"): string {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}

/** "YYYY-MM-DD" of an instant in Vietnam, for <input type="date"> values. */
export function isoDay(d: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  return parts;
}

/** The instant a Vietnam-local date and time ("YYYY-MM-DD", "HH:MM") stands for. Vietnam keeps
 * UTC+7 all year (no daylight saving), so the offset is fixed. */
export function vnInstant(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** "YYYY-MM-DDTHH:MM" in Vietnam time, for <input type="datetime-local"> values. */
export function vnLocalInput(d: Date): string {
  const shifted = new Date(d.getTime() + 7 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}
