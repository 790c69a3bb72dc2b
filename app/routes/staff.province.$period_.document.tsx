// The province's league report in the format of Nghị định 30/2020/NĐ-CP, ready to print on A4,
// with the DOCX download of the same document (docs/rules/league.md). The same roles as the league.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { getT } from "~/kernel/http/i18n.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { LEAGUE_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { ReportDocumentView } from "~/features/reports/components/report-document";
import { getLeagueDocument } from "~/features/province/league-document.server";
import { leaguePeriod } from "~/features/province/league-period";
import css from "~/styles/report-document.css";

export const access: RouteAccess = { loader: LEAGUE_ROLES };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const p = leaguePeriod(params.period);
  if (!p) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const { doc } = await getLeagueDocument(user, p.year, p.kind, lng, t);
  const periodName = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${p.kind}`), year: p.year });
  return json({ doc, period: `${p.year}-${p.kind}`, title: t("provinceDoc.pageTitle", { period: periodName }) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function LeagueDocumentPage() {
  const { doc, period } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="report-doc-tools">
        <a className="button" href={`/staff/province/${period}/docx`} download>
          {t("reportDoc.downloadDocx")}
        </a>
        <a href={`/staff/province/${period}`}>{t("provinceDoc.backToLeague")}</a>
      </p>
      <p className="muted no-print">{t("reportDoc.printHint")}</p>
      <ReportDocumentView doc={doc} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
