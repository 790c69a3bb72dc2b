// Adding (/staff/agencies/new) or changing an agency: its code (chosen once, never changed),
// names, parent and satisfaction target. Admin only: the one admin of the whole installation;
// per-agency admins come with query scoping (each agency's rows read by its own staff only), a
// later part of issue 19.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDbId } from "~/kernel/db/ids";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, SelectField, TextField } from "~/kernel/forms/fields";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { editAgencySchema, newAgencySchema, parentChoices } from "~/features/agencies/agencies";
import { agencyOptions, getAgency, saveAgency } from "~/features/agencies/agencies.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

const notFound = () => new Response("Not found", { status: 404 });

/** null for "new", the id otherwise; anything else is a page that does not exist. */
function agencyId(params: { id?: string }): number | null {
  if (params.id === "new") return null;
  const id = Number(params.id);
  if (!/^\d+$/.test(params.id ?? "") || !isDbId(id)) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const id = agencyId(params);
  const agency = id === null ? null : ((await getAgency(id)) ?? null);
  if (id !== null && !agency) throw notFound();
  const { t, lng } = getT(request);
  const options = await agencyOptions(lng);
  return json({
    title: agency ? t("agencies.editTitle", { code: agency.code }) : t("agencies.newTitle"),
    agency,
    isRoot: agency !== null && agency.parent_id === null,
    parents: parentChoices(options, id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = agencyId(params);
  // A forged id is the not-found page whatever the form holds (saveAgency checks again, inside
  // its lock, for an agency gone meanwhile).
  if (id !== null && !(await getAgency(id))) throw notFound();
  const fd = await readFormData(request);
  const parsed = parseForm(id === null ? newAgencySchema : editAgencySchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const data = { ...parsed.data, code: parsed.data.code ?? null };
  const result = await saveAgency(id, data, user, clientOf(request));
  if (!result.ok) {
    if (result.notFound) throw notFound();
    return json({ errors: { [result.field]: result.error } as FieldErrors, values: formValues(fd) }, { status: 400 });
  }
  return redirect("/staff/agencies");
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function EditAgency() {
  const { agency, isRoot, parents, title } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const v: Record<string, string | undefined> = data?.values ?? {
    code: agency?.code,
    nameVi: agency?.name_vi,
    nameEn: agency?.name_en,
    parentId: agency?.parent_id == null ? "" : String(agency.parent_id),
    // Written the reader's way (92,5 in Vietnamese); parseTarget reads either.
    target: agency ? String(agency.target_percent).replace(".", i18n.language === "en" ? "." : ",") : "90",
  };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={["code", "nameVi", "nameEn", "parentId", "target"]} />
      <h1>{title}</h1>
      <Form method="post" noValidate>
        {agency ? (
          // The code is shown, not sent: it cannot change (see saveAgency).
          <p>
            <strong>{t("agencies.code")}:</strong> <code>{agency.code}</code>
            <br />
            <span className="muted">{t("agencies.codeFixedNote")}</span>
          </p>
        ) : (
          <TextField
            name="code"
            label={t("agencies.code")}
            hint={t("agencies.codeHint")}
            defaultValue={v.code}
            error={errors.code}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
          />
        )}
        <TextField name="nameVi" label={t("staff.form.nameVi")} defaultValue={v.nameVi} error={errors.nameVi} />
        <TextField name="nameEn" label={t("staff.form.nameEn")} defaultValue={v.nameEn} error={errors.nameEn} />
        {isRoot ? (
          <p>
            <strong>{t("agencies.parent")}:</strong> {t("agencies.rootParent")}
          </p>
        ) : (
          <SelectField
            name="parentId"
            label={t("agencies.parent")}
            hint={t("agencies.parentHint")}
            defaultValue={v.parentId ?? ""}
            error={errors.parentId}
            options={[
              { value: "", label: t("staff.form.choose") },
              ...parents.map((p) => ({ value: String(p.id), label: p.label })),
            ]}
          />
        )}
        <TextField
          name="target"
          label={t("agencies.target")}
          hint={t("agencies.targetHint")}
          defaultValue={v.target}
          error={errors.target}
          inputMode="decimal"
          maxLength={5}
        />
        <button type="submit" className="button">
          {t("staff.form.save")}
        </button>
      </Form>
      <p>
        <Link to="/staff/agencies">{t("agencies.backToList")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
