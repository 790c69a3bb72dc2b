// The admin's list of units: the department's tree of offices, divisions and centres.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { listAllUnits } from "~/features/admin/units.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const units = await listAllUnits(user.agencyId);
  return json({
    title: t("staff.units.title"),
    units: units.map((u) => ({ ...u, name: lng === "en" ? u.name_en : u.name_vi })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Units() {
  const { units } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("staff.units.heading")}</h1>
      <p>
        <Link to="/staff/units/new" className="button">
          {t("staff.units.new")}
        </Link>
      </p>
      <TableWrap label={t("staff.units.heading")}>
        <table>
          <caption className="visually-hidden">{t("staff.units.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.units.code")}</th>
              <th scope="col">{t("staff.units.name")}</th>
              <th scope="col">{t("staff.units.kind")}</th>
              <th scope="col">{t("staff.units.parent")}</th>
              <th scope="col" className="num">
                {t("staff.units.staff")}
              </th>
              <th scope="col">{t("staff.units.status")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "status-off"}>
                <td>
                  <Link to={`/staff/units/${u.id}`}>{u.code}</Link>
                </td>
                <td>{u.name}</td>
                <td>{t(`staff.units.kinds.${u.kind}`, { defaultValue: u.kind })}</td>
                <td>{u.parent_code ?? "—"}</td>
                <td className="num">{u.staff}</td>
                <td>{u.active ? t("staff.form.active") : t("staff.form.inactive")}</td>
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
