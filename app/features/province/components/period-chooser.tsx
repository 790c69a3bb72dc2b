// Year and period for the league table: a plain GET form, so it works without JavaScript; the
// index route checks the choice and sends the reader to the period's page.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PERIOD_KINDS } from "~/features/reports/report-periods";

export function PeriodChooser({ year, kind, error }: { year: number; kind: string; error?: boolean }) {
  const { t } = useTranslation();
  const years = [year + 1, year, year - 1, year - 2];
  return (
    <Form method="get" action="/staff/province" className="filters no-print" aria-label={t("province.choosePeriod")}>
      {error ? (
        <p className="error-summary" role="alert">
          {t("province.badPeriod")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="league-year">{t("province.year")}</label>
        <select id="league-year" name="year" defaultValue={year}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="league-kind">{t("province.kind")}</label>
        <select id="league-kind" name="kind" defaultValue={kind}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dashboard.periodKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button className="button" type="submit">
          {t("province.show")}
        </button>
      </div>
    </Form>
  );
}
