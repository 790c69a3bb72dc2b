// A report period's figures for the reform report, beside the previous period's.
import type { Lang } from "~/lib/i18n";
import { previousOf, type PeriodKind } from "~/lib/report-periods";
import type { StaffUser } from "~/utils/auth.server";
import { getDashboard, listSurveys } from "./dashboard-view.server";
import { versionCounts } from "./dashboard-versions.server";
import { getPeriod } from "./report-period.server";
import { getTt01 } from "./tt01.server";
import { dialogueFigures } from "./dialogue-figures.server";
import { feedbackFigures } from "./feedback-figures.server";
import { unitScope } from "~/utils/auth.server";

export async function getReport(user: StaffUser, year: number, kind: PeriodKind, lang: Lang) {
  const surveys = await listSurveys(lang);
  const formB = surveys.find((s) => s.kind === "B") ?? surveys[0];
  const formA = surveys.find((s) => s.kind === "A");
  const prevKey = previousOf(year, kind);
  const [period, prevPeriod] = await Promise.all([getPeriod(year, kind), getPeriod(prevKey.year, prevKey.kind)]);
  const figures = async (p: typeof period, k: { year: number; kind: PeriodKind }) =>
    formB ? getDashboard(user, { surveyId: formB.id, from: p.start_date, to: p.end_date }, k, lang) : null;
  const tt01 = async (p: typeof period, k: { year: number; kind: PeriodKind }) => (formA ? getTt01(user, { surveyId: formA.id, from: p.start_date, to: p.end_date }, k) : null);
  // A unit's staff see their own unit's feedback only; the dialogue is the department's.
  const scope = unitScope(user);
  const feedbackUnit = scope.all ? undefined : (scope.unitId ?? -1);
  const [current, previous, tt01Now, tt01Before, feedback, feedbackBefore, dialogue] = await Promise.all([
    figures(period, { year, kind }),
    figures(prevPeriod, prevKey),
    tt01(period, { year, kind }),
    tt01(prevPeriod, prevKey),
    feedbackFigures({ from: period.start_date, to: period.end_date, unitId: feedbackUnit }),
    feedbackFigures({ from: prevPeriod.start_date, to: prevPeriod.end_date, unitId: feedbackUnit }),
    dialogueFigures({ year }),
  ]);
  // Which survey versions the period's answers came from, n each (after getDashboard folded the rollups).
  const versions = formB ? await versionCounts({ surveyId: formB.id, from: period.start_date, to: period.end_date, unitId: scope.all ? null : (scope.unitId ?? -1) }) : [];
  return {
    versions,
    survey: formB ?? null,
    period: { year, kind, start: period.start_date, end: period.end_date, due: period.due_date },
    previousPeriod: { year: prevKey.year, kind: prevKey.kind, start: prevPeriod.start_date, end: prevPeriod.end_date },
    current,
    previous,
    tt01: tt01Now,
    tt01Previous: tt01Before,
    feedback,
    feedbackPrevious: feedbackBefore,
    dialogue,
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;
