// TT 01/2018 grade: staff-entered indicators and the register of late dossiers (migration 014).
import type { ColumnType, Generated, Selectable } from "kysely";
import type { GeneratedTimestamp } from "./common";

type DateCol = ColumnType<string, string, string>;
type NullableDateCol = ColumnType<string | null, string | null | undefined, string | null>;

export interface Tt01StaffScoreTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  year: number;
  kind: "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "M9" | "Y";
  indicator: number;
  score_tenths: number;
  note: Generated<string>;
  entered_by: number | null;
  entered_at: GeneratedTimestamp;
}

export interface LateDossierTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  dossier_code: string;
  unit_id: number;
  procedure_id: number | null;
  promised_date: DateCol;
  returned_date: NullableDateCol;
  apology_sent: boolean;
  apology_date: NullableDateCol;
  new_date: NullableDateCol;
  new_date_kept: boolean | null;
  entered_by: number | null;
  entered_at: GeneratedTimestamp;
}

export interface Tt01Tables {
  tt01_staff_score: Tt01StaffScoreTable;
  late_dossier: LateDossierTable;
}

export type LateDossierRow = Selectable<LateDossierTable>;
