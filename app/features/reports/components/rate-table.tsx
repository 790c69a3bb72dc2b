// The table every rate breakdown uses: a name, the rate, n, the 95 % interval and (optionally)
// the verdict; a suppressed row says so instead of showing figures.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import type { Lang } from "~/kernel/i18n/i18n";
import type { Rate, Verdict } from "~/features/reports/stats";
import { RateCells, VerdictBadge } from "./verdict";

export interface RateRow {
  key: string;
  name: string;
  rate: Rate;
  verdict?: Verdict;
  suppressed?: boolean;
}

export function RateTable({
  caption,
  firstCol,
  rows,
  threshold,
  lang,
  verdicts = true,
}: {
  caption: string;
  firstCol: string;
  rows: RateRow[];
  threshold: number;
  lang: Lang;
  verdicts?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstCol}</th>
            <th scope="col" className="num">
              {t("dashboard.col.rate")}
            </th>
            <th scope="col" className="num">
              {t("dashboard.col.n")}
            </th>
            <th scope="col" className="num">
              {t("dashboard.col.interval")}
            </th>
            {verdicts ? <th scope="col">{t("dashboard.col.verdict")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <RateCells rate={r.rate} suppressed={r.suppressed} threshold={threshold} lang={lang} />
              {verdicts ? <td>{r.suppressed || !r.verdict ? null : <VerdictBadge verdict={r.verdict} />}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
