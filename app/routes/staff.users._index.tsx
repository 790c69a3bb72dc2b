// The admin's list of staff accounts.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TableWrap } from "~/components/forms";
import { listUsers } from "~/models/staff-admin.server";
import { requireStaff, type RouteAccess } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";

export const access: RouteAccess = { loader: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  return json({ title: getT(request).t("staff.users.title"), users: await listUsers() });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" }];

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("staff.users.heading")}</h1>
      <p>
        <Link to="/staff/users/new" className="button">
          {t("staff.users.new")}
        </Link>
      </p>
      <TableWrap label={t("staff.users.heading")}>
        <table>
          <caption className="visually-hidden">{t("staff.users.caption", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.users.email")}</th>
              <th scope="col">{t("staff.users.name")}</th>
              <th scope="col">{t("staff.users.role")}</th>
              <th scope="col">{t("staff.users.unit")}</th>
              <th scope="col">{t("staff.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "status-off"}>
                <td>
                  <Link to={`/staff/users/${u.id}`}>{u.email}</Link>
                </td>
                <td>{u.name}</td>
                <td>{t(`staff.roles.${u.role}`)}</td>
                <td>{u.unit_code ?? "—"}</td>
                <td>
                  {u.active ? t("staff.users.active") : t("staff.users.disabled")}
                  {u.active && u.must_change_password ? ` · ${t("staff.users.mustChange")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
