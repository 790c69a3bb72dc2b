// An agency's home, /<agency-code> (issue 19, docs/rules/agencies.md "Home pages"): its name and
// links to its surveys, feedback, feedback status, dialogues and results, under its prefix. A code
// no agency has is the portal's 404 page. Static first segments (staff, s, co-quan, …) and files
// in public/ outrank this route; the agencies admin refuses them as codes.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { agencyHome } from "~/features/agencies/agency-home.server";
import type { ServiceKey } from "~/features/agencies/agency-tree";
import { AgencyTreeList } from "~/features/agencies/components/agency-tree-list";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/agencies.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, lng } = getT(request);
  const home = await agencyHome(params.agency ?? "", lng);
  return json({ ...home, title: t("agencyHome.title", { agency: home.name }) });
}

const TEXTS: Record<ServiceKey, [string, string]> = {
  survey: ["agencyHome.surveyTitle", "agencyHome.surveyBody"],
  feedback: ["agencyHome.feedbackTitle", "agencyHome.feedbackBody"],
  status: ["agencyHome.statusTitle", "agencyHome.statusBody"],
  dialogue: ["agencyHome.dialogueTitle", "agencyHome.dialogueBody"],
  results: ["agencyHome.resultsTitle", "agencyHome.resultsBody"],
};

export default function AgencyHome() {
  const { name, parent, services, children, others } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      {parent ? <p className="muted">{t("agencyHome.partOf", { parent })}</p> : null}
      <h1>{name}</h1>
      {services.length ? (
        <>
          <p className="lead">{t("agencyHome.intro", { agency: name })}</p>
          <h2 className="visually-hidden">{t("agencyHome.services")}</h2>
          <ul className="cards" role="list">
            {services.map((s) => (
              <li key={s.key} className="card">
                <h3 className="card__title">
                  <a href={s.href}>{t(TEXTS[s.key][0])}</a>
                </h3>
                <p>{t(TEXTS[s.key][1])}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children.length ? (
        <section className="agency-tree" aria-labelledby="agency-children">
          <h2 id="agency-children">{t("agencyHome.children")}</h2>
          <AgencyTreeList nodes={children} />
        </section>
      ) : null}
      {others ? (
        <p>
          <a href="/co-quan">{t("agencyHome.allAgencies")}</a>
        </p>
      ) : null}
    </div>
  );
}
