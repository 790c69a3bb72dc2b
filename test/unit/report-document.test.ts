// The report document as data (docs/rules/report-document.md) and the report settings as text.
import { createInstance } from "i18next";
import { i18nOptions } from "~/kernel/i18n/i18n";
import { parseForm } from "~/kernel/forms/parse";
import { buildReportDocument, documentSettings } from "~/features/reports/report-document";
import { defaultSettings, fieldName, SETTING_DEFS, settingsFormSchema, toInput } from "~/features/admin/settings";
import { rate } from "~/features/reports/stats";

const i18n = createInstance();
void i18n.init(i18nOptions("vi"));
const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o) as string;

const reading = {
  start: "2026-06-15",
  end: "2026-09-14",
  readThrough: "2026-08-26",
  actualDays: 73,
  estimate: { from: "2026-08-27", to: "2026-09-14", days: 19 },
};
const base = {
  period: { year: 2026, kind: "Q3" as const },
  previousPeriod: { year: 2026, kind: "Q2" as const },
  reading,
  sent: null,
  previous: null,
  tt01: null,
  feedback: null,
  dialogue: null,
};

describe("the report document", () => {
  it("hides a headline under the threshold: no rate, no n, no chart; marks the estimate and the draft", () => {
    const hidden = {
      rate: { satisfied: 0, n: 0, rate: null, ci: null },
      verdict: { kind: "no_data" as const, moreNeeded: null },
      suppressed: true,
    };
    const doc = buildReportDocument(
      {
        ...base,
        current: { target: 0.9, threshold: 5, headline: hidden, byUnit: [{ key: "1", name: "Phòng A", ...hidden }] },
      },
      documentSettings(defaultSettings()),
      { t, lang: "vi", today: "2026-08-26" },
    );
    const text = JSON.stringify(doc);
    expect(doc.sections[0].paragraphs[0]).toBe(
      "Kỳ này có dưới 5 ý kiến hợp lệ: không công bố tỷ lệ để không ai bị nhận diện (Nghị định 61/2018/NĐ-CP, Điều 27).",
    );
    expect(doc.sections[0].chart).toBeUndefined();
    expect(doc.sections[0].table!.rows).toEqual([
      ["Phòng A", "Ẩn (dưới 5 ý kiến)"],
      ["Toàn Sở", "Ẩn (dưới 5 ý kiến)"],
    ]);
    expect(doc.coverage).toContain("Số liệu tính đến ngày 26/08/2026.");
    expect(doc.coverage.join(" ")).toMatch(/Từ 27\/08\/2026 đến 14\/09\/2026 \(19 ngày\): ước thực hiện/);
    expect(doc.coverage.at(-1)).toBe("Bản nháp: số liệu chưa chốt, còn thay đổi khi có thêm phiếu.");
    // Frozen figures missing (a period sent before they were frozen) say so, never "0".
    expect(doc.sections.find((s) => s.heading.startsWith("III."))!.paragraphs).toEqual([
      "Số liệu này không được chốt cùng báo cáo (kỳ đã gửi trước khi có chức năng này).",
    ]);
    expect(text).not.toMatch(/\d %/);
    expect(doc.signerName).toBe("……………………");
    expect(doc.summary).toMatch(/quý III năm 2026$/);
  });

  it("draws a bar for each published unit only, with 100,0 % unbroken", () => {
    const shown = (s: number, n: number) => ({
      rate: rate(s, n),
      verdict: { kind: "met" as const, moreNeeded: 0 },
      suppressed: false,
    });
    const doc = buildReportDocument(
      {
        ...base,
        current: {
          target: 0.9,
          threshold: 5,
          headline: shown(60, 60),
          byUnit: [{ key: "1", name: "Phòng A", ...shown(60, 60) }],
        },
      },
      documentSettings(defaultSettings()),
      { t, lang: "vi", today: "2026-08-26" },
    );
    expect(doc.sections[0].chart!.bars).toEqual([{ label: "Phòng A", value: 1, text: "100,0\u00a0% (n = 60)" }]);
  });
});

describe("report settings as text", () => {
  const valid = Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), toInput(d, d.default)]));
  it("keeps one line, allows an empty signer name and refuses an empty place or a long symbol", () => {
    const r = parseForm(settingsFormSchema, { ...valid, report__agency: " Sở\r\nA\t B ", report__signer_name: "" });
    expect(r.ok && r.data["report.agency"]).toBe("Sở A B");
    expect(r.ok && r.data["report.signer_name"]).toBe("");
    expect(parseForm(settingsFormSchema, { ...valid, report__place: "", report__symbol: "X".repeat(31) })).toEqual({
      ok: false,
      errors: { report__place: "staff.settings.errors.required", report__symbol: "staff.settings.errors.tooLong" },
    });
  });
});
