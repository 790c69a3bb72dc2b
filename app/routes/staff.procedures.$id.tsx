// Adding (/staff/procedures/new) or changing a procedure in the catalogue.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDbId } from "~/kernel/db/ids";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { Checkbox, ErrorSummary, SelectField, TextField } from "~/kernel/forms/fields";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { getProcedureForStaff, saveProcedure } from "~/features/admin/procedures.server";
import { unitOptions } from "~/features/admin/units.server";
import { procedureSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };

function procedureId(params: { id?: string }): number | null {
  if (params.id === "new") return null;
  const id = Number(params.id);
  if (!isDbId(id)) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const id = procedureId(params);
  const procedure = id === null ? null : await getProcedureForStaff(id, user);
  if (id !== null && !procedure) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  return json({
    title: procedure ? t("staff.procedures.editTitle", { code: procedure.code }) : t("staff.procedures.newTitle"),
    procedure,
    units: await unitOptions(user.agencyId, lng),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = procedureId(params);
  // Another agency's procedure (or one outside the user's unit) is not found, before the form is read.
  if (id !== null && !(await getProcedureForStaff(id, user))) throw new Response("Not found", { status: 404 });
  const fd = await readFormData(request);
  const parsed = parseForm(procedureSchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const result = await saveProcedure(id, parsed.data, user, clientOf(request));
  if (!result.ok && "outOfScope" in result) throw new Response("Not found", { status: 404 });
  if (!result.ok)
    return json({ errors: { [result.field]: result.error } as FieldErrors, values: formValues(fd) }, { status: 400 });
  return redirect("/staff/procedures");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function EditProcedure() {
  const { procedure: p, units, title } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const v: Record<string, string | undefined> = data?.values ?? {
    code: p?.code,
    nationalCode: p?.national_code ?? "",
    nameVi: p?.name_vi,
    nameEn: p?.name_en,
    fieldVi: p?.field_vi,
    fieldEn: p?.field_en,
    unitId: p?.unit_id == null ? "" : String(p.unit_id),
    active: p && !p.active ? "" : "on",
  };
  return (
    <div className="page page--narrow">
      <ErrorSummary
        errors={errors}
        order={["code", "nationalCode", "nameVi", "nameEn", "fieldVi", "fieldEn", "unitId"]}
      />
      <h1>{title}</h1>
      <Form method="post" noValidate>
        <TextField
          name="code"
          label={t("staff.procedures.code")}
          hint={t("staff.procedures.codeHint")}
          defaultValue={v.code}
          error={errors.code}
        />
        <TextField
          name="nationalCode"
          label={t("staff.procedures.nationalCode")}
          hint={t("staff.procedures.nationalCodeHint")}
          defaultValue={v.nationalCode}
          error={errors.nationalCode}
        />
        <TextField name="nameVi" label={t("staff.form.nameVi")} defaultValue={v.nameVi} error={errors.nameVi} />
        <TextField name="nameEn" label={t("staff.form.nameEn")} defaultValue={v.nameEn} error={errors.nameEn} />
        <TextField
          name="fieldVi"
          label={t("staff.procedures.fieldVi")}
          defaultValue={v.fieldVi}
          error={errors.fieldVi}
        />
        <TextField
          name="fieldEn"
          label={t("staff.procedures.fieldEn")}
          defaultValue={v.fieldEn}
          error={errors.fieldEn}
        />
        <SelectField
          name="unitId"
          label={t("staff.procedures.unit")}
          hint={t("staff.procedures.unitHint")}
          defaultValue={v.unitId ?? ""}
          error={errors.unitId}
          options={[
            { value: "", label: t("staff.procedures.noUnit") },
            ...units.map((u) => ({
              value: String(u.id),
              label: u.active ? u.label : `${u.label} (${t("staff.form.inactive")})`,
            })),
          ]}
        />
        <Checkbox
          name="active"
          label={t("staff.form.activeLabel")}
          defaultChecked={v.active === "on"}
          hint={t("staff.procedures.activeHint")}
        />
        <button type="submit" className="button">
          {t("staff.form.save")}
        </button>
      </Form>
      <p>
        <Link to="/staff/procedures">{t("staff.procedures.backToList")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
