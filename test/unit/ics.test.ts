import fc from "fast-check";
import { buildIcs, escapeText, foldLine, icsUtc, type IcsEvent } from "~/features/dialogue/ics";
import { icsDate, parseIcsStrict } from "../support/ics-check";

const base: IcsEvent = {
  uid: "dialogue-7@hailong.example.gov.vn",
  sequence: 0,
  start: new Date("2026-12-18T01:30:00Z"),
  end: new Date("2026-12-18T04:30:00Z"),
  stamp: new Date("2026-11-27T03:00:00Z"),
  summary: "Đối thoại với người dân và doanh nghiệp về thủ tục hành chính năm 2026",
  description: "Chương trình: khai mạc; báo cáo, thảo luận\nkết luận",
  location: "Hội trường Sở, số 8 đường 30/4, Mỹ Tho",
  url: "https://hailong.example.gov.vn/dialogues/7",
};

describe("calendar files", () => {
  it("are valid for a strict reader, with UTC times, a link back and the right values", () => {
    const ics = buildIcs(base);
    const { calendar, event } = parseIcsStrict(ics);
    expect(calendar.PRODID).toBeTruthy();
    expect(event).toMatchObject({
      UID: base.uid,
      SEQUENCE: "0",
      STATUS: "CONFIRMED",
      URL: base.url,
      SUMMARY: base.summary,
      LOCATION: base.location,
    });
    expect(icsDate(event.DTSTART)).toEqual(base.start);
    expect(icsDate(event.DTEND)).toEqual(base.end);
    expect(event.DESCRIPTION).toContain(base.description);
    expect(event.DESCRIPTION).toContain(base.url);
  });

  it("mark a cancellation with STATUS:CANCELLED and carry the bumped SEQUENCE", () => {
    const { event } = parseIcsStrict(buildIcs({ ...base, sequence: 3, cancelled: true }));
    expect(event).toMatchObject({ STATUS: "CANCELLED", SEQUENCE: "3", UID: base.uid });
  });

  it("write times as UTC with Z: 08:30 in Viet Nam is 01:30Z", () => {
    expect(icsUtc(new Date("2026-12-18T08:30:00+07:00"))).toBe("20261218T013000Z");
    expect(() => icsUtc(new Date("nonsense"))).toThrow();
  });

  it("escape backslashes, semicolons, commas and line breaks in text", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    expect(escapeText("tab\there\u000bvt\u0000")).toBe("tab\there" + "vt");
  });

  it("fold long lines at 75 octets without splitting a Vietnamese character", () => {
    const line = `SUMMARY:${"Đối thoại ".repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("give back any summary and description unchanged after escaping, folding and reading", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }),
        fc.string({ unit: "grapheme", maxLength: 500 }),
        (summary, description) => {
          const clean = (s: string) => s.replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");
          const { event } = parseIcsStrict(buildIcs({ ...base, summary, description, url: undefined }));
          expect(event.SUMMARY).toBe(clean(summary));
          expect(event.DESCRIPTION ?? "").toBe(clean(description));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("are checked by a reader that does refuse broken files", () => {
    const good = buildIcs(base);
    expect(() => parseIcsStrict(good.replace(/\r\n/g, "\n"))).toThrow(/CRLF/);
    expect(() => parseIcsStrict(good.replace("DTSTART:20261218T013000Z", "DTSTART:20261218T083000"))).toThrow(/UTC/);
    expect(() => parseIcsStrict(good.replace(/DTSTAMP:.*\r\n/, ""))).toThrow(/DTSTAMP missing/);
    const short = buildIcs({ ...base, summary: "Đối thoại" });
    expect(() => parseIcsStrict(short.replace("SUMMARY:Đối thoại", "SUMMARY:a,b"))).toThrow(/unescaped/);
    expect(() => parseIcsStrict(short.replace("SUMMARY:Đối thoại", "SUMMARY:a\\,b"))).not.toThrow();
    expect(() => parseIcsStrict(good.replace(/SEQUENCE:0/, "SEQUENCE:" + "1".repeat(80)))).toThrow(/octets/);
    expect(() => parseIcsStrict(good.replace("VERSION:2.0", "VERSION:1.0"))).toThrow(/VERSION/);
  });
});
