// Adding (/staff/units/new) or changing a unit: code, names, kind, parent, active. A parent
// that would put the unit under itself is refused.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDbId } from "~/kernel/db/ids";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { Checkbox, ErrorSummary, SelectField, TextField } from "~/kernel/forms/fields";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { parentChoices, UNIT_KINDS } from "~/features/admin/units";
import { getUnit, saveUnit, unitOptions } from "~/features/admin/units.server";
import { unitSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

/** null for "new", the id otherwise; anything else is a page that does not exist. */
function unitId(params: { id?: string }): number | null {
  if (params.id === "new") return null;
  const id = Number(params.id);
  if (!isDbId(id)) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const id = unitId(params);
  const unit = id === null ? null : await getUnit(user.agencyId, id);
  if (id !== null && !unit) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  const options = await unitOptions(user.agencyId, lng);
  return json({
    title: unit ? t("staff.units.editTitle", { code: unit.code }) : t("staff.units.newTitle"),
    unit,
    parents: parentChoices(options, id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = unitId(params);
  // Another agency's unit is not found, whatever the form says (docs/rules/agencies.md).
  if (id !== null && !(await getUnit(user.agencyId, id))) throw new Response("Not found", { status: 404 });
  const fd = await readFormData(request);
  const parsed = parseForm(unitSchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const result = await saveUnit(id, parsed.data, user, clientOf(request));
  if (!result.ok)
    return json({ errors: { [result.field]: result.error } as FieldErrors, values: formValues(fd) }, { status: 400 });
  return redirect("/staff/units");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function EditUnit() {
  const { unit, parents, title } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const v: Record<string, string | undefined> = data?.values ?? {
    code: unit?.code,
    nameVi: unit?.name_vi,
    nameEn: unit?.name_en,
    kind: unit?.kind,
    parentId: unit?.parent_id == null ? "" : String(unit.parent_id),
    active: unit && !unit.active ? "" : "on",
  };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={["code", "nameVi", "nameEn", "kind", "parentId"]} />
      <h1>{title}</h1>
      <Form method="post" noValidate>
        <TextField
          name="code"
          label={t("staff.units.code")}
          hint={t("staff.units.codeHint")}
          defaultValue={v.code}
          error={errors.code}
        />
        <TextField name="nameVi" label={t("staff.form.nameVi")} defaultValue={v.nameVi} error={errors.nameVi} />
        <TextField name="nameEn" label={t("staff.form.nameEn")} defaultValue={v.nameEn} error={errors.nameEn} />
        <SelectField
          name="kind"
          label={t("staff.units.kind")}
          defaultValue={v.kind ?? ""}
          error={errors.kind}
          options={[
            { value: "", label: t("staff.form.choose") },
            ...UNIT_KINDS.map((k) => ({ value: k, label: t(`staff.units.kinds.${k}`) })),
          ]}
        />
        <SelectField
          name="parentId"
          label={t("staff.units.parent")}
          hint={t("staff.units.parentHint")}
          defaultValue={v.parentId ?? ""}
          error={errors.parentId}
          options={[
            { value: "", label: t("staff.units.noParent") },
            ...parents.map((p) => ({ value: String(p.id), label: p.label })),
          ]}
        />
        <Checkbox
          name="active"
          label={t("staff.form.activeLabel")}
          defaultChecked={v.active === "on"}
          hint={t("staff.units.activeHint")}
        />
        <button type="submit" className="button">
          {t("staff.form.save")}
        </button>
      </Form>
      <p>
        <Link to="/staff/units">{t("staff.units.backToList")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
