// The register of late dossiers from a CSV file (or pasted text), as /staff/coverage/import does
// served counts: every line checked first, nothing saved unless every line is right.
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientOf } from "~/kernel/http/request.server";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { importLateCsv } from "~/features/reports/late-dossier.server";
import { answerCsvImport } from "~/features/reports/csv-import.http.server";
import { CsvImportPage } from "~/features/reports/components/csv-import-page";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t } = getT(request);
  return json({ title: t("tt01.register.import") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  return answerCsvImport(request, {
    errorPrefix: "tt01.register.errors.",
    run: (text) => importLateCsv(user, clientOf(request), text),
    back: "/staff/late-dossiers",
  });
}

export default function LateImport() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <CsvImportPage
      keys="tt01.register"
      back={{ to: "/staff/late-dossiers", label: t("tt01.register.back") }}
      result={result}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
