// The bench's set-based province seed (test/bench/province-seed.ts) writes the rollups itself
// instead of running the app's rebuild over millions of answers. Here, on a small province, the
// rows it wrote must be exactly the rows rebuildRollups() computes from the same raw answers
// (app/features/reports/rollup.server.ts), and the keys it dropped for the load must be back.
import { sql } from "kysely";
import { rebuildRollups } from "~/features/reports/rollup.server";
import { db } from "~/kernel/db/db.server";
import { seedProvince, type SeededAgency } from "../bench/province-seed";
import { FULL_RUN } from "../support/depth";
import { ensureForms } from "../support/survey";

const ROLLUPS = {
  response_rollup: "day, survey_version_id, unit_id, procedure_id, channel, flagged, agency_id",
  answer_rollup: "day, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, agency_id",
  answer_rollup_half: "bucket, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, agency_id",
  answer_rollup_quarter: "quarter, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, agency_id",
} as const;

/** Every row of a rollup for the seeded versions, in key order, as text. */
async function rows(table: keyof typeof ROLLUPS, versions: number[]) {
  const r = await sql<{ row: string }>`
    select t::text as row from ${sql.table(table)} t
    where survey_version_id = any(${versions}::int[]) order by ${sql.raw(ROLLUPS[table])}`.execute(db());
  return r.rows.map((x) => x.row);
}

let agencies: SeededAgency[];
const TOTAL = FULL_RUN ? 3000 : 600;
const SIZES = FULL_RUN ? [100, 400, 900, 1600] : [20, 80, 180, 320];

beforeAll(async () => {
  await ensureForms();
  // 4 agencies weighted 1, 4, 9, 16 (sum 30): 3,000 responses split 100, 400, 900, 1,600 in CI;
  // the default run (test/support/depth.ts) seeds 600, split 20, 80, 180, 320.
  ({ agencies } = await seedProvince(db(), { responses: TOTAL, agencies: 4, units: 3, codePrefix: "ps" }));
});

describe("province seed", () => {
  it("makes the agencies under the root with sizes ∝ i² and their responses", async () => {
    expect(agencies.map((a) => a.size)).toEqual(SIZES);
    const counts = await db()
      .selectFrom("response")
      .select(["agency_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where(
        "agency_id",
        "in",
        agencies.map((a) => a.id),
      )
      .groupBy("agency_id")
      .orderBy("agency_id")
      .execute();
    expect(counts.map((c) => Number(c.n))).toEqual(SIZES);
    const root = await db().selectFrom("agency").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
    const parents = await db()
      .selectFrom("agency")
      .select("parent_id")
      .where(
        "id",
        "in",
        agencies.map((a) => a.id),
      )
      .execute();
    expect(parents.every((p) => p.parent_id === root.id)).toBe(true);
  });

  it("answers every scale question of Form B once per response", async () => {
    const a = agencies[1];
    const scale = await db()
      .selectFrom("survey_item")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("version_id", "=", a.versionId)
      .where("type", "=", "L5")
      .executeTakeFirstOrThrow();
    const answered = await sql<{ n: string }>`
      select count(*) as n from answer x join survey_item i on i.agency_id = x.agency_id and i.id = x.item_id
      where x.agency_id = ${a.id} and i.type = 'L5'`.execute(db());
    expect(Number(scale.n)).toBeGreaterThan(0);
    expect(Number(answered.rows[0].n)).toBe(SIZES[1] * Number(scale.n));
  });

  it("writes the rollups the app's rebuild computes from the same answers, row for row", async () => {
    const versions = agencies.map((a) => a.versionId);
    const seeded = {
      response_rollup: await rows("response_rollup", versions),
      answer_rollup: await rows("answer_rollup", versions),
      answer_rollup_half: await rows("answer_rollup_half", versions),
      answer_rollup_quarter: await rows("answer_rollup_quarter", versions),
    };
    // Every response seeded: the response rollup's counts add up to them.
    const total = await sql<{ n: string }>`
      select sum(responses) as n from response_rollup where survey_version_id = any(${versions}::int[])`.execute(db());
    expect(Number(total.rows[0].n)).toBe(TOTAL);
    expect(seeded.answer_rollup.length).toBeGreaterThan(100);
    await rebuildRollups(db());
    expect(await rows("response_rollup", versions)).toEqual(seeded.response_rollup);
    expect(await rows("answer_rollup", versions)).toEqual(seeded.answer_rollup);
    expect(await rows("answer_rollup_half", versions)).toEqual(seeded.answer_rollup_half);
    expect(seeded.answer_rollup_quarter.length).toBeGreaterThan(10);
    expect(await rows("answer_rollup_quarter", versions)).toEqual(seeded.answer_rollup_quarter);
  });

  it("puts back the keys and foreign keys it dropped for the load", async () => {
    const a = agencies[0];
    const r = await db().selectFrom("response").select("id").where("agency_id", "=", a.id).executeTakeFirstOrThrow();
    const item = await db()
      .selectFrom("survey_item")
      .select("id")
      .where("version_id", "=", a.versionId)
      .where("type", "=", "L5")
      .executeTakeFirstOrThrow();
    // The same answer twice: the primary key refuses it.
    await expect(
      db().insertInto("answer").values({ agency_id: a.id, response_id: r.id, item_id: item.id, value: 5 }).execute(),
    ).rejects.toThrow(/answer_pk/);
    // An answer under another agency than its response's: the foreign key refuses it.
    await expect(
      db()
        .insertInto("answer")
        .values({ agency_id: agencies[1].id, response_id: r.id, item_id: item.id, value: 5 })
        .execute(),
    ).rejects.toThrow(/foreign key/);
    // A rollup row twice: its key refuses it.
    await expect(
      sql`insert into response_rollup (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
          select agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged, 1 from response_rollup
          where survey_version_id = ${a.versionId} limit 1`.execute(db()),
    ).rejects.toThrow(/response_rollup_pk/);
    await expect(
      sql`insert into answer_rollup_quarter (agency_id, quarter, survey_version_id, unit_id, procedure_id, channel, flagged, item_id)
          select agency_id, quarter, survey_version_id, unit_id, procedure_id, channel, flagged, item_id from answer_rollup_quarter
          where survey_version_id = ${a.versionId} limit 1`.execute(db()),
    ).rejects.toThrow(/answer_rollup_quarter_pk/);
  });
});
