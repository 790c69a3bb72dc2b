// Requests about one's own personal data, and the register of erasures (migration 008).
import type { ColumnType, Generated, Selectable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./common";

export type PrivacyRequestKind = "access" | "correct" | "delete" | "withdraw";
export type PrivacySubjectKind = "feedback" | "dialogue_registration";
export type PrivacyRequestStatus = "open" | "fulfilled" | "refused";
export type ErasureReason = "withdrawal" | "request" | "retention";

export interface PrivacyRequestTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  submission_id: string;
  kind: PrivacyRequestKind;
  subject_kind: PrivacySubjectKind;
  subject_id: number;
  subject_code: string;
  status: Generated<PrivacyRequestStatus>;
  requested: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  lang: string;
  received_at: GeneratedTimestamp;
  due_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: number | null;
  refuse_reason: string | null;
}

export interface PrivacyErasureTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  subject_kind: PrivacySubjectKind;
  subject_id: number;
  reason: ErasureReason;
  request_id: number | null;
  erased_at: GeneratedTimestamp;
}

export interface PrivacyRequestTables {
  privacy_request: PrivacyRequestTable;
  privacy_erasure: PrivacyErasureTable;
}

export type PrivacyRequestRow = Selectable<PrivacyRequestTable>;
