// The register of dossiers returned late (NĐ 61/2018 Art. 19; docs/rules/tt01.md "The register"):
// the latest entries and a form to record one. CSV import is on /staff/late-dossiers/import.
// Dossier codes point at people's dossiers: no viewer role here, and each list view is logged.
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
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { ErrorSummary, Radios, TableWrap, TextField } from "~/kernel/forms/fields";
import { DateField, RegisterHead, UnitProcedureFields } from "~/features/reports/components/register-fields";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { formatDate } from "~/kernel/time/clock";
import { checkLate } from "~/features/reports/late-dossier";
import { procedureFits } from "~/features/reports/coverage.server";
import { listLate, saveLate } from "~/features/reports/late-dossier.server";
import { placesFor } from "~/features/survey/survey-links.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

const FIELDS = [
  "code",
  "unit",
  "procedure",
  "promised",
  "returned",
  "apology",
  "apologyDate",
  "newDate",
  "kept",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const saved = new URL(request.url).searchParams.get("saved");
  const rows = await listLate(user, clientOf(request), lng);
  const d = (s: string | null) => (s ? formatDate(s, lng) : "");
  return json({
    title: t("tt01.register.title"),
    places: await placesFor(user, lng),
    rows: rows.map((r) => ({
      ...r,
      promised: d(r.promised),
      returned: d(r.returned),
      apologyDate: d(r.apologyDate),
      newDate: d(r.newDate),
    })),
    saved: saved && /^\d+$/.test(saved) ? Number(saved) : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const form = await readFormData(request);
  const values = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? "")])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const checked = checkLate({ ...values, apology: values.apology === "1" ? "1" : values.apology === "0" ? "0" : "" });
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  const unitId = /^\d{1,9}$/.test(values.unit) ? Number(values.unit) : null;
  const procedureId = /^\d{1,9}$/.test(values.procedure) ? Number(values.procedure) : null;
  if (!unitId) errors.unit = "tt01.register.errors.unit";
  else if (values.procedure && (!procedureId || !(await procedureFits(user.agencyId, unitId, procedureId))))
    errors.procedure = "tt01.register.errors.procedure";
  if (!checked.ok || Object.keys(errors).length) return json({ errors, values }, { status: 400 });
  const r = await saveLate(user, clientOf(request), [{ ...checked.value, unitId: unitId!, procedureId }], "form");
  if (!r.ok) return json({ errors: { unit: r.key }, values }, { status: 403 });
  return redirect(`/staff/late-dossiers?saved=${r.count}`);
}

export default function LateDossiers() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const e: Record<string, string> = result?.errors ?? {};
  const v: Record<string, string> = result?.values ?? {};
  const yesNo = (s: boolean | null) => (s === null ? "—" : s ? t("tt01.register.yes") : t("tt01.register.no"));
  return (
    <div className="page">
      <RegisterHead
        title={t("tt01.register.title")}
        intro={t("tt01.register.intro")}
        saved={d.saved !== null && !result ? t("tt01.register.savedCount", { count: d.saved }) : null}
        importTo="/staff/late-dossiers/import"
        importLabel={t("tt01.register.import")}
      />
      <h2>{t("tt01.register.add")}</h2>
      <ErrorSummary errors={result?.errors} order={[...FIELDS]} />
      <Form method="post" noValidate>
        <TextField
          autoComplete="off"
          name="code"
          label={t("tt01.register.code")}
          defaultValue={v.code}
          error={e.code}
          maxLength={60}
        />
        <UnitProcedureFields
          places={d.places}
          values={v}
          errors={e}
          labels={{
            unit: t("tt01.register.unit"),
            chooseUnit: t("tt01.register.chooseUnit"),
            procedure: t("tt01.register.procedure"),
            noProcedure: t("tt01.register.noProcedure"),
          }}
        />
        <DateField name="promised" label={t("tt01.register.promised")} defaultValue={v.promised} error={e.promised} />
        <DateField name="returned" label={t("tt01.register.returned")} defaultValue={v.returned} error={e.returned} />
        <Radios
          name="apology"
          label={t("tt01.register.apology")}
          error={e.apology}
          defaultValue={v.apology}
          options={[
            { value: "1", label: t("tt01.register.yes") },
            { value: "0", label: t("tt01.register.no") },
          ]}
        />
        <DateField
          name="apologyDate"
          label={t("tt01.register.apologyDate")}
          defaultValue={v.apologyDate}
          error={e.apologyDate}
        />
        <DateField name="newDate" label={t("tt01.register.newDate")} defaultValue={v.newDate} error={e.newDate} />
        <Radios
          name="kept"
          label={t("tt01.register.kept")}
          error={e.kept}
          defaultValue={v.kept ?? ""}
          options={[
            { value: "", label: t("tt01.register.notYet") },
            { value: "1", label: t("tt01.register.yes") },
            { value: "0", label: t("tt01.register.no") },
          ]}
        />
        <button type="submit" className="button">
          {t("tt01.register.save")}
        </button>
      </Form>
      <h2>{t("tt01.register.recent")}</h2>
      {d.rows.length === 0 ? (
        <p>{t("tt01.register.empty")}</p>
      ) : (
        <TableWrap label={t("tt01.register.recent")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("tt01.register.code")}</th>
                <th scope="col">{t("tt01.register.unit")}</th>
                <th scope="col">{t("tt01.register.procedure")}</th>
                <th scope="col">{t("tt01.register.promised")}</th>
                <th scope="col">{t("tt01.register.returned")}</th>
                <th scope="col">{t("tt01.register.apology")}</th>
                <th scope="col">{t("tt01.register.newDate")}</th>
                <th scope="col">{t("tt01.register.kept")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.code}</td>
                  <td>{r.unit}</td>
                  <td>{r.procedure ?? "—"}</td>
                  <td>{r.promised}</td>
                  <td>{r.returned || "—"}</td>
                  <td>
                    {r.apologySent
                      ? `${t("tt01.register.yes")}${r.apologyDate ? ` (${r.apologyDate})` : ""}`
                      : t("tt01.register.no")}
                  </td>
                  <td>{r.newDate || "—"}</td>
                  <td>{r.newDate ? yesNo(r.newDateKept) : "—"}</td>
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
