// The dashboard filters: a plain GET form, so a filtered view is a link that can be shared,
// bookmarked and printed, and works without JavaScript.
import { formatDate } from "~/lib/clock";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type PeriodKind } from "~/lib/report-periods";

interface Options {
  surveys: { id: number; title: string }[];
  periods: { value: string; year: number; kind: PeriodKind; start: string; end: string }[];
  units: { id: number; name: string }[];
  unitLocked: boolean;
  procedures: { id: number; code: string; name: string }[];
  versions: { id: number; version: number }[];
}

interface Selected {
  survey: number | null;
  period: string;
  unit: number | null;
  procedure: number | null;
  channel: string | null;
  version: number | null;
  flagged: boolean;
}

export function DashboardFilters({ options, selected }: { options: Options; selected: Selected }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters no-print" aria-label={t("dashboard.filters")}>
      <div className="field">
        <label htmlFor="f-survey">{t("dashboard.survey")}</label>
        <select id="f-survey" name="survey" defaultValue={selected.survey ?? ""}>
          {options.surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-period">{t("dashboard.period")}</label>
        <select id="f-period" name="period" defaultValue={selected.period}>
          {options.periods.map((p) => (
            <option key={p.value} value={p.value}>
              {t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${p.kind}`), year: p.year })} ({formatDate(p.start)}–{formatDate(p.end)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-unit">{t("dashboard.unit")}</label>
        <select id="f-unit" name="unit" defaultValue={selected.unit ?? ""} disabled={options.unitLocked}>
          {options.unitLocked ? null : <option value="">{t("dashboard.all")}</option>}
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-procedure">{t("dashboard.procedure")}</label>
        <select id="f-procedure" name="procedure" defaultValue={selected.procedure ?? ""}>
          <option value="">{t("dashboard.all")}</option>
          {options.procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} — {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-channel">{t("dashboard.channel")}</label>
        <select id="f-channel" name="channel" defaultValue={selected.channel ?? ""}>
          <option value="">{t("dashboard.all")}</option>
          {(["qr", "kiosk", "web", "paper"] as const).map((c) => (
            <option key={c} value={c}>
              {t(`dashboard.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-version">{t("dashboard.version")}</label>
        <select id="f-version" name="version" defaultValue={selected.version ?? ""}>
          <option value="">{t("dashboard.all")}</option>
          {options.versions.map((v) => (
            <option key={v.id} value={v.id}>
              v{v.version}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <input type="checkbox" id="f-flagged" name="flagged" value="1" defaultChecked={selected.flagged} />{" "}
        <label htmlFor="f-flagged">{t("dashboard.includeFlagged")}</label>
      </div>
      <div>
        <button type="submit" className="button">
          {t("dashboard.apply")}
        </button>
      </div>
    </Form>
  );
}
