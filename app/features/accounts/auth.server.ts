// Staff roles and what each may see. The gate that reads a request is requireStaff
// (app/kernel/http/require-staff.server.ts).
import { ALL_ROLES_LIST } from "~/features/accounts/roles";
import type { StaffUser } from "~/kernel/session.server";
import type { Role } from "../../../db/tables/staff";

export type { Role, StaffUser };
export const ALL_ROLES: readonly Role[] = ALL_ROLES_LIST;
/** The department's own staff: every role but `province`, which reads only the province's
 * aggregate figures (the league table), never one agency's pages (docs/rules/league.md). */
export const DEPARTMENT_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== "province");
/** Who reads the provincial league table: aggregate figures of every agency, no personal data. */
export const LEAGUE_ROLES: readonly Role[] = ["admin", "office", "viewer", "province"];

/** What a staff route module exports so that its rules are data the route-inventory test reads. */
export interface RouteAccess {
  loader?: readonly Role[];
  action?: readonly Role[];
}

/** Personal data (names, phones, addresses of citizens) is for roles whose work needs it. */
export function canSeePersonalData(user: StaffUser): boolean {
  return user.role === "admin" || user.role === "office" || user.role === "unit";
}

/** The units whose data a user may see: all for admin, office and viewer; their own for unit. */
export function unitScope(user: StaffUser): { all: true } | { all: false; unitId: number | null } {
  return user.role === "unit" ? { all: false, unitId: user.unitId } : { all: true };
}
