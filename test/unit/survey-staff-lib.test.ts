import { parseCoverageCsv, parseDay } from "~/features/survey/coverage-csv";
import { vnInstant, toVnInput } from "~/kernel/time/clock";
import {
  createSurveySchema,
  optionsToText,
  parseItemForm,
  parseOptionsText,
  surveySettingsSchema,
} from "~/features/survey/item-form";
import { surveyStatus } from "~/features/survey/status";

describe("choices typed as text", () => {
  it("round-trips codes, labels, scores and the feedback mark", () => {
    const text = "early | Sớm hơn | Early | 2\nlate | Trễ hẹn | Late | 0 | *\nx | Khác | Other";
    const opts = parseOptionsText(text);
    expect(opts).toEqual([
      { code: "early", vi: "Sớm hơn", en: "Early", score: 2 },
      { code: "late", vi: "Trễ hẹn", en: "Late", score: 0, feedback: true },
      { code: "x", vi: "Khác", en: "Other" },
    ]);
    expect(parseOptionsText(optionsToText(opts))).toEqual(opts);
  });
  it("refuses a line without both labels, a bad code, score or mark", () => {
    for (const bad of [
      "a | Chỉ tiếng Việt",
      "có dấu | A | A",
      "a | A | A | nhiều",
      "a | A | A | 1 | !",
      "a | A | A | 1 | * | extra",
    ])
      expect(parseOptionsText(bad)).toBeNull();
  });
});

describe("the item form", () => {
  const base = { code: "staff6", block: "staff", type: "L5", text_vi: "Câu", text_en: "Question", required: "on" };
  it("normalises codes and keeps only what the type uses", () => {
    const r = parseItemForm({ ...base, help_vi: " ", max_length: "" });
    expect(r).toEqual({
      ok: true,
      data: {
        code: "STAFF6",
        block: "STAFF",
        type: "L5",
        text_vi: "Câu",
        text_en: "Question",
        help_vi: null,
        help_en: null,
        required: true,
        options: null,
        max_length: null,
      },
    });
  });
  it("reports every problem at once, with the type's rules", () => {
    expect(parseItemForm({ ...base, type: "single", text_en: "", max_length: "50" })).toEqual({
      ok: false,
      errors: {
        text_en: "surveyStaff.errors.text",
        options: "surveyStaff.errors.optionsCount",
        max_length: "surveyStaff.errors.maxLength",
      },
    });
    expect(parseItemForm({ ...base, type: "yesno", options: "1 | Có | Yes | | *\n2 | Không | No" })).toEqual({
      ok: false,
      errors: { options: "surveyStaff.errors.optionsYesNo" },
    });
    expect(parseItemForm({ ...base, type: "L5", options: "a | A | A\nb | B | B" })).toEqual({
      ok: false,
      errors: { options: "surveyStaff.errors.optionsNotAllowed" },
    });
    expect(parseItemForm({ ...base, type: "single", options: "a | A | A\na | B | B" })).toEqual({
      ok: false,
      errors: { options: "surveyStaff.errors.optionsCount" },
    });
    expect(parseItemForm({ ...base, code: "1ABC", type: "nope" })).toEqual({
      ok: false,
      errors: { code: "surveyStaff.errors.code", type: "surveyStaff.errors.type" },
    });
  });
  it("keeps a text limit for text types", () => {
    const r = parseItemForm({ ...base, type: "textarea", max_length: "800" });
    expect(r.ok && r.data.max_length).toBe(800);
  });
});

describe("survey forms", () => {
  it("needs a copy source only when copying, and a plain slug", () => {
    expect(createSurveySchema.safeParse({ source: "copy", slug: "a-b", title_vi: "A", title_en: "A" }).success).toBe(
      false,
    );
    expect(
      createSurveySchema.safeParse({ source: "copy", copy_of: "3", slug: "a-b", title_vi: "A", title_en: "A" }).success,
    ).toBe(true);
    expect(createSurveySchema.parse({ source: "B", slug: " Khao-Sat-2027 ", title_vi: "A", title_en: "A" }).slug).toBe(
      "khao-sat-2027",
    );
    for (const slug of ["a--b", "-a", "khảo-sát", "a b"])
      expect(createSurveySchema.safeParse({ source: "B", slug, title_vi: "A", title_en: "A" }).success).toBe(false);
  });
  it("reads opening and closing times as Vietnam time", () => {
    const r = surveySettingsSchema.parse({
      title_vi: "A",
      title_en: "A",
      opens_at: "2027-01-01T00:00",
      closes_at: "",
      active: "on",
    });
    expect(r.opens_at?.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(r.closes_at).toBeUndefined();
    expect(r.active).toBe(true);
  });
});

describe("dates", () => {
  it("converts datetime-local values from and to Vietnam time", () => {
    const d = new Date("2026-12-31T18:30:00Z"); // 01:30 on 1 January in Vietnam
    expect(toVnInput(d)).toBe("2027-01-01T01:30");
    expect(vnInstant("2027-01-01", "01:30").getTime()).toBe(d.getTime());
  });
});

describe("survey status", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  it("is draft before publishing, then paused, scheduled, closed or open", () => {
    const s = { active: true, opens_at: null, closes_at: null, published: true };
    expect(surveyStatus({ ...s, published: false }, now)).toBe("draft");
    expect(surveyStatus({ ...s, active: false }, now)).toBe("inactive");
    expect(surveyStatus({ ...s, opens_at: "2026-07-01T00:00:00Z" }, now)).toBe("scheduled");
    expect(surveyStatus({ ...s, closes_at: "2026-06-01T00:00:00Z" }, now)).toBe("closed");
    expect(surveyStatus(s, now)).toBe("open");
  });
});

describe("served counts CSV", () => {
  it("reads commas or semicolons, quotes, a header, both date styles", () => {
    const r = parseCoverageCsv(
      '\uFEFFunit;procedure;from;to;count\r\nQLCN;KHCN-05;15/12/2025;14/03/2026;120\r\n"VP";;2025-12-15;2026-03-14;"7"\r\n\r\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, unitCode: "QLCN", procedureCode: "KHCN-05", start: "2025-12-15", end: "2026-03-14", count: 120 },
      { line: 3, unitCode: "VP", procedureCode: null, start: "2025-12-15", end: "2026-03-14", count: 7 },
    ]);
    expect(
      parseCoverageCsv('QLCN,,1/1/2026,31/1/2026,3\n"A, B",,1/1/2026,31/1/2026,4').rows.map((x) => x.unitCode),
    ).toEqual(["QLCN", "A, B"]);
  });
  it("names each wrong line", () => {
    const r = parseCoverageCsv(
      "QLCN,,1/1/2026,31/1/2026,3\nQLCN,,31/1/2026,1/1/2026,3\nQLCN,,30/2/2026,1/3/2026,3\nQLCN,,1/1/2026,31/1/2026,-1\nQLCN,1/1/2026,3",
    );
    expect(r.errors).toEqual([
      { line: 2, key: "surveyStaff.coverage.errors.csvPeriod" },
      { line: 3, key: "surveyStaff.coverage.errors.csvDate" },
      { line: 4, key: "surveyStaff.coverage.errors.csvCount" },
      { line: 5, key: "surveyStaff.coverage.errors.csvColumns" },
    ]);
    expect(r.rows).toHaveLength(1);
  });
  it("knows real dates", () => {
    expect(parseDay("29/02/2028")).toBe("2028-02-29");
    expect(parseDay("29/02/2027")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("01/01/1999")).toBeNull();
  });
});
