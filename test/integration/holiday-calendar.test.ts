// The days shipped for 2027 and 2028 (docs/rules/holidays.md) and the dashboard's 60-day warning,
// with a fixed clock. The test database holds only what the migrations wrote.
import { holidayCoverage } from "~/features/admin/holiday-coverage";
import { addWorkingDays, calendarFrom } from "~/kernel/time/working-days";
import { holidayWarning, saveHoliday } from "~/features/admin/holidays.server";
import { loader as dashboardLoader } from "~/routes/staff._index";
import { action as holidaysAction } from "~/routes/staff.holidays";
import { db } from "~/kernel/db/db.server";
import { signIn, staffRequest } from "../support/staff";

const at = (d: string) => new Date(`${d}T03:00:00Z`); // 10:00 in Viet Nam

describe("the statutory days shipped for 2027 and 2028", () => {
  it("are the Labour Code 2019 Art. 112 days with lunar dates converted, all to be confirmed", async () => {
    const rows = await db()
      .selectFrom("holiday")
      .select(["date", "kind", "confirmed"])
      .where("date", ">=", "2027-01-01")
      .orderBy("date")
      .execute();
    // By hand (docs/rules/holidays.md): Tết Đinh Mùi is Sat 6/2/2027, Giỗ Tổ 10/3 lunar Fri 16/4/2027;
    // Tết Mậu Thân Wed 26/1/2028, Giỗ Tổ Tue 4/4/2028; days in lieu by Art. 111(3).
    expect(rows.map((r) => r.date)).toEqual([
      "2027-01-01",
      "2027-02-04",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-04-16",
      "2027-04-30",
      "2027-05-01",
      "2027-05-03",
      "2027-09-02",
      "2027-09-03",
      "2028-01-01",
      "2028-01-03",
      "2028-01-24",
      "2028-01-25",
      "2028-01-26",
      "2028-01-27",
      "2028-01-28",
      "2028-04-04",
      "2028-04-30",
      "2028-05-01",
      "2028-05-02",
      "2028-09-01",
      "2028-09-02",
      "2028-09-04",
    ]);
    expect(rows.every((r) => r.kind === "off" && r.confirmed === false)).toBe(true);
    // Working days over Tết 2027: received Wed 3/2, 2 working days are Thu 11/2 and Fri 12/2
    // (4/2–10/2 off, 6–7/2 the weekend).
    const cal = calendarFrom(rows);
    expect(addWorkingDays("2027-02-03", 2, cal)).toBe("2027-02-12");
  });
});

describe("confirming a shipped day", () => {
  it("lets the admin confirm it (audited, nothing moves), refuses the Office, and answers 400 to a bad date", async () => {
    const [admin, office] = await Promise.all([signIn("admin"), signIn("office")]);
    const post = async (who: { cookie: string }, form: Record<string, string>) => {
      try {
        return (await holidaysAction({
          request: staffRequest("/staff/holidays", who.cookie, { form }),
          params: {},
          context: {},
        })) as Response;
      } catch (e) {
        if (e instanceof Response) return e;
        throw e;
      }
    };
    expect((await post(office, { intent: "confirm", date: "2027-04-16" })).status).toBe(403);
    expect((await post(admin, { intent: "confirm", date: "not-a-date" })).status).toBe(400);
    const ok = await post(admin, { intent: "confirm", date: "2027-04-16" });
    expect(ok.headers.get("Location")).toBe("/staff/holidays?done=confirmed");
    expect(
      (await db().selectFrom("holiday").select("confirmed").where("date", "=", "2027-04-16").executeTakeFirstOrThrow())
        .confirmed,
    ).toBe(true);
    // Twice is "not found": nothing left to confirm.
    expect((await post(admin, { intent: "confirm", date: "2027-04-16" })).status).toBe(400);
    const log = await db()
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity", "=", "holiday")
      .where("entity_id", "=", "2027-04-16")
      .execute();
    expect(log).toEqual([{ action: "holiday.confirm", actor_id: admin.id }]);
    await db().updateTable("holiday").set({ confirmed: false }).where("date", "=", "2027-04-16").execute();
  });
});

describe("the 60-day holiday warning", () => {
  it("reads the window's calendar years, not whether a holiday falls in it", () => {
    // 15/11/2028 + 60 days = 14/1/2029: the window touches 2028 and 2029.
    expect(holidayCoverage("2028-11-15", ["2027", "2028"])).toEqual({
      from: "2028-11-15",
      to: "2029-01-14",
      missingYears: ["2029"],
    });
    // 5/6/2028 + 60 = 4/8/2028: no holiday in the window, but 2028 is in the calendar — no warning.
    expect(holidayCoverage("2028-06-05", ["2028"]).missingYears).toEqual([]);
    expect(holidayCoverage("2026-12-06", []).missingYears).toEqual(["2026", "2027"]);
  });

  it("warns on a fixed clock when the coming 60 days run into a year with no day, and lists unconfirmed days", async () => {
    // 15/11/2028: 2029 has nothing yet.
    expect(await holidayWarning(at("2028-11-15"))).toEqual({
      from: "2028-11-15",
      to: "2029-01-14",
      missingYears: ["2029"],
      unconfirmed: [],
    });
    // 5/6/2028: 2028 is entered and no day of it falls before 4/8 — nothing to say.
    expect(await holidayWarning(at("2028-06-05"))).toBeNull();
    // 20/3/2028 → 19/5/2028: covered, but the shipped days in it are still to be confirmed.
    expect(await holidayWarning(at("2028-03-20"))).toEqual({
      from: "2028-03-20",
      to: "2028-05-19",
      missingYears: [],
      unconfirmed: ["2028-04-04", "2028-04-30", "2028-05-01", "2028-05-02"],
    });
    // Once the admin enters a day of 2029, the November warning goes.
    const admin = await signIn("admin");
    await saveHoliday(
      { date: "2029-01-01", nameVi: "Tết Dương lịch", nameEn: "New Year's Day", kind: "off" },
      null,
      admin,
      null,
    );
    expect(await holidayWarning(at("2028-11-15"))).toBeNull();
  });

  it("shows on the dashboard to the admin (with the link) and the Office, never to a viewer", async () => {
    // Today's calendar (the real clock): the test database has no day of the current year unless
    // it is 2027 or 2028, so the warning is there for the admin whatever today is before 2029-01.
    const [admin, office, viewer] = await Promise.all([signIn("admin"), signIn("office"), signIn("viewer")]);
    const load = async (cookie: string) =>
      (await dashboardLoader({ request: staffRequest("/staff", cookie), params: {}, context: {} })).json();
    const expected = await holidayWarning();
    const a = await load(admin.cookie);
    expect(a.holidayWarning).toEqual(expected);
    expect(a.canEditHolidays).toBe(true);
    expect((await load(office.cookie)).canEditHolidays).toBe(false);
    expect((await load(office.cookie)).holidayWarning).toEqual(expected);
    expect((await load(viewer.cookie)).holidayWarning).toBeNull();
  });
});
