import type { ColumnType, Generated, Selectable } from "kysely";
import type { GeneratedTimestamp } from "./common";

type DateCol = ColumnType<string, string, string>;
type NullableDateCol = ColumnType<string | null, string | null | undefined, string | null>;

export interface ReportPeriodTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  year: number;
  kind: "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "M9" | "Y";
  start_date: DateCol;
  end_date: DateCol;
  due_date: NullableDateCol;
  updated_by: number | null;
  updated_at: GeneratedTimestamp;
}

export interface AnswerRollupTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  day: DateCol;
  survey_version_id: number;
  unit_id: number;
  procedure_id: number;
  channel: string;
  flagged: boolean;
  item_id: number;
  c0: Generated<number>;
  c1: Generated<number>;
  c2: Generated<number>;
  c3: Generated<number>;
  c4: Generated<number>;
  c5: Generated<number>;
}

export interface AnswerRollupHalfTable extends Omit<AnswerRollupTable, "day"> {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  bucket: DateCol;
}

/** The same counts per report quarter (migration 024), named by its first day (15/12, 15/03, …). */
export interface AnswerRollupQuarterTable extends Omit<AnswerRollupTable, "day" | "agency_id"> {
  // No default: every writer names the agency (the half-month table's default is migration 021's).
  agency_id: number;
  quarter: DateCol;
}

export interface ResponseRollupTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  day: DateCol;
  survey_version_id: number;
  unit_id: number;
  procedure_id: number;
  channel: string;
  flagged: boolean;
  responses: Generated<number>;
}

/** A stored response not yet added to the rollups (see foldPendingRollups). */
export interface RollupPendingTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  response_id: string;
}

export interface DashboardTables {
  report_period: ReportPeriodTable;
  answer_rollup: AnswerRollupTable;
  answer_rollup_half: AnswerRollupHalfTable;
  answer_rollup_quarter: AnswerRollupQuarterTable;
  response_rollup: ResponseRollupTable;
  rollup_pending: RollupPendingTable;
}

export type ReportPeriod = Selectable<ReportPeriodTable>;
