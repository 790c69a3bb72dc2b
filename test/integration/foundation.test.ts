import { sql } from "kysely";
import { loader as healthz } from "~/routes/healthz";
import { loader as home } from "~/routes/_index";
import { loader as lang } from "~/routes/lang.$lng";
import { publicResults } from "~/features/reports/public-results.server";
import { getSettings } from "~/features/admin/settings.server";
import { db, currentDatabase, setDatabase } from "../../db/client";
import { migrateDown, migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/index";
import { lastClosedPeriod } from "../../db/seed/sent-period";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

describe("migrations", () => {
  it("create the foundation tables with the default settings", async () => {
    const settings = await db().selectFrom("setting").selectAll().execute();
    const byKey = Object.fromEntries(settings.map((s) => [s.key, s.value]));
    // The target lives on the agency's row since migration 023 (docs/rules/agencies.md).
    expect(byKey["satisfaction.target"]).toBeUndefined();
    expect((await getSettings(1))["satisfaction.target"]).toBe(0.9);
    expect(byKey["satisfaction.suppression_threshold"]).toBe(5);
    expect(byKey["feedback.days.answer"]).toBe(15);
  });

  it("go down step by step to nothing and up again", async () => {
    const schema = currentDatabase()!.schema;
    let steps = 0;
    for (;;) {
      const down = await migrateDown(db(), schema);
      if (!down.results?.length) break;
      expect(down.results[0].direction).toBe("Down");
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(2);
    await expect(sql`select 1 from unit`.execute(db())).rejects.toThrow();
    const up = await migrateToLatest(db(), schema);
    expect(up.results?.length).toBe(steps);
    expect((await db().selectFrom("setting").selectAll().execute()).length).toBeGreaterThan(5);
  });
});

describe("demo data", () => {
  it("is written into an empty database only, once", async () => {
    // A fifth of the demo's answers: the whole year is seeded and checked in dashboard.test.ts.
    expect(await seedDemo(db(), { responses: { B: 520, A: 140 } })).toBe(true);
    expect(await seedDemo(db())).toBe(false);
    const units = await db().selectFrom("unit").selectAll().execute();
    expect(units.map((u) => u.code)).toEqual(expect.arrayContaining(["BGD", "VP", "QLCN", "CCTDC"]));
    const child = units.find((u) => u.parent_id !== null)!;
    expect(units.some((u) => u.id === child.parent_id)).toBe(true);
    const procedures = await db().selectFrom("procedure").selectAll().execute();
    expect(procedures.length).toBeGreaterThanOrEqual(15);
    for (const p of procedures) {
      expect(p.name_vi).not.toBe(p.name_en);
      expect(p.unit_id).not.toBeNull();
    }
    const holiday = await db().selectFrom("holiday").selectAll().where("date", "=", "2026-02-17").executeTakeFirst();
    expect(holiday?.date).toBe("2026-02-17");
    // The demo sent one closed period, as the Office would: its snapshot holds the frozen counts,
    // and the public results page shows it with a rate (the demo's year of answers covers it).
    const snaps = await db()
      .selectFrom("report_snapshot as s")
      .innerJoin("report_period as p", "p.id", "s.period_id")
      .select(["p.year", "p.kind", "s.id", "s.end_date", "s.feedback", "s.dialogue"])
      .execute();
    expect(snaps).toHaveLength(1);
    expect(snaps[0].feedback).not.toBeNull();
    expect(snaps[0].dialogue).not.toBeNull();
    const counts = await sql<{ n: string }>`
      select count(*)::text as n from report_snapshot_count where snapshot_id = ${snaps[0].id}`.execute(db());
    expect(Number(counts.rows[0].n)).toBeGreaterThan(0);
    const results = await publicResults("vi", 1);
    expect(results.periods).toHaveLength(1);
    expect(results.periods[0].satisfaction?.suppressed).toBe(false);
    expect(results.periods[0].satisfaction?.rate.n).toBeGreaterThan(50);
    expect(
      await db().selectFrom("audit_log").select("action").where("action", "=", "report_period.send").execute(),
    ).toHaveLength(1);
  });

  it("sends the period that ended last, the longer one on a tie", () => {
    // 9-month and Q3 windows both end on 14/09: the 9-month one; Y and Q4 both end on 14/12.
    expect(lastClosedPeriod("2026-12-06")).toEqual({ year: 2026, kind: "M9" });
    expect(lastClosedPeriod("2026-12-15")).toEqual({ year: 2026, kind: "Y" });
    expect(lastClosedPeriod("2026-09-14")).toEqual({ year: 2026, kind: "H1" });
    expect(lastClosedPeriod("2026-03-14")).toEqual({ year: 2025, kind: "Y" });
    expect(lastClosedPeriod("2026-03-15")).toEqual({ year: 2026, kind: "Q1" });
  });
});

describe("routes", () => {
  it("home page counts the catalogue and titles itself in the reader's language", async () => {
    const res = await home(args(new Request("http://x/", { headers: { "Accept-Language": "en" } })));
    const data = await res.json();
    expect(data.title).toMatch(/your opinion/);
    expect(data.counts.procedures).toBeGreaterThanOrEqual(15);
    const vi = await (await home(args(new Request("http://x/")))).json();
    expect(vi.title).toMatch(/ý kiến của bạn/);
  });

  it("healthz answers 200 with a database and 503 without one", async () => {
    expect((await healthz()).status).toBe(200);
    const handle = currentDatabase();
    setDatabase(null);
    try {
      expect((await healthz()).status).toBe(503);
    } finally {
      setDatabase(handle);
    }
  });

  it("the language switch sets a cookie and returns only to this site", async () => {
    const res = await lang(args(new Request("http://x/lang/en?to=%2Fabc"), { lng: "en" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/abc");
    expect(res.headers.get("Set-Cookie")).toMatch(/^lng=en;/);
    const evil = await lang(args(new Request("http://x/lang/vi?to=%2F%2Fevil.example"), { lng: "vi" }));
    expect(evil.headers.get("Location")).toBe("/");
    await expect(lang(args(new Request("http://x/lang/fr"), { lng: "fr" }))).rejects.toMatchObject({ status: 404 });
  });
});
