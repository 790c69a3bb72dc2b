// Issue 14 part 6: a question's wording never changes under its answers. Every version with an
// answer is frozen however the answer was written (seed, import, migration: no application code
// in between), an edit of a frozen version is refused with a message, and a change makes a new
// version (docs/rules/survey-versions.md).
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { vnDay } from "~/kernel/time/clock";
import * as manage from "~/routes/staff.surveys.$id._index";
import * as item from "~/routes/staff.surveys.$id.items.$itemId";
import { loadDashboardPage } from "~/features/reports/dashboard-page.server";
import { getReport } from "~/features/reports/report.server";
import { quarterOf } from "~/features/reports/dashboard.schema";
import { storeResponse } from "~/features/survey/response.server";
import { db } from "~/kernel/db/db.server";
import { FORM_B } from "~/features/survey/forms";
import { insertFormVersion } from "../../db/seed/survey";
import { showSmallGroups } from "../support/settings";
import { ensureForms, SLUG_B } from "../support/survey";
import { makeUnit, signIn, staffRequest } from "../support/staff";
import { currentDatabase } from "../../db/client";
import { migrateTo, migrateToLatest } from "../../db/migrate";

const call = async (fn: Function, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

let unitId: number;
beforeAll(async () => {
  await ensureForms();
  await showSmallGroups();
  unitId = await makeUnit();
});

/** A response written straight into the table, as the demo seed and a bulk import write them. */
async function rawResponse(surveyId: number, versionId: number) {
  const id = crypto.randomUUID();
  await db()
    .insertInto("response")
    .values({
      id,
      survey_id: surveyId,
      survey_version_id: versionId,
      unit_id: unitId,
      procedure_id: null,
      counter: null,
      channel: "paper",
      lang: "vi",
      started_at: null,
      dossier_hash: null,
      entered_by: null,
    })
    .execute();
  const firstItem = await db()
    .selectFrom("survey_item")
    .select("id")
    .where("version_id", "=", versionId)
    .orderBy("position")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("answer")
    .values({ response_id: id, item_id: firstItem.id, value: 4, text: null, choices: null })
    .execute();
  return id;
}

async function newSurvey(slug: string) {
  const s = await db()
    .insertInto("survey")
    .values({ slug, kind: "B", title_vi: slug, title_en: slug, active: true })
    .returning("id")
    .executeTakeFirstOrThrow();
  const versionId = await insertFormVersion(db(), s.id, 1, FORM_B, new Date(Date.now() - 60_000));
  return { surveyId: s.id, versionId };
}

const frozen = async (versionId: number) =>
  (await db().selectFrom("survey_version").select("frozen").where("id", "=", versionId).executeTakeFirstOrThrow())
    .frozen;

describe("a version with answers is frozen, whatever wrote them", () => {
  it("the migration freezes every existing version that has answers, and only those", async () => {
    // The database as it was before migration 017: answers written in bulk left versions editable.
    // Down and up through the migrator: the later migrations (021's agency keys) change the tables
    // 017 links to, so 017 alone cannot run on today's schema.
    const schema = currentDatabase()!.schema;
    await migrateTo(db() as Kysely<any>, "2026_12_06_016_report_snapshots", schema);
    const answered = await newSurvey("truoc-017-co-phieu");
    const empty = await newSurvey("truoc-017-chua-phieu");
    await rawResponse(answered.surveyId, answered.versionId);
    expect(await frozen(answered.versionId)).toBe(false);
    await migrateToLatest(db() as Kysely<any>, schema);
    expect(await frozen(answered.versionId)).toBe(true);
    expect(await frozen(empty.versionId)).toBe(false);
  });

  it("a response inserted by any path (a seed, an import) freezes its version in the same statement", async () => {
    const s = await newSurvey("nhap-tu-tep");
    expect(await frozen(s.versionId)).toBe(false);
    await rawResponse(s.surveyId, s.versionId);
    expect(await frozen(s.versionId)).toBe(true);
  });

  it("the database refuses to change, add or delete a frozen version's items, or to thaw it", async () => {
    const s = await newSurvey("khoa-o-csdl");
    await rawResponse(s.surveyId, s.versionId);
    const it1 = await db()
      .selectFrom("survey_item")
      .select(["id", "text_vi"])
      .where("version_id", "=", s.versionId)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    await expect(
      db().updateTable("survey_item").set({ text_vi: "Câu hỏi đã đổi" }).where("id", "=", it1.id).execute(),
    ).rejects.toThrow("survey_version_frozen");
    await expect(db().deleteFrom("survey_item").where("id", "=", it1.id).execute()).rejects.toThrow(
      "survey_version_frozen",
    );
    await expect(
      db()
        .insertInto("survey_item")
        .values({
          version_id: s.versionId,
          position: 99,
          code: "NEW",
          block: "X",
          type: "L5",
          text_vi: "x",
          text_en: "x",
          help_vi: null,
          help_en: null,
          options: null,
          max_length: null,
        })
        .execute(),
    ).rejects.toThrow("survey_version_frozen");
    await expect(
      db().updateTable("survey_version").set({ frozen: false }).where("id", "=", s.versionId).execute(),
    ).rejects.toThrow("survey_version_frozen");
    expect(
      (await db().selectFrom("survey_item").select("text_vi").where("id", "=", it1.id).executeTakeFirstOrThrow())
        .text_vi,
    ).toBe(it1.text_vi);
  });
});

describe("the seeded Form B v1 with answers, in the staff pages", () => {
  it("shows it locked, refuses an edit with a message in the reader's language, and a change goes into a new version", async () => {
    const survey = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow();
    const v1 = await db()
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", survey.id)
      .where("version", "=", 1)
      .executeTakeFirstOrThrow();
    // Written as the demo seed writes its 2,600 answers: straight into the tables.
    await rawResponse(survey.id, v1.id);
    const office = await signIn("office");
    const id = String(survey.id);
    const page = await (await call(manage.loader, staffRequest(`/staff/surveys/${id}`, office.cookie), { id })).json();
    expect(page.latest).toEqual({ version: 1, published: true, frozen: true });

    const overall = await db()
      .selectFrom("survey_item")
      .selectAll()
      .where("version_id", "=", v1.id)
      .where("code", "=", "OVERALL")
      .executeTakeFirstOrThrow();
    const form = {
      code: "OVERALL",
      block: overall.block,
      type: "L5",
      text_vi: "Câu hỏi đã bị đổi",
      text_en: "A changed question",
      required: "on",
    };
    const refused = await call(
      item.action,
      staffRequest(`/staff/surveys/${id}/items/${overall.id}`, office.cookie, { form }),
      { id, itemId: String(overall.id) },
    );
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors).toEqual({ _form: "surveyStaff.errors.frozen" });
    expect(
      (await db().selectFrom("survey_item").select("text_vi").where("id", "=", overall.id).executeTakeFirstOrThrow())
        .text_vi,
    ).toBe(overall.text_vi);

    // The change goes into version 2, which copies the items and stays editable until answered.
    const made = await call(
      manage.action,
      staffRequest(`/staff/surveys/${id}`, office.cookie, { form: { intent: "new_version" } }),
      { id },
    );
    expect(made.headers.get("Location")).toBe(`/staff/surveys/${id}?done=version-2`);
    const v2 = await db()
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", survey.id)
      .where("version", "=", 2)
      .executeTakeFirstOrThrow();
    const overall2 = await db()
      .selectFrom("survey_item")
      .select("id")
      .where("version_id", "=", v2.id)
      .where("code", "=", "OVERALL")
      .executeTakeFirstOrThrow();
    const saved = await call(
      item.action,
      staffRequest(`/staff/surveys/${id}/items/${overall2.id}`, office.cookie, { form }),
      { id, itemId: String(overall2.id) },
    );
    expect(saved.status).toBe(302);
    expect(
      (await db().selectFrom("survey_item").select("text_vi").where("id", "=", overall.id).executeTakeFirstOrThrow())
        .text_vi,
    ).toBe(overall.text_vi);
  });
});

