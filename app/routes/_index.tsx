import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { catalogCounts } from "~/features/admin/catalog.server";
import { servingAgencyCount } from "~/features/agencies/agency-home.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import { getT } from "~/kernel/http/i18n.server";

export const handle = { scripts: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getT(request);
  const [counts, agencies] = await Promise.all([catalogCounts(DEFAULT_AGENCY_ID), servingAgencyCount()]);
  // `/` is the default agency's home: its own counts.
  // One agency: the page stays what it was. More: the province's list (/co-quan) is linked first,
  // and the default agency's own links stay below it (docs/rules/agencies.md "Home pages").
  return json({ title: t("home.title"), counts, agencies });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Hài Lòng" },
  { name: "description", content: "Hài Lòng" },
];

export default function Home() {
  const { counts, agencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const cards = [
    { key: "survey", title: t("home.surveyTitle"), body: t("home.surveyBody"), href: "/s" },
    { key: "dialogue", title: t("home.dialogueTitle"), body: t("home.dialogueBody"), href: "/dialogues" },
    { key: "feedback", title: t("home.feedbackTitle"), body: t("home.feedbackBody"), href: "/feedback" },
    { key: "results", title: t("results.homeTitle"), body: t("results.homeBody"), href: "/ket-qua" },
  ];
  return (
    <div className="page">
      <h1>{t("home.heading")}</h1>
      <p className="lead">{t("home.intro", { department: t("app.department") })}</p>
      {agencies > 1 ? (
        <section className="card" aria-labelledby="province-agencies">
          <h2 id="province-agencies" className="card__title">
            <a href="/co-quan">{t("provinceHome.fromHomeTitle")}</a>
          </h2>
          <p>{t("provinceHome.fromHomeBody", { count: agencies })}</p>
        </section>
      ) : null}
      <ul className="cards" role="list">
        {cards.map((c) => (
          <li key={c.key} className="card">
            <h2 className="card__title">{c.href ? <a href={c.href}>{c.title}</a> : c.title}</h2>
            <p>{c.body}</p>
            {c.href ? null : <p className="tag">{t("home.comingSoon")}</p>}
          </li>
        ))}
      </ul>
      <p className="muted">{t("home.stats", counts)}</p>
    </div>
  );
}
