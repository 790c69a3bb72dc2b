// The installation admin's list of agencies (issue 19): the province, then every agency under
// it, with its target and how many units and active staff it has. Admin only: this is the one
// admin of the whole installation; per-agency admins come with query scoping (each agency's
// rows read by its own staff only), which is a later part of issue 19.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { listAgencies } from "~/features/agencies/agencies.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const agencies = await listAgencies();
  const en = lng === "en";
  return json({
    title: t("agencies.title"),
    agencies: agencies.map((a) => ({
      id: a.id,
      code: a.code,
      name: en ? a.name_en : a.name_vi,
      parent: a.parent_code === null ? null : `${en ? a.parent_name_en : a.parent_name_vi}`,
      target: a.target_percent,
      units: a.units,
      staff: a.staff,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Agencies() {
  const { agencies } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  return (
    <div className="page">
      <h1>{t("agencies.heading")}</h1>
      <p>{t("agencies.intro")}</p>
      <p>
        <Link to="/staff/agencies/new" className="button">
          {t("agencies.new")}
        </Link>
      </p>
      <TableWrap label={t("agencies.heading")}>
        <table>
          <caption className="visually-hidden">{t("agencies.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agencies.code")}</th>
              <th scope="col">{t("agencies.name")}</th>
              <th scope="col">{t("agencies.parent")}</th>
              <th scope="col" className="num">
                {t("agencies.target")}
              </th>
              <th scope="col" className="num">
                {t("agencies.units")}
              </th>
              <th scope="col" className="num">
                {t("agencies.staff")}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/staff/agencies/${a.id}`}>{a.code}</Link>
                </td>
                <td>{a.name}</td>
                <td>{a.parent ?? t("agencies.province")}</td>
                <td className="num">{percent.format(a.target)}</td>
                <td className="num">{a.units}</td>
                <td className="num">{a.staff}</td>
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
