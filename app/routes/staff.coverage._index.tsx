// Dossiers served per unit and period (the response rate's denominator): the recorded figures
// and a form to record one. CSV import is on /staff/coverage/import.
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
import { ErrorSummary, TableWrap, TextField } from "~/kernel/forms/fields";
import { DateField, RegisterHead, UnitProcedureFields } from "~/features/reports/components/register-fields";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { formatDate } from "~/kernel/time/clock";
import { fieldErrors } from "~/features/survey/item-form";
import { listServed, procedureFits, saveServed, servedFormSchema } from "~/features/reports/coverage.server";
import { placesFor } from "~/features/survey/survey-links.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const saved = new URL(request.url).searchParams.get("saved");
  const rows = await listServed(user, lng);
  return json({
    title: t("surveyStaff.coverage.title"),
    places: await placesFor(user, lng),
    rows: rows.map((r) => ({ ...r, period: `${formatDate(r.start, lng)} – ${formatDate(r.end, lng)}` })),
    saved: saved && /^\d+$/.test(saved) ? Number(saved) : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const values = Object.fromEntries(await readFormData(request)) as Record<string, string>;
  const parsed = servedFormSchema.safeParse(values);
  if (!parsed.success) return json({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const v = parsed.data;
  if (!(await procedureFits(user.agencyId, v.unit, v.procedure ?? null)))
    return json({ errors: { procedure: "surveyStaff.coverage.errors.procedure" }, values }, { status: 400 });
  const r = await saveServed(
    user,
    clientOf(request),
    [{ unitId: v.unit, procedureId: v.procedure ?? null, start: v.start, end: v.end, count: v.count }],
    "form",
  );
  if (!r.ok) return json({ errors: { unit: r.key }, values }, { status: 403 });
  return redirect(`/staff/coverage?saved=${r.count}`);
}

export default function Coverage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const e: Record<string, string> = result?.errors ?? {};
  const v: Record<string, string> = result?.values ?? {};
  return (
    <div className="page">
      <RegisterHead
        title={t("surveyStaff.coverage.title")}
        intro={t("surveyStaff.coverage.intro")}
        saved={d.saved !== null && !result ? t("surveyStaff.coverage.saved", { count: d.saved }) : null}
        importTo="/staff/coverage/import"
        importLabel={t("surveyStaff.coverage.import")}
      />
      <h2>{t("surveyStaff.coverage.add")}</h2>
      <ErrorSummary errors={result?.errors} order={["unit", "procedure", "start", "end", "count"]} />
      <Form method="post" noValidate>
        <UnitProcedureFields
          places={d.places}
          values={v}
          errors={e}
          labels={{
            unit: t("surveyStaff.coverage.unit"),
            chooseUnit: t("surveyStaff.coverage.chooseUnit"),
            procedure: t("surveyStaff.coverage.procedure"),
            noProcedure: t("surveyStaff.coverage.allProcedures"),
          }}
        />
        <DateField name="start" label={t("surveyStaff.coverage.start")} defaultValue={v.start} error={e.start} />
        <DateField name="end" label={t("surveyStaff.coverage.end")} defaultValue={v.end} error={e.end} />
        <TextField
          autoComplete="off"
          name="count"
          label={t("surveyStaff.coverage.count")}
          defaultValue={v.count}
          error={e.count}
          inputMode="numeric"
          maxLength={7}
        />
        <button type="submit" className="button">
          {t("surveyStaff.coverage.save")}
        </button>
      </Form>
      <h2>{t("surveyStaff.coverage.recent")}</h2>
      {d.rows.length === 0 ? (
        <p>{t("surveyStaff.coverage.empty")}</p>
      ) : (
        <TableWrap label={t("surveyStaff.coverage.recent")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("surveyStaff.coverage.colUnit")}</th>
                <th scope="col">{t("surveyStaff.coverage.colProcedure")}</th>
                <th scope="col">{t("surveyStaff.coverage.colPeriod")}</th>
                <th scope="col" className="num">
                  {t("surveyStaff.coverage.colCount")}
                </th>
                <th scope="col">{t("surveyStaff.coverage.colBy")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.unit}</td>
                  <td>{r.procedure ?? t("surveyStaff.coverage.all")}</td>
                  <td>{r.period}</td>
                  <td className="num">{r.count}</td>
                  <td>{r.by ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
