// Sign-out: POST only (a link or an image on another page must not sign anyone out). Optionally
// everywhere: every session of the user, on every device.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/models/sign-in.server";
import type { RouteAccess } from "~/utils/auth.server";
import { assertSameOrigin, readFormData } from "~/utils/request.server";

/** Public: signing out must work for every role, and for a user who still has to change their
 * password (requireStaff would send them to /staff/password instead). */
export const access: RouteAccess = {};

export async function loader() {
  return redirect("/staff");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const fd = await readFormData(request);
  const setCookie = await signOut(request, fd.get("everywhere") === "on");
  return redirect("/staff/login", { headers: { "Set-Cookie": setCookie } });
}
