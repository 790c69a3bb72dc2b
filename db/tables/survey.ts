// Surveys, their versions and items, responses and answers, served counts.
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp } from "./common";

export type SurveyKind = "A" | "B" | "custom";
export type ItemType = "L5" | "L3" | "PRIORITY" | "single" | "multi" | "yesno" | "text" | "textarea";
export type Channel = "qr" | "kiosk" | "web" | "paper";

/** One choice of a single/multi item (or the labels of a yes/no item). */
export interface ItemOption {
  code: string;
  vi: string;
  en: string;
  /** Points for scored forms (Form A: 2/1/0, TT 01/2018); stored as the answer's value too. */
  score?: number;
  /** Choosing it offers the feedback form on the thanks page. */
  feedback?: boolean;
}

export interface SurveyTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  slug: string;
  kind: SurveyKind;
  title_vi: string;
  title_en: string;
  intro_vi: Generated<string>;
  intro_en: Generated<string>;
  opens_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface SurveyVersionTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  survey_id: number;
  version: number;
  published_at: NullableTimestamp;
  frozen: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface SurveyItemTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  version_id: number;
  position: number;
  code: string;
  block: string;
  type: ItemType;
  text_vi: string;
  text_en: string;
  help_vi: string | null;
  help_en: string | null;
  required: Generated<boolean>;
  options: ColumnType<ItemOption[] | null, string | null, string | null>;
  max_length: number | null;
}

export interface ResponseTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: string;
  survey_id: number;
  survey_version_id: number;
  unit_id: number;
  procedure_id: number | null;
  counter: string | null;
  channel: Channel;
  lang: "vi" | "en";
  started_at: NullableTimestamp;
  submitted_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
  flagged: Generated<boolean>;
  flag_reasons: ColumnType<string[], string[] | undefined, string[]>;
  dossier_hash: string | null;
  entered_by: number | null;
  /** The accepted batch that made this flagged response count again (migration 017). */
  accepted_in: Generated<number | null>;
}

/** Which rate-limit source sent a response in which window (see docs/rules/flags.md). */
export interface ResponseSourceTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  source: string;
  window_start: ColumnType<Date, Date, Date>;
  response_id: string;
}

/** A flagged batch (survey, local day, reasons) the Office accepted back. */
export interface FlagAcceptanceTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  survey_id: number;
  day: ColumnType<string, string, string>;
  reasons: string;
  responses: number;
  note: Generated<string>;
  accepted_by: number | null;
  accepted_at: GeneratedTimestamp;
}

export interface AnswerTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  response_id: string;
  item_id: number;
  value: number | null;
  text: string | null;
  choices: string[] | null;
}

export interface ServedCountTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  unit_id: number;
  procedure_id: number | null;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  count: number;
  entered_by: number | null;
  entered_at: GeneratedTimestamp;
}

export interface SurveyTables {
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  survey_item: SurveyItemTable;
  response: ResponseTable;
  answer: AnswerTable;
  served_count: ServedCountTable;
  response_source: ResponseSourceTable;
  flag_acceptance: FlagAcceptanceTable;
}

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyItemRow = Selectable<SurveyItemTable>;
export type NewSurveyItem = Insertable<SurveyItemTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type ServedCountRow = Selectable<ServedCountTable>;
