import * as z from "zod";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { agencyDefaults, fieldName, SETTING_DEFS, settingsFormSchema, toInput } from "~/features/admin/settings";
import { navFor, staffReturnPath } from "~/features/accounts/staff-nav";
import { parentChoices, wouldCycle } from "~/features/admin/units";
import { holidaySchema, newUserSchema, passwordSchema } from "~/features/accounts/staff.schema";

const form = (o: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.append(k, v);
  return fd;
};

describe("navFor", () => {
  it("shows each role only what it may use", () => {
    const paths = (role: Parameters<typeof navFor>[0]) => navFor(role).map((i) => i.to);
    expect(paths("admin")).toEqual(
      expect.arrayContaining(["/staff/users", "/staff/audit", "/staff/settings", "/staff/units", "/staff/holidays"]),
    );
    // The agency list is the installation admin's alone (issue 19).
    expect(paths("admin")).toContain("/staff/agencies");
    for (const role of ["office", "unit", "viewer"] as const) expect(paths(role)).not.toContain("/staff/agencies");
    expect(paths("office")).toContain("/staff/procedures");
    expect(paths("office")).not.toContain("/staff/users");
    expect(paths("viewer")).not.toContain("/staff/procedures");
    for (const role of ["admin", "office", "unit", "viewer"] as const)
      expect(paths(role)).toEqual(expect.arrayContaining(["/staff", "/staff/password"]));
  });
});

describe("staffReturnPath", () => {
  it("goes back only to staff pages", () => {
    expect(staffReturnPath("/staff/users?x=1")).toBe("/staff/users?x=1");
    expect(staffReturnPath("/staff")).toBe("/staff");
    for (const bad of [
      "/staffevil",
      "//evil.example/staff",
      "https://evil.example/staff",
      "/staff/login?to=x",
      "/staff/logout",
      "/",
      "/staff\\..\\x",
      null,
    ]) {
      expect(staffReturnPath(bad)).toBe("/staff");
    }
  });
});

describe("wouldCycle", () => {
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
  ];
  it("refuses a unit under itself or its descendants, allows the rest", () => {
    expect(wouldCycle(units, 1, 1)).toBe(true);
    expect(wouldCycle(units, 1, 3)).toBe(true);
    expect(wouldCycle(units, 2, 3)).toBe(true);
    expect(wouldCycle(units, 3, 1)).toBe(false);
    expect(wouldCycle(units, 1, 4)).toBe(false);
    expect(wouldCycle(units, null, 3)).toBe(false);
    expect(wouldCycle(units, 2, null)).toBe(false);
    expect(parentChoices(units, 1).map((u) => u.id)).toEqual([4]);
  });
  it("does not hang on a loop already in the data", () => {
    expect(
      wouldCycle(
        [
          { id: 1, parentId: 2 },
          { id: 2, parentId: 1 },
        ],
        3,
        1,
      ),
    ).toBe(true);
  });
});

describe("parseForm", () => {
  it("returns one translation key per field and never zod's English", () => {
    const schema = z.object({ a: z.string().min(1, { error: "x.errors.a" }), b: z.number() });
    const r = parseForm(schema, { a: "" });
    expect(r).toEqual({ ok: false, errors: { a: "x.errors.a", b: "forms.invalid" } });
  });
  it("does not send passwords back to the page", () => {
    expect(formValues(form({ email: "a@b.vn", password: "secret", current: "x", confirm: "y" }))).toEqual({
      email: "a@b.vn",
    });
  });
});

