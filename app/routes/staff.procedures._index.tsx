// The procedure catalogue for staff. Admin and office see and edit every procedure; a unit
// user sees the procedures of their own unit (the model narrows the query), read-only.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { listProceduresForStaff } from "~/features/admin/procedures.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"] };
/** Who may open the edit page (its own route module checks the same list). */
const EDITORS = ["admin", "office"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const rows = await listProceduresForStaff(user);
  return json({
    title: t("staff.procedures.title"),
    canEdit: EDITORS.includes(user.role),
    procedures: rows.map((p) => ({
      id: p.id,
      code: p.code,
      nationalCode: p.national_code,
      name: lng === "en" ? p.name_en : p.name_vi,
      field: lng === "en" ? p.field_en : p.field_vi,
      unit: p.unit_code,
      active: p.active,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function Procedures() {
  const { procedures, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("staff.procedures.heading")}</h1>
      {canEdit ? (
        <p>
          <Link to="/staff/procedures/new" className="button">
            {t("staff.procedures.new")}
          </Link>
        </p>
      ) : (
        <p className="muted">{t("staff.procedures.unitNote")}</p>
      )}
      <TableWrap label={t("staff.procedures.heading")}>
        <table>
          <caption className="visually-hidden">{t("staff.procedures.caption", { count: procedures.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.procedures.code")}</th>
              <th scope="col">{t("staff.procedures.name")}</th>
              <th scope="col">{t("staff.procedures.field")}</th>
              <th scope="col">{t("staff.procedures.unit")}</th>
              <th scope="col">{t("staff.procedures.status")}</th>
            </tr>
          </thead>
          <tbody>
            {procedures.map((p) => (
              <tr key={p.id} className={p.active ? undefined : "status-off"}>
                <td>
                  {canEdit ? <Link to={`/staff/procedures/${p.id}`}>{p.code}</Link> : p.code}
                  {p.nationalCode ? <span className="muted"> ({p.nationalCode})</span> : null}
                </td>
                <td>{p.name}</td>
                <td>{p.field}</td>
                <td>{p.unit ?? "—"}</td>
                <td>{p.active ? t("staff.form.active") : t("staff.form.inactive")}</td>
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
