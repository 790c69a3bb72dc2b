// Cross-agency isolation of the survey staff pages, the admin pages (units, procedures, users),
// the audit log and the dashboard rollups (issue 19; docs/rules/agencies.md). Agency B's admin
// builds B's data through the pages themselves — a survey, a question, a unit, a procedure, an
// account — with a marker word in every name, and a citizen of B leaves a comment. Then every
// role of agency A, the installation's own admin included, asks for B's ids on every page and
// action: 404 (or 403 for a role without the page), nothing of B's changed, no list showing the
// marker. B's admin does see B's rows on the same pages, so the check can see a leak.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { ALL_ROLES, type Role } from "~/features/accounts/auth.server";
import { signInWithPassword } from "~/features/accounts/sign-in.server";
import { reportYears } from "~/features/reports/dashboard-view.server";
import { foldPendingRollups } from "~/features/reports/rollup.server";
import { db } from "~/kernel/db/db.server";
import { createSession } from "~/kernel/session.server";
import * as audit from "~/routes/staff.audit";
import * as comments from "~/routes/staff.comments";
import * as procEdit from "~/routes/staff.procedures.$id";
import * as procList from "~/routes/staff.procedures._index";
import * as surveyEdit from "~/routes/staff.surveys.$id._index";
import * as itemEdit from "~/routes/staff.surveys.$id.items.$itemId";
import * as surveyList from "~/routes/staff.surveys._index";
import * as surveyNew from "~/routes/staff.surveys.new";
import * as unitEdit from "~/routes/staff.units.$id";
import * as unitList from "~/routes/staff.units._index";
import * as userEdit from "~/routes/staff.users.$id";
import * as userList from "~/routes/staff.users._index";
import * as userNew from "~/routes/staff.users.new";
import { call } from "../support/route-call";
import { makeAgencyB, overallItem, rowsOfB, signInRolesOfA, storeResponseOfB } from "../support/agency-b";
import { signIn, staffRequest } from "../support/staff";
import { ensureForms } from "../support/survey";

const get = (fn: unknown, path: string, cookie: string, params: Record<string, string> = {}) =>
  call(fn, staffRequest(path, cookie), params);
const post = (fn: unknown, path: string, cookie: string, form: Record<string, string>, params = {}) =>
  call(fn, staffRequest(path, cookie, { form }), params);

// Lower case, so B's slug and e-mail carry it too; no row of agency A holds it.
const MARK = "bqxmarker";
const B_CODE = "so-bqx";
const A_ROLES: Role[] = [...ALL_ROLES];

const b = { agency: 0, survey: 0, version: 0, item: 0, unit: 0, procedure: 0, user: 0, userEmail: "", adminId: 0 };
let bCookie = "";
let a: Map<Role, { id: number; cookie: string }>;

/** Every row of B's that a page of A could change, and the sessions of B's accounts (a forced
 * sign-out from A would show there), as one comparable value. */
async function bRows() {
  const sessions = await db()
    .selectFrom("staff_session")
    .select(["id", "revoked_at"])
    .where("user_id", "in", [b.user, b.adminId])
    .orderBy("id")
    .execute();
  const tables = ["survey", "survey_version", "survey_item", "unit", "procedure", "staff_user"] as const;
  return { rows: await rowsOfB(b.agency, tables), sessions };
}

