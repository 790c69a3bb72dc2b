// The dashboard's rollups: per local day (and half-month, and report quarter), survey version,
// unit, procedure, channel, flag and item, how many answers took each code 0–5.
//
// A stored response queues its id in rollup_pending, in the transaction that stores it (see
// response.server.ts). foldPendingRollups() moves queued responses into the rollups in batches:
// each batch deletes its queue rows and adds their counts in ONE transaction, so a response is
// counted exactly once however many instances fold at the same time. Readers of the rollups fold
// first, so figures include every response stored before the read; the portal also folds every
// few seconds (schedule.server.ts) so the queue stays short.
import { sql, type Kysely, type RawBuilder } from "kysely";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

type Conn = Kysely<Database>;

const BATCH = 2000;
const LOCAL_DAY = sql`(r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date`;
// Every rollup row carries its response's agency (docs/rules/agencies.md): the cell starts with it.
const CELL = sql`r.agency_id, r.survey_version_id, r.unit_id, coalesce(r.procedure_id, 0) as procedure_id, r.channel, r.flagged`;
/** The half-month a local day falls in: the 1st or the 15th of its month (halfMonthOf in TS). */
const bucketOf = (day: RawBuilder<unknown>) =>
  sql`date_trunc('month', ${day})::date + case when extract(day from ${day}) >= 15 then 14 else 0 end`;
/** The report quarter a local day falls in, named by its first day: 15/12, 15/03, 15/06 or 15/09
 * (quarterBucketOf in TS). Shifted 14 days back, a quarter is the months Dec–Feb, Mar–May, …,
 * which is a calendar quarter one month later. */
const quarterOf = (day: RawBuilder<unknown>) =>
  sql`(date_trunc('quarter', ${day} - 14 + interval '1 month') - interval '1 month')::date + 14`;

const responseCounts = (where: RawBuilder<unknown>) => sql`
  select ${LOCAL_DAY} as day, ${CELL}, count(*)::int
  from response r where ${where}
  group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`;

const answerCounts = (where: RawBuilder<unknown>) => sql`
  select ${LOCAL_DAY} as day, ${CELL}, a.item_id,
         count(*) filter (where a.value = 0)::int as c0, count(*) filter (where a.value = 1)::int as c1,
         count(*) filter (where a.value = 2)::int as c2, count(*) filter (where a.value = 3)::int as c3,
         count(*) filter (where a.value = 4)::int as c4, count(*) filter (where a.value = 5)::int as c5
  from response r join answer a on a.response_id = r.id
  where a.value between 0 and 5 and ${where}
  group by 1, 2, 3, 4, 5, 6, 7, 8`;

const COLS = sql.raw("agency_id, survey_version_id, unit_id, procedure_id, channel, flagged, item_id");
/** "c0 = t.c0 + excluded.c0, …": an upsert adds the batch's counts to what is there. */
const addCodes = (table: string) =>
  sql.raw([0, 1, 2, 3, 4, 5].map((c) => `c${c} = ${table}.c${c} + excluded.c${c}`).join(", "));

/** Adds the responses matching `where` to all four rollups. Rows go in key order, so two
 * concurrent batches lock shared rollup rows in the same order and never deadlock. */
