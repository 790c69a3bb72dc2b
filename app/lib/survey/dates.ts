// Vietnam-time conversions the survey's forms need beyond ~/lib/format (display and days):
// a datetime-local input's value and back. Viet Nam keeps UTC+7 all year, so the offset is fixed.

/** The instant a Vietnam-local date and time ("YYYY-MM-DD", "HH:MM") stands for. */
export function vnInstant(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time}:00+07:00`);
}

/** "YYYY-MM-DDTHH:MM" in Vietnam time, for <input type="datetime-local"> values. */
export function vnLocalInput(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}
