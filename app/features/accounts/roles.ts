// The staff roles, for code that runs in the browser too (auth.server.ts is server-only).
import type { Role } from "../../../db/tables/staff";

export type { Role };
export const ALL_ROLES_LIST = ["admin", "office", "unit", "viewer", "province"] as const satisfies readonly Role[];
