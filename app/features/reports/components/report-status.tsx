// A report's coverage and sending: the window, the reading date, the days still to come marked
// as an estimate, whether the figures were sent, and what changed since (docs/rules/report-periods.md).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate, formatDateTime } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatNumber, formatPercent } from "~/features/reports/percent";
import type { Report } from "~/features/reports/report.server";

type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

const timeOf = (at: string | Date) => formatDateTime(at).split(" ");

export function ReportCoverage({ report }: { report: Json<Report> }) {
  const { t } = useTranslation();
  const r = report.reading;
  const [date, time] = [
    formatDate(String(r.readThrough ?? r.start)),
    timeOf(report.readAt).find((x) => x.includes(":")) ?? "",
  ];
  return (
    <section
      className="report-coverage"
      aria-label={t("reportStatus.window", { from: formatDate(r.start), to: formatDate(r.end) })}
    >
      <p>{t("reportStatus.window", { from: formatDate(r.start), to: formatDate(r.end) })}</p>
      {r.readThrough === null ? (
        <p>{t("reportStatus.notStarted")}</p>
      ) : r.estimate ? (
        <p>{t("reportStatus.readThrough", { date, time, days: r.actualDays })}</p>
      ) : (
        <p>{t("reportStatus.complete")}</p>
      )}
      {r.estimate ? (
        <p className="report-estimate">
          {t("reportStatus.estimate", {
            from: formatDate(r.estimate.from),
            to: formatDate(r.estimate.to),
            days: r.estimate.days,
          })}
        </p>
      ) : null}
    </section>
  );
}

export function ReportSending({
  report,
  canSend,
  lang,
  threshold,
}: {
  report: Json<Report>;
  canSend: boolean;
  lang: Lang;
  threshold: number;
}) {
  const { t } = useTranslation();
  if (!report.sent) {
    return (
      <section className="report-sending">
        <p>{t("reportStatus.notSent")}</p>
        {canSend ? (
          <Form method="post" className="no-print">
            <input type="hidden" name="intent" value="send" />
            <p className="muted">{t("reportStatus.sendHint")}</p>
            <button type="submit" className="button button--secondary">
              {t("reportStatus.send")}
            </button>
          </Form>
        ) : null}
      </section>
    );
  }
  const [date, time] = timeOf(report.sent.sentAt);
  const c = report.change;
  const sentRate = report.current?.headline;
  return (
    <section className="report-sending" aria-labelledby="r-change">
      <p>{t("reportStatus.sent", { date, time })}</p>
      <h2 id="r-change">{t("reportStatus.changeTitle")}</h2>
      {!c || (c.entries === 0 && !c.now && !c.heldBack) ? (
        <p>{t("reportStatus.noChange")}</p>
      ) : (
        <>
          <p>{t("reportStatus.entries", { entries: c.entries, paper: c.paper })}</p>
          {c.heldBack ? <p>{t("reportStatus.heldBack", { threshold })}</p> : null}
          {c.now && sentRate ? (
            <TableWrap label={t("reportStatus.changeTitle")}>
              <table className="report-compare">
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.headline")}</th>
                    <th scope="col" className="num">
                      {t("reportStatus.sentCol")}
                    </th>
                    <th scope="col" className="num">
                      {t("reportStatus.nowCol")}
                    </th>
                    <th scope="col" className="num">
                      {t("reports.change")}
                    </th>
                    <th scope="col" className="num">
                      {t("reportStatus.answersCol")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t("dashboard.col.rate")}</th>
                    <td className="num">{`${formatPercent(sentRate.rate.rate, lang)} (n = ${sentRate.rate.n})`}</td>
                    <td className="num">{`${formatPercent(c.now.rate, lang)} (n = ${c.now.n})`}</td>
                    <td className="num">{formatNumber(c.points, lang, 1)}</td>
                    <td className="num">
                      {c.answers !== null && c.answers > 0 ? `+${c.answers}` : formatNumber(c.answers, lang)}
                    </td>
                  </tr>
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </>
      )}
    </section>
  );
}
