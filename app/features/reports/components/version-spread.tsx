// Says which survey versions the figures on screen come from, with n per version, when they span
// more than one, or when one version is chosen (docs/rules/survey-versions.md).
import { useTranslation } from "react-i18next";
import type { Lang } from "~/kernel/i18n/i18n";
import { formatNumber } from "~/features/reports/percent";

export function VersionSpread({
  spread,
  filtered,
  lang,
}: {
  spread: { version: number; responses: number }[];
  filtered: boolean;
  lang: Lang;
}) {
  const { t } = useTranslation();
  if (spread.length < 2 && !filtered) return null;
  const list = spread
    .map((v) => t("surveyVersions.item", { version: v.version, n: formatNumber(v.responses, lang) }))
    .join("; ");
  return (
    <p className="notice" role="note">
      {spread.length > 1
        ? t("surveyVersions.several", { list })
        : spread.length
          ? t("surveyVersions.one", { list })
          : t("surveyVersions.none")}
    </p>
  );
}
