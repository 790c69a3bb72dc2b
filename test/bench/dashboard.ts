// Dashboard and export at a million responses, on PostgreSQL:
//   npx tsx test/bench/dashboard.ts            (BENCH_RESPONSES=1000000 by default)
// Seeds N Form B responses (about 25 answers each) straight in SQL, builds the rollups, vacuums, then
// prints the dashboard's server time p50/p95 per view, the same figures by GROUP BY over the raw
// answers, and the time and peak memory of exporting every response to CSV and XLSX.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import { sql } from "kysely";
import { getDashboard } from "../../app/features/reports/dashboard-view.server";
import { rawCountsByUnit, surveyItems } from "../../app/features/reports/dashboard.server";
import { overallItem } from "../../app/features/reports/dashboard-figures";
import { defaultWindow } from "../../app/features/reports/report-periods";
import { quarterOf } from "../../app/features/reports/dashboard.schema";
import { exportQuery } from "../../app/features/reports/export.server";
import { rebuildRollups } from "../../app/features/reports/rollup.server";
import type { StaffUser } from "../../app/kernel/session.server";
import { createBenchDatabase, ms, timeIt } from "./bench-db";

const N = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** BENCH_ONLY=dashboard or export runs one half (with BENCH_DB_URL, to iterate on it). */
const ONLY = process.env.BENCH_ONLY;

