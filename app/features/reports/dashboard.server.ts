// Dashboard figures, read from the rollups (never from raw answers on a page view). Items are
// matched across survey versions by their code, so a reworded version still adds up.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { splitWindow } from "~/features/reports/report-periods";
import { db } from "~/kernel/db/db.server";
import type { Database } from "../../../db/types";

export interface DashboardFilter {
  surveyId: number;
  /** Inclusive local dates "YYYY-MM-DD". */
  from: string;
  to: string;
  unitId?: number | null;
  procedureId?: number | null;
  channel?: string | null;
  versionId?: number | null;
  /** Flagged (suspicious) responses are left out of the figures unless asked for; the channel
   * view always shows them apart. */
  includeFlagged?: boolean;
  /** Read a sent report's frozen counts (report_snapshot_count) instead of the live rollups. */
  snapshotId?: number | null;
}

export interface Counts {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export interface ItemMeta {
  code: string;
  block: string;
  type: string;
  position: number;
  text_vi: string;
  text_en: string;
  /** Choices carry TT 01 points (Form A). */
  scored: boolean;
  ids: number[];
}

/** The survey's items across all its versions, one entry per code, newest wording. */
export async function surveyItems(surveyId: number): Promise<ItemMeta[]> {
  return (await surveyItemsOf([surveyId])).get(surveyId) ?? [];
}

/** surveyItems for several surveys in one query (the league reads every agency's survey). */
export async function surveyItemsOf(surveyIds: number[]): Promise<Map<number, ItemMeta[]>> {
  const out = new Map<number, ItemMeta[]>();
  if (!surveyIds.length) return out;
  const rows = await db()
    .selectFrom("survey_item as si")
    .innerJoin("survey_version as sv", "sv.id", "si.version_id")
    .select([
      "sv.survey_id",
      "si.id",
      "si.code",
      "si.block",
      "si.type",
      "si.position",
      "si.text_vi",
      "si.text_en",
      "si.options",
      "sv.version",
    ])
    .where("sv.survey_id", "in", surveyIds)
    .orderBy("sv.survey_id")
    .orderBy("sv.version", "desc")
    .orderBy("si.position")
    .execute();
  const bySurvey = new Map<number, Map<string, ItemMeta>>();
  for (const r of rows) {
    let byCode = bySurvey.get(r.survey_id);
    if (!byCode) bySurvey.set(r.survey_id, (byCode = new Map()));
    const m = byCode.get(r.code);
    if (m) m.ids.push(r.id);
    else {
      const scored = (r.options ?? []).some((o) => typeof o.score === "number");
      byCode.set(r.code, {
        code: r.code,
        block: r.block,
        type: r.type,
        position: r.position,
        text_vi: r.text_vi,
        text_en: r.text_en,
        scored,
        ids: [r.id],
      });
    }
  }
  for (const [id, byCode] of bySurvey)
    out.set(
      id,
      [...byCode.values()].sort((a, b) => a.position - b.position),
    );
  return out;
}

type Dim = "none" | "unit" | "channel" | "procedure" | "version";

const dimColumn: Record<Exclude<Dim, "none">, string> = {
  unit: "unit_id",
  channel: "channel",
  procedure: "procedure_id",
  version: "survey_version_id",
};

const COLS = sql.raw("survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5");

/** The rollup rows covering the inclusive window from..to: whole report quarters from the quarter
 * table, whole half-months around them from the half-month table, leftover edge days from the
 * daily one (splitWindow). `key` tags the rows (trend periods). */
function windowRows(from: string, to: string, key = "", snapshotId?: number | null): RawBuilder<unknown> {
  // A sent report's counts were copied from these same rows when it was sent.
  if (snapshotId)
    return sql`select ${key} as pkey, ${COLS} from report_snapshot_count where snapshot_id = ${snapshotId}`;
  const { quarters, halves, days } = splitWindow(from, to);
  const parts: RawBuilder<unknown>[] = [];
  if (quarters)
    parts.push(
      sql`select ${key} as pkey, ${COLS} from answer_rollup_quarter where quarter between ${quarters.first}::date and ${quarters.last}::date`,
    );
  for (const h of halves)
    parts.push(
      sql`select ${key} as pkey, ${COLS} from answer_rollup_half where bucket between ${h.first}::date and ${h.last}::date`,
    );
  for (const [a, b] of days)
    parts.push(sql`select ${key} as pkey, ${COLS} from answer_rollup where day between ${a}::date and ${b}::date`);
  // An empty window still has to be a valid (empty) row source.
  if (!parts.length) parts.push(sql`select ${key} as pkey, ${COLS} from answer_rollup where false`);
  return sql.join(parts, sql` union all `);
}

function where(
  f: Omit<DashboardFilter, "from" | "to">,
  itemIds: number[] | null,
  opts: { keepFlagged?: boolean } = {},
): Expression<SqlBool> {
  const parts = [sql`ar.survey_version_id in (select id from survey_version where survey_id = ${f.surveyId})`];
  if (itemIds) parts.push(sql`ar.item_id = any(${itemIds}::int[])`);
  if (f.unitId) parts.push(sql`ar.unit_id = ${f.unitId}`);
  if (f.procedureId) parts.push(sql`ar.procedure_id = ${f.procedureId}`);
  if (f.channel) parts.push(sql`ar.channel = ${f.channel}`);
  if (f.versionId) parts.push(sql`ar.survey_version_id = ${f.versionId}`);
  if (!f.includeFlagged && !opts.keepFlagged) parts.push(sql`not ar.flagged`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** "Every item" spelled as the survey's item ids, which adds no condition (a rollup row of the
 * survey's versions holds one of their items) but lets the daily table's primary key, which
 * starts with item_id, find a window's edge days; without it the planner reads the whole daily
 * table (it has no index on day alone): an unaligned window's edges were read from every day. */
const allItems = (surveyId: number) =>
  sql`and ar.item_id = any(array(select si.id from survey_item si join survey_version sv on sv.id = si.version_id where sv.survey_id = ${surveyId}))`;

export interface CountsRow extends Counts {
  key: string;
  flagged?: boolean;
}

const sums = sql`sum(ar.c0)::int as c0, sum(ar.c1)::int as c1, sum(ar.c2)::int as c2, sum(ar.c3)::int as c3, sum(ar.c4)::int as c4, sum(ar.c5)::int as c5`;

/** Answer counts per code 0–5 for the given items, optionally split by one dimension. */
export async function countsBy(
  f: DashboardFilter,
  itemIds: number[] | null,
  dim: Dim,
  opts: { byItem?: boolean; splitFlagged?: boolean } = {},
): Promise<(CountsRow & { item_id?: number })[]> {
  const keyExpr = dim === "none" ? sql`''` : sql.raw(`ar.${dimColumn[dim]}::text`);
  const itemExpr = opts.byItem ? sql`ar.item_id` : sql`0`;
  const flagExpr = opts.splitFlagged ? sql`ar.flagged` : sql`false`;
  const result = await sql<CountsRow & { item_id: number }>`
    select ${keyExpr} as key, ${itemExpr} as item_id, ${flagExpr} as flagged, ${sums}
    from (${windowRows(f.from, f.to, "", f.snapshotId)}) as ar
    where ${where(f, itemIds, { keepFlagged: opts.splitFlagged })}
      ${itemIds ? sql`` : allItems(f.surveyId)}
    group by 1, 2, 3`.execute(db());
  return result.rows;
}

export interface BreakdownRow extends Counts {
  dim: "all" | "unit" | "channel";
  key: string;
  flagged: boolean;
}

/** The given items' counts overall, by unit and by channel, each split by the flag, in one
 * scan (GROUPING SETS) instead of three. */
export async function breakdown(f: DashboardFilter, itemIds: number[]): Promise<BreakdownRow[]> {
  const result = await sql<BreakdownRow>`
    select case when grouping(ar.unit_id) = 0 then 'unit' when grouping(ar.channel) = 0 then 'channel' else 'all' end as dim,
      coalesce(ar.unit_id::text, ar.channel, '') as key, ar.flagged, ${sums}
    from (${windowRows(f.from, f.to, "", f.snapshotId)}) as ar
    where ${where(f, itemIds, { keepFlagged: true })}
    group by grouping sets ((ar.flagged), (ar.unit_id, ar.flagged), (ar.channel, ar.flagged))`.execute(db());
  return result.rows;
}

/** Responses per dimension value (volume), flagged apart. */
export async function responsesBy(
  f: DashboardFilter,
  dim: Dim,
): Promise<{ key: string; flagged: boolean; responses: number }[]> {
  const keyExpr = dim === "none" ? sql`''` : sql.raw(`ar.${dimColumn[dim]}::text`);
  const result = await sql<{ key: string; flagged: boolean; responses: number }>`
    select ${keyExpr} as key, ar.flagged, sum(ar.responses)::int as responses
    from ${f.snapshotId ? sql`report_snapshot_response ar where ar.snapshot_id = ${f.snapshotId}` : sql`response_rollup ar where ar.day between ${f.from}::date and ${f.to}::date`}
      and ${where(f, null, { keepFlagged: true })}
    group by 1, 2`.execute(db());
  return result.rows;
}

/** One figure per period: the given items' counts for each [start, end] window. */
export async function countsByPeriods(
  f: Omit<DashboardFilter, "from" | "to">,
  itemIds: number[],
  periods: { key: string; start: string; end: string; snapshotId?: number | null }[],
): Promise<CountsRow[]> {
  if (!periods.length) return [];
  const rows = sql.join(
    periods.map((p) => windowRows(p.start, p.end, p.key, p.snapshotId)),
    sql` union all `,
  );
  const result = await sql<CountsRow>`
    select ar.pkey as key, ${sums}
    from (${rows}) as ar
    where ${where(f, itemIds)}
    group by ar.pkey`.execute(db());
  return result.rows;
}

/** countsByPeriods for many surveys in one scan, unnarrowed and without flagged answers (the
 * headline's rows): per survey and period, the given items' counts. `itemIds` may hold several
 * surveys' items, since an item belongs to one survey's version. The league reads every agency's
 * headline with it instead of one dashboard per agency. */
export async function countsBySurveyPeriods(
  surveyIds: number[],
  itemIds: number[],
  periods: { key: string; start: string; end: string }[],
): Promise<(CountsRow & { survey_id: number })[]> {
  if (!periods.length || !surveyIds.length || !itemIds.length) return [];
  const rows = sql.join(
    periods.map((p) => windowRows(p.start, p.end, p.key)),
    sql` union all `,
  );
  const result = await sql<CountsRow & { survey_id: number }>`
    select sv.survey_id, ar.pkey as key, ${sums}
    from (${rows}) as ar join survey_version sv on sv.id = ar.survey_version_id
    where sv.survey_id = any(${surveyIds}::int[]) and ar.item_id = any(${itemIds}::int[]) and not ar.flagged
    group by 1, 2`.execute(db());
  return result.rows;
}

/** Dossiers served (the response rate's denominator) per unit, for windows inside the range. */
/** The agency's dossiers served per unit in the window: the response rate's denominator. */
export async function servedBy(agencyId: number, f: DashboardFilter): Promise<{ unit_id: number; served: number }[]> {
  let q = db()
    .selectFrom("served_count")
    .select(["unit_id", sql<number>`sum(count)::int`.as("served")])
    .where("agency_id", "=", agencyId)
    .where("period_start", ">=", f.from)
    .where("period_end", "<=", f.to)
    .groupBy("unit_id");
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.procedureId) q = q.where("procedure_id", "=", f.procedureId);
  return q.execute();
}

/** The same figures straight from the raw answers: for the consistency test and the benchmark. */
export async function rawCountsByUnit(f: DashboardFilter, itemIds: number[]): Promise<CountsRow[]> {
  const result = await sql<CountsRow>`
    select r.unit_id::text as key,
      count(*) filter (where a.value = 0)::int as c0, count(*) filter (where a.value = 1)::int as c1,
      count(*) filter (where a.value = 2)::int as c2, count(*) filter (where a.value = 3)::int as c3,
      count(*) filter (where a.value = 4)::int as c4, count(*) filter (where a.value = 5)::int as c5
    from response r join answer a on a.response_id = r.id
    join survey_version sv on sv.id = r.survey_version_id
    where sv.survey_id = ${f.surveyId}
      and r.submitted_at >= (${f.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and a.item_id = any(${itemIds}::int[])
      ${f.includeFlagged ? sql`` : sql`and not r.flagged`}
      ${f.unitId ? sql`and r.unit_id = ${f.unitId}` : sql``}
      ${f.channel ? sql`and r.channel = ${f.channel}` : sql``}
    group by r.unit_id`.execute(db());
  return result.rows;
}

/** Per period and per value of one dimension, the given items' counts: the parent tables a
 * filtered view is checked against (docs/rules/suppression.md). One scan for all periods. */
export async function countsByPeriodsDim(
  f: Omit<DashboardFilter, "from" | "to">,
  itemIds: number[],
  periods: { key: string; start: string; end: string; snapshotId?: number | null }[],
  dim: Exclude<Dim, "none">,
): Promise<(CountsRow & { pkey: string })[]> {
  if (!periods.length) return [];
  const rows = sql.join(
    periods.map((p) => windowRows(p.start, p.end, p.key, p.snapshotId)),
    sql` union all `,
  );
  const result = await sql<CountsRow & { pkey: string }>`
    select ar.pkey, ${sql.raw(`ar.${dimColumn[dim]}::text`)} as key, ${sums}
    from (${rows}) as ar
    where ${where(f, itemIds)}
    group by 1, 2`.execute(db());
  return result.rows;
}

/** Copies a window's rollup counts into a snapshot (sending a report). Run inside the
 * transaction that creates the snapshot row, after a fold, so the copy is what was read. */
export async function copyWindowToSnapshot(
  conn: Kysely<Database>,
  agencyId: number,
  snapshotId: number,
  from: string,
  to: string,
): Promise<void> {
  // Only the agency's own surveys' counts, picked by their versions (whichever agency a rollup
  // row was written with), and written as the agency's.
  const own = sql`survey_version_id in (select id from survey_version where agency_id = ${agencyId})`;
  await sql`
    insert into report_snapshot_count (agency_id, snapshot_id, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
    select ${agencyId}, ${snapshotId}, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, sum(c0), sum(c1), sum(c2), sum(c3), sum(c4), sum(c5)
    from (${windowRows(from, to)}) as ar
    where ${own}
    group by survey_version_id, unit_id, procedure_id, channel, flagged, item_id`.execute(conn);
  await sql`
    insert into report_snapshot_response (agency_id, snapshot_id, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
    select ${agencyId}, ${snapshotId}, survey_version_id, unit_id, procedure_id, channel, flagged, sum(responses)
    from response_rollup where day between ${from}::date and ${to}::date and ${own}
    group by survey_version_id, unit_id, procedure_id, channel, flagged`.execute(conn);
}
