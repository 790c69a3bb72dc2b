// The demo province, seeded set-based inside the database (issue 19): agencies, units and a Form B
// each through a few small statements, then every response, answer and rollup row by one
// INSERT … SELECT each over generate_series. Through the app's own paths (one fold per batch,
// indexes and foreign keys checked row by row) 200,000 responses took about 8 minutes; here the
// big tables' keys, indexes and foreign keys are dropped for the load and rebuilt after it (one
// sort each; the foreign keys come back enforced for new rows), so 2,000,000 fit in a bench run.
//
// The rollups are written here, not by rebuildRollups(): they are read from the responses and
// answers just written, with the same keys and the same local day (Asia/Ho_Chi_Minh) and
// half-month and report quarter as the fold (app/features/reports/rollup.server.ts); the
// half-month rollup is summed from the daily one and the quarter rollup from the half-month one. test/integration/province-seed.test.ts holds them equal to what
// rebuildRollups() computes from the same raw answers.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/types";

type Conn = Kysely<Database>;

export interface ProvinceSeed {
  /** Responses in all, spread over the agencies ∝ 1², 2², … */
  responses: number;
  agencies?: number;
  units?: number;
  /** Responses fall uniformly over the `days` before `now`. */
  days?: number;
  now?: Date;
  /** Agency codes are `<codePrefix>-01`, … */
  codePrefix?: string;
}

export interface SeededAgency {
  id: number;
  code: string;
  surveyId: number;
  versionId: number;
  size: number;
  /** Chance that a scale answer (other than "not applicable") is 4 or 5. */
  p: number;
}

/** The tables loaded in bulk: their keys, indexes and foreign keys are dropped for the load. */
const BULK = ["response", "answer", "response_rollup", "answer_rollup", "answer_rollup_half", "answer_rollup_quarter"];

interface Saved {
  constraints: { table: string; name: string; def: string; fk: boolean }[];
  indexes: { name: string; def: string }[];
}

/** Drops every key, index and foreign key on the bulk tables (and foreign keys into them) and
 * returns their definitions, as the catalog prints them, to put back. */
async function dropKeys(trx: Conn): Promise<Saved> {
  const constraints = (
    await sql<{ table: string; name: string; def: string; fk: boolean }>`
      select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def,
             c.contype = 'f' as fk
      from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid::regclass::text = any(${BULK}) or c.confrelid::regclass::text = any(${BULK}))`.execute(trx)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(${BULK})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = i.tablename::regclass)`.execute(
      trx,
    )
  ).rows;
  // Foreign keys first: a key cannot go while a foreign key leans on it.
  for (const c of [...constraints].sort((a, b) => Number(b.fk) - Number(a.fk)))
    await sql`alter table ${sql.table(c.table)} drop constraint ${sql.id(c.name)}`.execute(trx);
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(trx);
  return { constraints, indexes };
}

async function restoreKeys(trx: Conn, saved: Saved): Promise<void> {
  // Keys before the foreign keys that need them; each key is built by one sort. The foreign keys
  // come back NOT VALID: enforced on every row written from now on, but the loaded rows are not
  // re-read to check them (they point where they do by construction: each answer is made from
  // its response, each response from its agency's survey, version and units).
  for (const c of [...saved.constraints].sort((a, b) => Number(a.fk) - Number(b.fk)))
    await sql`alter table ${sql.table(c.table)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)} ${sql.raw(c.fk ? "not valid" : "")}`.execute(
      trx,
    );
  for (const i of saved.indexes) await sql.raw(i.def).execute(trx);
}

/** Agencies (under the root), units and a Form B each, items copied from the database's Form B. */
async function makeAgencies(trx: Conn, o: Required<ProvinceSeed>): Promise<SeededAgency[]> {
  const root = await trx
    .selectFrom("agency")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const demo = await trx
    .selectFrom("survey")
    .innerJoin("survey_version", "survey_version.survey_id", "survey.id")
    .select(["survey.id", "survey_version.id as version_id"])
    .where("survey.kind", "=", "B")
    .orderBy("survey_version.version", "desc")
    .executeTakeFirstOrThrow();
  // Uneven sizes: agency i (1-based) takes a share ∝ i², so at 20 agencies the smallest holds
  // 1/2870 of the responses and the largest about 14 %. Satisfaction climbs 0.8 points an agency,
  // so the big agencies' narrow intervals separate while the small ones' wide intervals overlap.
  const weights = Array.from({ length: o.agencies }, (_, i) => (i + 1) ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const out: SeededAgency[] = [];
  for (let i = 0; i < o.agencies; i++) {
    const no = String(i + 1).padStart(2, "0");
    const code = `${o.codePrefix}-${no}`;
    const a = await trx
      .insertInto("agency")
      .values({
        code,
        name_vi: `Sở Thử nghiệm ${no}`,
        name_en: `Test Department ${no}`,
        parent_id: root.id,
        target_percent: 90,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("unit")
      .values(
        Array.from({ length: o.units }, (_, u) => ({
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
      returning id`.execute(trx);
    const v = await sql<{ id: number }>`
      insert into survey_version (agency_id, survey_id, version, published_at)
      values (${a.id}, ${s.rows[0].id}, 1, now()) returning id`.execute(trx);
    await sql`
      insert into survey_item (agency_id, version_id, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length)
      select ${a.id}, ${v.rows[0].id}, position, code, block, type, text_vi, text_en, help_vi, help_en, required, options, max_length
      from survey_item where version_id = ${demo.version_id}`.execute(trx);
    out.push({
      id: a.id,
      code,
      surveyId: s.rows[0].id,
      versionId: v.rows[0].id,
      size: Math.round((o.responses * weights[i]) / total),
      p: 0.8 + 0.008 * i,
    });
  }
  return out;
}

