// Units, procedures (with unit scoping), settings and the holiday calendar, through their
// route modules and models.
import { getProcedureForStaff, listProceduresForStaff } from "~/features/admin/procedures.server";
import { scopeByUnit } from "~/features/accounts/scope.server";
import { getSettings } from "~/features/admin/settings.server";
import { listHolidays } from "~/features/admin/holidays.server";
import { action as holidaysAction, loader as holidaysLoader } from "~/routes/staff.holidays";
import { action as procedureAction, loader as procedureLoader } from "~/routes/staff.procedures.$id";
import { loader as proceduresLoader } from "~/routes/staff.procedures._index";
import { action as settingsAction, loader as settingsLoader } from "~/routes/staff.settings";
import { action as unitAction } from "~/routes/staff.units.$id";
import { fieldName, SETTING_DEFS, toInput } from "~/features/admin/settings";
import { db } from "~/kernel/db/db.server";
import { getSessionUser, type StaffUser } from "~/kernel/session.server";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
async function settle(p: Promise<Response>): Promise<Response> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const userOf = async (cookie: string) => (await getSessionUser(cookie)) as StaffUser;

let admin: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  admin = await signIn("admin");
});

describe("units", () => {
  const save = (id: string, form: Record<string, string>) =>
    settle(unitAction(args(staffRequest(`/staff/units/${id}`, admin.cookie, { form }), { id })));

  it("creates and edits units, refusing a taken code and a parent loop", async () => {
    const top = await save("new", {
      code: "top",
      nameVi: "Đơn vị cha",
      nameEn: "Parent",
      kind: "division",
      active: "on",
    });
    expect(top.status).toBe(302);
    const topRow = await db().selectFrom("unit").selectAll().where("code", "=", "TOP").executeTakeFirstOrThrow();
    const child = await save("new", {
      code: "CHILD",
      nameVi: "Đơn vị con",
      nameEn: "Child",
      kind: "center",
      parentId: String(topRow.id),
      active: "on",
    });
    expect(child.status).toBe(302);
    const childRow = await db().selectFrom("unit").selectAll().where("code", "=", "CHILD").executeTakeFirstOrThrow();
    expect(childRow.parent_id).toBe(topRow.id);

    const loop = await save(String(topRow.id), {
      code: "TOP",
      nameVi: "Đơn vị cha",
      nameEn: "Parent",
      kind: "division",
      parentId: String(childRow.id),
      active: "on",
    });
    expect(loop.status).toBe(400);
    expect((await loop.json()).errors).toEqual({ parentId: "staff.units.errors.parentCycle" });
    const self = await save(String(topRow.id), {
      code: "TOP",
      nameVi: "x",
      nameEn: "x",
      kind: "division",
      parentId: String(topRow.id),
    });
    expect((await self.json()).errors).toEqual({ parentId: "staff.units.errors.parentCycle" });
    const taken = await save(String(childRow.id), { code: "top", nameVi: "x", nameEn: "x", kind: "center" });
    expect((await taken.json()).errors).toEqual({ code: "staff.units.errors.codeTaken" });
    const bad = await save("new", { code: "Mã có dấu", nameVi: "", nameEn: "x", kind: "planet" });
    expect((await bad.json()).errors).toEqual({
      code: "staff.units.errors.codeFormat",
      nameVi: "staff.errors.required",
      kind: "staff.units.errors.kindRequired",
    });

    // Deactivating is a plain edit (an unticked box sends nothing).
    expect(
      (
        await save(String(childRow.id), {
          code: "CHILD",
          nameVi: "Đơn vị con",
          nameEn: "Child",
          kind: "center",
          parentId: String(topRow.id),
        })
      ).status,
    ).toBe(302);
    expect(
      (await db().selectFrom("unit").select("active").where("id", "=", childRow.id).executeTakeFirstOrThrow()).active,
    ).toBe(false);
    const log = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "unit")
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.action)).toEqual(["unit.create", "unit.create", "unit.update"]);
  });
});

