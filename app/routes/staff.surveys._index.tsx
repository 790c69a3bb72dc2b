// The Office's list of surveys: status, versions, responses, and the way to each task.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { surveyStatus } from "~/features/survey/status";
import { listSurveysForStaff } from "~/features/survey/survey-admin.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const now = new Date();
  const rows = await listSurveysForStaff(user.agencyId);
  return json({
    title: t("surveyStaff.list.title"),
    surveys: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      title: lng === "en" ? r.title_en : r.title_vi,
      status: surveyStatus({ ...r, published: r.published_version != null }, now),
      published: r.published_version,
      latest: r.latest_version,
      responses: Number(r.responses ?? 0),
    })),
  });
}

export default function StaffSurveys() {
  const { surveys } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("surveyStaff.list.title")}</h1>
      <p>
        <Link to="/staff/surveys/new" className="button">
          {t("surveyStaff.list.new")}
        </Link>
      </p>
      {surveys.length === 0 ? <p>{t("surveyStaff.list.none")}</p> : null}
      <TableWrap label={t("surveyStaff.list.title")}>
        <table>
          <caption className="visually-hidden">{t("surveyStaff.list.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("surveyStaff.list.colTitle")}</th>
              <th scope="col">{t("surveyStaff.list.colKind")}</th>
              <th scope="col">{t("surveyStaff.list.colStatus")}</th>
              <th scope="col">{t("surveyStaff.list.colVersion")}</th>
              <th scope="col" className="num">
                {t("surveyStaff.list.colResponses")}
              </th>
              <th scope="col">{t("surveyStaff.list.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {surveys.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/staff/surveys/${s.id}`}>{s.title}</Link>
                  <br />
                  <span className="muted">/s/{s.slug}</span>
                </td>
                <td>{t(`surveyStaff.kinds.${s.kind}`)}</td>
                <td>
                  <span className="tag">{t(`surveyStaff.status.${s.status}`)}</span>
                </td>
                <td>
                  {s.published === s.latest
                    ? (s.latest ?? "—")
                    : t("surveyStaff.list.versionOf", { published: s.published ?? "—", latest: s.latest })}
                </td>
                <td className="num">{s.responses}</td>
                <td>
                  <span className="actions-inline">
                    <Link to={`/staff/surveys/${s.id}`}>{t("surveyStaff.list.edit")}</Link>
                    <Link to={`/staff/surveys/${s.id}/preview`}>{t("surveyStaff.list.preview")}</Link>
                    <Link to={`/staff/surveys/${s.id}/links`}>{t("surveyStaff.list.links")}</Link>
                  </span>
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
