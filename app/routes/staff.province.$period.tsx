// The provincial league table for one report period ("2026-Q3"), and the same as CSV or XLSX
// with ?format=csv|xlsx. Aggregate figures of every agency; no personal data (docs/rules/league.md).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/kernel/time/clock";
import { recordAudit } from "~/kernel/audit.server";
import { clientOf } from "~/kernel/http/request.server";
import { parseFormat, streamDownload } from "~/kernel/http/export-response.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { LEAGUE_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { getLeague } from "~/features/province/league.server";
import { leaguePeriod } from "~/features/province/league-period";
import { exportLeague } from "~/features/province/league-export";
import { GradeLeagueTable, RateLeagueTable } from "~/features/province/components/league-tables";
import { PeriodChooser } from "~/features/province/components/period-chooser";
import css from "~/styles/dashboard.css";

export const access: RouteAccess = { loader: LEAGUE_ROLES };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const p = leaguePeriod(params.period);
  if (!p) throw new Response("Not found", { status: 404 });
  const { year, kind } = p;
  const { t, lng } = getT(request);
  const league = await getLeague(user, year, kind, lng);
  const periodName = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${kind}`), year });
  const url = new URL(request.url);
  if (url.searchParams.has("format")) {
    const format = parseFormat(url.searchParams.get("format"));
    await recordAudit(clientOf(request), {
      agencyId: user.agencyId,
      actor: user,
      action: "export.league",
      entity: "report_period",
      entityId: `${year}-${kind}`,
      details: { format },
    });
    return streamDownload(
      format,
      `hailong-league-${year}-${kind}`,
      (sink) => exportLeague(league, t, sink),
      request.signal,
    );
  }
  return json({ league, lang: lng, title: t("province.title", { period: periodName }) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export default function ProvinceLeaguePage() {
  const { league: l, lang, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/staff/province/${l.year}-${l.kind}`;
  return (
    <div className="page">
      <h1>{title}</h1>
      <PeriodChooser year={l.year} kind={l.kind} />
      <p className="muted">{t("province.window", { from: formatDate(l.from), to: formatDate(l.to) })}</p>
      <p>{t("province.rule")}</p>
      <p>{t("province.placeHelp")}</p>
      {l.satisfaction.length === 0 ? <p className="notice">{t("province.empty")}</p> : null}
      <h2>{t("province.satisfaction")}</h2>
      <RateLeagueTable
        caption={t("province.satisfaction")}
        rows={l.satisfaction}
        threshold={l.threshold}
        lang={lang}
        withTarget
      />
      <p className="muted">{t("dashboard.suppressedNote", { threshold: l.threshold })}</p>
      <h2>{t("province.feedback")}</h2>
      <p className="muted">{t("province.feedbackNote")}</p>
      <RateLeagueTable
        caption={t("province.feedback")}
        rows={l.feedback}
        threshold={l.threshold}
        lang={lang}
        withTarget={false}
      />
      <h2>{t("province.tt01")}</h2>
      <p className="muted">{t("province.tt01Note")}</p>
      <GradeLeagueTable caption={t("province.tt01")} rows={l.tt01} lang={lang} />
      <section className="no-print" aria-labelledby="league-downloads">
        <h2 id="league-downloads">{t("province.downloads")}</h2>
        <p className="downloads">
          <Link className="button button--secondary" to={`${base}?format=csv`} reloadDocument download>
            {t("province.csv")}
          </Link>
          <Link className="button button--secondary" to={`${base}?format=xlsx`} reloadDocument download>
            {t("province.xlsx")}
          </Link>
          <Link className="button button--secondary" to={`${base}/document`}>
            {t("provinceDoc.open")}
          </Link>
          <a className="button button--secondary" href={`${base}/docx`} download>
            {t("reportDoc.downloadDocx")}
          </a>
        </p>
      </section>
    </div>
  );
}
