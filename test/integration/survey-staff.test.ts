// The survey's staff pages on a real database: who may use them, management with frozen
// versions, paper entry, served counts, links and posters. Every change leaves an audit entry.
import { db } from "~/kernel/db/db.server";
import * as manage from "~/routes/staff.surveys.$id._index";
import * as item from "~/routes/staff.surveys.$id.items.$itemId";
import * as links from "~/routes/staff.surveys.$id.links";
import * as poster from "~/routes/staff.surveys.$id.poster";
import * as preview from "~/routes/staff.surveys.$id.preview";
import * as list from "~/routes/staff.surveys._index";
import * as create from "~/routes/staff.surveys.new";
import * as paper from "~/routes/staff.paper.$surveyId";
import * as paperList from "~/routes/staff.paper._index";
import * as coverage from "~/routes/staff.coverage._index";
import * as coverageImport from "~/routes/staff.coverage.import";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import {
  countResponses,
  ensureForms,
  formBFields,
  formToken,
  getSurvey,
  makeProcedure,
  postSurvey,
} from "../support/survey";

type Mod = { access: { loader?: readonly string[]; action?: readonly string[] }; loader: Function; action?: Function };
const call = async (fn: Function, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};
const auditCount = async (action: string) =>
  Number(
    (
      await db()
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

let unitA: number;
let unitB: number;
let procA: number;

beforeAll(async () => {
  await ensureForms();
  unitA = await makeUnit();
  unitB = await makeUnit();
  procA = await makeProcedure(unitA);
});

describe("access", () => {
  const modules: [string, Mod, Record<string, string>][] = [
    ["/staff/surveys", list as Mod, {}],
    ["/staff/surveys/new", create as Mod, {}],
    ["/staff/surveys/1", manage as Mod, { id: "1" }],
    ["/staff/surveys/1/items/new", item as Mod, { id: "1", itemId: "new" }],
    ["/staff/surveys/1/preview", preview as Mod, { id: "1" }],
    ["/staff/surveys/1/links", links as Mod, { id: "1" }],
    ["/staff/surveys/1/poster", poster as Mod, { id: "1" }],
    ["/staff/paper", paperList as Mod, {}],
    ["/staff/paper/1", paper as Mod, { surveyId: "1" }],
    ["/staff/coverage", coverage as Mod, {}],
    ["/staff/coverage/import", coverageImport as Mod, {}],
  ];

  it("sends a visitor without a session to sign in, and refuses roles not listed without writing anything", async () => {
    const viewer = await signIn("viewer");
    const unit = await signIn("unit", unitA);
    const before = await db()
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const responsesBefore = await db()
      .selectFrom("response")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const [path, mod, params] of modules) {
      for (const kind of ["loader", "action"] as const) {
        const fn = mod[kind];
        const roles = mod.access[kind];
        if (!fn) continue;
        expect(roles, `${path} ${kind} declares its roles`).toBeTruthy();
        const form =
          kind === "action"
            ? {
                intent: "publish",
                unit: String(unitA),
                count: "5",
                start: "2026-01-01",
                end: "2026-01-31",
                sid: crypto.randomUUID(),
              }
            : undefined;
        const anon = await call(fn, staffRequest(path, null, { form }), params);
        expect(anon.status, `${path} ${kind} without a session`).toBe(302);
        expect(anon.headers.get("Location")).toMatch(/^\/staff\/login/);
        for (const who of [viewer, unit]) {
          if (roles!.includes(who.role)) continue;
          const res = await call(fn, staffRequest(path, who.cookie, { form }), params);
          expect(res.status, `${path} ${kind} as ${who.role}`).toBe(403);
        }
      }
    }
    const after = await db()
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const responsesAfter = await db()
      .selectFrom("response")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(responsesAfter.n)).toBe(Number(responsesBefore.n));
  });
});

