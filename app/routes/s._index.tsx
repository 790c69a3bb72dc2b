// Every open survey, for citizens who come without a counter link (the home page links here).
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOpenSurveys } from "~/features/survey/survey.server";
import surveyCss from "~/styles/survey.css";
import { formatDate } from "~/kernel/time/clock";
import { getT } from "~/kernel/http/i18n.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { requireAgency } from "~/kernel/agency/agency.server";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, lng } = getT(request);
  // /<agency-code>/s, or /s for the default agency (docs/rules/agencies.md).
  const agency = await requireAgency(params.agency);
  const surveys = await listOpenSurveys(agency.id, lng);
  return json({
    title: t("survey.list.title"),
    surveys: surveys.map((s) => ({
      ...s,
      href: agencyPath(agency.prefix, `/s/${encodeURIComponent(s.slug)}`),
      closes: s.closesAt ? formatDate(new Date(s.closesAt), lng) : null,
    })),
  });
}

export default function OpenSurveys() {
  const { surveys } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const kindLabel = { A: t("survey.list.kindA"), B: t("survey.list.kindB"), custom: t("survey.list.kindCustom") };
  return (
    <div className="page page--narrow">
      <h1>{t("survey.list.title")}</h1>
      <p>{t("survey.list.intro")}</p>
      {surveys.length === 0 ? <p className="notice">{t("survey.list.none")}</p> : null}
      <ul className="survey-list" role="list">
        {surveys.map((s) => (
          <li key={s.slug} className="card">
            <p className="tag">{kindLabel[s.kind]}</p>
            <h2 className="card__title">
              <a href={s.href}>{s.title}</a>
            </h2>
            {s.intro ? <p>{s.intro}</p> : null}
            {s.closes ? <p className="muted">{t("survey.list.closes", { date: s.closes })}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
