// A small strict reader for the calendar files the portal makes (RFC 5545 as far as we use it).
// It throws on anything a strict calendar client could choke on, and returns the event's
// properties with TEXT values unescaped, so tests can compare them.
const UTC = /^\d{8}T\d{6}Z$/;

export interface ParsedIcs {
  calendar: Record<string, string>;
  event: Record<string, string>;
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

export function parseIcsStrict(raw: string | Uint8Array): ParsedIcs {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  if (!text.endsWith("\r\n")) throw new Error("the file does not end with CRLF");
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error("a line is not terminated by CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  const encoder = new TextEncoder();
  physical.forEach((line, i) => {
    const octets = encoder.encode(line).length;
    if (octets > 75) throw new Error(`line ${i + 1} has ${octets} octets (more than 75)`);
    // Each physical line must be valid UTF-8 by itself: folding never splits a character.
    new TextDecoder("utf-8", { fatal: true }).decode(encoder.encode(line));
  });
  const lines = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n");
  // Content lines carry no control characters but the horizontal tab (RFC 5545 §3.1).
  for (const line of lines)
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(line)) throw new Error(`control character in: ${JSON.stringify(line)}`);
  const expectLine = (i: number, v: string) => {
    if (lines[i] !== v) throw new Error(`line ${i + 1}: expected ${v}, got ${lines[i]}`);
  };
  expectLine(0, "BEGIN:VCALENDAR");
  expectLine(lines.length - 1, "END:VCALENDAR");
  const begin = lines.indexOf("BEGIN:VEVENT");
  const end = lines.indexOf("END:VEVENT");
  if (begin < 0 || end < begin) throw new Error("no VEVENT");
  if (lines.lastIndexOf("BEGIN:VEVENT") !== begin) throw new Error("more than one VEVENT");
  if (end !== lines.length - 2) throw new Error("END:VEVENT must come just before END:VCALENDAR");
  const props = (from: number, to: number) => {
    const out: Record<string, string> = {};
    for (const line of lines.slice(from, to)) {
      const m = /^([A-Z-]+)(;[^:]*)?:([\s\S]*)$/.exec(line);
      if (!m) throw new Error(`not a property line: ${line}`);
      if (m[1] in out) throw new Error(`${m[1]} appears twice`);
      out[m[1]] = m[3];
    }
    return out;
  };
  const calendar = props(1, begin);
  if (calendar.VERSION !== "2.0") throw new Error("VERSION must be 2.0");
  if (!calendar.PRODID) throw new Error("PRODID missing");
  const event = props(begin + 1, end);
  for (const p of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"])
    if (!event[p]) throw new Error(`${p} missing`);
  for (const p of ["DTSTAMP", "DTSTART", "DTEND"])
    if (!UTC.test(event[p])) throw new Error(`${p} is not a UTC time with Z: ${event[p]}`);
  if (event.DTEND <= event.DTSTART) throw new Error("DTEND is not after DTSTART");
  if (!/^\d+$/.test(event.SEQUENCE)) throw new Error("SEQUENCE is not a non-negative integer");
  for (const p of ["SUMMARY", "DESCRIPTION", "LOCATION"]) {
    if (event[p] === undefined) continue;
    // Unescaped commas, semicolons or backslashes are not allowed in TEXT.
    if (/(^|[^\\])(\\\\)*[,;]/.test(event[p].replace(/\\[\\;,nN]/g, "")))
      throw new Error(`${p} has an unescaped , or ;`);
    event[p] = unescapeText(event[p]);
  }
  return { calendar, event };
}

/** "20261205T013000Z" → Date. */
export function icsDate(v: string): Date {
  return new Date(
    `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}Z`,
  );
}
