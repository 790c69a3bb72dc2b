// Exports: the raw anonymous responses of a period (one row per response, one column per item
// code) and the period's figures. Read in pages by (submitted_at, id) so memory stays flat.
import type { TFunction } from "i18next";
import { sql, type RawBuilder } from "kysely";
import { columnMap, fillAnswerCells, type ColumnMap, type ResponseAnswers } from "~/features/reports/export-row";
import type { RowSink } from "~/kernel/files/export-stream.server";
import { db } from "~/kernel/db/db.server";
import type { DashboardFilter } from "./dashboard.server";
import { surveyItems } from "./dashboard.server";

// 1,000 rows a page: the per-page round trips are negligible (the statement is named and planned
// once per connection, db/prepared.ts), and a smaller page is less to keep while the next one
// arrives: 5,000-row pages were promoted to the old generation and the heap grew to 100+ MB
// (README "Performance", exports; 1,000, 2,000 and 5,000 measured, 1,000 the least memory).
const PAGE = 1000;

interface PageRow extends ResponseAnswers {
  id: string;
  /** The exact submitted_at as text (microseconds): the keyset cursor. A JS Date keeps only
   * milliseconds, and a cursor cut to milliseconds re-read the last row of every page. */
  at_key: string;
  /** Local (UTC+7) "YYYY-MM-DD HH:MM". */
  local: string;
  version: number;
  unit: string;
  procedure: string | null;
  channel: string;
  lang: string;
  flagged: boolean;
  /** The reasons joined by ";" (as the cell shows them). */
  flag_reasons: string;
}

export type Cursor = { at: string; id: string } | null;

export /** The cells before the answers: id, time, version, unit, procedure, channel, lang, flag, reasons. */
const LEAD = 9;

/** The export's statement: one page after `after`, or (limit null) every row of the window, as
 * the benchmark hands it to PostgreSQL's own COPY to compare with; `ids` keeps only those
 * responses (the CSV export's few that JavaScript writes). */
export function exportQuery(f: DashboardFilter, after: Cursor, limit: number | null, ids?: string[]) {
  // Each response comes with its answers already gathered: the scores from the primary key's
  // index alone, free text and choices through the small partial index (migration 010). The
  // scores come as one "item:score,…" text, not two arrays: parsing the arrays (and collecting
  // their garbage) was the export's largest JavaScript cost after the garbage collector (README).
  return sql<PageRow>`
    select r.id, r.submitted_at::text as at_key,
      to_char(r.submitted_at at time zone interval '+07:00', 'YYYY-MM-DD HH24:MI') as local,
      sv.version, u.code as unit, p.code as procedure, r.channel, r.lang, r.flagged,
      array_to_string(r.flag_reasons, ';', '') as flag_reasons,
      n.scores, s.str_ids, s.strs
    from response r
    join survey_version sv on sv.id = r.survey_version_id
    join unit u on u.id = r.unit_id
    left join procedure p on p.id = r.procedure_id
    cross join lateral (
      select string_agg(a.item_id || ':' || a.value, ',') as scores
      from answer a where a.response_id = r.id and a.value is not null) n
    cross join lateral (
      select array_agg(a.item_id) as str_ids, array_agg(coalesce(a.text, array_to_string(a.choices, ';', ''))) as strs
      from answer a where a.response_id = r.id and a.value is null) s
    where sv.survey_id = ${f.surveyId}
      and r.submitted_at >= (${f.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      ${f.unitId ? sql`and r.unit_id = ${f.unitId}` : sql``}
      ${f.procedureId ? sql`and r.procedure_id = ${f.procedureId}` : sql``}
      ${f.channel ? sql`and r.channel = ${f.channel}` : sql``}
      ${f.versionId ? sql`and r.survey_version_id = ${f.versionId}` : sql``}
      ${after ? sql`and (r.submitted_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      ${ids ? sql`and r.id = any(${ids}::uuid[])` : sql``}
    order by r.submitted_at, r.id
    ${limit === null ? sql`` : sql`limit ${limit}`}`;
}

function fetchRows<R>(query: RawBuilder<R>): Promise<R[]> {
  // The planner prices the per-response look-ups high enough to JIT-compile every page, which
  // cost ~0.7 s a page for nothing (measured): off for this statement only.
  return db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return (await query.execute(trx)).rows;
    });
}

/** The fixed columns before the item codes, named in the reader's language (`t`). */
export function responseColumns(t: TFunction): string[] {
  const keys = ["id", "submittedAt", "version", "unit", "procedure", "channel", "lang", "flagged", "flagReasons"];
  return keys.map((k) => t(`dashboard.responseCols.${k}`));
}

export async function exportResponses(f: DashboardFilter, t: TFunction, sink: RowSink): Promise<number> {
  const items = await surveyItems(f.surveyId);
  const columns = columnMap(items);
  // Item columns keep their codes: they are the survey's own identifiers, the same in both languages.
  sink.sheet(t("dashboard.sheets.responses"), [...responseColumns(t), ...items.map((i) => i.code)]);
  const total = await writeRows(f, columns, sink);
  await sink.end();
  return total;
}

/** Reads page after page until one comes back short, the next one while this one is written
 * (the database and the writer overlap). */
async function writeRows(f: DashboardFilter, columns: ColumnMap, sink: RowSink): Promise<number> {
  let total = 0;
  // A prefetched page must not fail unobserved (an unhandled rejection ends the process) when the
  // writer fails first: the error is still thrown where the page is awaited.
  const prefetch = (after: Cursor) => {
    const p = fetchRows(exportQuery(f, after, PAGE));
    p.catch(() => {});
    return p;
  };
  let next: Promise<PageRow[]> | null = prefetch(null);
  while (next) {
    const rows: PageRow[] = await next;
    const last = rows[rows.length - 1];
    next = rows.length === PAGE ? prefetch({ at: last.at_key, id: last.id }) : null;
    for (const r of rows) {
      // Most rows only join the sink's pending batch: no promise to wait for.
      const wait = sink.row(rowCells(columns, r));
      if (wait) await wait;
    }
    total += rows.length;
  }
  return total;
}

function rowCells(columns: ColumnMap, r: PageRow): unknown[] {
  const cells: unknown[] = new Array(LEAD + columns.width).fill(null);
  cells[0] = r.id;
  cells[1] = r.local;
  cells[2] = r.version;
  cells[3] = r.unit;
  cells[4] = r.procedure ?? "";
  cells[5] = r.channel;
  cells[6] = r.lang;
  cells[7] = r.flagged ? 1 : 0;
  cells[8] = r.flag_reasons;
  return fillAnswerCells(columns, r, cells, LEAD);
}
