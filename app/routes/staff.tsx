// The staff area's frame: who is signed in, the menu of what their role may use, sign-out.
// It protects nothing by itself (Remix runs child loaders in parallel): every child checks.
import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ALL_ROLES_LIST } from "~/features/accounts/roles";
import { navFor } from "~/features/accounts/staff-nav";
import staffCss from "~/styles/staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";

export const access: RouteAccess = { loader: ALL_ROLES_LIST };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  return json({
    user: { name: user.name, email: user.email, role: user.role },
    nav: navFor(user.role).map(({ to, label }) => ({ to, label })),
  });
}

export default function StaffLayout() {
  const { user, nav } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="staff-bar">
        <div className="staff-bar__who">
          <p>
            <span className="staff-bar__name">{user.name}</span>{" "}
            <span className="tag">{t(`staff.roles.${user.role}`)}</span>
          </p>
          {/* A full page load, so nothing of the signed-in page stays in the browser's memory. */}
          <Form method="post" action="/staff/logout" reloadDocument className="signout">
            <div className="field checkbox">
              <input id="signout-everywhere" name="everywhere" type="checkbox" value="on" />
              <label htmlFor="signout-everywhere">{t("staff.layout.everywhere")}</label>
            </div>
            <button type="submit" className="button button--secondary button--small">
              {t("staff.layout.signOut")}
            </button>
          </Form>
        </div>
        <nav className="staff-nav" aria-label={t("staffNav.label")}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/staff"}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