describe("settings form", () => {
  const valid = Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), toInput(d, d.default)]));
  it("reads percentages (with a decimal comma) into fractions", () => {
    const r = parseForm(settingsFormSchema, { ...valid, satisfaction__target: "92,5" });
    expect(r.ok && r.data["satisfaction.target"]).toBe(0.925);
    expect(toInput(SETTING_DEFS[0], 0.925)).toBe("92.5");
  });
  it("refuses values out of range, fractions of days and text", () => {
    const r = parseForm(settingsFormSchema, {
      ...valid,
      satisfaction__target: "49",
      satisfaction__suppression_threshold: "2.5",
      privacy__retention_months: "abc",
      feedback__days__answer: "",
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        satisfaction__target: "staff.settings.errors.range",
        satisfaction__suppression_threshold: "staff.settings.errors.whole",
        privacy__retention_months: "staff.settings.errors.number",
        feedback__days__answer: "staff.settings.errors.required",
      },
    });
    expect(parseForm(settingsFormSchema, { ...valid, privacy__retention_months: "121" }).ok).toBe(false);
    expect(parseForm(settingsFormSchema, { ...valid, privacy__retention_months: "120" }).ok).toBe(true);
  });
});

describe("staff form schemas", () => {
  it("needs a unit for a unit user", () => {
    expect(parseForm(newUserSchema, form({ email: "a@so.vn", name: "A", role: "unit", unitId: "" }))).toEqual({
      ok: false,
      errors: { unitId: "staff.users.errors.unitRequired" },
    });
    expect(parseForm(newUserSchema, form({ email: "a@so.vn", name: "A", role: "office", unitId: "" })).ok).toBe(true);
    expect(parseForm(newUserSchema, form({ email: "not-an-email", name: "", role: "boss" }))).toEqual({
      ok: false,
      errors: {
        email: "staff.errors.emailInvalid",
        name: "staff.users.errors.nameRequired",
        role: "staff.users.errors.roleRequired",
      },
    });
  });
  it("checks the new password twice and against the current one", () => {
    expect(parseForm(passwordSchema, form({ current: "a", password: "b", confirm: "c" }))).toEqual({
      ok: false,
      errors: { confirm: "staff.password.errors.mismatch" },
    });
    expect(parseForm(passwordSchema, form({ current: "a", password: "a", confirm: "a" }))).toEqual({
      ok: false,
      errors: { password: "staff.password.errors.sameAsCurrent" },
    });
  });
  it("allows a make-up working day only at a weekend", () => {
    const day = { nameVi: "Làm bù", nameEn: "Make-up day" };
    expect(parseForm(holidaySchema, form({ ...day, date: "2026-11-27", kind: "work" }))).toEqual({
      ok: false,
      errors: { kind: "staff.holidays.errors.workOnWeekday" },
    });
    expect(parseForm(holidaySchema, form({ ...day, date: "28/11/2026", kind: "work" }))).toMatchObject({
      ok: true,
      data: { date: "2026-11-28" },
    });
    expect(parseForm(holidaySchema, form({ ...day, date: "31/11/2026", kind: "off" }))).toEqual({
      ok: false,
      errors: { date: "staff.errors.dateInvalid" },
    });
  });
});

describe("agencyDefaults", () => {
  it("names the agency itself and its parent, never the demo department, in a new agency's header", () => {
    const s = agencyDefaults({
      id: 7,
      code: "so-y-te",
      nameVi: "Sở Y tế tỉnh Tiền Giang",
      parentNameVi: "UBND tỉnh Tiền Giang",
    });
    expect(s["report.agency"]).toBe("Sở Y tế tỉnh Tiền Giang");
    expect(s["report.parent_agency"]).toBe("UBND tỉnh Tiền Giang");
    expect(s["report.symbol"]).toBe("SOYTE");
    expect(s["privacy.contact_unit"]).toBe("Văn phòng Sở Y tế tỉnh Tiền Giang");
    expect([s["privacy.contact_address"], s["privacy.contact_phone"], s["privacy.contact_email"]]).toEqual([
      "",
      "",
      "",
    ]);
    expect(s["satisfaction.target"]).toBe(0.9);
    // The default agency keeps the demo's contact details.
    const one = agencyDefaults({
      id: 1,
      code: "skhcn",
      nameVi: "Sở Khoa học và Công nghệ tỉnh Tiền Giang",
      parentNameVi: null,
    });
    expect(one["privacy.contact_phone"]).toBe("0273 3 800 000");
    expect(one["report.symbol"]).toBe("SKHCN");
  });
});
