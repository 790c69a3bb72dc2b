// The dashboard's sections: each chart comes with a server-rendered table of the same figures.
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/kernel/forms/fields";
import { DistributionChart } from "~/features/reports/components/charts/distribution-chart";
import { RateBars } from "~/features/reports/components/charts/rate-bars";
import { TrendChart } from "~/features/reports/components/charts/trend-chart";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatNumber, formatPercent } from "~/features/reports/percent";
import type { Dashboard } from "~/features/reports/dashboard-view.server";
import { RateTable } from "./rate-table";

interface Props {
  d: Dashboard;
  lang: Lang;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="dash-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export function TrendSection({ d, lang }: Props) {
  const { t } = useTranslation();
  const label = (key: string) => {
    const [kind, year] = key.split("/");
    return t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${kind}`), year });
  };
  return (
    <Section id="trend" title={t("dashboard.trend")}>
      <TrendChart
        lang={lang}
        label={t("dashboard.trendLabel")}
        target={d.target}
        data={d.trend.map((p) => ({
          label: p.key,
          rate: p.rate.rate,
          low: p.rate.ci?.low ?? null,
          high: p.rate.ci?.high ?? null,
        }))}
      />
      <RateTable
        caption={t("dashboard.trend")}
        firstCol={t("dashboard.col.period")}
        rows={d.trend.map((p) => ({
          key: p.key,
          name: label(p.key),
          rate: p.rate,
          verdict: p.verdict,
          suppressed: p.suppressed,
        }))}
        threshold={d.threshold}
        lang={lang}
      />
    </Section>
  );
}

export function UnitSection({ d, lang }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="by-unit" title={t("dashboard.byUnit")}>
      <RateBars
        lang={lang}
        label={t("dashboard.byUnitLabel")}
        target={d.target}
        data={d.byUnit.map((u) => ({
          label: u.name,
          rate: u.rate.rate,
          low: u.rate.ci?.low ?? null,
          high: u.rate.ci?.high ?? null,
        }))}
      />
      <RateTable
        caption={t("dashboard.byUnit")}
        firstCol={t("dashboard.unit")}
        rows={d.byUnit.map((u) => ({
          key: u.key,
          name: u.name,
          rate: u.rate,
          verdict: u.verdict,
          suppressed: u.suppressed,
        }))}
        threshold={d.threshold}
        lang={lang}
      />
      <p className="muted">{t("dashboard.suppressedNote", { threshold: d.threshold })}</p>
      <p className="muted">{t("dashboard.suppression.complementary")}</p>
    </Section>
  );
}

export function BlockSection({ d, lang }: Props) {
  const { t } = useTranslation();
  return (
    <Section id="by-block" title={t("dashboard.byBlock")}>
      <RateBars
        lang={lang}
        label={t("dashboard.byBlockLabel")}
        target={d.target}
        data={d.blocks.map((b) => ({ label: t(`dashboard.blocks.${b.block}`), rate: b.index, low: null, high: null }))}
      />
      <TableWrap label={t("dashboard.byBlock")}>
        <table>
          <caption className="visually-hidden">{t("dashboard.byBlock")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.byBlock")}</th>
              <th scope="col" className="num">
                {t("dashboard.blockIndex")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.n")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.blockQuestion")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.blocks.map((b) => (
              <tr key={b.block}>
                <th scope="row">{t(`dashboard.blocks.${b.block}`)}</th>
                {b.suppressed ? (
                  <td className="num" colSpan={2}>
                    {t("dashboard.suppressed", { threshold: d.threshold })}
                  </td>
                ) : (
                  <>
                    <td className="num">{formatPercent(b.index, lang)}</td>
                    <td className="num">{b.minN}</td>
                  </>
                )}
                <td className="num">
                  {b.question ? `${formatPercent(b.question.rate, lang)} (n = ${b.question.n})` : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>{t("dashboard.sipas", { value: formatPercent(d.sipas, lang) })}</p>
    </Section>
  );
}

export function DistributionSection({ d, lang }: Props) {
  const { t } = useTranslation();
  const share = (x: number, n: number) => (n > 0 ? x / n : 0);
  const rows = d.distribution
    .filter((q) => !q.suppressed)
    .map((q) => {
      const n = q.rate.n;
      return {
        label: q.code,
        s1: share(q.counts.c1, n),
        s2: share(q.counts.c2, n),
        s3: share(q.counts.c3, n),
        s4: share(q.counts.c4, n),
        s5: share(q.counts.c5, n),
      };
    });
  const names = [1, 2, 3, 4, 5].map((i) => t(`dashboard.scale.s${i}`));
  return (
    <Section id="distribution" title={t("dashboard.distribution")}>
      <DistributionChart label={t("dashboard.distributionLabel")} data={rows} names={names} lang={lang} />
      <TableWrap label={t("dashboard.distribution")}>
        <table>
          <caption className="visually-hidden">{t("dashboard.distribution")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.col.question")}</th>
              {names.map((n) => (
                <th scope="col" className="num" key={n}>
                  {n}
                </th>
              ))}
              <th scope="col" className="num">
                {t("dashboard.col.noOpinion")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.rate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.distribution.map((q) => (
              <tr key={q.code}>
                <th scope="row">
                  <span className="muted">{q.code}</span> {q.text}
                </th>
                {q.suppressed ? (
                  <td className="num" colSpan={7}>
                    {t("dashboard.suppressed", { threshold: d.threshold })}
                  </td>
                ) : (
                  <>
                    {([1, 2, 3, 4, 5, 0] as const).map((i) => (
                      <td className="num" key={i}>
                        {formatNumber(q.counts[`c${i}`], lang)}
                      </td>
                    ))}
                    <td className="num">{formatPercent(q.rate.rate, lang)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}

export function ChannelSection({ d, lang }: Props) {
  const { t } = useTranslation();
  const name = (c: { channel: string; flagged: boolean }) =>
    `${t(`dashboard.channels.${c.channel}`)}${c.flagged ? ` (${t("dashboard.flagged")})` : ""}`;
  return (
    <Section id="by-channel" title={t("dashboard.byChannel")}>
      <RateBars
        lang={lang}
        label={t("dashboard.byChannelLabel")}
        target={d.target}
        data={d.byChannel
          .filter((c) => !c.suppressed)
          .map((c) => ({
            label: name(c),
            rate: c.rate.rate,
            low: c.rate.ci?.low ?? null,
            high: c.rate.ci?.high ?? null,
          }))}
      />
      <RateTable
        caption={t("dashboard.byChannel")}
        firstCol={t("dashboard.channel")}
        rows={d.byChannel.map((c) => ({ key: c.key, name: name(c), rate: c.rate, suppressed: c.suppressed }))}
        threshold={d.threshold}
        lang={lang}
        verdicts={false}
      />
    </Section>
  );
}

export function VolumeSection({ d, lang, title }: Props & { title?: string }) {
  const { t } = useTranslation();
  const hidden = t("dashboard.suppressed", { threshold: d.threshold });
  return (
    <Section id="volume" title={title ?? t("dashboard.volume")}>
      <TableWrap label={t("dashboard.volume")}>
        <table>
          <caption className="visually-hidden">{t("dashboard.volume")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.unit")}</th>
              <th scope="col" className="num">
                {t("dashboard.responses")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.flaggedResponses")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.served")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.responseRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.volume.map((v) => (
              <tr key={v.unitId}>
                <th scope="row">{v.name}</th>
                <td className="num">{v.responses === null ? hidden : formatNumber(v.responses, lang)}</td>
                <td className="num">{v.flagged === null ? hidden : formatNumber(v.flagged, lang)}</td>
                <td className="num">{formatNumber(v.served, lang)}</td>
                <td className="num">{v.responses === null ? hidden : formatPercent(v.responseRate, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Section>
  );
}
