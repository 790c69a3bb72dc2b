// The one gate for staff pages. Every staff loader and action calls requireStaff itself with
// the roles its route module declares in `access`: a parent layout's check does not protect
// its children, because Remix runs their loaders in parallel.
import { redirect } from "@remix-run/node";
import { ALL_ROLES_LIST } from "~/features/accounts/roles";
import { assertSameOrigin } from "~/kernel/http/request.server";
import { getSessionUser, type StaffUser } from "~/kernel/session.server";
import type { Role } from "../../../db/tables/staff";

export type { Role, StaffUser };
export const ALL_ROLES: readonly Role[] = ALL_ROLES_LIST;

/** What a staff route module exports so that its rules are data the route-inventory test reads. */
export interface RouteAccess {
  loader?: readonly Role[];
  action?: readonly Role[];
}

export async function requireStaff(request: Request, roles: readonly Role[]): Promise<StaffUser> {
  const url = new URL(request.url);
  const user = await getSessionUser(request);
  if (!user) {
    const to = url.pathname + url.search;
    throw redirect(`/staff/login?to=${encodeURIComponent(to)}`);
  }
  if (user.mustChangePassword && url.pathname !== "/staff/password") {
    throw redirect("/staff/password?required=1");
  }
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  assertSameOrigin(request);
  return user;
}

/** Personal data (names, phones, addresses of citizens) is for roles whose work needs it. */
export function canSeePersonalData(user: StaffUser): boolean {
  return user.role === "admin" || user.role === "office" || user.role === "unit";
}

/** The units whose data a user may see: all for admin, office and viewer; their own for unit. */
export function unitScope(user: StaffUser): { all: true } | { all: false; unitId: number | null } {
  return user.role === "unit" ? { all: false, unitId: user.unitId } : { all: true };
}
