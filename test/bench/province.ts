// The province at scale (issue 19), on PostgreSQL:
//   npx tsx test/bench/province.ts        (BENCH_PROVINCE_RESPONSES=2000000 by default)
// Seeds a demo province set-based in SQL (province-seed.ts) — 20 agencies under the root, 10 units
// each, each agency its own Form B survey (the demo survey's items copied), N responses over the
// last year spread unevenly across agencies and with different satisfaction, so some agencies'
// intervals separate and some overlap — with their rollups, then prints p50/p95 of the league table
// (getLeague, behind /staff/province/<period>) and of one agency's dashboard, for the report year
// and a quarter. Goals: league under 300 ms, one dashboard under 150 ms at p95.
import os from "node:os";
import { sql } from "kysely";
import { getDashboard } from "../../app/features/reports/dashboard-view.server";
import { defaultWindow } from "../../app/features/reports/report-periods";
import { quarterOf } from "../../app/features/reports/dashboard.schema";
import { getLeague } from "../../app/features/province/league.server";
import type { StaffUser } from "../../app/kernel/session.server";
import { createBenchDatabase, ms, timeIt } from "./bench-db";
import { seedProvince } from "./province-seed";

const N = Number(process.env.BENCH_PROVINCE_RESPONSES ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const AGENCIES = 20;
const UNITS = 10;

async function main() {
  const bench = await createBenchDatabase("bench_prov");
  const db = bench.handle.db;
  try {
    if (bench.fresh) {
      const t = performance.now();
      const { agencies, steps } = await seedProvince(db, { responses: N, agencies: AGENCIES, units: UNITS });
      const { answers } = (await sql<{ answers: number }>`select count(*)::int as answers from answer`.execute(db))
        .rows[0];
      console.log(
        `seeded ${AGENCIES} agencies × ${UNITS} units, ${N.toLocaleString("en")} responses (${agencies[0].size}–${agencies[AGENCIES - 1].size} an agency), ${answers.toLocaleString("en")} answers (demo data included) and their rollups in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
      for (const [name, took] of steps) console.log(`  ${name.padEnd(38)} ${(took / 1000).toFixed(1).padStart(7)} s`);
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
    // The machine may be shared: the load average beside the figures says how busy it was.
    const load = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(", ");
    console.log(
      `\nserver time, ${RUNS} runs each (goal: league < 300 ms, one dashboard < 150 ms at p95); load average ${load()}`,
    );
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
    console.log(`load average after: ${load()}`);
  } finally {
    await bench.drop();
  }
}

await main();