describe("managing a survey", () => {
  it("creates from a template as an unpublished draft, edits it, publishes, freezes on the first response, and changes only through a new version", async () => {
    const office = await signIn("office");
    const go = (path: string, params: Record<string, string>, form?: Record<string, string>) =>
      call(form ? manage.action : manage.loader, staffRequest(path, office.cookie, { form }), params);

    const bad = await call(
      create.action,
      staffRequest("/staff/surveys/new", office.cookie, {
        form: { source: "B", slug: "Có dấu", title_vi: "", title_en: "x" },
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({
      slug: "surveyStaff.errors.slug",
      title_vi: "surveyStaff.errors.title",
    });

    const made = await call(
      create.action,
      staffRequest("/staff/surveys/new", office.cookie, {
        form: { source: "B", slug: "khao-sat-thu", title_vi: "Khảo sát thử", title_en: "Trial survey" },
      }),
    );
    expect(made.status).toBe(302);
    const id = made.headers.get("Location")!.split("/").pop()!;
    const taken = await call(
      create.action,
      staffRequest("/staff/surveys/new", office.cookie, {
        form: { source: "A", slug: "khao-sat-thu", title_vi: "X", title_en: "X" },
      }),
    );
    expect((await taken.json()).errors).toEqual({ slug: "surveyStaff.errors.slugTaken" });

    let page = await (await go(`/staff/surveys/${id}`, { id })).json();
    expect(page.latest).toEqual({ version: 1, published: false, frozen: false });
    expect(page.items).toHaveLength(34);
    // Not published: citizens cannot answer it yet.
    expect((await (await getSurvey("khao-sat-thu")).json()).state).toBe("closed");

    // Add a question, then move it up and delete another.
    const added = await call(
      item.action,
      staffRequest(`/staff/surveys/${id}/items/new`, office.cookie, {
        form: {
          code: "staff6",
          block: "STAFF",
          type: "L5",
          text_vi: "Công chức đeo thẻ",
          text_en: "Officials wear a badge",
          required: "on",
        },
      }),
      { id, itemId: "new" },
    );
    expect(added.status).toBe(302);
    const badItem = await call(
      item.action,
      staffRequest(`/staff/surveys/${id}/items/new`, office.cookie, {
        form: { code: "STAFF6", block: "STAFF", type: "single", text_vi: "x", text_en: "" },
      }),
      { id, itemId: "new" },
    );
    expect((await badItem.json()).errors).toEqual({
      text_en: "surveyStaff.errors.text",
      options: "surveyStaff.errors.optionsCount",
    });
    page = await (await go(`/staff/surveys/${id}`, { id })).json();
    const s6 = page.items.find((i: { code: string }) => i.code === "STAFF6");
    expect(page.items).toHaveLength(35);
    expect(
      (await go(`/staff/surveys/${id}`, { id }, { intent: "move", itemId: String(s6.id), dir: "-1" })).status,
    ).toBe(302);
    const demoAge = page.items.find((i: { code: string }) => i.code === "DEMO_AGE");
    expect((await go(`/staff/surveys/${id}`, { id }, { intent: "delete", itemId: String(demoAge.id) })).status).toBe(
      302,
    );
    page = await (await go(`/staff/surveys/${id}`, { id })).json();
    expect(page.items.map((i: { code: string }) => i.code).slice(-3)).toEqual(["DEMO_TYPE", "STAFF6", "DEMO_CHANNEL"]);

    // Publish, answer once: the version is frozen and every edit is refused.
    expect((await go(`/staff/surveys/${id}`, { id }, { intent: "publish" })).headers.get("Location")).toBe(
      `/staff/surveys/${id}?done=published-1`,
    );
    const answered = await postSurvey(
      "khao-sat-thu",
      formBFields("4", { _f: await formToken("khao-sat-thu"), unit: String(unitA), q_STAFF6: "5" }),
    );
    expect(answered.status).toBe(302);
    const frozenEdit = await call(
      item.action,
      staffRequest(`/staff/surveys/${id}/items/${s6.id}`, office.cookie, {
        form: { code: "STAFF6", block: "STAFF", type: "L5", text_vi: "Đổi", text_en: "Changed" },
      }),
      { id, itemId: String(s6.id) },
    );
    expect(frozenEdit.status).toBe(409);
    expect((await go(`/staff/surveys/${id}`, { id }, { intent: "delete", itemId: String(s6.id) })).status).toBe(409);
    const kept = await db()
      .selectFrom("survey_item")
      .select("text_vi")
      .where("id", "=", s6.id)
      .executeTakeFirstOrThrow();
    expect(kept.text_vi).toBe("Công chức đeo thẻ");

    // A new version copies the items and can be edited; citizens keep answering version 1 until it is published.
    expect((await go(`/staff/surveys/${id}`, { id }, { intent: "new_version" })).headers.get("Location")).toBe(
      `/staff/surveys/${id}?done=version-2`,
    );
    page = await (await go(`/staff/surveys/${id}`, { id })).json();
    expect(page.latest).toEqual({ version: 2, published: false, frozen: false });
    const v2s6 = page.items.find((i: { code: string }) => i.code === "STAFF6");
    expect(
      (
        await call(
          item.action,
          staffRequest(`/staff/surveys/${id}/items/${v2s6.id}`, office.cookie, {
            form: {
              code: "STAFF6",
              block: "STAFF",
              type: "L5",
              text_vi: "Công chức đeo thẻ tên",
              text_en: "Officials wear a name badge",
              required: "on",
            },
          }),
          { id, itemId: String(v2s6.id) },
        )
      ).status,
    ).toBe(302);
    expect(
      (await (await getSurvey("khao-sat-thu")).json()).survey.items.find((i: { code: string }) => i.code === "STAFF6")
        ?.text,
    ).toBe("Công chức đeo thẻ");
    await go(`/staff/surveys/${id}`, { id }, { intent: "publish" });
    expect(
      (await (await getSurvey("khao-sat-thu")).json()).survey.items.find((i: { code: string }) => i.code === "STAFF6")
        ?.text,
    ).toBe("Công chức đeo thẻ tên");

    const audits = await db().selectFrom("audit_log").select("action").where("actor_id", "=", office.id).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        "survey.create",
        "survey.item.create",
        "survey.item.move",
        "survey.item.delete",
        "survey.publish",
        "survey.version.create",
        "survey.item.update",
        "survey.publish",
      ].sort(),
    );
  });

  it("keeps dates in Vietnam time and refuses a closing time before the opening", async () => {
    const office = await signIn("office");
    const { id } = await db()
      .selectFrom("survey")
      .select("id")
      .where("slug", "=", "danh-gia-ho-so")
      .executeTakeFirstOrThrow();
    const form = {
      intent: "settings",
      title_vi: "Đánh giá hồ sơ",
      title_en: "Dossier",
      intro_vi: "",
      intro_en: "",
      opens_at: "2026-12-01T08:00",
      closes_at: "2026-11-30T08:00",
      active: "on",
    };
    const bad = await call(manage.action, staffRequest(`/staff/surveys/${id}`, office.cookie, { form }), {
      id: String(id),
    });
    expect((await bad.json()).errors).toEqual({ closes_at: "surveyStaff.errors.dates" });
    const ok = await call(
      manage.action,
      staffRequest(`/staff/surveys/${id}`, office.cookie, {
        form: { ...form, opens_at: "2026-01-01T07:30", closes_at: "" },
      }),
      { id: String(id) },
    );
    expect(ok.status).toBe(302);
    const row = await db()
      .selectFrom("survey")
      .select(["opens_at", "closes_at", "title_vi"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(new Date(row.opens_at!).toISOString()).toBe("2026-01-01T00:30:00.000Z");
    expect(row.closes_at).toBeNull();
    expect(await auditCount("survey.update")).toBeGreaterThan(0);
  });
});

describe("paper entry", () => {
  const paperForm = async (cookie: string, surveyId: string, fields: Record<string, string>, ip?: string) => {
    const request = staffRequest(`/staff/paper/${surveyId}`, cookie, { form: fields });
    // The address server.js stamps on every request.
    if (ip) request.headers.set("x-hl-client-ip", ip);
    return call(paper.action, request, { surveyId });
  };

  it("records channel paper, who typed it and the date on the form; a resend stores it once; blanks stay unanswered", async () => {
    const office = await signIn("office");
    const { id } = await db()
      .selectFrom("survey")
      .select("id")
      .where("slug", "=", "khao-sat-hai-long")
      .executeTakeFirstOrThrow();
    const sid = crypto.randomUUID();
    const fields = {
      sid,
      unit: String(unitA),
      procedure: String(procA),
      date: "2026-11-20",
      q_ACC1: "5",
      q_ACC2: "0",
      q_OVERALL: "2",
      q_DEMO_TYPE: "2",
      q_EXP_OTHER: "Ghi trên giấy",
    };
    const before = await auditCount("survey.paper.create");
    const first = await paperForm(office.cookie, String(id), fields, "203.0.113.7");
    expect(first.status).toBe(302);
    // The next form keeps the place and date of this one.
    expect(first.headers.get("Location")).toBe(
      `/staff/paper/${id}?saved=1&unit=${unitA}&procedure=${procA}&date=2026-11-20`,
    );
    expect((await paperForm(office.cookie, String(id), fields)).status).toBe(302);
    const row = await db().selectFrom("response").selectAll().where("id", "=", sid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: "paper",
      entered_by: office.id,
      unit_id: unitA,
      procedure_id: procA,
      flagged: false,
    });
    expect(new Date(row.submitted_at).toISOString()).toBe("2026-11-20T05:00:00.000Z");
    const answers = await db()
      .selectFrom("answer")
      .innerJoin("survey_item", "survey_item.id", "answer.item_id")
      .select(["code", "value", "choices", "text"])
      .where("response_id", "=", sid)
      .orderBy("position")
      .execute();
    expect(answers).toEqual([
      { code: "ACC1", value: 5, choices: null, text: null },
      { code: "ACC2", value: 0, choices: null, text: null },
      { code: "OVERALL", value: 2, choices: null, text: null },
      { code: "EXP_OTHER", value: null, choices: null, text: "Ghi trên giấy" },
      { code: "DEMO_TYPE", value: null, choices: ["business"], text: null },
    ]);
    expect(await auditCount("survey.paper.create")).toBe(before + 1);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["entity", "entity_id", "ip"])
      .where("action", "=", "survey.paper.create")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ entity: "response", entity_id: sid, ip: "203.0.113.7" });
  });

  it("refuses a number the paper does not have, a future date, and another unit for unit staff — storing nothing", async () => {
    const { id } = await db()
      .selectFrom("survey")
      .select("id")
      .where("slug", "=", "khao-sat-hai-long")
      .executeTakeFirstOrThrow();
    const unitStaff = await signIn("unit", unitA);
    const before = await countResponses("khao-sat-hai-long");
    const r1 = await paperForm(unitStaff.cookie, String(id), {
      sid: crypto.randomUUID(),
      unit: String(unitA),
      q_ACC1: "7",
      q_DEMO_TYPE: "9",
    });
    expect((await r1.json()).errors).toEqual({
      ACC1: "survey.errors.paperDigit",
      DEMO_TYPE: "survey.errors.paperDigit",
    });
    const r2 = await paperForm(unitStaff.cookie, String(id), {
      sid: crypto.randomUUID(),
      unit: String(unitA),
      date: "2099-01-01",
      q_ACC1: "4",
    });
    expect((await r2.json()).errors).toEqual({ date: "surveyStaff.paper.errors.date" });
    const r3 = await paperForm(unitStaff.cookie, String(id), {
      sid: crypto.randomUUID(),
      unit: String(unitB),
      q_ACC1: "4",
    });
    expect((await r3.json()).errors).toEqual({ unit: "surveyStaff.paper.errors.unit" });
    expect(await countResponses("khao-sat-hai-long")).toBe(before);
    const ok = await paperForm(unitStaff.cookie, String(id), {
      sid: crypto.randomUUID(),
      unit: String(unitA),
      q_ACC1: "4",
    });
    expect(ok.status).toBe(302);
    expect(await countResponses("khao-sat-hai-long")).toBe(before + 1);
    // The unit's staff see only their own unit to choose from.
    const page = await (
      await call(paper.loader, staffRequest(`/staff/paper/${id}`, unitStaff.cookie), { surveyId: String(id) })
    ).json();
    expect(page.places.units.map((u: { value: string }) => u.value)).toEqual([String(unitA)]);
  });

  it("applies the one-per-dossier rule to Form A typed in from paper", async () => {
    const office = await signIn("office");
    const { id } = await db()
      .selectFrom("survey")
      .select("id")
      .where("slug", "=", "danh-gia-ho-so")
      .executeTakeFirstOrThrow();
    const base = { unit: String(unitA), dossier: "HS-PAPER-1", q_A_TIME: "2", q_A_OVERALL: "4" };
    expect((await paperForm(office.cookie, String(id), { ...base, sid: crypto.randomUUID() })).status).toBe(302);
    const dup = await paperForm(office.cookie, String(id), { ...base, sid: crypto.randomUUID() });
    expect((await dup.json()).errors).toEqual({ dossier: "surveyStaff.paper.errors.dossierUsed" });
  });
});

