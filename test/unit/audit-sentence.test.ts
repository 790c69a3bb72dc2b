// The audit log's sentences: several actions in both languages, the generic fallback, and every
// action string the code records has a sentence in both locales (found by scanning the source).
import fs from "node:fs";
import path from "node:path";
import { auditSentence, periodPhrase, sentenceKey, type AuditRowInput } from "~/kernel/audit-sentence";
import vi from "~/locales/vi";
import en from "~/locales/en";

const row = (over: Partial<AuditRowInput>): AuditRowInput => ({
  action: "auth.login",
  actorName: "Nguyễn Văn A",
  actorEmail: "a@so.gov.vn",
  entity: null,
  entityId: null,
  details: null,
  ...over,
});

describe("audit sentences", () => {
  it("say who exported the responses of which quarter", () => {
    const r = row({
      action: "export.responses",
      entity: "survey",
      entityId: "2",
      details: { surveyId: 2, from: "2026-06-15", to: "2026-09-14", period: "2026-Q3", format: "csv" },
    });
    expect(auditSentence(r, vi.auditLog)).toBe("Nguyễn Văn A đã xuất phiếu trả lời quý III/2026");
    expect(auditSentence(r, en.auditLog)).toBe("Nguyễn Văn A exported the responses of Q3/2026");
  });

  it("name the window's dates when no period was chosen", () => {
    const r = row({ action: "export.figures", details: { period: null, from: "2026-06-15", to: "2026-09-14" } });
    expect(auditSentence(r, vi.auditLog)).toBe("Nguyễn Văn A đã xuất số liệu từ 15/06/2026 đến 14/09/2026");
    expect(auditSentence(r, en.auditLog)).toBe("Nguyễn Văn A exported the figures of 15/06/2026 to 14/09/2026");
  });

  it("read the period from the entity id (TT 01 scores) and from details (sending a report)", () => {
    const scores = row({ action: "tt01.scores.save", entity: "tt01_staff_score", entityId: "2026-H1" });
    expect(auditSentence(scores, vi.auditLog)).toBe("Nguyễn Văn A đã nhập điểm chỉ số Thông tư 01 6 tháng/2026");
    const send = row({ action: "report_period.send", entityId: "12", details: { period: "2025-Q4" } });
    expect(auditSentence(send, en.auditLog)).toBe("Nguyễn Văn A froze the figures and sent the report of Q4/2025");
  });

  it("use the email when the account has no name, and say 'not signed in' when there is no actor", () => {
    const failed = row({
      action: "auth.login_failed",
      actorName: null,
      actorEmail: null,
      details: { account: "x@so.gov.vn", failures: 3 },
    });
    expect(auditSentence(failed, vi.auditLog)).toBe("Đăng nhập không thành công vào tài khoản x@so.gov.vn (lần 3)");
    expect(auditSentence(failed, en.auditLog)).toBe("A failed sign-in to account x@so.gov.vn (attempt 3)");
    const byEmail = row({ action: "user.update", actorName: null, entity: "staff_user", entityId: "7" });
    expect(auditSentence(byEmail, vi.auditLog)).toBe("a@so.gov.vn đã sửa tài khoản #7");
    const nobody = row({ action: "survey.paper.create", actorName: null, actorEmail: null });
    expect(auditSentence(nobody, en.auditLog)).toBe("Someone not signed in entered a paper form");
  });

  it("count rows and ids, and name versions", () => {
    expect(auditSentence(row({ action: "coverage.save", details: { rows: 12 } }), vi.auditLog)).toBe(
      "Nguyễn Văn A đã nhập số hồ sơ đã giải quyết (12 dòng)",
    );
    expect(
      auditSentence(row({ action: "feedback.release_hold", details: { ids: ["a", "b", "c"] } }), en.auditLog),
    ).toBe("Nguyễn Văn A released 3 held feedback items");
    expect(auditSentence(row({ action: "survey.publish", entityId: "4", details: { version: 3 } }), vi.auditLog)).toBe(
      "Nguyễn Văn A đã phát hành phiên bản 3 của phiếu khảo sát #4",
    );
  });

  it("fall back to a generic sentence for an action with no sentence, naming the code", () => {
    const r = row({ action: "user.disable", entity: "staff_user", entityId: "7" });
    expect(auditSentence(r, vi.auditLog)).toBe("Nguyễn Văn A đã thực hiện thao tác user.disable trên staff_user #7");
    expect(auditSentence(r, en.auditLog)).toBe("Nguyễn Văn A performed user.disable on staff_user #7");
    expect(auditSentence(row({ action: "bulk.test" }), en.auditLog)).toBe("Nguyễn Văn A performed bulk.test");
  });

  it("survive details of any shape (a string, an array, garbage)", () => {
    for (const details of ["x", [1, 2], 42, { period: "2026-Q9", from: "bad" }]) {
      const s = auditSentence(row({ action: "export.figures", details }), vi.auditLog);
      expect(s).toBe("Nguyễn Văn A đã xuất số liệu —");
    }
    expect(periodPhrase("2026-Y", null, null, en.auditLog)).toBe("the full year/2026");
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(path.join("app", "locales")) ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("every recorded action", () => {
  const actions = new Set<string>();
  for (const f of sourceFiles(path.resolve(__dirname, "../../app"))) {
    const text = fs.readFileSync(f, "utf8");
    // `action: "export.responses"` in recordAudit calls and feedback events; the holiday changes
    // carry theirs in a union type ("holiday.create" | "holiday.update" | "holiday.delete").
    for (const m of text.matchAll(/\baction: "([a-z][a-z0-9_.]*)"/g)) actions.add(m[1]);
    for (const m of text.matchAll(/\baction: ("[a-z_.]+"(?: \| "[a-z_.]+")+)/g))
      for (const a of m[1].matchAll(/"([a-z_.]+)"/g)) actions.add(a[1]);
  }

  it("are found by the scan (the scan itself works)", () => {
    expect(actions.size).toBeGreaterThan(40);
    for (const a of ["export.responses", "auth.login", "pii.view", "holiday.update", "dialogue.minutes.publish"])
      expect(actions).toContain(a);
  });

  it("have a sentence in Vietnamese and in English", () => {
    const missing = (s: Record<string, string>) => [...actions].filter((a) => !s[sentenceKey(a)]);
    expect(missing(vi.auditLog.actions)).toEqual([]);
    expect(missing(en.auditLog.actions)).toEqual([]);
  });
});
