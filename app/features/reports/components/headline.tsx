import { useTranslation } from "react-i18next";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatPercent } from "~/features/reports/percent";
import type { Rate, Verdict } from "~/features/reports/stats";
import { VerdictBadge, verdictExplain } from "./verdict";

// The ">90 %" figure, always with its n, its interval and what it means against the target.
export function Headline({
  rate,
  verdict,
  target,
  lang,
  suppressed,
  threshold,
}: {
  rate: Rate;
  verdict: Verdict;
  target: number;
  lang: Lang;
  suppressed?: boolean;
  threshold?: number;
}) {
  const { t } = useTranslation();
  if (suppressed) {
    // A narrowed group too small to publish (docs/rules/suppression.md): no rate, no n.
    return (
      <section className="headline headline--no_data" aria-labelledby="headline-title">
        <h2 id="headline-title">{t("dashboard.headline")}</h2>
        <p className="headline__figure">
          <span className="headline__rate">{t("dashboard.suppressed", { threshold })}</span>
        </p>
        <p>{t("dashboard.suppression.view", { threshold })}</p>
      </section>
    );
  }
  return (
    <section className={`headline headline--${verdict.kind}`} aria-labelledby="headline-title">
      <h2 id="headline-title">{t("dashboard.headline")}</h2>
      <p className="headline__figure">
        <span className="headline__rate">{formatPercent(rate.rate, lang)}</span> <VerdictBadge verdict={verdict} />
      </p>
      {rate.n > 0 ? (
        <p>
          {t("dashboard.headlineBody", { rate: formatPercent(rate.rate, lang), satisfied: rate.satisfied, n: rate.n })}
        </p>
      ) : null}
      <p>
        {t("dashboard.interval", { interval: formatInterval(rate.ci, lang) })} ·{" "}
        {t("dashboard.target", { target: formatPercent(target, lang, 0) })}
      </p>
      <p className="muted">{verdictExplain(t, verdict, lang)}</p>
    </section>
  );
}
