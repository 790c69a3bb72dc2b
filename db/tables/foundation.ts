// Units, procedures, settings, holidays.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { GeneratedTimestamp } from "./common";

export interface UnitTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string;
  // board | office | division | subdepartment | center — free text so another department can add kinds
  kind: string;
  parent_id: number | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface ProcedureTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  code: string;
  // The national code on the national public-service portal, when the admin has filled it in.
  national_code: string | null;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  unit_id: number | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface SettingTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: GeneratedTimestamp;
  updated_by: number | null;
}

export interface HolidayTable {
  date: ColumnType<string, string, string>;
  name_vi: string;
  name_en: string;
  // "off": a public holiday or a swapped day off; "work": a weekend day made a working day.
  kind: Generated<"off" | "work">;
  // False for days shipped from the statute before the year's arrangement was announced.
  confirmed: Generated<boolean>;
}

/** An agency's own day on top of the national calendar (migration 023): a day off of its own, or a
 * weekend day it works. */
export interface AgencyHolidayTable {
  agency_id: number;
  date: ColumnType<string, string, string>;
  name_vi: string;
  name_en: string;
  kind: Generated<"off" | "work">;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface FoundationTables {
  unit: UnitTable;
  procedure: ProcedureTable;
  setting: SettingTable;
  holiday: HolidayTable;
  agency_holiday: AgencyHolidayTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type Procedure = Selectable<ProcedureTable>;
export type NewProcedure = Insertable<ProcedureTable>;
export type Holiday = Selectable<HolidayTable>;