const LOCAL_DAY = sql`(r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date`;

/** Seeds the province; returns the agencies made. Runs in one transaction: a failed seed leaves
 * nothing behind. Returns the time each step took, for the bench to print. */
export async function seedProvince(
  conn: Conn,
  opts: ProvinceSeed,
): Promise<{ agencies: SeededAgency[]; steps: [string, number][] }> {
  const o: Required<ProvinceSeed> = {
    agencies: 20,
    units: 10,
    days: 365,
    now: new Date(),
    codePrefix: "bench",
    ...opts,
  };
  const steps: [string, number][] = [];
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    steps.push([name, performance.now() - t]);
    return r;
  };
  const agencies = await conn.transaction().execute(async (trx) => {
    // Sorts and hashes of millions of rows in memory rather than in many small spills; the
    // commit need not wait for the disk (a crash loses a bench database, nothing else).
    await sql`set local work_mem = '256MB'`.execute(trx);
    await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
    await sql`set local synchronous_commit = off`.execute(trx);
    const list = await step("agencies, units, surveys", () => makeAgencies(trx, o));
    const ids = list.map((a) => a.id);
    const saved = await step("drop keys", () => dropKeys(trx));
    const params = sql`(select * from unnest(${ids}::int[], ${list.map((a) => a.surveyId)}::int[],
      ${list.map((a) => a.versionId)}::int[], ${list.map((a) => a.size)}::int[], ${list.map((a) => a.p)}::float8[])
      as t(agency_id, survey_id, version_id, size, p))`;
    await step("responses", () =>
      sql`
        insert into response (agency_id, id, survey_id, survey_version_id, unit_id, procedure_id, counter, channel, lang, submitted_at, created_at, flagged, flag_reasons)
        select g.agency_id, gen_random_uuid(), g.survey_id, g.version_id, u.ids[g.k], null, 'bench', g.channel, 'vi', g.at, g.at, g.flagged, '{}'
        from (
          select p.agency_id, p.survey_id, p.version_id,
                 1 + floor(random() * ${o.units})::int as k,
                 (array['qr','kiosk','web','paper'])[1 + floor(random() * 4)::int] as channel,
                 random() < 0.01 as flagged,
                 ${o.now}::timestamptz - random() * make_interval(days => ${o.days}) as at
          from ${params} p cross join generate_series(1, p.size)) g
        join (select agency_id, array_agg(id order by id) as ids from unit where agency_id = any(${ids}) group by 1) u
          on u.agency_id = g.agency_id
        order by g.at`.execute(trx),
    );
    // The scale questions (4 % "not applicable", then satisfied with chance p) and a comment in
    // one response of ten, as test/bench/dashboard.ts does.
    await step("answers", () =>
      sql`
        insert into answer (agency_id, response_id, item_id, value, text)
        select r.agency_id, r.id, i.id,
          case when i.type = 'L5' then (case when random() < 0.04 then 0 when random() < p.p then 4 + (random() < 0.55)::int else 1 + floor(random() * 3)::int end) end,
          case when i.type <> 'L5' then 'Góp ý thử nghiệm số ' || (random() * 1000)::int end
        from response r
        join ${params} p on p.agency_id = r.agency_id
        join survey_item i on i.agency_id = r.agency_id and i.version_id = r.survey_version_id
          and (i.type = 'L5' or (i.type in ('text', 'textarea') and random() < 0.1))
        where r.agency_id = any(${ids})`.execute(trx),
    );
    await step("response rollup", () =>
      sql`
        insert into response_rollup (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
        select r.agency_id, ${LOCAL_DAY}, r.survey_version_id, r.unit_id, coalesce(r.procedure_id, 0), r.channel, r.flagged,
               count(*)::int
        from response r where r.agency_id = any(${ids})
        group by 1, 2, 3, 4, 5, 6, 7`.execute(trx),
    );
    await step("answer rollup (daily)", () =>
      sql`
        insert into answer_rollup (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
        select r.agency_id, ${LOCAL_DAY}, r.survey_version_id, r.unit_id, coalesce(r.procedure_id, 0), r.channel, r.flagged, a.item_id,
               count(*) filter (where a.value = 0)::int, count(*) filter (where a.value = 1)::int,
               count(*) filter (where a.value = 2)::int, count(*) filter (where a.value = 3)::int,
               count(*) filter (where a.value = 4)::int, count(*) filter (where a.value = 5)::int
        from response r join answer a on a.agency_id = r.agency_id and a.response_id = r.id
        where r.agency_id = any(${ids}) and a.value between 0 and 5
        group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(trx),
    );
    // Counts add over days, so the half-month rows are the daily rows' sums.
    await step("answer rollup (half-month)", () =>
      sql`
        insert into answer_rollup_half (agency_id, bucket, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
        select agency_id, date_trunc('month', day)::date + case when extract(day from day) >= 15 then 14 else 0 end,
               survey_version_id, unit_id, procedure_id, channel, flagged, item_id,
               sum(c0)::int, sum(c1)::int, sum(c2)::int, sum(c3)::int, sum(c4)::int, sum(c5)::int
        from answer_rollup where survey_version_id = any(${list.map((a) => a.versionId)})
        group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(trx),
    );
    // A report quarter (15/12, 15/03, 15/06, 15/09 to the 14th three months on) is six whole
    // half-months: 14 days back it is a calendar quarter one month later.
    await step("answer rollup (quarter)", () =>
      sql`
        insert into answer_rollup_quarter (agency_id, quarter, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
        select agency_id, (date_trunc('quarter', bucket - 14 + interval '1 month') - interval '1 month')::date + 14,
               survey_version_id, unit_id, procedure_id, channel, flagged, item_id,
               sum(c0)::int, sum(c1)::int, sum(c2)::int, sum(c3)::int, sum(c4)::int, sum(c5)::int
        from answer_rollup_half where survey_version_id = any(${list.map((a) => a.versionId)})
        group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(trx),
    );
    await step("rebuild keys, indexes, foreign keys", () => restoreKeys(trx, saved));
    return list;
  });
  await step("vacuum analyze", () => sql`vacuum analyze`.execute(conn));
  return { agencies, steps };
}
