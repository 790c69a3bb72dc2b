// Sign-out: POST only (a link or an image on another page must not sign anyone out). Optionally
// everywhere: every session of the user, on every device.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/features/accounts/sign-in.server";
import type { RouteAccess } from "~/features/accounts/auth.server";
import { assertSameOrigin, clientOf, readFormData } from "~/kernel/http/request.server";
import { destroySession, getSessionUser } from "~/kernel/session.server";

/** Public: signing out must work for every role, and for a user who still has to change their
 * password (requireStaff would send them to /staff/password instead). */
export const access: RouteAccess = {};

export async function loader() {
  return redirect("/staff");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const fd = await readFormData(request);
  await signOut(await getSessionUser(request.headers.get("Cookie")), fd.get("everywhere") === "on", clientOf(request));
  const setCookie = await destroySession(request.headers.get("Cookie"));
  return redirect("/staff/login", { headers: { "Set-Cookie": setCookie } });
}
