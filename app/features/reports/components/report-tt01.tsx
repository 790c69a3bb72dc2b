// The report's TT 01/2018 section (docs/rules/tt01.md): the nine indicators with their sources,
// the total and grade (or the partial total and what is missing, never a scaled-up grade), the
// form's other figures, and the register of late dossiers.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatNumber, formatPercent } from "~/features/reports/percent";
import type { Tt01 } from "~/features/reports/tt01.server";

type UnitNames = Record<string, { vi: string; en: string }>;

export function ReportTt01({
  now,
  before,
  lang,
  editHref,
  registerHref,
}: {
  now: Tt01;
  before: Tt01 | null;
  lang: Lang;
  editHref?: string;
  registerHref?: string;
}) {
  const { t } = useTranslation();
  const score = (x: number | null | undefined) =>
    x === null || x === undefined ? t("tt01.missing") : formatNumber(x, lang, 1);
  const { total } = now;
  return (
    <section aria-labelledby="r-tt01" className="report-tt01">
      <h2 id="r-tt01">{t("reports.tt01")}</h2>
      <TableWrap label={t("reports.tt01")}>
        <table className="report-compare">
          <thead>
            <tr>
              <th scope="col">{t("tt01.colNo")}</th>
              <th scope="col">{t("tt01.colSource")}</th>
              <th scope="col" className="num">
                {t("tt01.colScore")}
              </th>
              <th scope="col" className="num">
                {t("tt01.colN")}
              </th>
              <th scope="col" className="num">
                {t("tt01.colPrevious")}
              </th>
            </tr>
          </thead>
          <tbody>
            {now.indicators.map((i) => (
              <tr key={i.no} data-indicator={i.no}>
                <th scope="row">
                  {i.no}. {t(`tt01.names.${i.no}`)}
                </th>
                <td>{t(`tt01.sources.${i.source}`)}</td>
                <td className="num">{score(i.score)}</td>
                <td className="num">
                  {i.no === 8 && i.n ? t("tt01.feedbackN", { onTime: i.onTime ?? 0, due: i.n }) : (i.n ?? "")}
                </td>
                <td className="num">{before ? score(before.indicators[i.no - 1]?.score) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {total.grade ? (
        <p className="tt01-total">
          {t("tt01.total", { total: formatNumber(total.total, lang, 1), grade: t(`reports.grades.${total.grade}`) })}
        </p>
      ) : (
        <p className="tt01-total">
          {t("tt01.partial", {
            known: total.known.length,
            total: formatNumber(total.total, lang, 1),
            max: total.known.length * 2,
          })}{" "}
          <strong>{t("tt01.noGrade", { missing: total.missing.join(", ") })}</strong>
        </p>
      )}
      {now.unitScoped ? <p className="muted">{t("tt01.unitScope")}</p> : null}
      {editHref ? (
        <p className="no-print">
          <a href={editHref}>{t("tt01.enterScores")}</a>
        </p>
      ) : null}

      <h3>{t("tt01.otherTitle")}</h3>
      <TableWrap label={t("tt01.otherTitle")}>
        <table className="report-compare">
          <thead>
            <tr>
              <th scope="col">{t("reports.indicator")}</th>
              <th scope="col" className="num">
                {t("tt01.colShare")}
              </th>
              <th scope="col" className="num">
                {t("tt01.colAnswers")}
              </th>
              <th scope="col" className="num">
                {t("tt01.colInterval")}
              </th>
            </tr>
          </thead>
          <tbody>
            {now.figures.map((f) => (
              <tr key={f.key}>
                <th scope="row">{t(`tt01.other.${f.key}`)}</th>
                {f.suppressed ? (
                  <td colSpan={3}>{t("tt01.suppressed", { threshold: now.threshold })}</td>
                ) : (
                  <>
                    <td className="num">{formatPercent(f.rate.rate, lang)}</td>
                    <td className="num">{f.rate.n}</td>
                    <td className="num">{formatInterval(f.rate.ci, lang)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h3>{t("tt01.registerTitle")}</h3>
      <LateRegister now={now} lang={lang} />
      <p>
        {t("tt01.matchLine", {
          late: now.lateAnswers,
          withCode: now.match.lateWithCode,
          inRegister:
            now.match.inRegister === null ? t("tt01.matchHidden", { threshold: now.threshold }) : now.match.inRegister,
        })}
      </p>
      {registerHref ? (
        <p className="no-print">
          <a href={registerHref}>{t("tt01.registerLink")}</a>
        </p>
      ) : null}
    </section>
  );
}

function LateRegister({ now, lang }: { now: Tt01; lang: Lang }) {
  const { t } = useTranslation();
  const r = now.register;
  const names: UnitNames = now.unitNames;
  return (
    <>
      <p>
        {t("tt01.registerLine", {
          late: r.late,
          apology: r.apologySent,
          without: r.withoutApology,
          kept: r.newDateKept,
          missed: r.newDateMissed,
        })}
      </p>
      {r.byUnit.length ? (
        <TableWrap label={t("tt01.registerTitle")}>
          <table className="report-compare">
            <thead>
              <tr>
                <th scope="col">{t("tt01.colUnit")}</th>
                <th scope="col" className="num">
                  {t("tt01.colLate")}
                </th>
                <th scope="col" className="num">
                  {t("tt01.colApology")}
                </th>
                <th scope="col" className="num">
                  {t("tt01.colWithout")}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.byUnit.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row">{names[u.unitId]?.[lang] ?? u.unitId}</th>
                  <td className="num">{u.late}</td>
                  <td className="num">{u.apologySent}</td>
                  <td className="num">{u.withoutApology}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
