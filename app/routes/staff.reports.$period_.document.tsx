// A report period's report in the format of Nghị định 30/2020/NĐ-CP, ready to print on A4, with
// the DOCX download of the same document (docs/rules/report-document.md).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ReportDocumentView } from "~/features/reports/components/report-document";
import type { PeriodKind } from "~/features/reports/report-periods";
import { getReportDocument } from "~/features/reports/report-document.server";
import css from "~/styles/report-document.css";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: DEPARTMENT_ROLES };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

const PERIOD_PARAM = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const m = PERIOD_PARAM.exec(params.period ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const { doc } = await getReportDocument(user, Number(m[1]), m[2] as PeriodKind, lng, t);
  const periodName = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${m[2]}`), year: m[1] });
  return json({ doc, period: `${m[1]}-${m[2]}`, title: t("reportDoc.pageTitle", { period: periodName }) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function ReportDocumentPage() {
  const { doc, period } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="report-doc-tools">
        <a className="button" href={`/staff/reports/${period}/docx`} download>
          {t("reportDoc.downloadDocx")}
        </a>
        <a href={`/staff/reports/${period}`}>{t("reportDoc.backToReport")}</a>
      </p>
      <p className="muted no-print">{t("reportDoc.printHint")}</p>
      <ReportDocumentView doc={doc} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
