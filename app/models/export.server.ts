// Exports: the raw anonymous responses of a period (one row per response, one column per item
// code) and the period's figures. Read in pages by (submitted_at, id) so memory stays flat.
import { sql } from "kysely";
import { maskPii } from "~/lib/mask-pii";
import { localDate } from "~/lib/report-periods";
import type { RowSink } from "~/utils/export-stream.server";
import { db } from "~/utils/db.server";
import type { DashboardFilter } from "./dashboard.server";
import { surveyItems } from "./dashboard.server";

const PAGE = 2000;

interface RawRow {
  id: string;
  submitted_at: Date;
  version: number;
  unit: string;
  procedure: string | null;
  channel: string;
  lang: string;
  flagged: boolean;
  flag_reasons: string[];
}

interface AnswerRow {
  response_id: string;
  code: string;
  value: number | null;
  text: string | null;
  choices: string[] | null;
}

export async function exportResponses(f: DashboardFilter, sink: RowSink): Promise<number> {
  const items = await surveyItems(f.surveyId);
  const codes = items.map((i) => i.code);
  const textCodes = new Set(items.filter((i) => i.type === "text" || i.type === "textarea").map((i) => i.code));
  sink.sheet("responses", ["response_id", "submitted_at_local", "survey_version", "unit", "procedure", "channel", "lang", "flagged", "flag_reasons", ...codes]);
  let after: { at: Date; id: string } | null = null;
  let total = 0;
  for (;;) {
    const page: { rows: RawRow[] } = await sql<RawRow>`
      select r.id, r.submitted_at, sv.version, u.code as unit, p.code as procedure, r.channel, r.lang, r.flagged, r.flag_reasons
      from response r
      join survey_version sv on sv.id = r.survey_version_id
      join unit u on u.id = r.unit_id
      left join procedure p on p.id = r.procedure_id
      where sv.survey_id = ${f.surveyId}
        and r.submitted_at >= (${f.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
        and r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
        ${f.unitId ? sql`and r.unit_id = ${f.unitId}` : sql``}
        ${f.procedureId ? sql`and r.procedure_id = ${f.procedureId}` : sql``}
        ${f.channel ? sql`and r.channel = ${f.channel}` : sql``}
        ${f.versionId ? sql`and r.survey_version_id = ${f.versionId}` : sql``}
        ${after ? sql`and (r.submitted_at, r.id) > (${after.at}, ${after.id}::uuid)` : sql``}
      order by r.submitted_at, r.id
      limit ${PAGE}`.execute(db());
    // The page's answers in one indexed look-up, pivoted here: far cheaper than a sub-select per row.
    const ids = page.rows.map((r) => r.id);
    const answers = ids.length
      ? (
          await sql<AnswerRow>`
            select a.response_id, si.code, a.value, a.text, a.choices
            from answer a join survey_item si on si.id = a.item_id
            where a.response_id = any(${ids}::uuid[])`.execute(db())
        ).rows
      : [];
    const byResponse = new Map<string, Record<string, string | number | null>>();
    for (const a of answers) {
      const row = byResponse.get(a.response_id) ?? {};
      row[a.code] = a.value ?? a.text ?? (a.choices ? a.choices.join(";") : null);
      byResponse.set(a.response_id, row);
    }
    for (const r of page.rows) {
      const a = byResponse.get(r.id) ?? {};
      const at = new Date(r.submitted_at);
      const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
      await sink.row([
        r.id,
        `${localDate(at)} ${local}`,
        r.version,
        r.unit,
        r.procedure ?? "",
        r.channel,
        r.lang,
        r.flagged ? 1 : 0,
        r.flag_reasons.join(";"),
        ...codes.map((c) => {
          const v = a[c];
          if (v === null || v === undefined) return null;
          // Free text can carry a phone number or an email someone typed: masked on the way out.
          if (textCodes.has(c)) return maskPii(String(v));
          return typeof v === "number" ? v : String(v);
        }),
      ]);
    }
    total += page.rows.length;
    if (page.rows.length < PAGE) break;
    const last = page.rows[page.rows.length - 1];
    after = { at: new Date(last.submitted_at), id: last.id };
  }
  await sink.end();
  return total;
}
