// iCalendar (RFC 5545) files for a dialogue session. Pure: the same input gives the same bytes.
// The usual ways calendar files go wrong, and what this does about each:
// - times off by an hour: every time is UTC with a trailing Z, no floating times, no VTIMEZONE;
// - no way back: URL and the description carry the session page's address;
// - changes that never reach the calendar: one stable UID per session, a SEQUENCE bumped on
//   every change, STATUS:CANCELLED when the session is cancelled.
export interface IcsEvent {
  /** Stable for the life of the session, e.g. "dialogue-12@hailong.example.gov.vn". */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  /** When this version of the event was made (the session's last change). */
  stamp: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
}

const utf8 = new TextEncoder();

export const ICS_PRODID = "-//Hai Long//Dialogue//VI";

/** 20261205T013000Z */
export function icsUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon and comma are escaped; every line break becomes \n; other
 * control characters (pasted from office documents) are not allowed in TEXT and are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");
}

/** Lines longer than 75 octets are folded (CRLF + one space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    // Continuation lines start with a space, which counts toward their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function buildIcs(ev: IcsEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${ICS_PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${ev.uid}`,
    `SEQUENCE:${ev.sequence}`,
    `DTSTAMP:${icsUtc(ev.stamp)}`,
    `DTSTART:${icsUtc(ev.start)}`,
    `DTEND:${icsUtc(ev.end)}`,
    `SUMMARY:${escapeText(ev.summary)}`,
  ];
  if (ev.location) lines.push(`LOCATION:${escapeText(ev.location)}`);
  const description = [ev.description, ev.url].filter(Boolean).join("\n\n");
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  // URL is a URI value, not TEXT: it is not escaped.
  if (ev.url) lines.push(`URL:${ev.url}`);
  lines.push(`STATUS:${ev.cancelled ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
