// The installation admin's agency list (issue 19), through its two route modules: listing,
// creating and editing, the audit trail, and every refusal (which must leave the agency table
// and the audit log as they were and be worded in Vietnamese and in English).
import { createI18n } from "~/kernel/http/i18n.server";
import { db } from "~/kernel/db/db.server";
import { action as editAction, loader as editLoader } from "~/routes/staff.agencies.$id";
import { loader as listLoader } from "~/routes/staff.agencies._index";
import { makeStaff, makeUnit, signIn, staffRequest } from "../support/staff";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
async function settle(p: Promise<unknown>): Promise<Response> {
  try {
    const r = await p;
    return r instanceof Response ? r : new Response(JSON.stringify(r), { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

let admin: Awaited<ReturnType<typeof signIn>>;
/** The agencies the migration made: the province (the root, id 2) and the department (id 1). */
const PROVINCE = 2;
const DEPARTMENT = 1;

beforeAll(async () => {
  admin = await signIn("admin");
});

const save = (id: string, form: Record<string, string>, cookie = admin.cookie) =>
  settle(editAction(args(staffRequest(`/staff/agencies/${id}`, cookie, { form }), { id })));
const agencyRows = () => db().selectFrom("agency").selectAll().orderBy("id").execute();
const auditRows = () => db().selectFrom("audit_log").selectAll().where("entity", "=", "agency").orderBy("id").execute();
const byCode = (code: string) => db().selectFrom("agency").selectAll().where("code", "=", code).executeTakeFirst();

const vi = createI18n("vi").t;
const en = createI18n("en").t;

/** A refused save: 400, the one expected error, a message in both languages, nothing written. */
async function refused(id: string, form: Record<string, string>, field: string, key: string) {
  const before = [await agencyRows(), await auditRows()];
  const res = await save(id, form);
  expect(res.status, `${JSON.stringify(form)} → ${key}`).toBe(400);
  expect((await res.json()).errors).toEqual({ [field]: key });
  expect([await agencyRows(), await auditRows()]).toEqual(before);
  for (const t of [vi, en]) expect(t(key)).not.toBe(key);
  expect(vi(key)).not.toBe(en(key));
}

const base = { nameVi: "Sở Y tế", nameEn: "Department of Health", parentId: String(PROVINCE), target: "90" };

describe("the admin's agency list", () => {
  it("lists the province first, then its agencies with parent, target, units and active staff", async () => {
    // Units and staff belong to agency 1 until they are given another (migration 021's default).
    await makeUnit();
    await makeUnit();
    const leaver = await makeStaff("office");
    await db().updateTable("staff_user").set({ active: false }).where("id", "=", leaver.id).execute();
    const units = Number(
      (
        await db()
          .selectFrom("unit")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("agency_id", "=", DEPARTMENT)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const staff = Number(
      (
        await db()
          .selectFrom("staff_user")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("agency_id", "=", DEPARTMENT)
          .where("active", "=", true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(units).toBeGreaterThanOrEqual(2);
    const res = await settle(listLoader(args(staffRequest("/staff/agencies", admin.cookie))));
    expect(res.status).toBe(200);
    const { agencies } = (await res.json()) as {
      agencies: { id: number; parent: string | null; target: number; units: number; staff: number }[];
    };
    expect(agencies[0]).toMatchObject({ id: PROVINCE, parent: null, units: 0, staff: 0 });
    const province = await db().selectFrom("agency").selectAll().where("id", "=", PROVINCE).executeTakeFirstOrThrow();
    const dept = agencies.find((a) => a.id === DEPARTMENT)!;
    expect(dept).toMatchObject({ parent: province.name_vi, units, staff });

    // In English, the names are the English ones.
    const enRes = await settle(listLoader(args(staffRequest("/staff/agencies?lng=en", admin.cookie))));
    const enList = (await enRes.json()) as { agencies: { id: number; name: string; parent: string | null }[] };
    expect(enList.agencies.find((a) => a.id === DEPARTMENT)!.parent).toBe(province.name_en);
  });

  it("creates a child agency and edits its names, target and parent, auditing who did it", async () => {
    const created = await save("new", { ...base, code: " So-Y-Te " });
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/staff/agencies");
    const row = (await byCode("so-y-te"))!;
    expect(row).toMatchObject({ name_vi: "Sở Y tế", name_en: "Department of Health", parent_id: PROVINCE });
    expect(Number(row.target_percent)).toBe(90);

    // Under the department instead, new names, 92,5 written the Vietnamese way. Sending the
    // code it already has is not a change.
    const edited = await save(String(row.id), {
      code: "so-y-te",
      nameVi: "Trung tâm Y tế",
      nameEn: "Health Centre",
      parentId: String(DEPARTMENT),
      target: "92,5",
    });
    expect(edited.status).toBe(302);
    const after = (await byCode("so-y-te"))!;
    expect(after).toMatchObject({ name_vi: "Trung tâm Y tế", name_en: "Health Centre", parent_id: DEPARTMENT });
    expect(Number(after.target_percent)).toBe(92.5);

    const log = (await auditRows()).filter((l) => l.entity_id === String(row.id));
    expect(log.map((l) => [l.action, l.actor_id, l.actor_email])).toEqual([
      ["agency.create", admin.id, admin.email],
      ["agency.update", admin.id, admin.email],
    ]);

    // The edit page shows it; the boundaries of the target (50 and 100) are accepted.
    const page = await settle(
      editLoader(args(staffRequest(`/staff/agencies/${row.id}`, admin.cookie), { id: String(row.id) })),
    );
    expect(page.status).toBe(200);
    expect((await page.json()).agency).toMatchObject({ code: "so-y-te", target_percent: 92.5 });
    for (const target of ["50", "100", "100.0"]) {
      const r = await save(String(row.id), { ...base, parentId: String(DEPARTMENT), target });
      expect(r.status, target).toBe(302);
    }
  });

  it("refuses bad codes, targets, parents and a changed code, writing nothing", async () => {
    const dept = (await db().selectFrom("agency").selectAll().where("id", "=", DEPARTMENT).executeTakeFirstOrThrow())!;
    await save("new", { ...base, code: "so-tai-chinh" });
    const a = (await byCode("so-tai-chinh"))!;
    await save("new", { ...base, code: "phong-tai-vu", parentId: String(a.id) });
    const b = (await byCode("phong-tai-vu"))!;

    // Duplicates, case-insensitive: codes are kept in lower case, so upper case is the same code.
    await refused("new", { ...base, code: "SO-TAI-CHINH" }, "code", "agencies.errors.codeTaken");
    await refused("new", { ...base, code: dept.code.toUpperCase() }, "code", "agencies.errors.codeTaken");
    // Not a slug.
    for (const code of ["so--y-te", "-so", "so-", "sở-y-tế", "so_y_te", "so y te", "so/y"])
      await refused("new", { ...base, code }, "code", "agencies.errors.codeFormat");
    await refused("new", { ...base, code: "x" }, "code", "agencies.errors.codeLength");
    await refused("new", { ...base, code: "a".repeat(41) }, "code", "agencies.errors.codeLength");
    await refused("new", { ...base, code: "" }, "code", "agencies.errors.codeRequired");
    // The portal's own first path segments.
    for (const code of ["staff", "ket-qua", "feedback", "dialogues", "privacy", "STAFF", "healthz"])
      await refused("new", { ...base, code }, "code", "agencies.errors.codeReserved");
    // Targets.
    await refused("new", { ...base, code: "so-moi", target: "49" }, "target", "agencies.errors.targetRange");
    await refused("new", { ...base, code: "so-moi", target: "49.9" }, "target", "agencies.errors.targetRange");
    await refused("new", { ...base, code: "so-moi", target: "100.5" }, "target", "agencies.errors.targetRange");
    for (const target of ["abc", "92.55", "9e1", "-90", "0x5A", "90%"])
      await refused("new", { ...base, code: "so-moi", target }, "target", "agencies.errors.targetFormat");
    await refused("new", { ...base, code: "so-moi", target: "" }, "target", "agencies.errors.targetRequired");
    // Parents: a loop (directly, or through a child), a forged id, none at all (a second root).
    await refused(String(a.id), { ...base, parentId: String(b.id) }, "parentId", "agencies.errors.parentCycle");
    await refused(String(a.id), { ...base, parentId: String(a.id) }, "parentId", "agencies.errors.parentCycle");
    for (const parentId of ["999999", "2147483648", "abc", "1.5", "-1"])
      await refused("new", { ...base, code: "so-moi", parentId }, "parentId", "agencies.errors.parentMissing");
    await refused("new", { ...base, code: "so-moi", parentId: "" }, "parentId", "agencies.errors.parentRequired");
    await refused(String(a.id), { ...base, parentId: "" }, "parentId", "agencies.errors.parentRequired");
    // The code of an agency that exists, even only its case (the form does not send it).
    await refused(String(a.id), { ...base, code: "so-tai-chinh-2" }, "code", "agencies.errors.codeFixed");
    await refused(String(a.id), { ...base, code: "phong-tai-vu" }, "code", "agencies.errors.codeFixed");
    // The root cannot be given a parent, not even one of its own children.
    const province = (await db()
      .selectFrom("agency")
      .selectAll()
      .where("id", "=", PROVINCE)
      .executeTakeFirstOrThrow())!;
    await refused(
      String(PROVINCE),
      { nameVi: province.name_vi, nameEn: province.name_en, parentId: String(DEPARTMENT), target: "90" },
      "parentId",
      "agencies.errors.rootHasNoParent",
    );
    // …but its names and target can change.
    const root = await save(String(PROVINCE), { nameVi: province.name_vi, nameEn: "Province", target: "85" });
    expect(root.status).toBe(302);
    expect(
      (await db().selectFrom("agency").selectAll().where("id", "=", PROVINCE).executeTakeFirstOrThrow()).parent_id,
    ).toBe(null);
  });

  it("answers a forged agency id with the not-found page, not an error", async () => {
    for (const id of ["999999", "2147483648", "abc", "1e3", "0", "-1", "1.0"]) {
      const before = [await agencyRows(), await auditRows()];
      expect((await settle(editLoader(args(staffRequest(`/staff/agencies/${id}`, admin.cookie), { id })))).status).toBe(
        404,
      );
      expect((await save(id, { ...base })).status, id).toBe(404);
      expect((await save(id, { target: "abc", code: "x" })).status, id).toBe(404);
      expect([await agencyRows(), await auditRows()]).toEqual(before);
    }
  });

  it("refuses office, unit and viewer on both pages' loader and action (403), changing nothing", async () => {
    const unitId = await makeUnit();
    for (const role of ["office", "unit", "viewer"] as const) {
      const who = await signIn(role, unitId);
      const before = [await agencyRows(), await auditRows()];
      expect((await settle(listLoader(args(staffRequest("/staff/agencies", who.cookie))))).status).toBe(403);
      expect(
        (await settle(editLoader(args(staffRequest("/staff/agencies/new", who.cookie), { id: "new" })))).status,
      ).toBe(403);
      expect((await settle(editLoader(args(staffRequest("/staff/agencies/1", who.cookie), { id: "1" })))).status).toBe(
        403,
      );
      expect((await save("new", { ...base, code: `by-${role}` }, who.cookie)).status).toBe(403);
      expect((await save(String(DEPARTMENT), { ...base, target: "50" }, who.cookie)).status).toBe(403);
      expect([await agencyRows(), await auditRows()]).toEqual(before);
    }
  });

  it("makes exactly one agency of 40 concurrent creates of the same code", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        save("new", { ...base, code: i % 2 ? "SO-CONG-THUONG" : "so-cong-thuong", nameEn: `Try ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(39);
    for (const r of results.filter((x) => x.status === 400))
      expect((await r.json()).errors).toEqual({ code: "agencies.errors.codeTaken" });
    const rows = await db().selectFrom("agency").selectAll().where("code", "=", "so-cong-thuong").execute();
    expect(rows).toHaveLength(1);
    const log = (await auditRows()).filter((l) => l.entity_id === String(rows[0].id));
    expect(log.map((l) => l.action)).toEqual(["agency.create"]);
  });
});
