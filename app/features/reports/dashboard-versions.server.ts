// Which survey versions a dashboard view's responses answered, with n per version: figures that
// match items across versions by code must say when they mix wordings
// (docs/rules/survey-versions.md). Read from the response rollups, after the dashboard folded them.
import type { DashboardFilter } from "./dashboard.server";
import { responsesBy } from "./dashboard.server";
import { listVersions } from "./dashboard-view.server";

export interface VersionCount {
  versionId: number;
  version: number;
  responses: number;
}

/** Responses per version under the filter (its unit scope already applied by the caller),
 * flagged ones only when the filter includes them; oldest version first, empty ones left out. */
export async function versionCounts(f: DashboardFilter): Promise<VersionCount[]> {
  const [rows, versions] = await Promise.all([responsesBy(f, "version"), listVersions(f.surveyId)]);
  const n = new Map<number, number>();
  for (const r of rows)
    if (f.includeFlagged || !r.flagged) n.set(Number(r.key), (n.get(Number(r.key)) ?? 0) + r.responses);
  return versions
    .filter((v) => (n.get(v.id) ?? 0) > 0)
    .map((v) => ({ versionId: v.id, version: v.version, responses: n.get(v.id)! }));
}
