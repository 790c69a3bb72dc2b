// The province at scale (issue 19), on PostgreSQL:
//   npx tsx test/bench/province.ts        (BENCH_PROVINCE_RESPONSES=2000000 by default)
// Seeds a demo province straight in SQL — 20 agencies under the root, 10 units each, each agency
// its own Form B survey (the demo survey's items copied), N responses over the last year spread
// unevenly across agencies and with different satisfaction, so some agencies' intervals separate
// and some overlap — builds the rollups, vacuums, then prints p50/p95 of the league table
// (getLeague, behind /staff/province/<period>) and of one agency's dashboard, for the report year
// and a quarter. Goals: league under 300 ms, one dashboard under 150 ms at p95.
import { sql } from "kysely";
import { getDashboard } from "../../app/features/reports/dashboard-view.server";
import { defaultWindow } from "../../app/features/reports/report-periods";
import { quarterOf } from "../../app/features/reports/dashboard.schema";
import { rebuildRollups } from "../../app/features/reports/rollup.server";
import { getLeague } from "../../app/features/province/league.server";
import type { StaffUser } from "../../app/kernel/session.server";
import { createBenchDatabase, ms, timeIt } from "./bench-db";

const N = Number(process.env.BENCH_PROVINCE_RESPONSES ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const AGENCIES = 20;
const UNITS = 10;

async function main() {
  const bench = await createBenchDatabase("bench_prov");
  const db = bench.handle.db;
  try {
    const root = await db
      .selectFrom("agency")
      .select("id")
      .where("parent_id", "is", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    if (bench.fresh) {
      let t = performance.now();
      const demo = await db
        .selectFrom("survey")
        .innerJoin("survey_version", "survey_version.survey_id", "survey.id")
        .select(["survey.id", "survey_version.id as version_id"])
        .where("survey.kind", "=", "B")
        .orderBy("survey_version.version", "desc")
        .executeTakeFirstOrThrow();
      // Uneven sizes: agency i (1-based) takes a share ∝ i², so the smallest holds 1/2870 of the
      // responses and the largest about 14 %. Satisfaction climbs 0.8 points an agency, so the big
      // agencies' narrow intervals separate while the small ones' wide intervals overlap.
      const weights = Array.from({ length: AGENCIES }, (_, i) => (i + 1) ** 2);
      const total = weights.reduce((a, b) => a + b, 0);
      const sizes = weights.map((w) => Math.round((N * w) / total));
      for (let i = 0; i < AGENCIES; i++) {
        const no = String(i + 1).padStart(2, "0");
        const a = await db
          .insertInto("agency")
          .values({
            code: `bench-${no}`,
            name_vi: `Sở Thử nghiệm ${no}`,
            name_en: `Test Department ${no}`,
            parent_id: root.id,
            target_percent: 90,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("unit")
          .values(
            Array.from({ length: UNITS }, (_, u) => ({
              agency_id: a.id,
              code: `u${u + 1}`,
              name_vi: `Bộ phận ${u + 1}`,
              name_en: `Unit ${u + 1}`,
              kind: "division",
            })),
          )
          .execute();
        const s = await sql<{ id: number }>`
          insert into survey (agency_id, slug, kind, title_vi, title_en, intro_vi, intro_en, opens_at, active)
          select ${a.id}, slug, kind, title_vi, title_en, intro_vi, intro_en, opens_at, active from survey where id = ${demo.id}
          returning id`.execute(db);
        const v = await sql<{ id: number }>`
          insert into survey_version (agency_id, survey_id, version, published_at)
          values (${a.id}, ${s.rows[0].id}, 1, now()) returning id`.execute(db);
        await sql`
          insert into survey_item (agency_id, version_id, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length)
          select ${a.id}, ${v.rows[0].id}, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length
          from survey_item where version_id = ${demo.version_id}`.execute(db);
        const p = 0.8 + 0.008 * i;
        // Responses in submission order, each with its answers (as the portal stores them).
        await sql`
          insert into response (agency_id, id, survey_id, survey_version_id, unit_id, procedure_id, counter, channel, lang, submitted_at, created_at, flagged, flag_reasons)
          select ${a.id}, gen_random_uuid(), ${s.rows[0].id}, ${v.rows[0].id}, u.ids[k], null, 'bench',
            (array['qr','kiosk','web','paper'])[1 + floor(random() * 4)::int], 'vi', at, at, random() < 0.01, '{}'
          from (select array_agg(id order by id) as ids from unit where agency_id = ${a.id}) u,
               (select 1 + floor(random() * ${UNITS})::int as k, now() - random() * interval '365 days' as at
                from generate_series(1, ${sizes[i]}) order by 2) g`.execute(db);
        // The 24 scale questions (4 % "not applicable", then satisfied with chance p) and an
        // occasional comment, as dashboard.ts does.
        await sql`
          insert into answer (agency_id, response_id, item_id, value, text)
          select ${a.id}, r.id, i.id,
            case when i.type = 'L5' then (case when random() < 0.04 then 0 when random() < ${p} then 4 + (random() < 0.55)::int else 1 + floor(random() * 3)::int end) end,
            case when i.type <> 'L5' then 'Góp ý thử nghiệm số ' || (random() * 1000)::int end
          from (select id from response where agency_id = ${a.id} order by submitted_at) r
          cross join lateral (
            select id, type from survey_item where version_id = ${v.rows[0].id} and type = 'L5'
            union all
            select id, type from survey_item where version_id = ${v.rows[0].id} and type in ('text', 'textarea') and random() < 0.1) i`.execute(
          db,
        );
      }
      const { answers } = (await sql<{ answers: number }>`select count(*)::int as answers from answer`.execute(db))
        .rows[0];
      console.log(
        `seeded ${AGENCIES} agencies × ${UNITS} units, ${N.toLocaleString("en")} responses (${sizes[0]}–${sizes[AGENCIES - 1]} an agency), ${answers.toLocaleString("en")} answers in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
      t = performance.now();
      await rebuildRollups(db);
      console.log(`rollups built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      t = performance.now();
      await sql`vacuum analyze`.execute(db);
      console.log(`vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const user: StaffUser = {
      id: 0,
      email: "bench",
      name: "bench",
      role: "province",
      unitId: null,
      mustChangePassword: false,
      sessionId: "",
      agencyId: 2,
    };
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const { year, kind } = quarterOf(today);
    // The largest agency's survey: the most rollup rows one dashboard reads.
    const biggest = await db
      .selectFrom("survey")
      .innerJoin("agency", "agency.id", "survey.agency_id")
      .select(["survey.id", "survey.agency_id"])
      .where("agency.code", "=", `bench-${AGENCIES}`)
      .executeTakeFirstOrThrow();
    console.log(`\nserver time, ${RUNS} runs each (goal: league < 300 ms, one dashboard < 150 ms at p95)`);
    for (const k of ["Y", kind] as const) {
      const w = defaultWindow(year, k);
      const league = await timeIt(RUNS, () => getLeague(user, year, k, "vi"));
      const dash = await timeIt(RUNS, () =>
        getDashboard(
          { ...user, role: "office", agencyId: biggest.agency_id },
          { surveyId: biggest.id, from: w.start, to: w.end },
          { year, kind: k },
          "vi",
        ),
      );
      const label = `${year}-${k}`;
      console.log(
        `  league ${label.padEnd(8)} p50 ${ms(league.p50).padStart(10)}  p95 ${ms(league.p95).padStart(10)}  ${league.p95 < 300 ? "meets" : "MISSES"} 300 ms`,
      );
      console.log(
        `  one dashboard ${label.padEnd(8)} p50 ${ms(dash.p50).padStart(10)}  p95 ${ms(dash.p95).padStart(10)}  ${dash.p95 < 150 ? "meets" : "MISSES"} 150 ms`,
      );
    }
  } finally {
    await bench.drop();
  }
}

await main();
