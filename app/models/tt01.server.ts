// Form A scored under TT 01/2018/TT-VPCP for a period: each indicator's score and the grade.
import { addCounts, ZERO, type Counts } from "~/lib/dashboard-figures";
import type { Lang } from "~/lib/i18n";
import { agencyScore, indicatorFromCounts, indicatorScore } from "~/lib/tt01";
import { unitScope, type StaffUser } from "~/utils/auth.server";
import { foldPendingRollups } from "./rollup.server";
import { countsBy, surveyItems, type DashboardFilter } from "./dashboard.server";

export async function getTt01(user: StaffUser, f: DashboardFilter, lang: Lang) {
  const scope = unitScope(user);
  const filter = scope.all ? f : { ...f, unitId: scope.unitId ?? -1 };
  await foldPendingRollups();
  const [items, rows] = await Promise.all([surveyItems(filter.surveyId), countsBy(filter, null, "none", { byItem: true })]);
  const byItem = new Map<number, Counts>(rows.map((r) => [r.item_id!, r]));
  const indicators = items
    .map((item) => {
      const c = item.ids.reduce((acc, id) => addCounts(acc, byItem.get(id) ?? ZERO), ZERO);
      const total = indicatorFromCounts(item, c);
      return total ? { ...total, text: lang === "en" ? item.text_en : item.text_vi, score: indicatorScore(total) } : null;
    })
    .filter((x) => x !== null);
  return { indicators, agency: agencyScore(indicators), dossiers: Math.max(0, ...indicators.map((i) => i.dossiers)) };
}

export type Tt01 = Awaited<ReturnType<typeof getTt01>>;
