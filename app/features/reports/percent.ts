// Numbers as a Vietnamese or English reader writes them: "93,5 %" / "93.5%".
import type { Lang } from "~/kernel/i18n/i18n";
import type { Interval } from "./stats";

const fmt = (lang: Lang, digits: number) =>
  new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const s = fmt(lang, digits).format(x * 100);
  return lang === "vi" ? `${s} %` : `${s}%`;
}

export function formatInterval(ci: Interval | null | undefined, lang: Lang): string {
  if (!ci) return "—";
  return `${formatPercent(ci.low, lang)} – ${formatPercent(ci.high, lang)}`;
}

export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  return fmt(lang, digits).format(x);
}
