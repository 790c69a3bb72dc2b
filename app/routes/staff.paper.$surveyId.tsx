// Paper entry: a keyboard-only screen to type in one paper form after another. Each form gets
// its own submission id, so a double Enter or a resend after a dropped connection stores it once.
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
import { PaperField } from "~/features/survey/components/paper-field";
import { ErrorSummary, SelectField, TextField } from "~/kernel/forms/fields";
import { firstOf } from "~/kernel/forms/posted";
import { fieldName, idParam } from "~/features/survey/items";
import { enterPaperForm, paperForm } from "~/features/survey/paper.server";
import { placesFor } from "~/features/survey/survey-links.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readPostedFields } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.heading ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = idParam(params.surveyId);
  const survey = id ? await paperForm(user.agencyId, id, lng) : null;
  if (!survey) throw new Response("Not found", { status: 404 });
  const q = new URL(request.url).searchParams;
  const places = await placesFor(user, lng);
  // The place and date of the last form stay filled in: a pile of forms usually shares them.
  const keep = {
    unit: q.get("unit") ?? (places.units.length === 1 ? places.units[0].value : ""),
    procedure: q.get("procedure") ?? "",
    date: q.get("date") ?? "",
  };
  return json({
    heading: t("surveyStaff.paper.heading", { title: survey.title }),
    survey,
    lang: lng,
    places,
    keep,
    saved: q.get("saved") === "1",
    sid: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const { lng } = getT(request);
  const id = idParam(params.surveyId);
  if (!id) throw new Response("Not found", { status: 404 });
  const fields = await readPostedFields(request);
  const out = await enterPaperForm(user, clientOf(request), id, fields, lng);
  if (out.ok) {
    const keep = new URLSearchParams({
      saved: "1",
      unit: firstOf(fields, "unit") ?? "",
      procedure: firstOf(fields, "procedure") ?? "",
      date: firstOf(fields, "date") ?? "",
    });
    return redirect(`/staff/paper/${id}?${keep}`);
  }
  if ("reason" in out)
    throw new Response(out.reason === "not_found" ? "Not found" : "Bad request", {
      status: out.reason === "not_found" ? 404 : 400,
    });
  return json({ errors: out.errors, values: out.values }, { status: 400 });
}

export default function PaperEntry() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const v: Record<string, unknown> = result?.values ?? d.keep;
  const e: Record<string, string> = result?.errors ?? {};
  const order = ["unit", "procedure", "date", "dossier", ...d.survey.items.map((i) => fieldName(i.code))];
  const errors = result
    ? Object.fromEntries(
        Object.entries(e).map(([k, msg]) => [d.survey.items.some((i) => i.code === k) ? fieldName(k) : k, msg]),
      )
    : null;
  return (
    <div className="page">
      <h1>{d.heading}</h1>
      {d.saved && !result ? (
        <p className="notice notice--ok" role="status">
          {t("surveyStaff.paper.saved")}
        </p>
      ) : null}
      <p>{t("surveyStaff.paper.how")}</p>
      <ErrorSummary errors={errors} order={order} />
      {/* A new key per submission id: React must not keep the previous form's typed values. */}
      <Form method="post" noValidate autoComplete="off" key={result ? "again" : d.sid}>
        <input type="hidden" name="sid" value={String(v.sid ?? d.sid)} />
        <SelectField
          name="unit"
          label={t("surveyStaff.coverage.unit")}
          defaultValue={String(v.unit ?? "")}
          error={e.unit}
          options={[{ value: "", label: t("surveyStaff.coverage.chooseUnit") }, ...d.places.units]}
        />
        <SelectField
          name="procedure"
          label={t("surveyStaff.coverage.procedure")}
          defaultValue={String(v.procedure ?? "")}
          error={e.procedure}
          options={[{ value: "", label: t("surveyStaff.coverage.allProcedures") }]}
          groups={d.places.procedureGroups}
        />
        <TextField
          autoComplete="off"
          type="date"
          name="date"
          label={t("surveyStaff.paper.date")}
          hint={t("surveyStaff.paper.dateHint")}
          defaultValue={String(v.date ?? "")}
          error={e.date}
        />
        {d.survey.kind === "A" ? (
          <TextField
            autoComplete="off"
            name="dossier"
            label={t("survey.form.dossier")}
            defaultValue={String(v.dossier ?? "")}
            error={e.dossier}
            maxLength={40}
          />
        ) : null}
        <div className="paper-grid">
          {d.survey.items.map((item, i) => (
            <PaperField
              key={item.id}
              item={item}
              n={i + 1}
              lang={d.lang}
              value={result?.values[item.code]}
              error={e[item.code]}
              takeFocus={i === 0 && d.saved && !result}
            />
          ))}
        </div>
        <button type="submit" className="button">
          {t("surveyStaff.paper.save")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
