// Small groups stay hidden on every view (docs/rules/suppression.md): every filter combination a
// staff role can send — unit × procedure × channel × survey/version × period, for each role —
// gives no figure over 1 to 4 answers, in the loader data or in the figures export; and the
// hand-computed cells of the by-unit and by-channel tables are hidden as the rule says.
import * as dashboardRoute from "~/routes/staff._index";
import * as exportRoute from "~/routes/staff.export.figures";
import { db } from "~/kernel/db/db.server";
import { formB, storeB } from "../support/figures";
import { makeProcedure } from "../support/survey";
import { makeUnit, signIn, staffRequest } from "../support/staff";

const T = 5; // satisfaction.suppression_threshold, the default

let big: number, mid: number, small: number, pBig: number, pSmall: number;
let surveyB: number, versionB: number, surveyA: number;

beforeAll(async () => {
  const b = await formB();
  surveyB = b.surveyId;
  versionB = b.versionId;
  surveyA = (await db().selectFrom("survey").select("id").where("id", "!=", surveyB).executeTakeFirstOrThrow()).id;
  [big, mid, small] = [await makeUnit("BIG"), await makeUnit("MID"), await makeUnit("SMALL")];
  pBig = await makeProcedure(big);
  pSmall = await makeProcedure(small);
  // Q2/2025 (15/03–14/06/2025, NĐ 09/2019 Art. 12): 45 answers to the overall question.
  const day = "2025-04-10";
  await storeB(b, { unitId: big, procedureId: pBig, channel: "qr", day, value: 5, count: 10 });
  await storeB(b, { unitId: big, channel: "qr", day, value: 5, count: 10 });
  await storeB(b, { unitId: big, channel: "kiosk", day, value: 5, count: 7 });
  await storeB(b, { unitId: big, channel: "kiosk", day, value: 2, count: 3 });
  await storeB(b, { unitId: mid, channel: "web", day, value: 4, count: 10 });
  await storeB(b, { unitId: mid, channel: "web", day, value: 1, count: 2 });
  // The case: a unit with 3 answers, 1 satisfied ("1/3, Không đạt").
  await storeB(b, { unitId: small, procedureId: pSmall, channel: "paper", day, value: 5, count: 1 });
  await storeB(b, { unitId: small, procedureId: pSmall, channel: "paper", day, value: 2, count: 2 });
  // Q1/2025: BIG 10, SMALL 2.
  await storeB(b, { unitId: big, channel: "qr", day: "2025-01-10", value: 5, count: 10 });
  await storeB(b, { unitId: small, channel: "paper", day: "2025-01-10", value: 5, count: 2 });
}, 90_000);

type Json = Record<string, unknown>;
const load = async (cookie: string, query: string) => {
  const r = (await dashboardRoute.loader({
    request: staffRequest(`/staff?${query}`, cookie),
    params: {},
    context: {},
  })) as Response;
  return (await r.json()) as Json & {
    dashboard: Json & { headline: Json; byUnit: Json[]; byChannel: Json[]; trend: Json[] };
  };
};
const exportCsv = async (cookie: string, query: string) => {
  const r = (await exportRoute.loader({
    request: staffRequest(`/staff/export/figures?${query}&format=csv`, cookie),
    params: {},
    context: {},
  })) as Response;
  expect(r.status).toBe(200);
  return r.text();
};

/** Every count a figure rests on, anywhere in the dashboard's data: rate n, block minN, volume. */
function smallFigures(x: unknown, path = "dashboard"): string[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => smallFigures(v, `${path}[${i}]`));
  if (!x || typeof x !== "object") return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(x)) {
    if (["n", "minN", "responses", "flagged"].includes(k) && typeof v === "number" && v > 0 && v < T)
      out.push(`${path}.${k} = ${v}`);
    out.push(...smallFigures(v, `${path}.${k}`));
  }
  return out;
}

