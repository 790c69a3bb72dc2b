// Pure privacy logic: the 72-hour deadline, what retention treats as expired, log redaction and
// the request logger.
import { EventEmitter } from "node:events";
import { deadlineState, hoursLeft, requestDue } from "~/features/privacy/privacy-deadline";
import { feedbackPurposeEnded, isExpired, retentionCutoff } from "~/features/privacy/privacy-retention";
import { redactTarget, requestLogLine, safeErrorText } from "~/kernel/http/redact";
import { requestLogger } from "~/kernel/http/request-log";

const H = 3_600_000;

describe("the 72-hour deadline", () => {
  it("is 72 clock hours after receipt", () => {
    const at = new Date("2026-11-27T10:15:00Z");
    expect(requestDue(at).toISOString()).toBe("2026-11-30T10:15:00.000Z");
  });
  it("is on time, then due soon in its last 24 hours, then late", () => {
    const due = new Date("2026-11-30T10:00:00Z");
    expect(deadlineState(due, new Date(due.getTime() - 25 * H))).toBe("on_time");
    expect(deadlineState(due, new Date(due.getTime() - 24 * H))).toBe("on_time");
    expect(deadlineState(due, new Date(due.getTime() - 23 * H))).toBe("due_soon");
    expect(deadlineState(due, due)).toBe("due_soon");
    expect(deadlineState(due, new Date(due.getTime() + 1))).toBe("late");
  });
  it("counts hours left down, never rounding up", () => {
    const due = new Date("2026-11-30T10:00:00Z");
    expect(hoursLeft(due, new Date(due.getTime() - 5.9 * H))).toBe(5);
    expect(hoursLeft(due, new Date(due.getTime() + 0.5 * H))).toBe(-1);
    expect(hoursLeft(due, new Date(due.getTime() + 8.2 * H))).toBe(-8);
  });
});

describe("retention rules", () => {
  it("cuts off whole calendar months back, clamping to the shorter month", () => {
    expect(retentionCutoff(new Date("2027-11-27T00:00:00Z"), 12).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(retentionCutoff(new Date("2027-03-31T12:00:00Z"), 1).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(retentionCutoff(new Date("2028-03-31T12:00:00Z"), 1).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(retentionCutoff(new Date("2027-01-15T00:00:00Z"), 3).toISOString()).toBe("2026-10-15T00:00:00.000Z");
  });
  it("expires only what ended before the cutoff", () => {
    const now = new Date("2027-12-01T00:00:00Z");
    expect(isExpired(new Date("2026-11-30T23:59:59Z"), now, 12)).toBe(true);
    expect(isExpired(new Date("2026-12-01T00:00:00Z"), now, 12)).toBe(false);
    expect(isExpired(null, now, 12)).toBe(false);
  });
  it("treats only ended feedback as past its purpose", () => {
    for (const s of ["published", "refused", "transferred", "closed"]) expect(feedbackPurposeEnded(s)).toBe(true);
    for (const s of ["received", "info_requested", "classified", "in_progress", "drafted", "approved"])
      expect(feedbackPurposeEnded(s)).toBe(false);
  });
});

describe("redaction", () => {
  it("drops the values of personal query fields and keeps the path", () => {
    expect(redactTarget("/feedback/status?code=PAKN.20261127.0001&lang=vi")).toBe(
      "/feedback/status?code=[***]&lang=vi",
    );
    expect(redactTarget("/x?phone=0912345678&email=a%40b.vn&name=Nguy%E1%BB%85n")).toBe(
      "/x?phone=[***]&email=[***]&name=[***]",
    );
  });
  it("masks a phone or email wherever it appears, even percent-encoded in the path", () => {
    expect(redactTarget("/search?whatever=0912%20345%20678")).toBe("/search?whatever=[***]");
    expect(redactTarget("/u/an%40example.com/x")).toBe("/u/[***]/x");
    expect(redactTarget("/staff/feedback/12?view=notify")).toBe("/staff/feedback/12?view=notify");
  });
  it("drops the fragment and survives malformed escapes", () => {
    expect(redactTarget("/a#0912345678")).toBe("/a");
    expect(redactTarget("/%E0%A4%A/x")).toBe("/%E0%A4%A/x");
  });
  it("writes one line with method, path, status and time", () => {
    expect(requestLogLine({ method: "GET", target: "/privacy?email=x%40y.vn", status: 200, ms: 12.4 })).toBe(
      "[req] GET /privacy?email=[***] 200 12ms",
    );
  });
  it("masks personal data in errors, stack included", () => {
    const e = new Error("duplicate key: Key (phone)=(0912345678) email an@example.com");
    const text = safeErrorText(e);
    expect(text).not.toContain("0912345678");
    expect(text).not.toContain("an@example.com");
    expect(text).toContain("duplicate key");
  });
});

describe("the request logger", () => {
  it("logs a request with a phone and an email in it without either", () => {
    const lines: string[] = [];
    const log = requestLogger(
      (l) => lines.push(l),
      () => 0,
    );
    const res = Object.assign(new EventEmitter(), { statusCode: 302 });
    let nexted = false;
    // A look-up sent as a GET by mistake, and a body the logger must never read.
    const req = {
      method: "POST",
      originalUrl: "/privacy/request?contact=0912%20345%20678&e=an.nguyen%40example.vn",
      body: "phone=0912345678&email=an.nguyen@example.vn",
    };
    log(req, res, () => (nexted = true));
    res.emit("finish");
    res.emit("close");
    expect(nexted).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[req\] POST \/privacy\/request\?contact=\[\*\*\*\]&e=\[\*\*\*\] 302 0ms$/);
    for (const secret of ["0912", "345 678", "345678", "an.nguyen", "example.vn"])
      expect(lines[0]).not.toContain(secret);
  });
});
