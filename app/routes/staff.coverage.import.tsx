// Served counts from a CSV file (or pasted text): all lines are checked first, and nothing is
// saved unless every line is right, with each wrong line named.
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { importServedCsv } from "~/features/reports/coverage.server";
import { answerCsvImport } from "~/features/reports/csv-import.http.server";
import { CsvImportPage } from "~/features/reports/components/csv-import-page";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t } = getT(request);
  return json({ title: t("surveyStaff.coverage.import") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  return answerCsvImport(request, {
    errorPrefix: "surveyStaff.coverage.errors.",
    run: (text) => importServedCsv(user, clientOf(request), text),
    back: "/staff/coverage",
  });
}

export default function CoverageImport() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <CsvImportPage
      keys="surveyStaff.coverage"
      back={{ to: "/staff/coverage", label: t("surveyStaff.back") }}
      result={result}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
