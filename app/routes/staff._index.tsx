// The staff overview: a welcome and the pages this role may use. (The satisfaction dashboard
// will take this place.)
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ALL_ROLES_LIST } from "~/lib/roles";
import { navFor } from "~/lib/staff-nav";
import { requireStaff, type RouteAccess } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";

export const access: RouteAccess = { loader: ALL_ROLES_LIST };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t } = getT(request);
  return json({
    title: t("staff.overview.title"),
    name: user.name,
    role: user.role,
    links: navFor(user.role)
      .filter((item) => item.to !== "/staff")
      .map(({ to, label }) => ({ to, label })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" }];

export default function StaffOverview() {
  const { name, role, links } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("staff.overview.heading", { name })}</h1>
      <p className="lead">{t(`staff.overview.role.${role}`)}</p>
      <h2>{t("staff.overview.whatYouCanDo")}</h2>
      <ul className="quick-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{t(l.label)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
