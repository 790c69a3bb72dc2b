// Create a survey from Form A, Form B or a copy of another survey's questions.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, Radios, SelectField, TextField } from "~/kernel/forms/fields";
import { createSurveySchema, fieldErrors } from "~/features/survey/item-form";
import { TitleFields } from "~/features/survey/components/survey-admin-parts";
import { createSurvey, listSurveysForStaff } from "~/features/survey/survey-admin.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const surveys = (await listSurveysForStaff(user.agencyId)).map((s) => ({
    value: String(s.id),
    label: lng === "en" ? s.title_en : s.title_vi,
  }));
  return json({ title: t("surveyStaff.create.title"), surveys });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const values = Object.fromEntries(await readFormData(request)) as Record<string, string>;
  const parsed = createSurveySchema.safeParse(values);
  if (!parsed.success) return json({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createSurvey(user, clientOf(request), parsed.data);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/staff/surveys/${result.id}`);
}

export default function NewSurvey() {
  const { surveys } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const e = data?.errors ?? {};
  const v = data?.values ?? {};
  return (
    <div className="page page--narrow">
      <h1>{t("surveyStaff.create.title")}</h1>
      <p>{t("surveyStaff.create.intro")}</p>
      <ErrorSummary errors={data?.errors} order={["source", "copy_of", "slug", "title_vi", "title_en"]} />
      <Form method="post" noValidate>
        <Radios
          name="source"
          label={t("surveyStaff.create.source")}
          defaultValue={v.source ?? "B"}
          error={e.source}
          options={[
            { value: "B", label: t("surveyStaff.create.sourceB") },
            { value: "A", label: t("surveyStaff.create.sourceA") },
            { value: "copy", label: t("surveyStaff.create.sourceCopy") },
          ]}
        />
        <SelectField
          name="copy_of"
          label={t("surveyStaff.create.copyOf")}
          error={e.copy_of}
          defaultValue={v.copy_of}
          options={[{ value: "", label: t("surveyStaff.create.copyNone") }, ...surveys]}
        />
        <TextField
          autoComplete="off"
          name="slug"
          label={t("surveyStaff.create.slug")}
          hint={t("surveyStaff.create.slugHint")}
          error={e.slug}
          defaultValue={v.slug}
          maxLength={60}
        />
        <TitleFields values={v} errors={e} />
        <button type="submit" className="button">
          {t("surveyStaff.create.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
