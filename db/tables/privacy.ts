import type { Generated, Selectable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp } from "./common";

export interface ConsentRecordTable {
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

export interface PrivacyTables {
  consent_record: ConsentRecordTable;
}

export type ConsentRecord = Selectable<ConsentRecordTable>;
