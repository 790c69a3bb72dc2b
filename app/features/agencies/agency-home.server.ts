// What an agency's public home page shows (issue 19, docs/rules/agencies.md "Home pages").
import type { Lang } from "~/kernel/i18n/i18n";
import { listAgencies, requireAgency } from "~/kernel/agency/agency.server";
import { agencyName, agencyServices, agencyTree, findInTree, servingAgencies } from "./agency-tree";

/** The agency of a public path's code (404 when no agency has it), its parent, the pages it
 * serves, the agencies under it, and whether the province has others to list. */
export async function agencyHome(code: string, lang: Lang) {
  const agency = await requireAgency(code);
  const all = await listAgencies();
  const parent = agency.parentId === null ? undefined : all.find((a) => a.id === agency.parentId);
  return {
    id: agency.id,
    name: agencyName(agency, lang),
    parent: parent ? agencyName(parent, lang) : null,
    services: agencyServices(agency),
    children: findInTree(agencyTree(all, lang), agency.id)?.children ?? [],
    others: servingAgencies(all).length > 1,
  };
}

/** How many agencies serve citizens (every one but the province root): the home page lists the
 * province's agencies when there is more than one. */
export async function servingAgencyCount(): Promise<number> {
  return servingAgencies(await listAgencies()).length;
}
