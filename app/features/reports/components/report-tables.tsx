// The report's comparison tables: this period beside the previous one.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatNumber, formatPercent } from "~/features/reports/percent";
import type { Dashboard } from "~/features/reports/dashboard-view.server";
import { VerdictBadge } from "./verdict";

function Delta({ now, before, lang }: { now: number | null; before: number | null; lang: Lang }) {
  if (now === null || before === null) return <td className="num">—</td>;
  const points = (now - before) * 100;
  const cls = points > 0 ? "delta-up" : points < 0 ? "delta-down" : "";
  const sign = points > 0 ? "+" : "";
  return <td className={`num ${cls}`}>{sign + formatNumber(points, lang, 1)}</td>;
}

export function ReportUnits({ current, previous, lang }: { current: Dashboard; previous: Dashboard; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="r-units">
      <h2 id="r-units">{t("reports.units")}</h2>
      <TableWrap label={t("reports.units")}>
        <table className="report-compare">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.unit")}</th>
              <th scope="col" className="num">
                {t("reports.current")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.n")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.interval")}
              </th>
              <th scope="col">{t("dashboard.col.verdict")}</th>
              <th scope="col" className="num">
                {t("reports.previousCol")}
              </th>
              <th scope="col" className="num">
                {t("reports.change")}
              </th>
            </tr>
          </thead>
          <tbody>
            {current.byUnit.map((u) => {
              const p = previous.byUnit.find((x) => x.key === u.key);
              return (
                <tr key={u.key}>
                  <th scope="row">{u.name}</th>
                  {u.suppressed ? (
                    <td colSpan={4}>{t("dashboard.suppressed", { threshold: current.threshold })}</td>
                  ) : (
                    <>
                      <td className="num">{formatPercent(u.rate.rate, lang)}</td>
                      <td className="num">{u.rate.n}</td>
                      <td className="num">{formatInterval(u.rate.ci, lang)}</td>
                      <td>
                        <VerdictBadge verdict={u.verdict} />
                      </td>
                    </>
                  )}
                  <td className="num">{p && !p.suppressed ? formatPercent(p.rate.rate, lang) : "—"}</td>
                  <Delta
                    now={u.suppressed ? null : u.rate.rate}
                    before={p && !p.suppressed ? p.rate.rate : null}
                    lang={lang}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

export function ReportBlocks({ current, previous, lang }: { current: Dashboard; previous: Dashboard; lang: Lang }) {
  const { t } = useTranslation();
  const rows = [
    ...current.blocks.map((b) => ({
      key: b.block,
      name: t(`dashboard.blocks.${b.block}`),
      now: b.index,
      n: b.suppressed ? null : b.minN,
      before: previous.blocks.find((x) => x.block === b.block)?.index ?? null,
    })),
    { key: "SIPAS", name: "SIPAS", now: current.sipas, n: null as number | null, before: previous.sipas },
  ];
  return (
    <section aria-labelledby="r-blocks">
      <h2 id="r-blocks">{t("reports.blocks")}</h2>
      <TableWrap label={t("reports.blocks")}>
        <table className="report-compare">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.byBlock")}</th>
              <th scope="col" className="num">
                {t("reports.current")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.n")}
              </th>
              <th scope="col" className="num">
                {t("reports.previousCol")}
              </th>
              <th scope="col" className="num">
                {t("reports.change")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className="num">{formatPercent(r.now, lang)}</td>
                <td className="num">{r.n ?? ""}</td>
                <td className="num">{formatPercent(r.before, lang)}</td>
                <Delta now={r.now} before={r.before} lang={lang} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