describe("served counts", () => {
  it("records a figure, replaces it when entered again (also with no procedure), and keeps unit staff to their unit", async () => {
    const office = await signIn("office");
    const post = (cookie: string, form: Record<string, string>) =>
      call(coverage.action, staffRequest("/staff/coverage", cookie, { form }));
    const form = { unit: String(unitA), procedure: "", start: "2026-09-15", end: "2026-12-14", count: "120" };
    expect((await post(office.cookie, form)).status).toBe(302);
    expect((await post(office.cookie, { ...form, count: "130" })).status).toBe(302);
    expect((await post(office.cookie, { ...form, procedure: String(procA), count: "40" })).status).toBe(302);
    const rows = await db()
      .selectFrom("served_count")
      .select(["procedure_id", "count", "entered_by"])
      .where("unit_id", "=", unitA)
      .orderBy("count")
      .execute();
    expect(rows).toEqual([
      { procedure_id: procA, count: 40, entered_by: office.id },
      { procedure_id: null, count: 130, entered_by: office.id },
    ]);
    const bad = await post(office.cookie, { ...form, end: "2026-01-01", count: "-3" });
    expect((await bad.json()).errors).toEqual({
      count: "surveyStaff.coverage.errors.count",
      end: "surveyStaff.coverage.errors.end",
    });
    const bad2 = await post(office.cookie, { ...form, end: "2026-01-01", count: "3" });
    expect((await bad2.json()).errors).toEqual({ end: "surveyStaff.coverage.errors.end" });
    const unitStaff = await signIn("unit", unitB);
    const other = await post(unitStaff.cookie, form);
    expect(other.status).toBe(403);
    const page = await (await call(coverage.loader, staffRequest("/staff/coverage", unitStaff.cookie))).json();
    expect(page.rows).toEqual([]);
  });

  it("imports a CSV all or nothing, naming each wrong line", async () => {
    const office = await signIn("office");
    const codes = await db().selectFrom("unit").select(["id", "code"]).where("id", "in", [unitA, unitB]).execute();
    const codeA = codes.find((c) => c.id === unitA)!.code;
    const codeB = codes.find((c) => c.id === unitB)!.code;
    const { code: procCode } = await db()
      .selectFrom("procedure")
      .select("code")
      .where("id", "=", procA)
      .executeTakeFirstOrThrow();
    const imp = (text: string, cookie = office.cookie) =>
      call(coverageImport.action, staffRequest("/staff/coverage/import", cookie, { form: { text } }));
    const bad = await imp(
      `don_vi;thu_tuc;tu_ngay;den_ngay;so_ho_so\n${codeA};;15/12/2025;14/03/2026;55\nNOPE;;15/12/2025;14/03/2026;3\n${codeB};${procCode};15/12/2025;14/03/2026;4\n${codeB};;31/02/2026;14/03/2026;4`,
    );
    expect((await bad.json()).errors).toEqual([
      { line: 3, key: "surveyStaff.coverage.errors.csvUnit", code: "NOPE" },
      { line: 4, key: "surveyStaff.coverage.errors.csvProcedure", code: procCode },
      { line: 5, key: "surveyStaff.coverage.errors.csvDate" },
    ]);
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom("served_count")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("period_start", "=", "2025-12-15")
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(0);
    const good = await imp(`${codeA},${procCode},15/12/2025,14/03/2026,55\n"${codeB}",,2025-12-15,2026-03-14,7`);
    expect(good.headers.get("Location")).toBe("/staff/coverage?saved=2");
    expect(await count()).toBe(2);
    // A unit's staff cannot import another unit's figures.
    const unitStaff = await signIn("unit", unitA);
    const scoped = await imp(`${codeB},,15/12/2025,14/03/2026,9`, unitStaff.cookie);
    expect((await scoped.json()).errors).toEqual([{ line: 1, key: "surveyStaff.coverage.errors.csvScope" }]);
  });

  it("refuses a too-big paste whole and gives back only its first whole lines, at most 2,000 characters", async () => {
    const office = await signIn("office");
    const { code } = await db().selectFrom("unit").select("code").where("id", "=", unitA).executeTakeFirstOrThrow();
    // Right lines, each padded with spaces (a cell is read trimmed) to `width` characters with its
    // line break, so what the rule keeps is known by hand.
    const lines = (n: number, width: number) =>
      Array.from({ length: n }, () => `${code},,01/02/2027,28/02/2027,7`.padEnd(width - 1) + "\n");
    const stored = async () =>
      Number(
        (
          await db()
            .selectFrom("served_count")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("period_start", "=", "2027-02-01")
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const { why, all, kept } of [
      // 5,001 lines of 48 characters (the limit is 5,000): 41 lines fit in 2,000 (41 × 48 = 1,968).
      { why: "lines", all: lines(5001, 48), kept: 1968 },
      // 4,000 lines of 300 (1,200,000 bytes, over 1,000,000): 6 lines fit (6 × 300 = 1,800).
      { why: "bytes", all: lines(4000, 300), kept: 1800 },
    ]) {
      const text = all.join("");
      const r = await call(
        coverageImport.action,
        staffRequest("/staff/coverage/import", office.cookie, { form: { text } }),
      );
      expect(r.status, why).toBe(400);
      const body = await r.json();
      expect(body.errors, why).toEqual([{ line: 0, key: "surveyStaff.coverage.errors.csvTooBigCut" }]);
      expect(body.text.length, why).toBe(kept);
      expect(body.text, why).toBe(text.slice(0, kept));
      expect(body.text.endsWith("\n"), why).toBe(true);
      expect(await stored(), why).toBe(0);
    }
  });
});

describe("links and posters", () => {
  it("signs a counter link, prints its QR poster, and keeps unit staff to their own unit", async () => {
    const office = await signIn("office");
    const { id } = await db()
      .selectFrom("survey")
      .select("id")
      .where("slug", "=", "khao-sat-hai-long")
      .executeTakeFirstOrThrow();
    const page = await (
      await call(
        links.loader,
        staffRequest(
          `/staff/surveys/${id}/links?unit=${unitA}&counter=Q2&channel=kiosk&procedure=${procA}`,
          office.cookie,
        ),
        { id: String(id) },
      )
    ).json();
    expect(page.errors).toBeNull();
    // The link comes from PUBLIC_URL (here unset: http://localhost:PORT outside production), never the request.
    expect(page.link.url).toMatch(new RegExp(`^http://localhost:\\d+/s/khao-sat-hai-long\\?c=[\\w-]+\\.[\\w-]{22}$`));
    expect(page.link.kiosk).toBe(true);
    const shown = (await (
      await getSurvey("khao-sat-hai-long", { query: `?c=${page.link.url.split("?c=")[1]}` })
    ).json()) as { kioskReset?: string };
    expect(shown.kioskReset).toBe(page.link.path);
    const c = page.link.poster.split("?c=")[1];
    const p = await (
      await call(poster.loader, staffRequest(`/staff/surveys/${id}/poster?c=${c}`, office.cookie), { id: String(id) })
    ).json();
    expect(p.poster.qrDataUri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(p.poster.qrDataUri.split(",")[1], "base64").toString()).toMatch(/^<svg/);
    expect(p.poster).toMatchObject({ url: page.link.url, counter: "Q2", channel: "kiosk" });
    const forged = await call(
      poster.loader,
      staffRequest(`/staff/surveys/${id}/poster?c=${c.slice(0, -3)}abc`, office.cookie),
      { id: String(id) },
    );
    expect(forged.status).toBe(404);

    const unitStaff = await signIn("unit", unitB);
    const refused = await (
      await call(links.loader, staffRequest(`/staff/surveys/${id}/links?unit=${unitA}&channel=qr`, unitStaff.cookie), {
        id: String(id),
      })
    ).json();
    expect(refused.errors).toEqual({ unit: "surveyStaff.links.errors.unit" });
    expect(
      (
        await call(poster.loader, staffRequest(`/staff/surveys/${id}/poster?c=${c}`, unitStaff.cookie), {
          id: String(id),
        })
      ).status,
    ).toBe(404);
    const badCounter = await (
      await call(
        links.loader,
        staffRequest(
          `/staff/surveys/${id}/links?unit=${unitA}&channel=qr&counter=${encodeURIComponent("<script>")}`,
          office.cookie,
        ),
        { id: String(id) },
      )
    ).json();
    expect(badCounter.errors).toEqual({ counter: "surveyStaff.links.errors.counterChars" });
  });
});
