// The admin's settings of its own agency (docs/rules/agencies.md): the satisfaction target, the small-group threshold, deadlines, the
// retention period and the report document's agency, place and signer. Each change is audited with its old and new value.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { fieldName, SETTING_DEFS, SETTING_GROUPS, settingsFormSchema, toInput } from "~/features/admin/settings";
import { getSettings, otherSettings, updateSettings } from "~/features/admin/settings.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const settings = await getSettings(user.agencyId);
  const saved = new URL(request.url).searchParams.get("saved");
  return json({
    title: getT(request).t("staff.settings.title"),
    values: Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), toInput(d, settings[d.key])])),
    other: await otherSettings(user.agencyId),
    saved: saved === null ? null : Number(saved) || 0,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const parsed = parseForm(settingsFormSchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const changed = await updateSettings(user.agencyId, parsed.data, user, clientOf(request));
  return redirect(`/staff/settings?saved=${changed.length}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

// Ranges for the messages: "enter a number from {{min}} to {{max}}".
const RANGES = Object.fromEntries(SETTING_DEFS.map((d) => [fieldName(d.key), { min: d.min, max: d.max }]));

export default function SettingsPage() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const values: Record<string, string> = data?.values ?? loaded.values;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={SETTING_DEFS.map((d) => fieldName(d.key))} params={RANGES} />
      <h1>{t("staff.settings.heading")}</h1>
      {loaded.saved !== null && !data ? (
        <p className="notice notice--ok" role="status">
          {loaded.saved ? t("staff.settings.saved", { count: loaded.saved }) : t("staff.settings.unchanged")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        {SETTING_GROUPS.map((group) => (
          <fieldset key={group} className="group">
            <legend>{t(`staff.settings.groups.${group}`)}</legend>
            {SETTING_DEFS.filter((d) => d.group === group).map((d) => {
              const name = fieldName(d.key);
              return (
                <TextField
                  key={d.key}
                  name={name}
                  label={t(`staff.settings.labels.${name}`)}
                  hint={
                    d.kind === "text"
                      ? `${t(`staff.settings.textHints.${name}`)} ${t("staff.settings.textHint", RANGES[name])}`
                      : t(
                          d.kind === "percent" ? "staff.settings.percentHint" : "staff.settings.rangeHint",
                          RANGES[name],
                        )
                  }
                  inputMode={d.kind === "text" ? undefined : d.kind === "percent" ? "decimal" : "numeric"}
                  defaultValue={values[name]}
                  error={errors[name]}
                  vars={RANGES[name]}
                />
              );
            })}
          </fieldset>
        ))}
        <button type="submit" className="button">
          {t("staff.form.save")}
        </button>
      </Form>
      {loaded.other.length ? (
        <>
          <h2>{t("staff.settings.other")}</h2>
          <dl>
            {loaded.other.map((o) => (
              <div key={o.key}>
                <dt>
                  <code>{o.key}</code>
                </dt>
                <dd>{o.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
