// One report period's figures for the reform report, compared with the previous period,
// printable on A4. Every percentage carries its n and interval.
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { formatDate } from "~/kernel/time/clock";
import { Headline } from "~/features/reports/components/headline";
import { VersionSpread } from "~/features/reports/components/version-spread";
import { DialogueFiguresTable, FeedbackFiguresTable } from "~/features/reports/components/other-figures";
import { ReportBlocks, ReportUnits } from "~/features/reports/components/report-tables";
import { ReportTt01 } from "~/features/reports/components/report-tt01";
import { VolumeSection } from "~/features/reports/components/sections";
import { type PeriodKind } from "~/features/reports/report-periods";
import { getReport } from "~/features/reports/report.server";
import { ReportCoverage, ReportSending } from "~/features/reports/components/report-status";
import { sendPeriodReport } from "~/features/reports/report-send.server";
import { DEPARTMENT_ROLES, type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dashboard.css";

// Sending (chốt số liệu) is the Office's act: it freezes the figures the report shows.
export const access: RouteAccess = { loader: DEPARTMENT_ROLES, action: ["office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const m = PERIOD_PARAM.exec(params.period ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const report = await getReport(user, Number(m[1]), m[2] as PeriodKind, lng);
  const periodName = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${m[2]}`), year: m[1] });
  return json({
    report,
    lang: lng,
    title: t("reports.reportTitle", { period: periodName }),
    canExportRaw: user.role !== "viewer",
    canEnterTt01: user.role === "office" || user.role === "admin",
    canRegister: user.role !== "viewer",
    canSend: access.action!.includes(user.role),
  });
}

const PERIOD_PARAM = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const m = PERIOD_PARAM.exec(params.period ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  if (form.get("intent") !== "send")
    return json({ ok: false as const, message: "reportStatus.alreadySent" }, { status: 400 });
  const out = await sendPeriodReport(clientOf(request), user, Number(m[1]), m[2] as PeriodKind);
  return out
    ? json({ ok: true as const, message: "reportStatus.justSent" })
    : json({ ok: false as const, message: "reportStatus.alreadySent" }, { status: 409 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export default function ReportPage() {
  const { report, lang, title, canExportRaw, canEnterTt01, canRegister, canSend } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { period, previousPeriod: prev, current, previous } = report;
  const prevName = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${prev.kind}`), year: prev.year });
  const query = `survey=${report.survey?.id ?? ""}&period=${period.year}-${period.kind}${report.sent ? "&sent=1" : ""}`;
  return (
    <div className="page report">
      <h1>{title}</h1>
      <ReportCoverage report={report} />
      {period.due ? <p>{t("reports.dueLine", { due: formatDate(period.due) })}</p> : null}
      <p className="muted">
        {t("reports.previous", { period: prevName, from: formatDate(prev.start), to: formatDate(prev.end) })}
      </p>
      <p className="muted no-print">{t("reports.print")}</p>
      {result ? (
        <p className={result.ok ? "notice notice--ok" : "error-summary"} role={result.ok ? "status" : "alert"}>
          {t(result.message)}
        </p>
      ) : null}
      <ReportSending report={report} canSend={canSend} lang={lang} threshold={current?.threshold ?? 5} />

      <h2>{t("reports.satisfaction")}</h2>
      <VersionSpread spread={report.versions} filtered={false} lang={lang} />
      {current ? (
        <Headline
          rate={current.headline.rate}
          verdict={current.headline.verdict}
          target={current.target}
          lang={lang}
          suppressed={current.headline.suppressed}
          threshold={current.threshold}
        />
      ) : (
        <p>{t("reports.notAvailable")}</p>
      )}
      {current && previous ? <ReportUnits current={current} previous={previous} lang={lang} /> : null}
      {current && previous ? <ReportBlocks current={current} previous={previous} lang={lang} /> : null}
      {report.tt01 ? (
        <ReportTt01
          now={report.tt01}
          before={report.tt01Previous}
          lang={lang}
          editHref={canEnterTt01 ? `/staff/tt01/${period.year}-${period.kind}` : undefined}
          registerHref={canRegister ? "/staff/late-dossiers" : undefined}
        />
      ) : null}
      <FeedbackFiguresTable f={report.feedback} lang={lang} title={t("reports.feedback")} />
      <DialogueFiguresTable d={report.dialogue} lang={lang} title={t("reports.dialogue")} />
      {current ? <VolumeSection d={current} lang={lang} title={t("reports.volume")} /> : null}

      <section className="no-print" aria-labelledby="downloads">
        <h2 id="downloads">{t("reports.downloads")}</h2>
        <p className="downloads">
          <a className="button" href={`/staff/reports/${period.year}-${period.kind}/document`}>
            {t("reportDoc.openDocument")}
          </a>
          <a className="button button--secondary" href={`/staff/reports/${period.year}-${period.kind}/docx`} download>
            {t("reportDoc.downloadDocx")}
          </a>
          <a className="button button--secondary" href={`/staff/export/figures?${query}&format=csv`} download>
            {t("reports.figuresCsv")}
          </a>
          <a className="button button--secondary" href={`/staff/export/figures?${query}&format=xlsx`} download>
            {t("reports.figuresXlsx")}
          </a>
          {canExportRaw ? (
            <>
              <a className="button button--secondary" href={`/staff/export/responses?${query}&format=csv`} download>
                {t("reports.responsesCsv")}
              </a>
              <a className="button button--secondary" href={`/staff/export/responses?${query}&format=xlsx`} download>
                {t("reports.responsesXlsx")}
              </a>
            </>
          ) : null}
        </p>
      </section>
    </div>
  );
}
