import { useTranslation } from "react-i18next";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatInterval, formatPercent } from "~/features/reports/percent";
import type { Rate, Verdict } from "~/features/reports/stats";

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return <span className={`verdict verdict--${verdict.kind}`}>{t(`dashboard.verdict.${verdict.kind}`)}</span>;
}

export function verdictExplain(t: (k: string, o?: Record<string, unknown>) => string, v: Verdict, lang: Lang): string {
  if (v.kind === "undetermined") {
    return v.moreNeeded === null
      ? t("dashboard.verdictExplain.undeterminedNever")
      : t("dashboard.verdictExplain.undetermined", {
          more: v.moreNeeded.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB"),
        });
  }
  return t(`dashboard.verdictExplain.${v.kind}`);
}

/** Rate, n and interval cells for a table row; "hidden" when the cell is suppressed. */
export function RateCells({
  rate,
  suppressed,
  threshold,
  lang,
}: {
  rate: Rate;
  suppressed?: boolean;
  threshold: number;
  lang: Lang;
}) {
  const { t } = useTranslation();
  if (suppressed) {
    return (
      <td className="num" colSpan={3}>
        {t("dashboard.suppressed", { threshold })}
      </td>
    );
  }
  return (
    <>
      <td className="num">{formatPercent(rate.rate, lang)}</td>
      <td className="num">{rate.n}</td>
      <td className="num">{formatInterval(rate.ci, lang)}</td>
    </>
  );
}