async function addToRollups(conn: Conn, where: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into response_rollup (day, agency_id, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
    ${responseCounts(where)}
    on conflict (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged)
    do update set responses = response_rollup.responses + excluded.responses`.execute(conn);
  await addAnswerCounts(conn, answerCounts(where));
}

/** Adds `counted` (rows of day, COLS, c0–c5) to the daily, half-month and quarter rollups. The
 * counts are computed once (a CTE used three times is computed once); the three inserts touch
 * different tables, so one statement holds them all, and each goes in key order. */
async function addAnswerCounts(conn: Conn, counted: RawBuilder<unknown>): Promise<void> {
  const coarser = (table: string, col: string, of: RawBuilder<unknown>) => sql`
    insert into ${sql.table(table)} (${sql.ref(col)}, ${COLS}, c0, c1, c2, c3, c4, c5)
    select ${of}, ${COLS}, sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
    from counted group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (agency_id, item_id, ${sql.ref(col)}, unit_id, procedure_id, channel, flagged, survey_version_id)
    do update set ${addCodes(table)}`;
  await sql`
    with counted as (${counted}),
    daily as (
      insert into answer_rollup (day, ${COLS}, c0, c1, c2, c3, c4, c5)
      select * from counted order by 1, 2, 3, 4, 5, 6, 7, 8
      on conflict (agency_id, item_id, day, unit_id, procedure_id, channel, flagged, survey_version_id) do update set ${addCodes("answer_rollup")}),
    half as (${coarser("answer_rollup_half", "bucket", bucketOf(sql`day`))})
    ${coarser("answer_rollup_quarter", "quarter", quarterOf(sql`day`))}`.execute(conn);
}

/** Adds every queued response to the rollups; returns how many it added. Safe to call from any
 * number of requests and instances at once. A fold that meets queue rows another fold holds
 * waits for it (no SKIP LOCKED) instead of passing them by: when it returns, every response
 * queued before the call is in the rollups, so a reader that folds first misses none. Not inside
 * another transaction: on the embedded database that would wait forever for the one connection. */
export async function foldPendingRollups(conn: Conn = db()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await conn.transaction().execute(async (trx) => {
      // In id order, so two folds lock queue rows in the same order and cannot deadlock.
      const taken = await sql<{ response_id: string }>`
        delete from rollup_pending where response_id in (
          select response_id from rollup_pending order by response_id limit ${BATCH} for update)
        returning response_id`.execute(trx);
      const ids = taken.rows.map((r) => r.response_id);
      if (ids.length) await addToRollups(trx, sql`r.id = any(${ids}::uuid[])`);
      return ids.length;
    });
    total += n;
    // Rows passed over while waiting on another fold can leave a short batch with more queued:
    // only an empty batch ends the loop.
    if (n === 0) return total;
  }
}

/** Recomputes every rollup from the raw answers with one GROUP BY each and empties the queue, in
 * one transaction. For bulk loads (demo data, benchmarks) and repairs — never on a page view. */
export async function rebuildRollups(conn: Conn): Promise<void> {
  const run = async (trx: Conn) => {
    for (const t of [
      "rollup_pending",
      "answer_rollup",
      "answer_rollup_half",
      "answer_rollup_quarter",
      "response_rollup",
    ])
      await sql`delete from ${sql.table(t)}`.execute(trx);
    await addToRollups(trx, sql`true`);
  };
  if (conn.isTransaction) await run(conn);
  else await conn.transaction().execute(run);
}

/** One side of a flag change: the responses `ids` counted in the cell with flag `flagged`, each
 * `sign` times (-1 takes them out of the cell, +1 puts them in). */
interface Side {
  ids: string[];
  flagged: boolean;
  sign: 1 | -1;
}

const signedResponses = (s: Side) => sql`
  select ${LOCAL_DAY} as day, r.agency_id, r.survey_version_id, r.unit_id, coalesce(r.procedure_id, 0) as procedure_id,
         r.channel, ${s.flagged}::boolean as flagged, ${s.sign}::int as n
  from response r where r.id = any(${s.ids}::uuid[])`;

const signedAnswers = (s: Side) => sql`
  select ${LOCAL_DAY} as day, r.agency_id, r.survey_version_id, r.unit_id, coalesce(r.procedure_id, 0) as procedure_id,
         r.channel, ${s.flagged}::boolean as flagged, a.item_id,
         ${sql.join([0, 1, 2, 3, 4, 5].map((c) => sql`${s.sign}::int * (a.value = ${sql.lit(c)})::int as ${sql.ref(`c${c}`)}`))}
  from response r join answer a on a.response_id = r.id
  where a.value between 0 and 5 and r.id = any(${s.ids}::uuid[])`;

/**
 * Moves responses between the flagged and unflagged cells of every rollup, for a flag set or
 * cleared after they were stored (docs/rules/flags.md). Each rollup is changed by ONE ordered
 * upsert holding both sides, so, like a fold, it locks rollup rows in key order and cannot
 * deadlock with a fold or another move. `sides` holds the responses already folded, taken out of
 * their old cell (-1), and every changed response put into its new one (+1). Call inside the
 * transaction that changes response.flagged, after taking the changed responses out of the queue.
 */
export async function moveInRollups(trx: Conn, sides: Side[]): Promise<void> {
  const used = sides.filter((s) => s.ids.length);
  if (!used.length) return;
  const union = (f: (s: Side) => RawBuilder<unknown>) => sql.join(used.map(f), sql` union all `);
  await sql`
    insert into response_rollup (day, agency_id, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
    select day, agency_id, survey_version_id, unit_id, procedure_id, channel, flagged, sum(n)::int
    from (${union(signedResponses)}) x
    group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7
    on conflict (agency_id, day, survey_version_id, unit_id, procedure_id, channel, flagged)
    do update set responses = response_rollup.responses + excluded.responses`.execute(trx);
  const sums = sql.raw([0, 1, 2, 3, 4, 5].map((c) => `sum(c${c})::int as c${c}`).join(", "));
  await addAnswerCounts(
    trx,
    sql`
      select day, agency_id, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, ${sums}
      from (${union(signedAnswers)}) x group by 1, 2, 3, 4, 5, 6, 7, 8`,
  );
}
