// Paper entry, step one: which form is being typed in.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { paperSurveys } from "~/features/survey/paper.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  return json({ title: t("surveyStaff.paper.title"), surveys: await paperSurveys(user.agencyId, lng) });
}

export default function PaperIndex() {
  const { surveys } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t("surveyStaff.paper.title")}</h1>
      <p>{t("surveyStaff.paper.intro")}</p>
      {surveys.length === 0 ? <p className="notice">{t("surveyStaff.paper.none")}</p> : null}
      <ul>
        {surveys.map((s) => (
          <li key={s.id}>
            <Link to={`/staff/paper/${s.id}`}>{t("surveyStaff.paper.enter", { title: s.title })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
