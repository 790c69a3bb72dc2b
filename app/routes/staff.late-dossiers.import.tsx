// The register of late dossiers from a CSV file (or pasted text), as /staff/coverage/import does
// served counts: every line checked first, nothing saved unless every line is right.
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
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import type { LateCsvError } from "~/features/reports/late-dossier";
import { CSV_MAX_BYTES, CSV_MAX_LINES } from "~/features/survey/coverage-csv";
import { importLateCsv } from "~/features/reports/late-dossier.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { ErrorList, TextArea } from "~/kernel/forms/fields";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t } = getT(request);
  return json({ title: t("tt01.register.import") });
}

const E = "tt01.register.errors.";
const fail = (errors: LateCsvError[], text: string, status = 400) => json({ errors, text }, { status });

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
    return fail([{ line: 0, key: `${E}csvTooBig` }], pasted.slice(0, 2000));
  if (!text.trim()) return fail([{ line: 0, key: `${E}csvEmpty` }], pasted);
  const r = await importLateCsv(user, clientOf(request), text);
  if (r.ok) return redirect(`/staff/late-dossiers?saved=${r.count}`);
  return fail(r.errors, pasted);
}

export default function LateImport() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/staff/late-dossiers">{t("tt01.register.back")}</Link>
      </p>
      <h1>{t("tt01.register.import")}</h1>
      <p>{t("tt01.register.importIntro")}</p>
      <ErrorList
        title={t("tt01.register.importErrors")}
        items={(result?.errors ?? []).map((e) => ({
          text: e.line
            ? t("tt01.register.line", { line: e.line, message: t(e.key, { code: e.code ?? "" }) })
            : t(e.key),
        }))}
      />
      <Form method="post" encType="multipart/form-data" noValidate>
        <div className="field">
          <label htmlFor="file">{t("tt01.register.file")}</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" />
        </div>
        <TextArea name="text" label={t("tt01.register.paste")} defaultValue={result?.text} rows={8} />
        <button type="submit" className="button">
          {t("tt01.register.importSubmit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
