import type { ColumnType, Generated } from "kysely";
import type { GeneratedTimestamp } from "./common";

type DateCol = ColumnType<string, string, string>;

/** A report period's figures as sent (chốt số liệu); see migration 016. */
export interface ReportSnapshotTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  period_id: number;
  start_date: DateCol;
  end_date: DateCol;
  read_through: DateCol;
  sent_at: GeneratedTimestamp;
  sent_by: number | null;
  /** Feedback-handling and dialogue figures as sent (migration 018); null when sent before it. */
  feedback: ColumnType<unknown, string | null | undefined, string | null>;
  dialogue: ColumnType<unknown, string | null | undefined, string | null>;
}

interface Cell {
  snapshot_id: number;
  survey_version_id: number;
  unit_id: number;
  procedure_id: number;
  channel: string;
  flagged: boolean;
}

export interface ReportSnapshotCountTable extends Cell {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  item_id: number;
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
}

export interface ReportSnapshotResponseTable extends Cell {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  responses: number;
}

export interface ReportSnapshotTables {
  report_snapshot: ReportSnapshotTable;
  report_snapshot_count: ReportSnapshotCountTable;
  report_snapshot_response: ReportSnapshotResponseTable;
}
