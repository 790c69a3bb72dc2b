// The dashboard's warning when the holiday calendar does not cover the coming 60 days, or holds
// days still to be confirmed (docs/rules/holidays.md).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { HolidayWarning } from "~/features/admin/holidays.server";

export function HolidayWarningNotice({ w, lang, canEdit }: { w: HolidayWarning; lang: Lang; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warn" role="status" id="holiday-warning">
      {w.missingYears.length ? (
        <p>
          <strong>
            {t("staff.holidayWarning.missing", {
              years: w.missingYears.join(", "),
              days: 60,
              to: formatDate(w.to, lang),
            })}
          </strong>
        </p>
      ) : null}
      {w.unconfirmed.length ? (
        <p>
          {t("staff.holidayWarning.unconfirmed", { dates: w.unconfirmed.map((d) => formatDate(d, lang)).join(", ") })}
        </p>
      ) : null}
      <p>
        {canEdit ? (
          <Link to="/staff/holidays">{t("staff.holidayWarning.fix")}</Link>
        ) : (
          t("staff.holidayWarning.askAdmin")
        )}
      </p>
    </div>
  );
}