/** A tiny CSV reader: quoted cells may hold commas. */
const cellsOf = (line: string) =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'));

/** Every count in the export's sections that is 1–4: the n columns, block n, volume counts and
 * the distribution rows' totals. */
function smallInCsv(csv: string): string[] {
  const out: string[] = [];
  const sections = csv.replace(/^\uFEFF/, "").split("\r\n\r\n");
  sections.forEach((sec, i) => {
    const lines = sec.split("\r\n").filter(Boolean);
    const name = i === 0 ? "headline" : lines.shift()!;
    const header = cellsOf(lines.shift() ?? "");
    for (const line of lines) {
      const c = cellsOf(line);
      const nums = (idx: number[]) => idx.map((j) => Number(c[j])).filter((v) => c.some(Boolean) && Number.isFinite(v));
      let counts: number[] = [];
      // Section names are in the reader's language (Vietnamese here), like the page.
      if (name === "Số phiếu") counts = nums([1, 2]);
      else if (name === "Phân bố câu trả lời") counts = [nums([1, 2, 3, 4, 5]).reduce((a, b) => a + b, 0)];
      else if (header.includes("n")) counts = nums([header.indexOf("n")]).filter(() => c[header.indexOf("n")] !== "");
      for (const v of counts) if (v > 0 && v < T) out.push(`${name}: ${line}`);
    }
  });
  return out;
}

describe("hand-computed cells (threshold 5; primary and complementary suppression)", () => {
  it("hide the small unit and its complement in the by-unit table, and the filtered views of both", async () => {
    const office = await signIn("office");
    const all = await load(office.cookie, `survey=${surveyB}&period=2025-Q2`);
    // Headline: (27 + 10 + 1) satisfied of (30 + 12 + 3) = 38/45.
    expect(all.dashboard.headline).toMatchObject({ suppressed: false, rate: { satisfied: 38, n: 45 } });
    // By unit: SMALL (3) is under 5; with only it hidden, 45 − 30 − 12 gives it back, so the next
    // smallest, MID (12), is hidden too. BIG stays: 27/30.
    const units = Object.fromEntries(all.dashboard.byUnit.map((u) => [Number(u.key), u]));
    expect(units[small]).toMatchObject({ suppressed: true, rate: { n: 0, rate: null } });
    expect(units[mid]).toMatchObject({ suppressed: true, rate: { n: 0, rate: null } });
    expect(units[big]).toMatchObject({ suppressed: false, rate: { satisfied: 27, n: 30 } });
    // By channel: paper (3) hidden, and its complement kiosk (10, smaller than web's 12).
    const ch = Object.fromEntries(all.dashboard.byChannel.map((c) => [String(c.channel), c]));
    expect(ch.paper.suppressed).toBe(true);
    expect(ch.kiosk.suppressed).toBe(true);
    expect(ch.qr).toMatchObject({ suppressed: false, rate: { satisfied: 20, n: 20 } });
    expect(ch.web).toMatchObject({ suppressed: false, rate: { satisfied: 10, n: 12 } });

    // The leak: filtering to the small unit showed "1/3, Không đạt". Now hidden, and so
    // is every view the table hides: MID, paper, kiosk, and kiosk narrowed further to BIG.
    for (const q of [
      `unit=${small}`,
      `unit=${mid}`,
      "channel=paper",
      "channel=kiosk",
      `unit=${big}&channel=kiosk`,
      `procedure=${pSmall}`,
    ]) {
      const v = await load(office.cookie, `survey=${surveyB}&period=2025-Q2&${q}`);
      expect({ q, headline: v.dashboard.headline }).toMatchObject({
        q,
        headline: { suppressed: true, rate: { n: 0, rate: null } },
      });
    }
    const bigView = await load(office.cookie, `survey=${surveyB}&period=2025-Q2&unit=${big}`);
    expect(bigView.dashboard.headline).toMatchObject({ suppressed: false, rate: { satisfied: 27, n: 30 } });
    // BIG's trend: in Q1/2025 the by-unit table is BIG 10, SMALL 2 — SMALL hidden, BIG its
    // complement — so BIG's Q1 point is hidden as well; its Q2 point is its headline.
    const trend = Object.fromEntries(bigView.dashboard.trend.map((p) => [String(p.key), p]));
    expect(trend["Q1/2025"]).toMatchObject({ suppressed: true, rate: { n: 0 } });
    expect(trend["Q2/2025"]).toMatchObject({ suppressed: false, rate: { satisfied: 27, n: 30 } });

    // The export says the same.
    const csv = await exportCsv(office.cookie, `survey=${surveyB}&period=2025-Q2&unit=${small}`);
    expect(csv.split("\r\n")[1]).toMatch(/^[^,]+,,,,,Ẩn \(dưới 5 ý kiến\)$/);
  });
});

