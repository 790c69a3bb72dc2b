// Exports: the raw anonymous responses of a period (one row per response, one column per item
// code) and the period's figures. Read batch by batch (export-read.server.ts) so memory stays flat.
import type { TFunction } from "i18next";
import { columnMap, fillAnswerCells, type ColumnMap } from "~/features/reports/export-row";
import type { RowSink } from "~/kernel/files/export-stream.server";
import type { DashboardFilter } from "./dashboard.server";
import { surveyItems } from "./dashboard.server";
import type { PageRow } from "./export-query.server";
import { readExportRows } from "./export-read.server";

export { exportQuery } from "./export-query.server";

/** The cells before the answers: id, time, version, unit, procedure, channel, lang, flag, reasons. */
export const LEAD = 9;

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
  const total = await readExportRows(f, (rows) => writeRows(columns, rows, sink));
  await sink.end();
  return total;
}

async function writeRows(columns: ColumnMap, rows: PageRow[], sink: RowSink): Promise<void> {
  for (const r of rows) {
    // Most rows only join the sink's pending batch: no promise to wait for.
    const wait = sink.row(rowCells(columns, r));
    if (wait) await wait;
  }
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
