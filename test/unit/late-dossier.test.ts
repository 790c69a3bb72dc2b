// The register of late dossiers (NĐ 61/2018 Art. 19; docs/rules/tt01.md "The register"): entry
// checks, the CSV reader and the period's figures, counted by hand.
import {
  checkLate,
  lateFigures,
  normaliseDossierCode,
  parseLateCsv,
  parseYesNo,
} from "~/features/reports/late-dossier";

const ok = {
  code: "HS-1",
  promised: "01/07/2031",
  returned: "05/07/2031",
  apology: "có",
  apologyDate: "30/06/2031",
  newDate: "05/07/2031",
  kept: "có",
};

describe("a register entry", () => {
  it("reads a late dossier with its apology", () => {
    expect(checkLate(ok)).toEqual({
      ok: true,
      value: {
        code: "HS-1",
        promised: "2031-07-01",
        returned: "2031-07-05",
        apologySent: true,
        apologyDate: "2031-06-30",
        newDate: "2031-07-05",
        newDateKept: true,
      },
    });
    // Not returned yet, no new date: the open fields stay null.
    expect(checkLate({ ...ok, returned: "", apology: "không", apologyDate: "", newDate: "", kept: "" })).toMatchObject({
      ok: true,
      value: { returned: null, apologySent: false, newDate: null, newDateKept: null },
    });
  });

  it("refuses what is not a late dossier or contradicts itself", () => {
    expect(checkLate({ ...ok, returned: "01/07/2031" })).toEqual({
      ok: false,
      errors: { returned: "tt01.register.errors.notLate" },
    });
    expect(checkLate({ ...ok, apology: "không" })).toEqual({
      ok: false,
      errors: { apologyDate: "tt01.register.errors.apologyDateWithoutApology" },
    });
    expect(checkLate({ ...ok, newDate: "30/06/2031" })).toEqual({
      ok: false,
      errors: { newDate: "tt01.register.errors.newDateBefore" },
    });
    expect(checkLate({ ...ok, newDate: "" })).toEqual({
      ok: false,
      errors: { kept: "tt01.register.errors.keptWithoutNewDate" },
    });
    expect(checkLate({ ...ok, code: " ", apology: "" })).toEqual({
      ok: false,
      errors: { code: "tt01.register.errors.code", apology: "tt01.register.errors.apology" },
    });
    expect(checkLate({ ...ok, code: "X".repeat(41) }).ok).toBe(false);
    expect(checkLate({ ...ok, promised: "31/02/2031" })).toEqual({
      ok: false,
      errors: { promised: "tt01.register.errors.promised" },
    });
  });

  it("compares codes without case or spaces, as Form A does", () => {
    expect(normaliseDossierCode(" hs 2031\t001 ")).toBe("HS2031001");
    expect([parseYesNo("Có"), parseYesNo("KHÔNG"), parseYesNo(""), parseYesNo("maybe")]).toEqual([
      true,
      false,
      null,
      undefined,
    ]);
  });
});

describe("the register's CSV", () => {
  it("skips a header, takes semicolons and quotes, names each wrong line", () => {
    const text = [
      "mã;đơn vị;thủ tục;hẹn;trả;xin lỗi;ngày;hẹn lại;đúng",
      `"HS;1";QLCN;;01/07/2031;05/07/2031;có;;;`,
      "HS-2;QLCN;P1;01/07/2031",
      "HS-3;;;01/07/2031;;không;;;",
      `hs;1;QLCN;;02/07/2031;;không;;;`,
    ].join("\r\n");
    const { rows, errors } = parseLateCsv(text);
    expect(rows).toEqual([
      {
        line: 2,
        code: "HS;1",
        unitCode: "QLCN",
        procedureCode: null,
        promised: "2031-07-01",
        returned: "2031-07-05",
        apologySent: true,
        apologyDate: null,
        newDate: null,
        newDateKept: null,
      },
    ]);
    expect(errors).toEqual([
      { line: 3, key: "tt01.register.errors.csvColumns" },
      { line: 4, key: "tt01.register.errors.csvUnit", code: "" },
      { line: 5, key: "tt01.register.errors.csvColumns" },
    ]);
  });
});

describe("the period's register figures", () => {
  it("counts late, apologies, late without apology per unit, new dates kept and missed", () => {
    const rows = [
      { unitId: 1, apologySent: true, newDate: "2031-07-05", newDateKept: true },
      { unitId: 1, apologySent: false, newDate: null, newDateKept: null },
      { unitId: 2, apologySent: false, newDate: "2031-07-09", newDateKept: false },
      { unitId: 2, apologySent: false, newDate: "2031-07-09", newDateKept: null },
      { unitId: 3, apologySent: true, newDate: null, newDateKept: null },
    ];
    // 5 late; 2 apologies; 3 without (unit 2 two, unit 1 one); 1 new date kept, 1 missed, 1 not known.
    expect(lateFigures(rows)).toEqual({
      late: 5,
      apologySent: 2,
      withoutApology: 3,
      newDateKept: 1,
      newDateMissed: 1,
      byUnit: [
        { unitId: 2, late: 2, apologySent: 0, withoutApology: 2 },
        { unitId: 1, late: 2, apologySent: 1, withoutApology: 1 },
        { unitId: 3, late: 1, apologySent: 1, withoutApology: 0 },
      ],
    });
    expect(lateFigures([])).toEqual({
      late: 0,
      apologySent: 0,
      withoutApology: 0,
      newDateKept: 0,
      newDateMissed: 0,
      byUnit: [],
    });
  });
});
