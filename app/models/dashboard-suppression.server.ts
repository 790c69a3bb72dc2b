// Which narrowed views the parent tables hide (docs/rules/suppression.md): a view filtered to
// one unit, procedure, channel or version is hidden when that value's row is hidden in the table
// of all values under the same other filters, for the view's window and for each trend quarter.
import { addCounts, l5Rate, ZERO, type Counts } from "~/lib/dashboard-figures";
import { hiddenCells } from "~/lib/suppression";
import { countsByPeriodsDim, type DashboardFilter } from "./dashboard.server";

const VIEW = "__view";

export async function narrowedHidden(
  filter: DashboardFilter,
  overallIds: number[],
  quarters: { key: string; start: string; end: string }[],
  window: { from: string; to: string },
  threshold: number,
): Promise<{ view: boolean; trend: Set<string> }> {
  const dims = [
    { dim: "unit" as const, value: filter.unitId, without: { unitId: null } },
    { dim: "procedure" as const, value: filter.procedureId, without: { procedureId: null } },
    { dim: "channel" as const, value: filter.channel, without: { channel: null } },
    { dim: "version" as const, value: filter.versionId, without: { versionId: null } },
  ].filter((d) => d.value !== null && d.value !== undefined);
  const periods = [...quarters, { key: VIEW, start: window.from, end: window.to }];
  const hidden = new Set<string>();
  // No filter narrows the view: nothing to check, no extra query (the common, fast case).
  for (const d of dims) {
    const rows = await countsByPeriodsDim({ ...filter, ...d.without }, overallIds, periods, d.dim);
    for (const p of periods) {
      const byKey = new Map<string, Counts>();
      for (const r of rows.filter((x) => x.pkey === p.key)) byKey.set(r.key, addCounts(byKey.get(r.key) ?? ZERO, r));
      const cells = [...byKey.entries()].map(([key, c]) => ({ key, n: l5Rate(c).n }));
      if (hiddenCells(cells, threshold).has(String(d.value))) hidden.add(p.key);
    }
  }
  return { view: hidden.has(VIEW), trend: new Set([...hidden].filter((k) => k !== VIEW)) };
}