describe("figures across versions", () => {
  it("the dashboard says when its responses span several versions, with n per version, and the version filter shows one", async () => {
    const survey = await db().selectFrom("survey").select("id").where("slug", "=", SLUG_B).executeTakeFirstOrThrow();
    const office = await signIn("office");
    const id = String(survey.id);
    // Version 2 (made in the test above) is published: from now on citizens answer it.
    expect(
      (
        await call(
          manage.action,
          staffRequest(`/staff/surveys/${id}`, office.cookie, { form: { intent: "publish" } }),
          { id },
        )
      ).status,
    ).toBe(302);
    const versions = await db()
      .selectFrom("survey_version")
      .select(["id", "version"])
      .where("survey_id", "=", survey.id)
      .orderBy("version")
      .execute();
    const store = async (versionId: number) => {
      const overall = await db()
        .selectFrom("survey_item")
        .select("id")
        .where("version_id", "=", versionId)
        .where("code", "=", "OVERALL")
        .executeTakeFirstOrThrow();
      await storeResponse({
        id: crypto.randomUUID(),
        agencyId: 1,
        surveyId: survey.id,
        versionId,
        unitId,
        procedureId: null,
        counter: null,
        channel: "web",
        lang: "vi",
        startedAt: null,
        flagReasons: [],
        dossierHash: null,
        enteredBy: null,
        answers: [{ itemId: overall.id, value: 5, text: null, choices: null }],
      });
    };
    // Three answers to version 1 and two to version 2, today.
    for (const v of [versions[0].id, versions[0].id, versions[0].id, versions[1].id, versions[1].id]) await store(v);
    const user = {
      id: office.id,
      email: office.email,
      name: "o",
      role: "office" as const,
      unitId: null,
      agencyId: 1,
      mustChangePassword: false,
      sessionId: "",
    };
    const all = await loadDashboardPage(user, { survey: survey.id, unit: unitId }, "vi");
    expect(all.versionSpread).toEqual([
      { versionId: versions[0].id, version: 1, responses: 3 },
      { versionId: versions[1].id, version: 2, responses: 2 },
    ]);
    const one = await loadDashboardPage(user, { survey: survey.id, unit: unitId, version: versions[1].id }, "vi");
    expect(one.versionSpread).toEqual([{ versionId: versions[1].id, version: 2, responses: 2 }]);
    expect(one.dashboard.headline.rate.n).toBe(2);
    // The period's A4 report says the same (all units: only these five are in the rollups here).
    const q = quarterOf(vnDay(new Date()));
    const report = await getReport(user, q.year, q.kind, "vi");
    expect(report.versions.map((v) => [v.version, v.responses])).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });
});
