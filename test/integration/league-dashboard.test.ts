// The league reads every agency's satisfaction headline in one grouped scan of the rollups
// (league.server.ts, satisfactionOf); each agency's own dashboard reads it with getDashboard.
// The two must agree figure for figure, hidden figures included (docs/rules/league.md:
// "the dashboard's own figures … with its suppression rules"). Rows are written into the
// rollups as the fold writes them, across the quarters of report year 2025 (NĐ 09/2019 Art. 12:
// Q1 15/12/2024–14/03/2025, Q2 15/03–14/06, Q3 15/06–14/09, Q4 15/09–14/12/2025).
import { getLeague } from "~/features/province/league.server";
import { getDashboard } from "~/features/reports/dashboard-view.server";
import { defaultWindow, type PeriodKind } from "~/features/reports/report-periods";
import type { StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";

const user: StaffUser = {
  id: 0,
  email: "t",
  name: "t",
  role: "province",
  unitId: null,
  mustChangePassword: false,
  sessionId: "",
  agencyId: 2,
};

type C = Partial<Record<"c0" | "c1" | "c2" | "c3" | "c4" | "c5", number>>;
interface Cell {
  day: string;
  counts: C;
  flagged?: boolean;
  /** The second version's overall item (same code) instead of the first's. */
  v2?: boolean;
  /** Another scale item of the survey, not the overall one: never in the headline. */
  other?: boolean;
}

const surveys: Record<string, number> = {};
const agencyIds: Record<string, number> = {};

/** The half-month (1st or 15th) a day falls in: the bucket of answer_rollup_half. */
const bucketOf = (day: string) => `${day.slice(0, 8)}${Number(day.slice(8)) >= 15 ? "15" : "01"}`;
/** The report quarter a day falls in, by its first day (15/12, 15/03, 15/06, 15/09): the key of
 * answer_rollup_quarter. */
const quarterOf = (day: string) => {
  const y = Number(day.slice(0, 4));
  return [`${y - 1}-12-15`, `${y}-03-15`, `${y}-06-15`, `${y}-09-15`, `${y}-12-15`].filter((s) => s <= day).pop()!;
};

async function agency(key: string, cells: Cell[], opts: { noOverall?: boolean } = {}) {
  const root = await db().selectFrom("agency").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const { id: agency_id } = await db()
    .insertInto("agency")
    .values({
      code: `ld-${key.toLowerCase()}`,
      name_vi: `Sở ${key}`,
      name_en: `Dept ${key}`,
      parent_id: root.id,
      target_percent: 90,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  agencyIds[key] = agency_id;
  const unit = await db()
    .insertInto("unit")
    .values({ agency_id, code: `U${key}`, name_vi: `Bộ phận ${key}`, name_en: `Unit ${key}`, kind: "division" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const survey = await db()
    .insertInto("survey")
    .values({ agency_id, slug: `ld-${key.toLowerCase()}`, kind: "B", title_vi: `B ${key}`, title_en: `B ${key}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  surveys[key] = survey.id;
  const items: Record<string, number> = {};
  for (const v of [1, 2]) {
    const version = await db()
      .insertInto("survey_version")
      .values({ agency_id, survey_id: survey.id, version: v, published_at: new Date("2024-12-01T00:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [i, code] of ["OVERALL_SAT", "STAFF_SAT"].entries()) {
      const item = await db()
        .insertInto("survey_item")
        .values({
          agency_id,
          version_id: version.id,
          position: i + 1,
          code,
          block: code === "OVERALL_SAT" && !opts.noOverall ? "OVERALL" : "STAFF",
          type: "L5",
          text_vi: code,
          text_en: code,
          help_vi: null,
          help_en: null,
          options: null,
          max_length: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      items[`${code}/${v}`] = item.id;
      items[`version/${v}`] = version.id;
    }
  }
  for (const c of cells) {
    const v = c.v2 ? 2 : 1;
    const cell = {
      agency_id,
      survey_version_id: items[`version/${v}`],
      unit_id: unit.id,
      procedure_id: 0,
      channel: "qr",
      flagged: !!c.flagged,
      item_id: items[`${c.other ? "STAFF_SAT" : "OVERALL_SAT"}/${v}`],
      ...c.counts,
    };
    await db()
      .insertInto("answer_rollup")
      .values({ ...cell, day: c.day })
      .execute();
    await db()
      .insertInto("answer_rollup_half")
      .values({ ...cell, bucket: bucketOf(c.day) })
      .execute();
    await db()
      .insertInto("answer_rollup_quarter")
      .values({ ...cell, quarter: quarterOf(c.day) })
      .execute();
  }
}

beforeAll(async () => {
  // P: answers in every quarter, some flagged (left out), some on the second version (same code,
  // counted), some on another item (not the headline's).
  await agency("P", [
    { day: "2025-01-10", counts: { c5: 40, c4: 10, c2: 5, c0: 3 } },
    { day: "2025-04-10", counts: { c5: 30, c1: 10 } },
    { day: "2025-04-10", counts: { c5: 50 }, flagged: true },
    { day: "2025-07-20", counts: { c4: 20, c3: 20 }, v2: true },
    { day: "2025-07-20", counts: { c1: 80 }, other: true },
    { day: "2025-10-01", counts: { c5: 12 } },
  ]);
  // Q: 50 answers in Q2 and 3 in Q3 (under the threshold of 5: hidden). H1 holds Q1 (empty, not
  // hidden) and Q2: shown. M9 and the year hold the hidden Q3: hidden whole (suppression rule 4).
  await agency("Q", [
    { day: "2025-05-02", counts: { c5: 45, c2: 5 } },
    { day: "2025-08-02", counts: { c4: 3 } },
  ]);
  // R: 4 answers in all: hidden everywhere it has any.
  await agency("R", [{ day: "2025-04-20", counts: { c5: 4 } }]);
  // S: a survey with no answers; T: a survey without an overall question.
  await agency("S", []);
  await agency("T", [{ day: "2025-04-20", counts: { c5: 40 } }], { noOverall: true });
}, 90_000);

const KINDS: PeriodKind[] = ["Q1", "Q2", "Q3", "Q4", "H1", "M9", "Y"];

async function compare(kind: PeriodKind) {
  const league = await getLeague(user, 2025, kind, "vi");
  const w = defaultWindow(2025, kind);
  for (const key of Object.keys(surveys)) {
    const dash = await getDashboard(
      // The agency's own Office: a dashboard reads its user's agency only.
      { ...user, role: "office", agencyId: agencyIds[key] },
      { surveyId: surveys[key], from: w.start, to: w.end },
      { year: 2025, kind },
      "vi",
    );
    const row = league.satisfaction.find((r) => r.agencyId === agencyIds[key])!;
    const h = dash.headline;
    if (h.suppressed) expect(row, `${key} ${kind}`).toMatchObject({ status: "suppressed", n: null });
    else if (h.rate.n === 0) expect(row, `${key} ${kind}`).toMatchObject({ status: "no_data", n: 0 });
    else
      expect(row, `${key} ${kind}`).toMatchObject({
        status: "ranked",
        n: h.rate.n,
        numerator: h.rate.satisfied,
        rate: h.rate.rate,
        ci: h.rate.ci,
      });
  }
}

describe("the league's satisfaction rows and each agency's dashboard", () => {
  it.each(KINDS)("agree on n, satisfied and hiding for 2025-%s", compare);

  it("holds the figures worked by hand", async () => {
    const by = async (kind: PeriodKind, key: string) =>
      (await getLeague(user, 2025, kind, "vi")).satisfaction.find((r) => r.agencyId === agencyIds[key])!;
    // P, Q1: 40 + 10 satisfied of 55 valid (the 3 "no opinion" answers are not valid).
    expect(await by("Q1", "P")).toMatchObject({ n: 55, numerator: 50 });
    // P, Q2: 30 of 40, the 50 flagged answers left out.
    expect(await by("Q2", "P")).toMatchObject({ n: 40, numerator: 30 });
    // P, Q3: the second version's overall item, 20 of 40; the other item's 80 answers left out.
    expect(await by("Q3", "P")).toMatchObject({ n: 40, numerator: 20 });
    // P, year: 55 + 40 + 40 + 12 = 147 valid, 50 + 30 + 20 + 12 = 112 satisfied.
    expect(await by("Y", "P")).toMatchObject({ n: 147, numerator: 112 });
    expect(await by("Q2", "Q")).toMatchObject({ status: "ranked", n: 50, numerator: 45 });
    expect(await by("H1", "Q")).toMatchObject({ status: "ranked", n: 50 });
    expect(await by("Q3", "Q")).toMatchObject({ status: "suppressed" });
    expect(await by("M9", "Q")).toMatchObject({ status: "suppressed", n: null });
    expect(await by("Y", "Q")).toMatchObject({ status: "suppressed", n: null });
    expect(await by("Y", "R")).toMatchObject({ status: "suppressed" });
    expect(await by("Y", "S")).toMatchObject({ status: "no_data", n: 0 });
    expect(await by("Q2", "T")).toMatchObject({ status: "no_data", n: 0 });
  });

  it("agree when the Office edited a quarter's window (the quarters no longer tile the year)", async () => {
    // Q2 from 20/03: the days 15–19/03 fall in no quarter; the trend and the "hidden quarter
    // inside" check read the edited window, the league's own window stays the statutory one.
    const edited = await db()
      .updateTable("report_period")
      .set({ start_date: "2025-03-20" })
      .where("year", "=", 2025)
      .where("kind", "=", "Q2")
      .executeTakeFirst();
    if (!edited.numUpdatedRows)
      await db()
        .insertInto("report_period")
        .values({
          year: 2025,
          kind: "Q2",
          start_date: "2025-03-20",
          end_date: "2025-06-14",
          due_date: null,
          updated_by: null,
        })
        .execute();
    for (const kind of KINDS) await compare(kind);
  });
});
