// The province's agencies (issue 19, docs/rules/agencies.md "Home pages"): the root, and under it
// each agency with the agencies under it, each linking to its home page. A stable address, linked
// from / when the installation serves more than one agency.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { agencyTree } from "~/features/agencies/agency-tree";
import { AgencyTreeList } from "~/features/agencies/components/agency-tree-list";
import { listAgencies } from "~/kernel/agency/agency.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/agencies.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, lng } = getT(request);
  return json({ title: t("provinceHome.title"), tree: agencyTree(await listAgencies(), lng) });
}

export default function ProvinceHome() {
  const { tree } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t("provinceHome.heading")}</h1>
      <p className="lead">{t("provinceHome.intro")}</p>
      {tree.length === 0 ? <p className="notice">{t("provinceHome.none")}</p> : null}
      {tree.map((top) => (
        <section key={top.id} className="agency-tree" aria-labelledby={`agency-${top.id}`}>
          <h2 id={`agency-${top.id}`} className="agency-tree__top">
            <a href={top.href}>{top.name}</a>
          </h2>
          <AgencyTreeList nodes={top.children} />
        </section>
      ))}
    </div>
  );
}
