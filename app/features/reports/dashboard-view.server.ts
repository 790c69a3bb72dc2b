// Everything the dashboard page shows, for one filter, as plain serialisable figures.
import { sql } from "kysely";
import {
  addCounts,
  blockFigures,
  l5Rate,
  overallItem,
  responseRate,
  ZERO,
  type Counts,
} from "~/features/reports/dashboard-figures";
import { suppressFigures } from "~/features/reports/suppress-dashboard";
import { tooSmall } from "~/features/reports/suppression";
import type { Lang } from "~/kernel/i18n/i18n";
import { defaultWindow, previousOf, type PeriodKind } from "~/features/reports/report-periods";
import { verdict } from "~/features/reports/stats";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { getSettings } from "~/features/admin/settings.server";
import {
  breakdown,
  countsBy,
  countsByPeriods,
  responsesBy,
  servedBy,
  surveyItems,
  type BreakdownRow,
  type DashboardFilter,
} from "./dashboard.server";
import { narrowedHidden } from "./dashboard-suppression.server";
import { foldPendingRollups } from "./rollup.server";
import { windowsOf } from "./report-period.server";
import { sentSnapshots, type Snapshot } from "./report-snapshot.server";

/** The agency's surveys (docs/rules/agencies.md): the dashboard, exports and reports pick theirs
 * from this list only, so another agency's survey id in a query string falls back to the first. */
export async function listSurveys(agencyId: number, lang: Lang) {
  const rows = await db()
    .selectFrom("survey")
    .select(["id", "kind", "slug", "title_vi", "title_en"])
    .where("agency_id", "=", agencyId)
    .orderBy("kind", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, slug: r.slug, title: lang === "en" ? r.title_en : r.title_vi }));
}

export async function listVersions(surveyId: number) {
  return db()
    .selectFrom("survey_version")
    .select(["id", "version"])
    .where("survey_id", "=", surveyId)
    .orderBy("version")
    .execute();
}

/** The last eight quarters up to (and including) the given one, as keys "KIND/YEAR". */
export function trendKeys(year: number, kind: PeriodKind): { year: number; kind: PeriodKind; key: string }[] {
  const quarters: PeriodKind[] = ["Q1", "Q2", "Q3", "Q4"];
  let cur = { year, kind: quarters.includes(kind) ? kind : ("Q4" as PeriodKind) };
  const out: { year: number; kind: PeriodKind; key: string }[] = [];
  for (let i = 0; i < 8; i++) {
    out.unshift({ ...cur, key: `${cur.kind}/${cur.year}` });
    cur = previousOf(cur.year, cur.kind);
  }
  return out;
}

/** The trend's quarters as dated windows: the agency's Office's edited windows where it edited
 * them (the headline reads those too), the NĐ 09/2019 defaults otherwise. With no agency (the
 * league, every agency over the same days) the statutory windows only. */
export async function trendQuarters(
  agencyId: number | null,
  year: number,
  kind: PeriodKind,
  opts: { sent?: boolean } = {},
): Promise<{ key: string; start: string; end: string; snapshotId?: number }[]> {
  const keys = trendKeys(year, kind);
  // A sent report's trend reads the sent quarters' frozen counts, as its headline does.
  const [stored, sent] = await Promise.all([
    agencyId === null ? Promise.resolve(new Map<string, { start: string; end: string }>()) : windowsOf(agencyId, keys),
    opts.sent && agencyId !== null ? sentSnapshots(agencyId, keys) : Promise.resolve(new Map<string, Snapshot>()),
  ]);
  return keys.map((k) => {
    const snap = sent.get(k.key);
    if (snap) return { key: k.key, start: snap.start, end: snap.end, snapshotId: snap.id };
    const w = stored.get(k.key) ?? defaultWindow(k.year, k.kind);
    return { key: k.key, start: w.start, end: w.end };
  });
}

