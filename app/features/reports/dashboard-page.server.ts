// Turns the dashboard's query (read from the query string by the route) into a filter, with
// defaults and the user's unit scope, and gathers the figures and the filter options.
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { type PeriodKind } from "~/features/reports/report-periods";
import { parsePeriod, quarterOf, type DashboardQuery } from "~/features/reports/dashboard.schema";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { agencyCatalog } from "~/features/survey/agency-catalog.server";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import type { DashboardFilter } from "./dashboard.server";
import { getDashboard, listSurveys, listVersions, reportYears } from "./dashboard-view.server";
import { versionCounts } from "./dashboard-versions.server";
import { getPeriod, listPeriods } from "./report-period.server";
import { snapshotOf } from "./report-snapshot.server";

async function resolveFilter(user: StaffUser, q: DashboardQuery, lang: Lang) {
  const period = parsePeriod(q.period, quarterOf(vnDay(new Date())));
  const surveys = await listSurveys(user.agencyId, lang);
  const survey = surveys.find((s) => s.id === q.survey) ?? surveys[0];
  const scope = unitScope(user);
  const win = await getPeriod(user.agencyId, period.year, period.kind);
  const filter: DashboardFilter = {
    surveyId: survey?.id ?? -1,
    from: win.start_date,
    to: win.end_date,
    // A unit's staff see their own unit only, whatever the query string says.
    unitId: scope.all ? (q.unit ?? null) : (scope.unitId ?? -1),
    procedureId: q.procedure ?? null,
    channel: q.channel ?? null,
    versionId: q.version ?? null,
    includeFlagged: q.flagged === "1",
  };
  // The report of a sent period downloads the figures as sent, over the window as sent.
  const snap = q.sent === "1" ? await snapshotOf(user.agencyId, win.id) : null;
  if (snap) Object.assign(filter, { from: snap.start, to: snap.end, snapshotId: snap.id });
  return { period, surveys, survey, scope, filter };
}

/** The filter the dashboard would use for this query (the route reads it from the query string
 * with parseDashboardQuery). Raw exports keep flagged responses, marked in their own column. */
export async function loadExportFilter(user: StaffUser, query: DashboardQuery): Promise<DashboardFilter> {
  const { filter } = await resolveFilter(user, query, "vi");
  return { ...filter, includeFlagged: true };
}

export async function loadDashboardPage(user: StaffUser, query: DashboardQuery, lang: Lang) {
  const { period, surveys, survey, scope, filter } = await resolveFilter(user, query, lang);
  const [years, catalog, versions, dashboard, feedback, dialogue] = await Promise.all([
    reportYears(user.agencyId, quarterOf(vnDay(new Date())).year),
    agencyCatalog(user.agencyId, lang),
    survey ? listVersions(survey.id) : Promise.resolve([]),
    getDashboard(user, filter, period, lang),
    feedbackFigures({
      agencyId: user.agencyId,
      from: filter.from,
      to: filter.to,
      unitId: scope.all ? undefined : (scope.unitId ?? -1),
    }),
    dialogueFigures({ agencyId: user.agencyId, year: period.year }),
  ]);
  const { units } = catalog;
  const procedures = catalog.procedures.filter((p) => !filter.unitId || p.unitId === filter.unitId);
  const periods = (await Promise.all(years.map((y) => listPeriods(user.agencyId, y)))).flat();
  // After getDashboard: the rollups are folded. Which versions the figures mix, with n each.
  const versionSpread = survey ? await versionCounts(filter) : [];
  return {
    dashboard,
    versionSpread,
    feedback,
    dialogue,
    selected: {
      survey: survey?.id ?? null,
      period: `${period.year}-${period.kind}`,
      unit: filter.unitId ?? null,
      procedure: filter.procedureId ?? null,
      channel: filter.channel ?? null,
      version: filter.versionId ?? null,
      flagged: !!filter.includeFlagged,
      from: filter.from,
      to: filter.to,
    },
    options: {
      surveys,
      periods: periods.map((p) => ({
        value: `${p.year}-${p.kind}`,
        year: p.year,
        kind: p.kind as PeriodKind,
        start: p.start_date,
        end: p.end_date,
      })),
      units: scope.all ? units : units.filter((u) => u.id === filter.unitId),
      unitLocked: !scope.all,
      procedures,
      versions,
    },
  };
}