beforeAll(async () => {
  await ensureForms();
  b.agency = await makeAgencyB(B_CODE, { vi: "Sở B kiểm tra", en: "Department B" });
  const bAdmin = await signIn("admin", null, b.agency);
  bCookie = bAdmin.cookie;
  b.adminId = bAdmin.id;

  // B's admin builds B's data through the pages.
  const unit = await post(
    unitEdit.action,
    "/staff/units/new",
    bCookie,
    {
      code: `${MARK}u`,
      nameVi: `Phòng ${MARK}`,
      nameEn: `Division ${MARK}`,
      kind: "division",
      active: "on",
    },
    { id: "new" },
  );
  expect(unit.status).toBe(302);
  b.unit = (await db().selectFrom("unit").select("id").where("agency_id", "=", b.agency).executeTakeFirstOrThrow()).id;
  const proc = await post(
    procEdit.action,
    "/staff/procedures/new",
    bCookie,
    {
      code: `${MARK}-p`,
      nameVi: `Thủ tục ${MARK}`,
      nameEn: `Procedure ${MARK}`,
      fieldVi: "Lĩnh vực",
      fieldEn: "Field",
      unitId: String(b.unit),
      active: "on",
    },
    { id: "new" },
  );
  expect(proc.status).toBe(302);
  b.procedure = (
    await db().selectFrom("procedure").select("id").where("agency_id", "=", b.agency).executeTakeFirstOrThrow()
  ).id;
  b.userEmail = `${MARK}-unit@test.hailong.vn`;
  const user = await post(userNew.action, "/staff/users/new", bCookie, {
    email: b.userEmail,
    name: `Người ${MARK}`,
    role: "unit",
    unitId: String(b.unit),
  });
  expect(user.status).toBe(200);
  b.user = (JSON.parse(user.text) as { created: { id: number } }).created.id;
  // A session of B's user, so a sign-out forced from A would show.
  await createSession(b.user);
  const made = await post(surveyNew.action, "/staff/surveys/new", bCookie, {
    source: "B",
    copy_of: "",
    slug: `${MARK}-khao-sat`,
    title_vi: `Khảo sát ${MARK}`,
    title_en: `Survey ${MARK}`,
  });
  expect(made.status).toBe(302);
  b.survey = Number(made.headers.get("Location")!.split("/").pop());
  const item = await post(
    itemEdit.action,
    `/staff/surveys/${b.survey}/items/new`,
    bCookie,
    {
      code: "GOPY",
      block: "OPEN",
      type: "textarea",
      text_vi: `Góp ý ${MARK}`,
      text_en: `Comments ${MARK}`,
      max_length: "500",
    },
    { id: String(b.survey), itemId: "new" },
  );
  expect(item.status).toBe(302);
  const row = await db()
    .selectFrom("survey_item")
    .select(["id", "version_id"])
    .where("agency_id", "=", b.agency)
    .where("code", "=", "GOPY")
    .executeTakeFirstOrThrow();
  Object.assign(b, { item: row.id, version: row.version_id });
  const published = await post(
    surveyEdit.action,
    `/staff/surveys/${b.survey}`,
    bCookie,
    { intent: "publish" },
    {
      id: String(b.survey),
    },
  );
  expect(published.status).toBe(302);

  // Agency A: every role, the unit role with a unit of A's.
  a = (await signInRolesOfA(A_ROLES)).signed;
});

/** B's answers to B's survey: one rating and one comment with the marker. */
async function storeB(comment: string) {
  await storeResponseOfB(b, [
    { itemId: await overallItem(b.version), value: 5, text: null, choices: null },
    { itemId: b.item, value: null, text: comment, choices: null },
  ]);
}

