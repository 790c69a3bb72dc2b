// A version of a survey exactly as citizens see it, without a way to send it (?v=<version>).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { SurveyForm } from "~/features/survey/components/survey-form";
import { placeChoice } from "~/features/survey/survey-page.server";
import { getSurveyVersionForPreview } from "~/features/survey/survey.server";
import surveyCss from "~/styles/survey.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.heading ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = idParam(params.id);
  const v = new URL(request.url).searchParams.get("v");
  const survey = id
    ? await getSurveyVersionForPreview(user.agencyId, id, v && /^\d{1,4}$/.test(v) ? Number(v) : null, lng)
    : null;
  if (!survey) throw new Response("Not found", { status: 404 });
  const state = survey.published ? t("surveyStaff.edit.colPublished") : t("surveyStaff.edit.notPublished");
  return json({
    survey,
    lang: lng,
    place: await placeChoice(user.agencyId, lng),
    heading: t("surveyStaff.preview.title", { title: survey.title }),
    versionLine: t("surveyStaff.preview.version", { n: survey.version, state }),
  });
}

export default function Preview() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow survey-page">
      <p>
        <Link to={`/staff/surveys/${d.survey.id}`}>{t("surveyStaff.back")}</Link>
      </p>
      <p className="tag">{d.versionLine}</p>
      <h1>{d.survey.title}</h1>
      {d.survey.intro ? <p>{d.survey.intro}</p> : null}
      <SurveyForm
        kind={d.survey.kind}
        items={d.survey.items}
        lang={d.lang}
        token={null}
        place={d.place}
        errors={{}}
        values={{}}
        kioskReset={null}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
