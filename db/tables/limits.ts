// Paced attempt counters (migration 012, docs/security/limits.md).
import type { Selectable } from "kysely";
import type { Timestamp } from "./common";

export interface AttemptLimitTable {
  key: string;
  account: string | null;
  count: number;
  run_start: Timestamp;
  last_at: Timestamp;
  next_at: Timestamp;
  refused: number;
  free_n: number;
  base_ms: number;
  cap_ms: number;
  quiet_ms: number;
  expires_at: Timestamp;
}

export interface LimitTables {
  attempt_limit: AttemptLimitTable;
}

export type AttemptLimitRow = Selectable<AttemptLimitTable>;