describe("what agency B's admin made is B's", () => {
  it("writes the survey, its version and items, the unit, procedure and account with B's agency", async () => {
    const survey = await db().selectFrom("survey").selectAll().where("id", "=", b.survey).executeTakeFirstOrThrow();
    expect(survey.agency_id).toBe(b.agency);
    const items = await db()
      .selectFrom("survey_item")
      .select("agency_id")
      .where("version_id", "=", b.version)
      .execute();
    // Form B's questions plus the one added.
    expect(items.length).toBeGreaterThan(1);
    expect(new Set(items.map((i) => i.agency_id))).toEqual(new Set([b.agency]));
    const account = await db()
      .selectFrom("staff_user")
      .select(["agency_id", "unit_id"])
      .where("id", "=", b.user)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ agency_id: b.agency, unit_id: b.unit });
  });

  it("writes every entry of B's admin into B's log, none into A's", async () => {
    const rows = await db()
      .selectFrom("audit_log")
      .select(["action", "agency_id"])
      .where("actor_id", "=", b.adminId)
      .orderBy("id")
      .execute();
    // By hand: unit, procedure, account, survey, question, publish — six changes.
    expect(rows.map((r) => r.action)).toEqual([
      "unit.create",
      "procedure.create",
      "user.create",
      "survey.create",
      "survey.item.create",
      "survey.publish",
    ]);
    expect(rows.every((r) => r.agency_id === b.agency)).toBe(true);
  });

  it("logs a wrong password for B's account in B's log (no actor: the account's agency)", async () => {
    const out = await signInWithPassword(b.userEmail, "wrong-password-for-test", {
      client: { ip: "10.77.0.1" } as never,
      cookieHeader: null,
    });
    expect(out.ok).toBe(false);
    const entry = await db()
      .selectFrom("audit_log")
      .select(["agency_id", "actor_id"])
      .where("action", "=", "auth.login_failed")
      .where("ip", "=", "10.77.0.1")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ agency_id: b.agency, actor_id: null });
  });

  it("lets each agency have its own survey at the same address, and one only", async () => {
    // B's survey at an address without the marker, so A's own list stays free of it.
    const slug = "khao-sat-rieng-b";
    expect(
      (
        await post(surveyNew.action, "/staff/surveys/new", bCookie, {
          source: "B",
          copy_of: "",
          slug,
          title_vi: `Thứ hai ${MARK}`,
          title_en: `Second ${MARK}`,
        })
      ).status,
    ).toBe(302);
    const form = { source: "A", copy_of: "", slug, title_vi: "Khảo sát của A", title_en: "A's survey" };
    const mine = await post(surveyNew.action, "/staff/surveys/new", a.get("office")!.cookie, form);
    expect(mine.status).toBe(302);
    const aId = Number(mine.headers.get("Location")!.split("/").pop());
    const row = await db().selectFrom("survey").select("agency_id").where("id", "=", aId).executeTakeFirstOrThrow();
    expect(row.agency_id).toBe(1);
    const again = await post(surveyNew.action, "/staff/surveys/new", bCookie, form);
    expect(again.status).toBe(400);
    expect(JSON.parse(again.text).errors).toEqual({ slug: "surveyStaff.errors.slugTaken" });
    const bs = await db()
      .selectFrom("survey")
      .select("id")
      .where("agency_id", "=", b.agency)
      .where("slug", "=", slug)
      .execute();
    expect(bs).toHaveLength(1);
  });
});

