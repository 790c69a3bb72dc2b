// A report period's figures for the reform report, beside the previous period's.
import { vnDay } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import { previousOf, type PeriodKind } from "~/features/reports/report-periods";
import type { StaffUser } from "~/features/accounts/auth.server";
import { reportChange } from "~/features/reports/report-change";
import { readingOf } from "~/features/reports/report-reading";
import { dialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { unitScope } from "~/features/accounts/auth.server";
import { getDashboard, listSurveys, type Dashboard } from "./dashboard-view.server";
import { entriesSince, snapshotOf, type Snapshot } from "./report-snapshot.server";
import { versionCounts } from "./dashboard-versions.server";
import { getPeriod } from "./report-period.server";
import { getTt01 } from "./tt01.server";

export async function getReport(user: StaffUser, year: number, kind: PeriodKind, lang: Lang, now = new Date()) {
  const surveys = await listSurveys(user.agencyId, lang);
  const formB = surveys.find((s) => s.kind === "B") ?? surveys[0];
  const formA = surveys.find((s) => s.kind === "A");
  const prevKey = previousOf(year, kind);
  const [period, prevPeriod] = await Promise.all([
    getPeriod(user.agencyId, year, kind),
    getPeriod(user.agencyId, prevKey.year, prevKey.kind),
  ]);
  const [sent, prevSent] = await Promise.all([
    snapshotOf(user.agencyId, period.id),
    snapshotOf(user.agencyId, prevPeriod.id),
  ]);
  // A sent period's report reads its frozen counts over the window as sent.
  const figures = async (p: typeof period, k: { year: number; kind: PeriodKind }, snap: Snapshot | null) =>
    formB
      ? getDashboard(
          user,
          snap
            ? { surveyId: formB.id, from: snap.start, to: snap.end, snapshotId: snap.id }
            : { surveyId: formB.id, from: p.start_date, to: p.end_date },
          k,
          lang,
        )
      : null;
  const tt01 = async (p: typeof period, k: { year: number; kind: PeriodKind }) =>
    formA ? getTt01(user, { surveyId: formA.id, from: p.start_date, to: p.end_date }, k) : null;
  // A unit's staff see their own unit's feedback only; the dialogue is the department's.
  const scope = unitScope(user);
  const feedbackUnit = scope.all ? undefined : (scope.unitId ?? -1);
  const [current, previous, tt01Now, tt01Before, feedback, feedbackBefore, dialogue] = await Promise.all([
    figures(period, { year, kind }, sent),
    figures(prevPeriod, prevKey, prevSent),
    tt01(period, { year, kind }),
    tt01(prevPeriod, prevKey),
    feedbackFigures({ agencyId: user.agencyId, from: period.start_date, to: period.end_date, unitId: feedbackUnit }),
    feedbackFigures({
      agencyId: user.agencyId,
      from: prevPeriod.start_date,
      to: prevPeriod.end_date,
      unitId: feedbackUnit,
    }),
    dialogueFigures({ agencyId: user.agencyId, year }),
  ]);
  // Which survey versions the period's answers came from, n each (after getDashboard folded the rollups).
  const versions = formB
    ? await versionCounts({
        surveyId: formB.id,
        from: period.start_date,
        to: period.end_date,
        unitId: scope.all ? null : (scope.unitId ?? -1),
      })
    : [];
  const change =
    sent && formB && current ? await changeSince(user, sent, formB.id, current, { year, kind }, lang) : null;
  return {
    versions,
    survey: formB ?? null,
    period: {
      id: period.id,
      year,
      kind,
      start: sent?.start ?? period.start_date,
      end: sent?.end ?? period.end_date,
      due: period.due_date,
    },
    // What the figures cover: up to the reading date (the sending day once sent), the rest marked as an estimate.
    reading: sent
      ? readingOf(sent.start, sent.end, sent.readThrough)
      : readingOf(period.start_date, period.end_date, vnDay(now)),
    readAt: sent?.sentAt ?? now,
    sent: sent ? { sentAt: sent.sentAt, readThrough: sent.readThrough } : null,
    change,
    previousPeriod: { year: prevKey.year, kind: prevKey.kind, start: prevPeriod.start_date, end: prevPeriod.end_date },
    current,
    previous,
    tt01: tt01Now,
    tt01Previous: tt01Before,
    // A sent report prints the department's feedback and dialogue figures as sent; a unit's staff
    // read their own unit's feedback, which was not frozen.
    feedback: sent?.feedback && scope.all ? sent.feedback : feedback,
    feedbackPrevious: prevSent?.feedback && scope.all ? prevSent.feedback : feedbackBefore,
    dialogue: sent?.dialogue ?? dialogue,
  };
}

/** The live figures of a sent window beside the sent ones, with the entries behind the change. */
async function changeSince(
  user: StaffUser,
  sent: Snapshot,
  surveyId: number,
  sentFigures: Dashboard,
  k: { year: number; kind: PeriodKind },
  lang: Lang,
) {
  const scope = unitScope(user);
  const [live, entries] = await Promise.all([
    getDashboard(user, { surveyId, from: sent.start, to: sent.end }, k, lang),
    entriesSince(sent, { surveyId, unitId: scope.all ? null : (scope.unitId ?? -1) }),
  ]);
  return reportChange(
    sentFigures.headline.rate,
    live.headline.rate,
    entries,
    live.threshold,
    live.headline.suppressed || sentFigures.headline.suppressed,
  );
}

export type Report = Awaited<ReturnType<typeof getReport>>;