async function main() {
  const bench = await createBenchDatabase("bench_dash");
  const db = bench.handle.db;
  try {
    const survey = await db.selectFrom("survey").select(["id"]).where("kind", "=", "B").executeTakeFirstOrThrow();
    const version = await db
      .selectFrom("survey_version")
      .select("id")
      .where("survey_id", "=", survey.id)
      .orderBy("version", "desc")
      .executeTakeFirstOrThrow();
    const items = await db
      .selectFrom("survey_item")
      .select(["id", "type"])
      .where("version_id", "=", version.id)
      .execute();
    const units = (await db.selectFrom("unit").select("id").execute()).map((u) => u.id);
    const procRows = await db.selectFrom("procedure").select(["id", "unit_id"]).execute();
    const procs = procRows.map((p) => p.id);
    // Realistic cells: a procedure belongs to one unit, so responses pick a (unit, procedure)
    // pair from the catalogue, or a unit with no procedure named.
    const pairUnits = [...procRows.map((p) => p.unit_id!), ...units];
    const pairProcs = [...procRows.map((p) => p.id), ...units.map(() => 0)];

    let t = performance.now();
    if (bench.fresh) {
      console.log(`seeding ${N.toLocaleString("en")} responses …`);
      // Laid out as the portal writes them: responses in the order they were submitted, each with
      // all its answers in one go (the portal stores a response and its answers in one statement).
      await sql`
      insert into response (id, survey_id, survey_version_id, unit_id, procedure_id, counter, channel, lang, submitted_at, created_at, flagged, flag_reasons)
      select gen_random_uuid(), ${survey.id}, ${version.id}, (${pairUnits}::int[])[k], nullif((${pairProcs}::int[])[k], 0), 'bench',
        (array['qr','kiosk','web','paper'])[1 + floor(random() * 4)::int], 'vi', at, at, random() < 0.01, '{}'
      from (select 1 + floor(random() * ${pairUnits.length})::int as k, now() - random() * interval '365 days' as at
            from generate_series(1, ${N}) order by 2) g`.execute(db);
      // The 24 scale questions and an occasional comment: "about 25 answers" per response, as the
      // issue sets. The priority and demographic questions are left unanswered.
      const scale = items.filter((i) => i.type === "L5").map((i) => i.id);
      const text = items.filter((i) => i.type === "text" || i.type === "textarea").map((i) => i.id);
      await sql`
      insert into answer (response_id, item_id, value, text)
      select r.id, i.item_id,
        case when i.is_scale then (case when random() < 0.04 then 0 when random() < 0.9 then 4 + (random() < 0.55)::int else 1 + floor(random() * 3)::int end) end,
        case when not i.is_scale then 'Góp ý thử nghiệm số ' || (random() * 1000)::int end
      from (select id from response where counter = 'bench' order by submitted_at) r
      cross join lateral (
        select s as item_id, true as is_scale from unnest(${scale}::int[]) s
        union all
        select c, false from unnest(${text}::int[]) c where random() < 0.1) i`.execute(db);
      const { answers } = (await sql<{ answers: number }>`select count(*)::int as answers from answer`.execute(db))
        .rows[0];
      console.log(
        `seeded ${N.toLocaleString("en")} responses, ${answers.toLocaleString("en")} answers in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
      t = performance.now();
      await rebuildRollups(db);
      const rollupRows = (await sql<{ n: number }>`select count(*)::int as n from answer_rollup`.execute(db)).rows[0].n;
      console.log(
        `rollups built in ${((performance.now() - t) / 1000).toFixed(1)} s (${rollupRows.toLocaleString("en")} daily rollup rows)`,
      );
      t = performance.now();
      // As autovacuum leaves an insert-only table (PostgreSQL 13+ vacuums after inserts too): the
      // visibility map set, so index-only scans skip the heap. A freshly loaded table is slower to
      // export until then.
      await sql`vacuum analyze`.execute(db);
      console.log(`vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const office: StaffUser = {
      id: 0,
      email: "bench",
      name: "bench",
      role: "office",
      unitId: null,
      agencyId: 1,
      mustChangePassword: false,
      sessionId: "",
    };
    // The dashboard reads report periods (15th → 14th windows, whole report quarters); one custom
    // window that does not align shows the cost of reading its edge days from the daily table.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    const quarterAgo = new Date(Date.now() - 91 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    const { year, kind } = quarterOf(today);
    const q = defaultWindow(year, kind);
    const y = defaultWindow(year, "Y");
    const base = { surveyId: survey.id, from: q.start, to: q.end };
    const views: [string, Parameters<typeof getDashboard>[1]][] = [
      ["report quarter, all units", base],
      ["report year, all units", { ...base, from: y.start, to: y.end }],
      ["report quarter, one unit", { ...base, unitId: units[4] }],
      ["report quarter, one channel", { ...base, channel: "qr" }],
      ["report quarter, one procedure", { ...base, procedureId: procs[3] }],
      ["report year, unit + channel", { ...base, from: y.start, to: y.end, unitId: units[4], channel: "kiosk" }],
      ["last 91 days (unaligned)", { ...base, from: quarterAgo, to: today }],
    ];
    if (ONLY !== "export") {
      console.log(`\ndashboard server time (getDashboard: 5 rollup queries + metadata), ${RUNS} runs each`);
      for (const [name, f] of views) {
        const r = await timeIt(RUNS, () => getDashboard(office, f, { year, kind }, "vi"));
        console.log(`  ${name.padEnd(30)} p50 ${ms(r.p50).padStart(10)}  p95 ${ms(r.p95).padStart(10)}`);
      }
      const overall = overallItem(await surveyItems(survey.id))!;
      console.log(`\nthe same by-unit figure by GROUP BY over the raw answers, ${Math.min(RUNS, 5)} runs each`);
      for (const [name, f] of views.slice(0, 2)) {
        const r = await timeIt(Math.min(RUNS, 5), () => rawCountsByUnit(f, overall.ids));
        console.log(`  ${name.padEnd(30)} p50 ${ms(r.p50).padStart(10)}  p95 ${ms(r.p95).padStart(10)}`);
      }
    }

    if (ONLY !== "dashboard") {
      // PostgreSQL's own COPY of the export's statement (same joins, every row, no pages) as CSV,
      // through psql to /dev/null: the floor the export is measured against.
      const compiled = exportQuery(
        { surveyId: survey.id, from: yearAgo, to: today, includeFlagged: true },
        null,
        null,
      ).compile(db);
      const text = compiled.sql.replace(/\$(\d+)/g, (_m, i: string) => {
        const v = compiled.parameters[Number(i) - 1];
        return typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
      });
      const copy = spawnSync(
        "/usr/bin/time",
        [
          "-f",
          "%M",
          "psql",
          bench.url,
          "-X",
          "-q",
          "-o",
          "/dev/null",
          "-c",
          "set jit = off",
          "-c",
          `copy (${text}) to stdout with (format csv)`,
        ],
        { encoding: "utf8" },
      );
      // (time prints psql's peak RSS in KB as its last stderr line.)
      const copyPeak = Number(copy.stderr.trim().split("\n").pop()) / 1024;
      const copyT0 = performance.now();
      spawnSync("psql", [
        bench.url,
        "-X",
        "-q",
        "-o",
        "/dev/null",
        "-c",
        "set jit = off",
        "-c",
        `copy (${text}) to stdout with (format csv)`,
      ]);
      const copySecs = (performance.now() - copyT0) / 1000;
      if (copy.status !== 0) console.log(`COPY failed: ${copy.stderr}`);
      console.log(
        `\nCOPY (the export's statement) TO STDOUT via psql: ${copySecs.toFixed(1)} s (second run), psql peak RSS ${copyPeak.toFixed(0)} MB`,
      );
      // The worker runs as plain JavaScript, as the built server does: under the TypeScript loader
      // the process alone took about 155 MB before exporting anything (66 MB without it).
      const worker = path.join(import.meta.dirname, "../../node_modules/.cache/hl-export-worker.mjs");
      buildSync({
        entryPoints: [path.join(import.meta.dirname, "export-worker.ts")],
        bundle: true,
        platform: "node",
        format: "esm",
        packages: "external",
        alias: { "~": path.join(import.meta.dirname, "../../app") },
        outfile: worker,
        logLevel: "warning",
      });
      console.log(`export of all ${N.toLocaleString("en")}+ responses (separate process, peak RSS)`);
      for (const format of ["csv", "xlsx"]) {
        const out = spawnSync(process.execPath, [worker, bench.url, String(survey.id), yearAgo, today, format], {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        });
        if (out.status !== 0) console.log(`  ${format}: failed\n${out.stderr}`);
        else {
          const secs = Number(/in ([\d.]+) s/.exec(out.stdout)?.[1]);
          console.log(
            `  ${out.stdout.trim()}, ${(secs / copySecs).toFixed(2)}× COPY (goal ${format === "csv" ? "1.3" : "1.6"}×, peak < 200 MB)`,
          );
        }
      }
    }
  } finally {
    await bench.drop();
  }
}

await main();
