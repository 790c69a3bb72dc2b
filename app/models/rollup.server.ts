// The dashboard's rollups: per local day, survey version, unit, procedure, channel, flag and
// item, how many answers took each code 0–5. addResponseToRollups runs inside the transaction
// that stores a response, so figures are exact the moment the citizen sees "thank you".
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/types";
import { halfMonthOf, localDate } from "~/lib/report-periods";

export interface RollupResponse {
  submittedAt: Date;
  surveyVersionId: number;
  unitId: number;
  procedureId: number | null;
  channel: string;
  flagged: boolean;
}

export interface RollupAnswer {
  itemId: number;
  value: number | null;
}

const CODES = [0, 1, 2, 3, 4, 5] as const;

export async function addResponseToRollups(trx: Kysely<Database>, r: RollupResponse, answers: RollupAnswer[]): Promise<void> {
  const cell = {
    day: localDate(r.submittedAt),
    survey_version_id: r.surveyVersionId,
    unit_id: r.unitId,
    procedure_id: r.procedureId ?? 0,
    channel: r.channel,
    flagged: r.flagged,
  };
  await trx
    .insertInto("response_rollup")
    .values({ ...cell, responses: 1 })
    .onConflict((oc) =>
      oc.columns(["day", "unit_id", "procedure_id", "channel", "flagged", "survey_version_id"]).doUpdateSet({
        responses: sql`response_rollup.responses + 1`,
      }),
    )
    .execute();
  // Items in id order: concurrent transactions take the row locks in the same order, so two
  // responses for the same cell wait for each other instead of deadlocking.
  const counted = answers
    .filter((a): a is { itemId: number; value: number } => a.value !== null && Number.isInteger(a.value) && a.value >= 0 && a.value <= 5)
    .sort((a, b) => a.itemId - b.itemId);
  if (!counted.length) return;
  const { day, ...rest } = cell;
  const codes = (v: number) => Object.fromEntries(CODES.map((c) => [`c${c}`, v === c ? 1 : 0])) as Record<`c${(typeof CODES)[number]}`, number>;
  // "count + excluded.count" for each code column: the upsert adds this response's ones.
  const addExcluded = (table: "answer_rollup" | "answer_rollup_half") => ({
    c0: sql<number>`${sql.ref(`${table}.c0`)} + excluded.c0`,
    c1: sql<number>`${sql.ref(`${table}.c1`)} + excluded.c1`,
    c2: sql<number>`${sql.ref(`${table}.c2`)} + excluded.c2`,
    c3: sql<number>`${sql.ref(`${table}.c3`)} + excluded.c3`,
    c4: sql<number>`${sql.ref(`${table}.c4`)} + excluded.c4`,
    c5: sql<number>`${sql.ref(`${table}.c5`)} + excluded.c5`,
  });
  await trx
    .insertInto("answer_rollup")
    .values(counted.map((a) => ({ ...cell, item_id: a.itemId, ...codes(a.value) })))
    .onConflict((oc) =>
      oc.columns(["item_id", "day", "unit_id", "procedure_id", "channel", "flagged", "survey_version_id"]).doUpdateSet(addExcluded("answer_rollup")),
    )
    .execute();
  await trx
    .insertInto("answer_rollup_half")
    .values(counted.map((a) => ({ ...rest, bucket: halfMonthOf(day), item_id: a.itemId, ...codes(a.value) })))
    .onConflict((oc) =>
      oc.columns(["item_id", "bucket", "unit_id", "procedure_id", "channel", "flagged", "survey_version_id"]).doUpdateSet(addExcluded("answer_rollup_half")),
    )
    .execute();
}

/** Recomputes every rollup from the raw answers with one GROUP BY each. For bulk loads (demo
 * data, benchmarks) and repairs — never on a page view. */
export async function rebuildRollups(conn: Kysely<Database>): Promise<void> {
  await sql`delete from answer_rollup`.execute(conn);
  await sql`delete from answer_rollup_half`.execute(conn);
  await sql`delete from response_rollup`.execute(conn);
  await sql`
    insert into response_rollup (day, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
    select (r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, r.survey_version_id, r.unit_id,
           coalesce(r.procedure_id, 0), r.channel, r.flagged, count(*)
    from response r
    group by 1, 2, 3, 4, 5, 6`.execute(conn);
  await sql`
    insert into answer_rollup (day, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
    select (r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, r.survey_version_id, r.unit_id,
           coalesce(r.procedure_id, 0), r.channel, r.flagged, a.item_id,
           count(*) filter (where a.value = 0), count(*) filter (where a.value = 1),
           count(*) filter (where a.value = 2), count(*) filter (where a.value = 3),
           count(*) filter (where a.value = 4), count(*) filter (where a.value = 5)
    from response r join answer a on a.response_id = r.id
    where a.value between 0 and 5
    group by 1, 2, 3, 4, 5, 6, 7`.execute(conn);
  await sql`
    insert into answer_rollup_half (bucket, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
    select date_trunc('month', day)::date + case when extract(day from day) >= 15 then 14 else 0 end,
           survey_version_id, unit_id, procedure_id, channel, flagged, item_id,
           sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
    from answer_rollup
    group by 1, 2, 3, 4, 5, 6, 7`.execute(conn);
}