describe("procedures and unit scoping", () => {
  let unitA: number;
  let unitB: number;
  beforeAll(async () => {
    unitA = await makeUnit();
    unitB = await makeUnit();
    const office = await signIn("office");
    for (const [code, unit] of [
      ["P-A1", unitA],
      ["P-A2", unitA],
      ["P-B1", unitB],
    ] as const) {
      const res = await settle(
        procedureAction(
          args(
            staffRequest("/staff/procedures/new", office.cookie, {
              form: {
                code,
                nameVi: `Thủ tục ${code}`,
                nameEn: `Procedure ${code}`,
                fieldVi: "Lĩnh vực",
                fieldEn: "Field",
                unitId: String(unit),
                active: "on",
              },
            }),
            { id: "new" },
          ),
        ),
      );
      expect(res.status).toBe(302);
    }
  });

  it("shows a unit user only their own unit's procedures, and all to the office", async () => {
    const unitUser = await signIn("unit", unitA);
    const data = await (await proceduresLoader(args(staffRequest("/staff/procedures", unitUser.cookie)))).json();
    expect(data.canEdit).toBe(false);
    expect(data.procedures.map((p: { code: string }) => p.code).sort()).toEqual(["P-A1", "P-A2"]);
    const office = await userOf((await signIn("office")).cookie);
    expect((await listProceduresForStaff(office)).map((p) => p.code)).toEqual(
      expect.arrayContaining(["P-A1", "P-A2", "P-B1"]),
    );
  });

  it("answers as missing for another unit's procedure (the page's 404) and shows nothing to a unit user without a unit", async () => {
    const unitUser = await userOf((await signIn("unit", unitA)).cookie);
    const other = await db().selectFrom("procedure").select("id").where("code", "=", "P-B1").executeTakeFirstOrThrow();
    expect(await getProcedureForStaff(other.id, unitUser)).toBeNull();
    const own = await db().selectFrom("procedure").select("id").where("code", "=", "P-A1").executeTakeFirstOrThrow();
    expect((await getProcedureForStaff(own.id, unitUser))?.code).toBe("P-A1");
    // The page turns "missing" into a 404; the admin sees the other unit's procedure.
    const page = (id: number) =>
      settle(procedureLoader(args(staffRequest(`/staff/procedures/${id}`, admin.cookie), { id: String(id) })));
    expect((await page(2_000_000_000)).status).toBe(404);
    expect((await page(other.id)).status).toBe(200);
    const lost = await userOf((await signIn("unit", null)).cookie);
    expect(await listProceduresForStaff(lost)).toEqual([]);
  });

  it("scopeByUnit narrows any query by the column given", async () => {
    const unitUser = await userOf((await signIn("unit", unitB)).cookie);
    const q = db().selectFrom("procedure").select("code");
    expect((await scopeByUnit(q, "procedure.unit_id", unitUser).execute()).map((r) => r.code)).toEqual(["P-B1"]);
    const viewer = await userOf((await signIn("viewer", unitB)).cookie);
    expect((await scopeByUnit(q, "procedure.unit_id", viewer).execute()).length).toBeGreaterThanOrEqual(3);
  });

  it("refuses a code another procedure has", async () => {
    const office = await signIn("office");
    const res = await procedureAction(
      args(
        staffRequest("/staff/procedures/new", office.cookie, {
          form: { code: "P-A1", nameVi: "x", nameEn: "x", fieldVi: "x", fieldEn: "x" },
        }),
        { id: "new" },
      ),
    );
    expect((await res.json()).errors).toEqual({ code: "staff.procedures.errors.codeTaken" });
  });
});

