// A registrant's browser sign-in and the one-time codes that confirm a change (migration 011).
import type { Generated } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./common";

export interface DialogueRegistrantSessionTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  /** sha256 of the random token the cookie carries: a copy of the table signs nobody in. */
  token_hash: string;
  registration_id: number;
  expires_at: Timestamp;
  created_at: GeneratedTimestamp;
}

export type OtpPurpose = "withdraw" | "cancel";

export interface CitizenOtpTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<number>;
  subject_kind: "feedback" | "dialogue_registration";
  subject_id: number;
  purpose: OtpPurpose;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
}

export interface CitizenKeyTables {
  dialogue_registrant_session: DialogueRegistrantSessionTable;
  citizen_otp: CitizenOtpTable;
}
