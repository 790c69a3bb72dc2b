// Served counts from a CSV file (or pasted text): all lines are checked first, and nothing is
// saved unless every line is right, with each wrong line named.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { CSV_MAX_BYTES, CSV_MAX_LINES, type CsvError } from "~/features/survey/coverage-csv";
import { importServedCsv } from "~/features/reports/coverage.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { ErrorList, TextArea } from "~/kernel/forms/fields";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t } = getT(request);
  return json({ title: t("surveyStaff.coverage.import") });
}

const E = "surveyStaff.coverage.errors.";
const fail = (errors: CsvError[], text: string, status = 400) => json({ errors, text }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  if (Number(request.headers.get("Content-Length") ?? 0) > CSV_MAX_BYTES * 2)
    return fail([{ line: 0, key: `${E}csvTooBig` }], "", 413);
  const form = await readFormData(request);
  const file = form.get("file");
  const pasted = String(form.get("text") ?? "");
  const text =
    file && typeof file !== "string" && file.size > 0 ? (file.size > CSV_MAX_BYTES ? null : await file.text()) : pasted;
  if (text === null || text.split("\n").length > CSV_MAX_LINES + 1)
    return fail([{ line: 0, key: `${E}csvTooBig` }], pasted);
  if (!text.trim()) return fail([{ line: 0, key: `${E}csvEmpty` }], pasted);
  const r = await importServedCsv(user, clientOf(request), text);
  if (r.ok) return redirect(`/staff/coverage?saved=${r.count}`);
  return fail(r.errors, pasted);
}

export default function CoverageImport() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/staff/coverage">{t("surveyStaff.back")}</Link>
      </p>
      <h1>{t("surveyStaff.coverage.import")}</h1>
      <p>{t("surveyStaff.coverage.importIntro")}</p>
      <ErrorList
        title={t("surveyStaff.coverage.importErrors")}
        items={(result?.errors ?? []).map((e) => ({
          text: e.line
            ? t("surveyStaff.coverage.line", { line: e.line, message: t(e.key, { code: e.code ?? "" }) })
            : t(e.key),
        }))}
      />
      <Form method="post" encType="multipart/form-data" noValidate>
        <div className="field">
          <label htmlFor="file">{t("surveyStaff.coverage.file")}</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" />
        </div>
        <TextArea name="text" label={t("surveyStaff.coverage.paste")} defaultValue={result?.text} rows={8} />
        <button type="submit" className="button">
          {t("surveyStaff.coverage.importSubmit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
