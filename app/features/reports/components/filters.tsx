// The dashboard filters: a plain GET form, so a filtered view is a link that can be shared,
// bookmarked and printed, and works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/kernel/forms/fields";
import { formatDate } from "~/kernel/time/clock";
import type { PeriodKind } from "~/features/reports/report-periods";

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
      <SelectField
        id="f-survey"
        name="survey"
        label={t("dashboard.survey")}
        defaultValue={selected.survey}
        options={options.surveys.map((s) => ({ value: String(s.id), label: s.title }))}
      />
      <SelectField
        id="f-period"
        name="period"
        label={t("dashboard.period")}
        defaultValue={selected.period}
        options={options.periods.map((p) => ({
          value: p.value,
          label: `${t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${p.kind}`), year: p.year })} (${formatDate(p.start)}–${formatDate(p.end)})`,
        }))}
      />
      <SelectField
        id="f-unit"
        name="unit"
        label={t("dashboard.unit")}
        defaultValue={selected.unit}
        disabled={options.unitLocked}
        options={[
          ...(options.unitLocked ? [] : [{ value: "", label: t("dashboard.all") }]),
          ...options.units.map((u) => ({ value: String(u.id), label: u.name })),
        ]}
      />
      <SelectField
        id="f-procedure"
        name="procedure"
        label={t("dashboard.procedure")}
        defaultValue={selected.procedure}
        options={[
          { value: "", label: t("dashboard.all") },
          ...options.procedures.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` })),
        ]}
      />
      <SelectField
        id="f-channel"
        name="channel"
        label={t("dashboard.channel")}
        defaultValue={selected.channel}
        options={[
          { value: "", label: t("dashboard.all") },
          ...(["qr", "kiosk", "web", "paper"] as const).map((c) => ({ value: c, label: t(`dashboard.channels.${c}`) })),
        ]}
      />
      <SelectField
        id="f-version"
        name="version"
        label={t("dashboard.version")}
        defaultValue={selected.version}
        options={[
          { value: "", label: t("dashboard.all") },
          ...options.versions.map((v) => ({ value: String(v.id), label: `v${v.version}` })),
        ]}
      />
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
