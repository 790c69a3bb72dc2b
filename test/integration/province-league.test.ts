// The provincial league table end to end (docs/rules/league.md): agencies under the province,
// each with its own form B survey and its own feedback cases, written straight into the tables
// (rollups as the fold writes them), read by the page's loader and its CSV as a province account.
// Expected intervals are worked by hand in test/unit/league.test.ts (Wilson, z = 1.96):
//   satisfaction  X 95/100 [0.8882, 0.9785]   Y 85/100 [0.7672, 0.9069]   Z 70/100 [0.6041, 0.7811]
//     X.low 0.8882 > Z.high 0.7811: X above Z; Y overlaps both → X 1–2, Y 1–3, Z 2–3.
//     W has 3 answers (< 5, the suppression threshold): listed, hidden, not ranked.
//   feedback on time X 20/20, Y 18/20, Z 5/20. With n = 20: d = 1 + 3.8416/20 = 1.19208, z/d = 1.64419,
//     z²/2n = 0.09604, z²/4n² = 0.0024010.
//     20/20: centre = 1.09604/1.19208 = 0.91944, half = 1.64419·√0.0024010 = 0.08057 → [0.8389, 1]
//     18/20: centre = 0.99604/1.19208 = 0.83555, half = 1.64419·√(0.0045+0.0024010) = 0.13659 → [0.6990, 0.9721]
//     5/20:  centre = 0.34604/1.19208 = 0.29028, half = 1.64419·√(0.009375+0.0024010) = 0.17842 → [0.1119, 0.4687]
//     X and Y overlap (0.8389 < 0.9721): tie "=1"; both lower bounds above Z's 0.4687: Z is 3.
import * as leagueRoute from "~/routes/staff.province.$period";
import * as leagueIndex from "~/routes/staff.province._index";
import * as dashboardRoute from "~/routes/staff._index";
import * as commentsRoute from "~/routes/staff.comments";
import * as reportRoute from "~/routes/staff.reports.$period";
import * as responsesRoute from "~/routes/staff.export.responses";
import * as feedbackRoute from "~/routes/staff.feedback._index";
import { db } from "~/kernel/db/db.server";
import { handledFeedback, leagueAgency, OVERALL, publishedSurvey, writeRollups } from "../support/league";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const PERIOD = "2025-Q2"; // 15/03/2025 – 14/06/2025 (NĐ 09/2019 Art. 12)
const DAY = "2025-04-10";
const BUCKET = "2025-04-01"; // the half-month the day falls in
const QUARTER = "2025-03-15"; // the report quarter it falls in (Q2/2025: 15/03–14/06)

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
async function call(fn: Handler, url: string, cookie: string, params: Record<string, string> = {}) {
  try {
    return (await fn({ request: staffRequest(url, cookie), params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const ids: Record<"X" | "Y" | "Z" | "W", number> = { X: 0, Y: 0, Z: 0, W: 0 };
let province: string;

/** An agency under the province root with a unit and a form B survey whose overall item has the
 * given answer counts on DAY, and `handled` feedback cases of which `late` were late. */
async function agency(
  key: keyof typeof ids,
  target: number,
  counts: { c5?: number; c4?: number; c3?: number; c2?: number; c1?: number },
  feedback: { handled: number; late: number },
  tt01?: { citizenPoints: 0 | 1 | 2; staffTenths: number },
) {
  const { agencyId, unitId } = await leagueAgency(
    { code: `s${key.toLowerCase()}`, name_vi: `Sở ${key}`, name_en: `Department ${key}`, target_percent: target },
    { code: `U${key}`, name_vi: `Bộ phận ${key}`, name_en: `Unit ${key}` },
  );
  ids[key] = agencyId;
  const form = {
    slug: `b-${key.toLowerCase()}`,
    kind: "B" as const,
    title_vi: `Phiếu B ${key}`,
    title_en: `Form B ${key}`,
  };
  const { versionId, itemIds } = await publishedSurvey(agencyId, form, [OVERALL]);
  if (tt01) await formA(agencyId, unitId, key, tt01);
  await writeRollups({ agencyId, versionId, unitId, itemId: itemIds[0], counts }, DAY, BUCKET, QUARTER);
  if (feedback.handled) await handledFeedback({ agencyId, unitId, key }, DAY, feedback.handled, feedback.late);
}

/** A form A whose four citizen indicators (TT 01 items 1, 3, 4, 7) each have 10 dossiers scoring
 * `citizenPoints`, and the Office's entries for indicators 2, 5, 6, 9 in Q2/2025. */
async function formA(
  agency_id: number,
  unit_id: number,
  key: string,
  o: { citizenPoints: 0 | 1 | 2; staffTenths: number },
) {
  const form = {
    slug: `a-${key.toLowerCase()}`,
    kind: "A" as const,
    title_vi: `Phiếu A ${key}`,
    title_en: `Form A ${key}`,
  };
  const codes = ["A_TIME", "A_CONTACTS", "A_AGENCIES", "A_ATTITUDE"];
  const items = codes.map((code) => ({ code, block: "TT01", type: "single" as const, text_vi: code, text_en: code }));
  const { versionId, itemIds } = await publishedSurvey(agency_id, form, items);
  for (const itemId of itemIds)
    await writeRollups(
      { agencyId: agency_id, versionId, unitId: unit_id, itemId, counts: { [`c${o.citizenPoints}`]: 10 } },
      DAY,
      BUCKET,
      QUARTER,
    );
  await db()
    .insertInto("tt01_staff_score")
    .values(
      [2, 5, 6, 9].map((indicator) => ({
        agency_id,
        year: 2025,
        kind: "Q2" as const,
        indicator,
        score_tenths: o.staffTenths,
        entered_by: null,
      })),
    )
    .execute();
}

beforeAll(async () => {
  // TT 01 (docs/rules/tt01.md): X 4 × 2.0 + 4 × 2.0 + indicator 8 (20/20 on time) 2 = 18 → Xuất sắc;
  // Y 4 × 2.0 + 4 × 1.5 + indicator 8 (18/20 = 90 %) 1 = 15 → Xuất sắc; Z 4 × 1.0 + 4 × 1.0 + 0
  // (5/20) = 8 → Trung bình. Same band ties: X =1, Y =1, Z 3.
  await agency("X", 90, { c5: 95, c2: 5 }, { handled: 20, late: 0 }, { citizenPoints: 2, staffTenths: 20 });
  await agency("Y", 90, { c4: 85, c1: 15 }, { handled: 20, late: 2 }, { citizenPoints: 2, staffTenths: 15 });
  await agency("Z", 80, { c5: 70, c3: 30 }, { handled: 20, late: 15 }, { citizenPoints: 1, staffTenths: 10 });
  await agency("W", 90, { c5: 3 }, { handled: 0, late: 0 });
  province = (await signIn("province")).cookie;
}, 90_000);

type Row = { agencyId: number; n: number | null; rate: number | null; ci: { low: number; high: number } | null };
type PlacedRow = Row & {
  status: string;
  place: { best: number; worst: number; tie: boolean } | null;
  verdict: { kind: string } | null;
};
const label = (r: PlacedRow) =>
  !r.place
    ? null
    : r.place.best === r.place.worst
      ? `${r.place.best}`
      : r.place.tie
        ? `=${r.place.best}`
        : `${r.place.best}–${r.place.worst}`;

async function load(cookie: string, period = PERIOD) {
  const res = await call(leagueRoute.loader as Handler, `/staff/province/${period}`, cookie, { period });
  expect(res.status).toBe(200);
  return (await res.json()) as { league: { satisfaction: PlacedRow[]; feedback: PlacedRow[]; tt01: PlacedRow[] } };
}

describe("provincial league table", () => {
  it("ranks satisfaction only where intervals separate, with verdicts against each agency's target", async () => {
    const { league } = await load(province);
    const s = league.satisfaction;
    const by = (k: keyof typeof ids) => s.find((r) => r.agencyId === ids[k])!;
    expect([by("X"), by("Y"), by("Z")].map(label)).toEqual(["1–2", "1–3", "2–3"]);
    expect(s.slice(0, 3).map((r) => r.agencyId)).toEqual([ids.X, ids.Y, ids.Z]);
    expect(by("X").ci!.low).toBeCloseTo(0.8882, 3);
    expect(by("Y").ci!.high).toBeCloseTo(0.9069, 3);
    expect(by("Z").ci!.high).toBeCloseTo(0.7811, 3);
    // X straddles 90 %; Z's upper bound 78.1 % is below its own target of 80 %.
    expect(by("X").verdict!.kind).toBe("undetermined");
    expect(by("Z").verdict!.kind).toBe("below");
    // W: 3 answers, hidden whole — no n, no rate, no place.
    expect(by("W")).toMatchObject({ status: "suppressed", n: null, rate: null, ci: null, verdict: null, place: null });
    // The default agency (no form B of its own here) is listed as no data; the province root is not listed.
    expect(s.find((r) => r.agencyId === 1)).toMatchObject({ status: "no_data", n: 0, place: null });
    const root = await db().selectFrom("agency").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
    expect(s.some((r) => r.agencyId === root.id)).toBe(false);
  });

  it("ranks feedback handled on time by the same rule: overlapping X and Y tie", async () => {
    const { league } = await load(province);
    const by = (k: keyof typeof ids) => league.feedback.find((r) => r.agencyId === ids[k])!;
    expect([by("X"), by("Y"), by("Z")].map(label)).toEqual(["=1", "=1", "3"]);
    expect(by("X").ci!.low).toBeCloseTo(0.8389, 3);
    expect(by("Z").ci!.high).toBeCloseTo(0.4687, 3);
    expect(by("W")).toMatchObject({ status: "no_data", place: null });
    expect(by("X").verdict).toBeNull();
  });

  it("places TT 01 grades by band (the same band ties) and lists an agency without a grade unranked", async () => {
    const { league } = await load(province);
    type GradeRow = PlacedRow & { missing: number[]; grade: string | null; total: number };
    const by = (k: keyof typeof ids) => league.tt01.find((r) => r.agencyId === ids[k]) as GradeRow;
    expect([by("X"), by("Y"), by("Z")].map(label)).toEqual(["=1", "=1", "3"]);
    expect([by("X"), by("Y"), by("Z")].map((r) => [r.total, r.grade])).toEqual([
      [18, "excellent"],
      [15, "excellent"],
      [8, "average"],
    ]);
    // W: no form A and no staff entries: indicators 1–7 and 9 missing; 8 (no case due) is 2 points.
    const x = by("W");
    expect(x).toMatchObject({
      status: "no_data",
      grade: null,
      place: null,
      total: 2,
      missing: [1, 2, 3, 4, 5, 6, 7, 9],
    });
  });

  it("downloads the same table as CSV, hidden figures still hidden, and audits the download", async () => {
    const res = await call(leagueRoute.loader as Handler, `/staff/province/${PERIOD}?format=csv`, province, {
      period: PERIOD,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    // Percentages to one decimal, as the figures export: X's upper bound 0.97845 is 97.8.
    const lines = (await res.text()).split("\r\n");
    expect(lines).toContain("Sở X,1–2,95,100,88.8,97.8,90,Chưa đủ cơ sở kết luận");
    expect(lines).toContain("Sở Z,2–3,70,100,60.4,78.1,80,Không đạt");
    expect(lines).toContain("Sở W,Không xếp hạng,,,,,90,Ẩn (dưới 5 ý kiến)");
    // A tie is spelled out: "=1" would open as a formula in a spreadsheet.
    expect(lines).toContain("Sở X,1 (đồng hạng),100,20,83.9,100");
    expect(lines).toContain("Sở Y,1 (đồng hạng),90,20,69.9,97.2");
    const xlsx = await call(leagueRoute.loader as Handler, `/staff/province/${PERIOD}?format=xlsx`, province, {
      period: PERIOD,
    });
    expect(xlsx.headers.get("Content-Type")).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "=", "export.league")
      .execute();
    expect(audit).toEqual([
      { action: "export.league", entity_id: PERIOD },
      { action: "export.league", entity_id: PERIOD },
    ]);
  });

  it("sends the province role from the dashboard to the league, and refuses it personal data and department pages", async () => {
    const home = await call(dashboardRoute.loader as Handler, "/staff", province);
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toBe("/staff/province");
    for (const [fn, url, params] of [
      [commentsRoute.loader, "/staff/comments", {}],
      [responsesRoute.loader, "/staff/export/responses?format=csv", {}],
      [feedbackRoute.loader, "/staff/feedback", {}],
      [reportRoute.loader, `/staff/reports/${PERIOD}`, { period: PERIOD }],
    ] as [Handler, string, Record<string, string>][]) {
      expect((await call(fn, url, province, params)).status, url).toBe(403);
    }
  });

  it("refuses a unit's staff; a bad period is a 404, a bad choice a 400 with the chooser", async () => {
    const unit = (await signIn("unit", await makeUnit())).cookie;
    expect(
      (await call(leagueRoute.loader as Handler, `/staff/province/${PERIOD}`, unit, { period: PERIOD })).status,
    ).toBe(403);
    expect(
      (await call(leagueRoute.loader as Handler, "/staff/province/2025-Q5", province, { period: "2025-Q5" })).status,
    ).toBe(404);
    const bad = await call(leagueIndex.loader as Handler, "/staff/province?year=abc&kind=Q9", province);
    expect(bad.status).toBe(400);
    const ok = await call(leagueIndex.loader as Handler, "/staff/province?year=2025&kind=H1", province);
    expect(ok.headers.get("Location")).toBe("/staff/province/2025-H1");
  });
});
