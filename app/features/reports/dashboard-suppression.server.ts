// Which narrowed views the parent tables hide (docs/rules/suppression.md): a view filtered to
// one unit, procedure, channel or version is hidden when that value's row is hidden in the table
// of all values under the same other filters, for the view's window and for each trend quarter.
import { addCounts, l5Rate, ZERO, type Counts } from "~/features/reports/dashboard-figures";
import { hiddenCells } from "~/features/reports/suppression";
import { countsByPeriodsDim, type DashboardFilter } from "./dashboard.server";

const VIEW = "__view";

export async function narrowedHidden(
  filter: DashboardFilter,
  overallIds: number[],
  quarters: { key: string; start: string; end: string; snapshotId?: number | null }[],
  window: { from: string; to: string },
  threshold: number,
): Promise<{ view: boolean; trend: Set<string> }> {
  const dims = [
    { dim: "unit" as const, value: filter.unitId },
    { dim: "procedure" as const, value: filter.procedureId },
    { dim: "channel" as const, value: filter.channel },
    { dim: "version" as const, value: filter.versionId },
  ].filter((d) => d.value !== null && d.value !== undefined);
  const periods = [...quarters, { key: VIEW, start: window.from, end: window.to, snapshotId: filter.snapshotId }];
  type D = (typeof dims)[number];
  const memo = new Map<string, Promise<Set<string>>>();
  // The periods in which the view narrowed by `subset` is hidden: its value is hidden in a parent
  // table (the subset less one filter, split by that filter), or a wider view it sits in is
  // hidden — a filter added to a hidden view must not bring its figures back.
  const hiddenFor = (subset: D[]): Promise<Set<string>> => {
    const id = subset.map((d) => d.dim).join(",");
    if (!subset.length) return Promise.resolve(new Set());
    if (!memo.has(id)) {
      memo.set(
        id,
        (async () => {
          const out = new Set<string>();
          for (const d of subset) {
            const rest = subset.filter((x) => x !== d);
            // Only the subset's filters apply: the dimensions left out are widened to "all".
            const wide = { ...filter, unitId: null, procedureId: null, channel: null, versionId: null };
            for (const r of rest) Object.assign(wide, { [keyOf[r.dim]]: r.value });
            const rows = await countsByPeriodsDim(wide, overallIds, periods, d.dim);
            for (const p of periods) {
              const byKey = new Map<string, Counts>();
              for (const r of rows.filter((x) => x.pkey === p.key))
                byKey.set(r.key, addCounts(byKey.get(r.key) ?? ZERO, r));
              const cells = [...byKey.entries()].map(([key, c]) => ({ key, n: l5Rate(c).n }));
              if (hiddenCells(cells, threshold).has(String(d.value))) out.add(p.key);
            }
            for (const k of await hiddenFor(rest)) out.add(k);
          }
          return out;
        })(),
      );
    }
    return memo.get(id)!;
  };
  // No filter narrows the view: nothing to check, no extra query (the common, fast case).
  const hidden = await hiddenFor(dims);
  return { view: hidden.has(VIEW), trend: new Set([...hidden].filter((k) => k !== VIEW)) };
}

const keyOf = { unit: "unitId", procedure: "procedureId", channel: "channel", version: "versionId" } as const;
