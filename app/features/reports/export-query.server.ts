// The responses export's one statement: each response of the window with its answers gathered,
// in (submitted_at, id) order. Read in keyset pages or through one cursor (export-read.server.ts).
import { sql } from "kysely";
import type { ResponseAnswers } from "~/features/reports/export-row";
import type { DashboardFilter } from "./dashboard.server";

export interface PageRow extends ResponseAnswers {
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

/** The export's statement: one page after `after` (the embedded database's way), or (limit null)
 * every row of the window, as the cursor on PostgreSQL reads it and the benchmark hands it to
 * PostgreSQL's own COPY to compare with; `ids` keeps only those responses. */
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
