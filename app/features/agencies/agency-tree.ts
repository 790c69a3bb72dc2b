// The province's agencies as the public pages list them (issue 19, docs/rules/agencies.md): the
// root (the province) with the agencies under it, each with the agencies under it in turn (a
// UBND huyện's own offices), by name in the reader's language. Pure: no I/O.
import type { Lang } from "~/kernel/i18n/i18n";
import { agencyPath } from "~/kernel/agency/agency-path";

export interface AgencyEntry {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  parentId: number | null;
  /** Public path prefix: null for the default agency (its pages keep their old addresses). */
  prefix: string | null;
}

export interface AgencyTreeNode {
  id: number;
  name: string;
  /** The agency's home page. */
  href: string;
  children: AgencyTreeNode[];
}

export const agencyName = (a: Pick<AgencyEntry, "nameVi" | "nameEn">, lang: Lang) =>
  lang === "en" ? a.nameEn : a.nameVi;

/** An agency's home: /<code>, or / for the default agency (whose home that has always been). */
export const agencyHomeHref = (a: Pick<AgencyEntry, "prefix">) => agencyPath(a.prefix, "/");

/** The agencies without a parent, each with its descendants, names sorted in `lang`. An agency
 * whose parent is missing is listed at the top rather than lost; each agency appears exactly once,
 * even if the rows held a cycle (the admin refuses one: docs/rules/agencies.md). */
export function agencyTree(all: readonly AgencyEntry[], lang: Lang): AgencyTreeNode[] {
  const ids = new Set(all.map((a) => a.id));
  const collator = new Intl.Collator(lang === "en" ? "en" : "vi");
  const byName = (a: AgencyEntry, b: AgencyEntry) =>
    collator.compare(agencyName(a, lang), agencyName(b, lang)) || a.id - b.id;
  const seen = new Set<number>();
  const build = (a: AgencyEntry): AgencyTreeNode => {
    seen.add(a.id);
    const children = all
      .filter((c) => c.parentId === a.id && !seen.has(c.id))
      .sort(byName)
      .map(build);
    return { id: a.id, name: agencyName(a, lang), href: agencyHomeHref(a), children };
  };
  const tops = all.filter((a) => a.parentId === null || !ids.has(a.parentId)).sort(byName);
  const out = tops.map(build);
  // Rows caught in a cycle have no way down from a top: list each such branch at the top.
  for (const a of [...all].sort(byName)) if (!seen.has(a.id)) out.push(build(a));
  return out;
}

/** Agencies that serve citizens directly: every one but the root. A one-agency installation has
 * one (the default agency), and its home page stays as it was. */
export function servingAgencies<T extends Pick<AgencyEntry, "parentId">>(all: readonly T[]): T[] {
  return all.filter((a) => a.parentId !== null);
}

/** The node of agency `id` in a tree, with its descendants, or null. */
export function findInTree(nodes: readonly AgencyTreeNode[], id: number): AgencyTreeNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findInTree(n.children, id);
    if (below) return below;
  }
  return null;
}

export type ServiceKey = "survey" | "feedback" | "status" | "dialogue" | "results";

/** The public pages an agency's home links to, under its prefix (the default agency's keep their
 * old addresses). The root (the province) serves no citizen itself: it has none. */
export function agencyServices(a: Pick<AgencyEntry, "prefix" | "parentId">): { key: ServiceKey; href: string }[] {
  if (a.parentId === null) return [];
  const paths: [ServiceKey, string][] = [
    ["survey", "/s"],
    ["feedback", "/feedback"],
    ["status", "/feedback/status"],
    ["dialogue", "/dialogues"],
    ["results", "/ket-qua"],
  ];
  return paths.map(([key, path]) => ({ key, href: agencyPath(a.prefix, path) }));
}