describe("agency A's staff never see B's rows in a list", () => {
  const lists: [string, unknown, string][] = [
    ["surveys", surveyList.loader, "/staff/surveys"],
    ["new survey (copy choices)", surveyNew.loader, "/staff/surveys/new"],
    ["comments", comments.loader, "/staff/comments"],
    ["units", unitList.loader, "/staff/units"],
    ["procedures", procList.loader, "/staff/procedures"],
    ["users", userList.loader, "/staff/users"],
    ["new user (unit choices)", userNew.loader, "/staff/users/new"],
    ["audit log", audit.loader, "/staff/audit"],
  ];

  beforeAll(async () => {
    await storeB(`Nhận xét ${MARK}: phục vụ tốt`);
  });

  for (const [name, loader, path] of lists) {
    it(`${name}: B's admin sees B's marker, no role of A does`, async () => {
      const own = await get(loader, path, bCookie);
      expect(own.status).toBe(200);
      expect(own.text).toContain(MARK);
      for (const role of A_ROLES) {
        const res = await get(loader, path, a.get(role)!.cookie);
        expect([200, 403], `${name} as ${role}`).toContain(res.status);
        expect(res.text, `${name} as ${role}`).not.toContain(MARK);
      }
    });
  }

  it("the audit log of B's admin lists exactly B's entries, none of A's", async () => {
    const count = async (agencyId: number) =>
      Number(
        (
          await db()
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("agency_id", "=", agencyId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // A has entries of its own (its office made a survey), so an unscoped log would show them.
    expect(await count(1)).toBeGreaterThan(0);
    const page = JSON.parse((await get(audit.loader, "/staff/audit", bCookie)).text) as { rows: { id: number }[] };
    const bIds = await db().selectFrom("audit_log").select("id").where("agency_id", "=", b.agency).execute();
    // Fewer than a page (50), so the first page is all of them.
    expect(bIds.length).toBeLessThan(50);
    expect(page.rows.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual(
      bIds.map((r) => Number(r.id)).sort((x, y) => x - y),
    );
  });
});

describe("agency A's staff against B's ids: 404 or 403, and nothing of B's changes", () => {
  it("answers every page of B's survey, question, unit, procedure and account with 404 or 403", async () => {
    const pages: [unknown, string, Record<string, string>][] = [
      [surveyEdit.loader, `/staff/surveys/${b.survey}`, { id: String(b.survey) }],
      [itemEdit.loader, `/staff/surveys/${b.survey}/items/${b.item}`, { id: String(b.survey), itemId: String(b.item) }],
      [itemEdit.loader, `/staff/surveys/${b.survey}/items/new`, { id: String(b.survey), itemId: "new" }],
      [unitEdit.loader, `/staff/units/${b.unit}`, { id: String(b.unit) }],
      [procEdit.loader, `/staff/procedures/${b.procedure}`, { id: String(b.procedure) }],
      [userEdit.loader, `/staff/users/${b.user}`, { id: String(b.user) }],
    ];
    for (const role of A_ROLES)
      for (const [loader, path, params] of pages) {
        const res = await get(loader, path, a.get(role)!.cookie, params);
        expect([403, 404], `${path} as ${role}`).toContain(res.status);
        expect(res.text).not.toContain(MARK);
      }
    // The same pages open for B's admin: the ids are real.
    for (const [loader, path, params] of pages) expect((await get(loader, path, bCookie, params)).status).toBe(200);
  });

  it("refuses every action on B's ids, for every role of A, and changes none of B's rows", async () => {
    const before = await bRows();
    const auditBefore = await db()
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    const s = String(b.survey);
    const settings = {
      intent: "settings",
      title_vi: "Chiếm",
      title_en: "Taken",
      intro_vi: "",
      intro_en: "",
      opens_at: "",
      closes_at: "",
      active: "on",
    };
    const itemForm = { code: "GOPY", block: "OPEN", type: "L5", text_vi: "Đổi", text_en: "Changed", required: "on" };
    const unitForm = { code: "CHIEM", nameVi: "Chiếm", nameEn: "Taken", kind: "division", active: "on" };
    const procForm = {
      code: "CHIEM",
      nameVi: "Chiếm",
      nameEn: "Taken",
      fieldVi: "x",
      fieldEn: "x",
      unitId: "",
      active: "on",
    };
    const actions: [unknown, string, Record<string, string>, Record<string, string>][] = [
      [surveyEdit.action, `/staff/surveys/${s}`, settings, { id: s }],
      [surveyEdit.action, `/staff/surveys/${s}`, { intent: "publish" }, { id: s }],
      [surveyEdit.action, `/staff/surveys/${s}`, { intent: "new_version" }, { id: s }],
      [surveyEdit.action, `/staff/surveys/${s}`, { intent: "move", itemId: String(b.item), dir: "-1" }, { id: s }],
      [surveyEdit.action, `/staff/surveys/${s}`, { intent: "delete", itemId: String(b.item) }, { id: s }],
      [itemEdit.action, `/staff/surveys/${s}/items/${b.item}`, itemForm, { id: s, itemId: String(b.item) }],
      [itemEdit.action, `/staff/surveys/${s}/items/new`, { ...itemForm, code: "MOI" }, { id: s, itemId: "new" }],
      [unitEdit.action, `/staff/units/${b.unit}`, unitForm, { id: String(b.unit) }],
      [procEdit.action, `/staff/procedures/${b.procedure}`, procForm, { id: String(b.procedure) }],
      [
        userEdit.action,
        `/staff/users/${b.user}`,
        { intent: "update", name: "Chiếm", role: "admin", unitId: "" },
        { id: String(b.user) },
      ],
      [userEdit.action, `/staff/users/${b.user}`, { intent: "disable" }, { id: String(b.user) }],
      [userEdit.action, `/staff/users/${b.user}`, { intent: "reset" }, { id: String(b.user) }],
      [userEdit.action, `/staff/users/${b.user}`, { intent: "signout" }, { id: String(b.user) }],
      [userList.action, "/staff/users", { intent: "unlock", id: String(b.user) }, {}],
    ];
    for (const role of A_ROLES)
      for (const [action, path, form, params] of actions) {
        const res = await post(action, path, a.get(role)!.cookie, form, params);
        expect([403, 404], `${path} ${form.intent ?? ""} as ${role}`).toContain(res.status);
        expect(res.text).not.toContain(MARK);
      }
    expect(await bRows()).toEqual(before);
    // A refused action writes no audit entry either.
    const after = await db()
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    expect(after.m).toBe(auditBefore.m);
  });

  it("refuses to copy B's survey, to put A's procedure or account in B's unit, or a unit under B's", async () => {
    const before = await bRows();
    const office = a.get("office")!.cookie;
    const admin = a.get("admin")!.cookie;
    const copy = await post(surveyNew.action, "/staff/surveys/new", office, {
      source: "copy",
      copy_of: String(b.survey),
      slug: "ban-sao-cua-b",
      title_vi: "Bản sao",
      title_en: "Copy",
    });
    expect(copy.status).toBe(400);
    expect(JSON.parse(copy.text).errors).toEqual({ copy_of: "surveyStaff.errors.copyOf" });
    const proc = await post(
      procEdit.action,
      "/staff/procedures/new",
      office,
      {
        code: "VAO-B",
        nameVi: "Vào B",
        nameEn: "Into B",
        fieldVi: "x",
        fieldEn: "x",
        unitId: String(b.unit),
        active: "on",
      },
      { id: "new" },
    );
    expect(proc.status).toBe(400);
    expect(JSON.parse(proc.text).errors).toEqual({ unitId: "staff.procedures.errors.unitMissing" });
    const user = await post(userNew.action, "/staff/users/new", admin, {
      email: "vao-b@test.hailong.vn",
      name: "Vào B",
      role: "unit",
      unitId: String(b.unit),
    });
    expect(user.status).toBe(400);
    expect(JSON.parse(user.text).errors).toEqual({ unitId: "staff.users.errors.unitMissing" });
    const unit = await post(
      unitEdit.action,
      "/staff/units/new",
      admin,
      {
        code: "DUOIB",
        nameVi: "Dưới B",
        nameEn: "Under B",
        kind: "division",
        parentId: String(b.unit),
        active: "on",
      },
      { id: "new" },
    );
    expect(unit.status).toBe(400);
    expect(JSON.parse(unit.text).errors).toEqual({ parentId: "staff.units.errors.parentMissing" });
    for (const [table, col, v] of [
      ["survey", "slug", "ban-sao-cua-b"],
      ["procedure", "code", "VAO-B"],
      ["staff_user", "email", "vao-b@test.hailong.vn"],
      ["unit", "code", "DUOIB"],
    ] as const) {
      const n = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(col)} = ${v}`.execute(db());
      expect(n.rows[0].n, table).toBe(0);
    }
    expect(await bRows()).toEqual(before);
  });

  it("a burst of 20 concurrent edits of B's survey by A's office changes nothing", async () => {
    const before = await bRows();
    const office = a.get("office")!.cookie;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          surveyEdit.action,
          `/staff/surveys/${b.survey}`,
          office,
          i % 2
            ? { intent: "delete", itemId: String(b.item) }
            : { intent: "settings", title_vi: `Chiếm ${i}`, title_en: "x", active: "on" },
          { id: String(b.survey) },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(404));
    expect(await bRows()).toEqual(before);
  });

  it("a new account of A's admin is A's: B's admin cannot see or change it", async () => {
    const made = await post(userNew.action, "/staff/users/new", a.get("admin")!.cookie, {
      email: "moi-cua-a@test.hailong.vn",
      name: "Người mới của A",
      role: "viewer",
      unitId: "",
    });
    expect(made.status).toBe(200);
    const id = (JSON.parse(made.text) as { created: { id: number } }).created.id;
    const row = await db().selectFrom("staff_user").select("agency_id").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.agency_id).toBe(1);
    expect((await get(userEdit.loader, `/staff/users/${id}`, bCookie, { id: String(id) })).status).toBe(404);
    const disable = await post(
      userEdit.action,
      `/staff/users/${id}`,
      bCookie,
      { intent: "disable" },
      { id: String(id) },
    );
    expect(disable.status).toBe(404);
    const still = await db().selectFrom("staff_user").select("active").where("id", "=", id).executeTakeFirstOrThrow();
    expect(still.active).toBe(true);
  });
});

describe("the dashboard rollups carry the response's agency", () => {
  it("writes B's response into rollup rows of B, and A's figures do not move", async () => {
    await foldPendingRollups();
    const totals = async (agencyId: number) => {
      const r = await sql<{ responses: number; answers: number; half: number; quarter: number }>`
        select (select coalesce(sum(responses), 0)::int from response_rollup where agency_id = ${agencyId}) as responses,
               (select coalesce(sum(c0 + c1 + c2 + c3 + c4 + c5), 0)::int from answer_rollup where agency_id = ${agencyId}) as answers,
               (select coalesce(sum(c0 + c1 + c2 + c3 + c4 + c5), 0)::int from answer_rollup_half where agency_id = ${agencyId}) as half,
               (select coalesce(sum(c0 + c1 + c2 + c3 + c4 + c5), 0)::int from answer_rollup_quarter where agency_id = ${agencyId}) as quarter`.execute(
        db(),
      );
      return r.rows[0];
    };
    const aBefore = await totals(1);
    const bBefore = await totals(b.agency);
    await storeB(`Thêm ${MARK}`);
    await foldPendingRollups();
    // By hand: one response, one rated answer (5 on OVERALL; the comment has no code 0–5).
    expect(await totals(b.agency)).toEqual({
      responses: bBefore.responses + 1,
      answers: bBefore.answers + 1,
      half: bBefore.half + 1,
      quarter: bBefore.quarter + 1,
    });
    expect(await totals(1)).toEqual(aBefore);
    // Every rollup row of B's version is B's.
    for (const table of ["response_rollup", "answer_rollup", "answer_rollup_half", "answer_rollup_quarter"]) {
      const rows = await sql<{ agency_id: number }>`
        select distinct agency_id from ${sql.table(table)} where survey_version_id = ${b.version}`.execute(db());
      expect(
        rows.rows.map((r) => r.agency_id),
        table,
      ).toEqual([b.agency]);
    }
  });

  it("offers each agency the report years of its own responses only", async () => {
    // A rollup row of B's dated in 2031 (by the 17-day shift, a day from 15/12 belongs to the next
    // report year: 20/12/2031 is report year 2032). A's year list never shows 2032; B's does.
    await sql`
      insert into response_rollup (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
      values (${b.agency}, '2031-12-20', ${b.version}, ${b.unit}, 0, 'web', false, 1)`.execute(db());
    expect(await reportYears(b.agency, 2026)).toContain(2032);
    expect(await reportYears(1, 2026)).not.toContain(2032);
    expect(await reportYears(1, 2026)).toContain(2026);
  });
});
