// The one gate for staff pages. Every staff loader and action calls requireStaff itself with
// the roles its route module declares in `access`: a parent layout's check does not protect
// its children, because Remix runs their loaders in parallel.
import { redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/kernel/http/request.server";
import { getSessionUser, type StaffUser } from "~/kernel/session.server";
import type { Role } from "../../../db/tables/staff";

export async function requireStaff(request: Request, roles: readonly Role[]): Promise<StaffUser> {
  const url = new URL(request.url);
  const user = await getSessionUser(request.headers.get("Cookie"));
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
