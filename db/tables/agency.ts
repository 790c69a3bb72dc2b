// Agencies (cơ quan) of the installation: a tree under the province (migration 021,
// docs/decisions/0008-agency-keys.md). Shared reference data, read by every agency.
import type { ColumnType, Generated, Selectable } from "kysely";
import type { GeneratedTimestamp } from "./common";

export interface AgencyTable {
  id: Generated<number>;
  /** A URL slug: lower-case letters, digits and single hyphens. */
  code: string;
  name_vi: string;
  name_en: string;
  /** Null for the province itself, the root of the tree. */
  parent_id: number | null;
  /** The satisfaction target in percent (90 = 90 %). */
  target_percent: ColumnType<number, number | undefined, number>;
  created_at: GeneratedTimestamp;
}

export interface AgencyTables {
  agency: AgencyTable;
}

export type Agency = Selectable<AgencyTable>;
