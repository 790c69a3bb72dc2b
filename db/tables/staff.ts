import type { ColumnType, Generated, Selectable } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./common";

/** `province`: the province's reader of every agency's aggregate figures (docs/rules/league.md). */
export type Role = "admin" | "office" | "unit" | "viewer" | "province";

export interface StaffUserTable {
  // The agency the account works for (migration 021); staff sign in across the installation.
  agency_id: Generated<number>;
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
}

export interface StaffSessionTable {
  id: string;
  user_id: number;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_start: GeneratedTimestamp;
  locked_until: NullableTimestamp;
}

export interface AuditLogTable {
  // Whose row this is (migration 021): existing rows belong to agency 1, the default.
  agency_id: Generated<number>;
  id: Generated<string>;
  at: GeneratedTimestamp;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  ip: string | null;
  details: ColumnType<unknown, string | null, never>;
}

export interface AppSecretTable {
  name: string;
  value: string;
  created_at: GeneratedTimestamp;
}

export interface StaffTables {
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  app_secret: AppSecretTable;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
