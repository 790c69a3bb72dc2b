// The form to create or edit a session. Times are typed in Viet Nam time.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { toVnInput } from "~/kernel/time/clock";
import { ErrorSummary, TextArea, TextField, type Errors, type Values } from "~/kernel/forms/fields";

export interface SessionFormDefaults {
  plan_number?: string | null;
  title_vi?: string;
  title_en?: string | null;
  description_vi?: string | null;
  description_en?: string | null;
  topics?: string[];
  topics_en?: string[];
  invited_groups?: string | null;
  invited_groups_en?: string | null;
  starts_at?: string;
  ends_at?: string;
  venue?: string | null;
  online_url?: string | null;
  chair?: string;
  secretary?: string;
  capacity?: number;
  registration_opens_at?: string;
  registration_closes_at?: string;
  publish_at?: string;
  procedureIds?: number[];
}

export function SessionForm({
  defaults = {},
  procedures,
  noticeDays,
  errors,
  values,
  vars,
  submitLabel,
  announced,
}: {
  defaults?: SessionFormDefaults;
  procedures: { id: number; code: string; name: string }[];
  noticeDays: number;
  errors: Errors;
  values: Values;
  vars?: Record<string, string | number>;
  submitLabel: string;
  /** Registrants exist: a change of time or place will be sent to them. */
  announced?: boolean;
}) {
  const { t } = useTranslation();
  const d = {
    ...defaults,
    topics: defaults.topics?.join("\n"),
    topics_en: defaults.topics_en?.join("\n"),
    starts_at: toVnInput(defaults.starts_at),
    ends_at: toVnInput(defaults.ends_at),
    registration_opens_at: toVnInput(defaults.registration_opens_at),
    registration_closes_at: toVnInput(defaults.registration_closes_at),
    publish_at: toVnInput(defaults.publish_at),
  };
  const picked = new Set(
    values?.procedure_ids ? values.procedure_ids.split(",").map(Number) : (defaults.procedureIds ?? []),
  );
  const common = { errors, values, vars: { days: noticeDays, ...vars } };
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary errors={errors} vars={common.vars} />
      {announced ? <p className="notice notice--warn">{t("dialogue.staff.form.announcedWarning")}</p> : null}
      <TextField name="title_vi" label={t("dialogue.staff.form.titleVi")} defaultValue={d.title_vi} {...common} />
      <TextField
        name="title_en"
        label={t("dialogue.staff.form.titleEn")}
        hint={t("dialogue.staff.form.optional")}
        defaultValue={d.title_en}
        {...common}
      />
      <TextField
        name="plan_number"
        label={t("dialogue.staff.form.planNumber")}
        hint={t("dialogue.staff.form.planHint")}
        defaultValue={d.plan_number}
        {...common}
      />
      <TextArea
        name="description_vi"
        label={t("dialogue.staff.form.descriptionVi")}
        defaultValue={d.description_vi}
        {...common}
      />
      <TextArea
        name="description_en"
        label={t("dialogue.staff.form.descriptionEn")}
        hint={t("dialogue.staff.form.optional")}
        defaultValue={d.description_en}
        {...common}
      />
      <TextArea
        name="topics"
        label={t("dialogue.staff.form.topics")}
        hint={t("dialogue.staff.form.topicsHint")}
        defaultValue={d.topics}
        {...common}
      />
      <TextArea
        name="topics_en"
        label={t("dialogue.staff.form.topicsEn")}
        hint={t("dialogue.staff.form.topicsEnHint")}
        defaultValue={d.topics_en}
        {...common}
      />
      <fieldset className="field">
        <legend>{t("dialogue.staff.form.procedures")}</legend>
        <div
          className="table-wrap"
          role="region"
          aria-label={t("dialogue.staff.form.procedures")}
          tabIndex={0}
          style={{ maxHeight: "16rem", overflowY: "auto" }}
        >
          {procedures.map((p) => (
            <div key={p.id} className="checkbox">
              <input
                id={`proc-${p.id}`}
                type="checkbox"
                name="procedure_ids"
                value={p.id}
                defaultChecked={picked.has(p.id)}
              />
              <label htmlFor={`proc-${p.id}`}>
                {p.code} — {p.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextArea
        name="invited_groups"
        rows={2}
        label={t("dialogue.staff.form.invited")}
        hint={t("dialogue.staff.form.optional")}
        defaultValue={d.invited_groups}
        {...common}
      />
      <TextArea
        name="invited_groups_en"
        rows={2}
        label={t("dialogue.staff.form.invitedEn")}
        hint={t("dialogue.staff.form.optional")}
        defaultValue={d.invited_groups_en}
        {...common}
      />
      <TextField
        name="starts_at"
        type="datetime-local"
        label={t("dialogue.staff.form.startsAt")}
        hint={t("dialogue.staff.form.timeHint")}
        defaultValue={d.starts_at}
        {...common}
      />
      <TextField
        name="ends_at"
        type="datetime-local"
        label={t("dialogue.staff.form.endsAt")}
        defaultValue={d.ends_at}
        {...common}
      />
      <TextField
        name="venue"
        label={t("dialogue.staff.form.venue")}
        hint={t("dialogue.staff.form.placeHint")}
        defaultValue={d.venue}
        {...common}
      />
      <TextField
        name="online_url"
        type="url"
        label={t("dialogue.staff.form.onlineUrl")}
        hint={t("dialogue.staff.form.onlineHint")}
        defaultValue={d.online_url}
        {...common}
      />
      <TextField
        name="chair"
        label={t("dialogue.staff.form.chair")}
        hint={t("dialogue.staff.form.chairHint")}
        defaultValue={d.chair}
        {...common}
      />
      <TextField name="secretary" label={t("dialogue.staff.form.secretary")} defaultValue={d.secretary} {...common} />
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        label={t("dialogue.staff.form.capacity")}
        defaultValue={d.capacity}
        {...common}
      />
      <TextField
        name="publish_at"
        type="datetime-local"
        label={t("dialogue.staff.form.publishAt")}
        hint={t("dialogue.staff.form.publishHint", { days: noticeDays })}
        defaultValue={d.publish_at}
        {...common}
      />
      <TextField
        name="registration_opens_at"
        type="datetime-local"
        label={t("dialogue.staff.form.opensAt")}
        hint={t("dialogue.staff.form.opensHint")}
        defaultValue={d.registration_opens_at}
        {...common}
      />
      <TextField
        name="registration_closes_at"
        type="datetime-local"
        label={t("dialogue.staff.form.closesAt")}
        hint={t("dialogue.staff.form.closesHint")}
        defaultValue={d.registration_closes_at}
        {...common}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
