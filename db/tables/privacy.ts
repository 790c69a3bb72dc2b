import type { Generated, Selectable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./common";

export interface ConsentRecordTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<string>;
  purpose: string;
  subject_kind: string;
  subject_id: string;
  notice_version: string;
  lang: string;
  given_at: GeneratedTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_how: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  count: number;
  expires_at: Timestamp;
}

export interface PrivacyTables {
  consent_record: ConsentRecordTable;
  rate_limit: RateLimitTable;
}

export type ConsentRecord = Selectable<ConsentRecordTable>;