describe("every filter combination a staff role can make", () => {
  const units = () => ["", big, mid, small].map(String);
  const procedures = () => ["", pBig, pSmall].map(String);
  const channels = ["", "qr", "kiosk", "web", "paper"];
  const surveys = () => [`survey=${surveyB}`, `survey=${surveyB}&version=${versionB}`, `survey=${surveyA}`];
  const periods = ["2025-Q2", "2025-Y"];
  // CI (CI=true, or FUZZ_RUNS=2000) walks the whole grid for every role. The default run keeps
  // npm test short: the office walks survey B (unversioned) × both periods × every unit, procedure
  // and channel (120 of the 360 views; the version and Form A choices are walked in CI);
  // admin and viewer, who see what the office sees (suppression reads no role but the unit scope),
  // walk unit × channel; the unit roles walk unit (their own or a forged other) × procedure (their
  // own or another unit's) × channel.
  const fullGridForAll = process.env.CI === "true" || Number(process.env.FUZZ_RUNS ?? 0) >= 2000;

  for (const role of ["admin", "office", "viewer", "unit:small", "unit:big"] as const) {
    it(`show no figure over 1–4 answers to ${role}, in the page's data or the export`, async () => {
      const [r, which] = role.split(":") as ["admin" | "office" | "viewer" | "unit", string | undefined];
      const user = await signIn(r, which === "small" ? small : which === "big" ? big : null);
      const found: string[] = [];
      let views = 0;
      // A unit's staff cannot choose a unit (the page locks it); they can forge one in the query.
      const unitChoices = r === "unit" ? ["", String(which === "small" ? big : small)] : units();
      const whole = fullGridForAll;
      const office = r === "office";
      const surveyChoices = whole ? surveys() : [`survey=${surveyB}`];
      const periodChoices = whole || office ? periods : ["2025-Q2"];
      const procedureChoices = whole || office || r === "unit" ? procedures() : [""];
      for (const s of surveyChoices)
        for (const period of periodChoices)
          for (const u of unitChoices)
            for (const p of procedureChoices)
              for (const c of channels) {
                const q = `${s}&period=${period}&unit=${u}&procedure=${p}&channel=${c}`;
                const [page, csv] = await Promise.all([load(user.cookie, q), exportCsv(user.cookie, q)]);
                found.push(...smallFigures(page.dashboard).map((f) => `${q}: ${f}`));
                found.push(...smallInCsv(csv).map((f) => `${q} (export): ${f}`));
                views++;
              }
      expect(views).toBe(
        surveyChoices.length * periodChoices.length * unitChoices.length * procedureChoices.length * 5,
      );
      const expected = whole
        ? 3 * 2 * unitChoices.length * 3 * 5
        : office
          ? 2 * 4 * 3 * 5
          : unitChoices.length * (r === "unit" ? 3 : 1) * 5;
      expect(views).toBe(expected);
      expect(found).toEqual([]);
    }, 600_000);
  }
});
