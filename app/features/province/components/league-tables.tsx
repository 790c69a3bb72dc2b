// The league table's three tables. Each row: the agency (a row header), its place ("1", "=2",
// "1–3", or "not ranked"), then the figures. A hidden or empty figure says so in words.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatNumber, formatPercent } from "~/features/reports/percent";
import { VerdictBadge } from "~/features/reports/components/verdict";
import { placeLabel, type GradeRow, type Place, type RateRow } from "../league";

function PlaceCell({ place }: { place: Place | null }) {
  const { t } = useTranslation();
  return <td className="num">{place ? placeLabel(place) : t("province.notRanked")}</td>;
}

export function RateLeagueTable({
  caption,
  rows,
  threshold,
  lang,
  withTarget,
}: {
  caption: string;
  rows: RateRow[];
  threshold: number;
  lang: Lang;
  /** Satisfaction has a target and a verdict; feedback on time shows its count instead. */
  withTarget: boolean;
}) {
  const { t } = useTranslation();
  const cols = withTarget ? 6 : 4;
  return (
    <TableWrap label={caption}>
      <table className="league">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("province.col.agency")}</th>
            <th scope="col" className="num">
              {t("province.col.place")}
            </th>
            <th scope="col" className="num">
              {withTarget ? t("province.col.rate") : t("province.col.onTime")}
            </th>
            {withTarget ? null : (
              <th scope="col" className="num">
                {t("province.col.rate")}
              </th>
            )}
            <th scope="col" className="num">
              {t("province.col.n")}
            </th>
            <th scope="col" className="num">
              {t("province.col.interval")}
            </th>
            {withTarget ? (
              <>
                <th scope="col" className="num">
                  {t("province.col.target")}
                </th>
                <th scope="col">{t("province.col.verdict")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId} data-agency={r.agencyId}>
              <th scope="row">{r.name}</th>
              <PlaceCell place={r.place} />
              {r.status === "ranked" ? (
                <>
                  {withTarget ? null : (
                    <td className="num">{`${formatNumber(r.numerator, lang)}/${formatNumber(r.n, lang)}`}</td>
                  )}
                  <td className="num">{formatPercent(r.rate, lang)}</td>
                  <td className="num">{formatNumber(r.n, lang)}</td>
                  <td className="num">{formatInterval(r.ci, lang)}</td>
                  {withTarget ? (
                    <>
                      <td className="num">{formatPercent(r.target, lang, 0)}</td>
                      <td>{r.verdict ? <VerdictBadge verdict={r.verdict} /> : null}</td>
                    </>
                  ) : null}
                </>
              ) : (
                <td colSpan={cols}>
                  {r.status === "suppressed" ? t("dashboard.suppressed", { threshold }) : t("province.noData")}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function GradeLeagueTable({ caption, rows, lang }: { caption: string; rows: GradeRow[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table className="league">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("province.col.agency")}</th>
            <th scope="col" className="num">
              {t("province.col.place")}
            </th>
            <th scope="col">{t("province.col.grade")}</th>
            <th scope="col" className="num">
              {t("province.col.total")}
            </th>
            <th scope="col">{t("province.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agencyId} data-agency={r.agencyId}>
              <th scope="row">{r.name}</th>
              <PlaceCell place={r.place} />
              <td>{r.grade ? t(`reports.grades.${r.grade}`) : "—"}</td>
              <td className="num">{formatNumber(r.total, lang, 1)}</td>
              <td>{r.missing.length ? t("province.missing", { list: r.missing.join(", ") }) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