describe("settings", () => {
  const form = (over: Record<string, string>) => ({
    ...Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), toInput(d, d.default)])),
    ...over,
  });
  const post = (f: Record<string, string>) =>
    settle(settingsAction(args(staffRequest("/staff/settings", admin.cookie, { form: f }))));

  it("reads typed values, defaults where the table has no row", async () => {
    const s = await getSettings(1);
    expect(s["satisfaction.target"]).toBe(0.9);
    expect(s["feedback.days.answer"]).toBe(15);
    await db().deleteFrom("setting").where("key", "=", "dialogue.notice_days").execute();
    expect((await getSettings(1))["dialogue.notice_days"]).toBe(7);
    const page = await (await settingsLoader(args(staffRequest("/staff/settings", admin.cookie)))).json();
    expect(page.values.satisfaction__target).toBe("90");
  });

  it("refuses values out of range with a message per field and changes nothing", async () => {
    const res = await post(
      form({
        satisfaction__target: "101",
        satisfaction__suppression_threshold: "0",
        privacy__retention_months: "121",
        feedback__days__answer: "61",
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual([
      "feedback__days__answer",
      "privacy__retention_months",
      "satisfaction__suppression_threshold",
      "satisfaction__target",
    ]);
    expect(body.values.satisfaction__target).toBe("101");
    expect((await getSettings(1))["satisfaction.target"]).toBe(0.9);
  });

  it("saves what changed and audits old → new", async () => {
    const res = await post(form({ satisfaction__target: "92,5", privacy__retention_months: "24" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/staff/settings?saved=2");
    const s = await getSettings(1);
    expect(s["satisfaction.target"]).toBe(0.925);
    expect(s["privacy.retention_months"]).toBe(24);
    const log = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "settings.update")
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0].actor_id).toBe(admin.id);
    expect(log[0].details).toEqual({
      changes: { "satisfaction.target": { from: 0.9, to: 0.925 }, "privacy.retention_months": { from: 12, to: 24 } },
    });
    expect(
      (await post(form({ satisfaction__target: "92.5", privacy__retention_months: "24" }))).headers.get("Location"),
    ).toBe("/staff/settings?saved=0");
  });
});

describe("holiday calendar", () => {
  const post = (form: Record<string, string>) =>
    settle(holidaysAction(args(staffRequest("/staff/holidays", admin.cookie, { form }))));

  it("adds, moves and deletes days, grouped by year, and refuses a date twice", async () => {
    expect((await post({ date: "02/09/2030", nameVi: "Quốc khánh", nameEn: "National Day", kind: "off" })).status).toBe(
      302,
    );
    expect(
      (await post({ date: "2030-01-01", nameVi: "Tết Dương lịch", nameEn: "New Year's Day", kind: "off" })).status,
    ).toBe(302);
    expect(
      (await post({ date: "2031-01-01", nameVi: "Tết Dương lịch", nameEn: "New Year's Day", kind: "off" })).status,
    ).toBe(302);
    const dup = await post({ date: "2030-09-02", nameVi: "x", nameEn: "x", kind: "off" });
    expect((await dup.json()).errors).toEqual({ date: "staff.holidays.errors.dateTaken" });
    // Move 2 Sep to 3 Sep.
    expect(
      (
        await post({
          original: "2030-09-02",
          date: "2030-09-03",
          nameVi: "Quốc khánh",
          nameEn: "National Day",
          kind: "off",
        })
      ).status,
    ).toBe(302);
    expect((await listHolidays("2030-01-01", "2030-12-31")).map((h) => h.date)).toEqual(["2030-01-01", "2030-09-03"]);
    const page = await (
      await holidaysLoader(args(staffRequest("/staff/holidays?edit=2030-09-03", admin.cookie)))
    ).json();
    expect(page.years.slice(0, 2).map((y: { year: string }) => y.year)).toEqual(["2031", "2030"]);
    expect(page.editing?.name_en).toBe("National Day");
    expect((await post({ intent: "delete", date: "2030-09-03" })).status).toBe(302);
    expect((await post({ intent: "delete", date: "2030-09-03" })).status).toBe(400);
    expect((await listHolidays("2030-01-01", "2030-12-31")).map((h) => h.date)).toEqual(["2030-01-01"]);
    const log = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "holiday")
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.action)).toEqual([
      "holiday.create",
      "holiday.create",
      "holiday.create",
      "holiday.update",
      "holiday.delete",
    ]);
  });
});