export async function getDashboard(
  user: StaffUser,
  f: DashboardFilter,
  period: { year: number; kind: PeriodKind },
  lang: Lang,
) {
  // Scoping is enforced here as well as where the filter is read: a unit's staff never get
  // another unit's figures from this function, whoever calls it.
  const scope = unitScope(user);
  const scoped: DashboardFilter = scope.all ? f : { ...f, unitId: scope.unitId ?? -1 };
  // And to the user's agency: another agency's survey reads as one with no answers.
  const own = await db()
    .selectFrom("survey")
    .select("id")
    .where("agency_id", "=", user.agencyId)
    .where("id", "=", f.surveyId)
    .executeTakeFirst();
  const filter: DashboardFilter = own ? scoped : { ...scoped, surveyId: -1 };
  await foldPendingRollups();
  // The typed settings: their defaults live once, in lib/settings.ts.
  const [settings, items, units] = await Promise.all([
    getSettings(user.agencyId),
    surveyItems(filter.surveyId),
    db()
      .selectFrom("unit")
      .select(["id", "name_vi", "name_en"])
      .where("agency_id", "=", user.agencyId)
      .orderBy("sort_order")
      .execute(),
  ]);
  const target = settings["satisfaction.target"];
  const threshold = settings["satisfaction.suppression_threshold"];
  const unitName = (id: string | number) => {
    const u = units.find((x) => String(x.id) === String(id));
    return u ? (lang === "en" ? u.name_en : u.name_vi) : String(id);
  };
  const overall = overallItem(items);
  const overallIds = overall?.ids ?? [-1];
  const sum = (rows: Counts[]) => rows.reduce(addCounts, ZERO);

  const quarters = await trendQuarters(user.agencyId, period.year, period.kind, { sent: !!filter.snapshotId });
  const [overallRows, itemRows, trendRows, volumeRows, served] = await Promise.all([
    breakdown(filter, overallIds),
    countsBy(filter, null, "none", { byItem: true }),
    countsByPeriods(filter, overallIds, quarters),
    responsesBy(filter, "unit"),
    servedBy(user.agencyId, filter),
  ]);
  // Flagged responses count only when the filter asks for them; the channel view shows them apart.
  const counted = (r: BreakdownRow) => filter.includeFlagged || !r.flagged;
  const merged = (dim: BreakdownRow["dim"]) => {
    const byKey = new Map<string, Counts>();
    for (const r of overallRows.filter((x) => x.dim === dim && counted(x)))
      byKey.set(r.key, addCounts(byKey.get(r.key) ?? ZERO, r));
    return [...byKey.entries()].map(([key, c]) => ({ key, ...c }));
  };
  const unitRows = merged("unit");
  const channelRows = overallRows.filter((r) => r.dim === "channel");

  const headline = l5Rate(sum(merged("all")));
  const byItem = new Map<number, Counts>(itemRows.map((r) => [r.item_id!, r]));
  const { blocks, sipas } = blockFigures(items, byItem);
  const distribution = items
    .filter((i) => i.type === "L5")
    .map((i) => {
      const c = i.ids.reduce((acc, id) => addCounts(acc, byItem.get(id) ?? ZERO), ZERO);
      return { code: i.code, block: i.block, text: lang === "en" ? i.text_en : i.text_vi, counts: c, rate: l5Rate(c) };
    });
  const trend = quarters.map((p) => {
    const row = trendRows.find((r) => r.key === p.key);
    const r = l5Rate(row ?? ZERO);
    return { key: p.key, start: p.start, end: p.end, rate: r, verdict: verdict(r, target) };
  });
  const byUnit = unitRows.map(({ key, ...counts }) => ({ key, name: unitName(key), counts }));
  const byChannel = channelRows.map((r) => ({
    key: `${r.key}${r.flagged ? ":flagged" : ""}`,
    channel: r.key,
    flagged: !!r.flagged,
    counts: r as Counts,
  }));
  const volume = units
    .map((u) => {
      const responses = volumeRows
        .filter((v) => Number(v.key) === u.id && !v.flagged)
        .reduce((a, v) => a + v.responses, 0);
      const flagged = volumeRows
        .filter((v) => Number(v.key) === u.id && v.flagged)
        .reduce((a, v) => a + v.responses, 0);
      const s = served.find((x) => x.unit_id === u.id)?.served;
      return {
        unitId: u.id,
        name: lang === "en" ? u.name_en : u.name_vi,
        responses,
        flagged,
        served: s ?? null,
        responseRate: responseRate(responses, s),
      };
    })
    .filter((v) => v.responses > 0 || v.flagged > 0 || v.served !== null);

  const raw = {
    headline: { rate: headline, verdict: verdict(headline, target) },
    trend,
    byUnit,
    blocks,
    sipas,
    distribution,
    byChannel,
    volume,
    totals: {
      responses: volume.reduce((a, v) => a + v.responses, 0),
      flagged: volume.reduce((a, v) => a + v.flagged, 0),
    },
  };
  const hidden = await narrowedHidden(filter, overallIds, quarters, { from: filter.from, to: filter.to }, threshold);
  // A cumulative period (6, 9 months, year) with a hidden quarter inside would give that quarter
  // back as "year minus the other quarters".
  const inside = quarters.filter((q) => q.start >= filter.from && q.end <= filter.to);
  const quarterHidden =
    inside.length > 1 &&
    inside.some((q) => hidden.trend.has(q.key) || tooSmall(trend.find((p) => p.key === q.key)?.rate.n ?? 0, threshold));
  return {
    target,
    threshold,
    hasOverall: !!overall,
    ...suppressFigures(raw, { target, threshold, viewHidden: hidden.view || quarterHidden, hiddenTrend: hidden.trend }),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** Report years in which the agency has any response, newest first, plus the current one. */
export async function reportYears(agencyId: number, currentYear: number): Promise<number[]> {
  // No fold here: the page asks for this beside getDashboard(), which folds; a year whose only
  // responses arrived in the last seconds shows up on the next view.
  // A day from 15/12 on belongs to the next report year: shifting by 17 days moves 15/12 to 01/01.
  const r = await sql<{ y: number }>`
    select distinct extract(year from day + interval '17 days')::int as y from response_rollup
    where agency_id = ${agencyId} order by 1 desc`.execute(db());
  const years = new Set([currentYear, ...r.rows.map((x) => x.y)]);
  return [...years].sort((a, b) => b - a);
}
