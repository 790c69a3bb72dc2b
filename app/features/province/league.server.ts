// The provincial league table's figures (docs/rules/league.md): for each agency of the province,
// the period's satisfaction headline, feedback handled on time and TT 01 grade, each computed by
// the same functions as the agency's own dashboard and report, scoped to the agency through its
// own surveys and its own feedback cases. Aggregates only: nothing here reads a name, a comment or
// a single answer.
import type { Lang } from "~/kernel/i18n/i18n";
import { db } from "~/kernel/db/db.server";
import { getSettings } from "~/features/admin/settings.server";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { feedbackFiguresByAgency } from "~/features/feedback/feedback-figures.server";
import { trendQuarters } from "~/features/reports/dashboard-view.server";
import { countsBy, countsBySurveyPeriods, surveyItems, surveyItemsOf } from "~/features/reports/dashboard.server";
import { addCounts, l5Rate, overallItem, ZERO } from "~/features/reports/dashboard-figures";
import { foldPendingRollups } from "~/features/reports/rollup.server";
import { tooSmall } from "~/features/reports/suppression";
import { nextDay } from "~/kernel/time/clock";
import { defaultWindow, type PeriodKind } from "~/features/reports/report-periods";
import { staffScores } from "~/features/reports/tt01-scores.server";
import {
  agencyTotal,
  CITIZEN_ITEMS,
  feedbackIndicator,
  scoreFromCounts,
  type IndicatorNo,
} from "~/features/reports/tt01";
import { gradeLeague, rateLeague, type GradeInput, type RateInput } from "./league";

interface AgencyRow {
  id: number;
  name: string;
  target: number;
  formB: number | null;
  formA: number | null;
}

/** The agencies of the province: every agency but the root of the tree (the province itself),
 * each with its first form B and form A survey (as the report picks them: lowest id). */
async function agencies(lang: Lang, defaultTarget: number): Promise<AgencyRow[]> {
  const [rows, surveys] = await Promise.all([
    db()
      .selectFrom("agency")
      .select(["id", "name_vi", "name_en", "target_percent"])
      .where("parent_id", "is not", null)
      .orderBy("id")
      .execute(),
    db().selectFrom("survey").select(["id", "agency_id", "kind"]).orderBy("id").execute(),
  ]);
  const first = (agencyId: number, kind: string) =>
    surveys.find((s) => s.agency_id === agencyId && s.kind === kind)?.id ?? null;
  return rows.map((a) => {
    // numeric comes back from the driver as text.
    const pct = Number(a.target_percent);
    return {
      id: a.id,
      name: lang === "en" ? a.name_en : a.name_vi,
      target: Number.isFinite(pct) && pct > 0 ? pct / 100 : defaultTarget,
      formB: first(a.id, "B"),
      formA: first(a.id, "A"),
    };
  });
}

/** Indicators 1, 3, 4, 7 from the agency's form A answers, 8 from its feedback, 2, 5, 6, 9 as its
 * Office entered them: the same sources and rule as the report's grade (docs/rules/tt01.md). */
async function gradeOf(
  a: AgencyRow,
  window: { from: string; to: string },
  period: { year: number; kind: PeriodKind },
  feedback: { handledOnTime: number; handled: number; overdue: number },
): Promise<GradeInput> {
  const scores: Partial<Record<IndicatorNo, number | null>> = {};
  if (a.formA) {
    const [items, rows] = await Promise.all([
      surveyItems(a.formA),
      countsBy({ surveyId: a.formA, ...window }, null, "none", { byItem: true }),
    ]);
    for (const [code, no] of Object.entries(CITIZEN_ITEMS)) {
      const ids = items.find((i) => i.code === code)?.ids ?? [];
      const c = rows.filter((r) => ids.includes(r.item_id!)).reduce(addCounts, ZERO);
      scores[no] = scoreFromCounts(c).score;
    }
  }
  scores[8] = feedbackIndicator(feedback.handledOnTime, feedback.handled + feedback.overdue);
  for (const s of await staffScores(a.id, period)) scores[s.indicator as IndicatorNo] = s.score_tenths / 10;
  const t = agencyTotal(scores);
  return { agencyId: a.id, name: a.name, total: t.total, grade: t.grade, missing: t.missing };
}

/** Every agency's satisfaction headline as its own dashboard shows it (getDashboard for its
 * form B over the window, unnarrowed), read in one grouped scan of the rollups rather than one
 * dashboard per agency: the overall item's counts without flagged answers, hidden when n is under
 * the threshold or when the window is cumulative (6, 9 months, year) and a quarter inside it is
 * (the dashboard's rule, docs/rules/suppression.md). test/integration/league-dashboard.test.ts
 * holds the two to the same figures. */
async function satisfactionOf(
  list: AgencyRow[],
  window: { from: string; to: string },
  period: { year: number; kind: PeriodKind },
): Promise<Map<number, { satisfied: number; n: number; hidden: boolean }>> {
  await foldPendingRollups();
  const withForm = list.filter((a): a is AgencyRow & { formB: number } => a.formB !== null);
  const surveyIds = withForm.map((a) => a.formB);
  // Each agency's quarters (its Office's edited windows, as its dashboard reads them) and its own
  // suppression threshold (docs/rules/agencies.md): the league hides what the dashboard hides.
  const [items, perAgency] = await Promise.all([
    surveyItemsOf(surveyIds),
    Promise.all(
      withForm.map(async (a) => {
        const [quarters, s] = await Promise.all([trendQuarters(a.id, period.year, period.kind), getSettings(a.id)]);
        const inside = quarters
          .filter((q) => q.start >= window.from && q.end <= window.to)
          .map((q) => ({ ...q, key: `${q.start}/${q.end}` }));
        // When the quarters inside tile the window day for day (the statutory windows do), the
        // window's counts are their sum: counts add over disjoint days, so the rollups are read once.
        const sorted = [...inside].sort((x, y) => x.start.localeCompare(y.start));
        const tiles =
          sorted.length > 0 &&
          sorted[0].start === window.from &&
          sorted[sorted.length - 1].end === window.to &&
          sorted.every((q, i) => i === 0 || q.start === nextDay(sorted[i - 1].end));
        return { surveyId: a.formB, inside, tiles, threshold: s["satisfaction.suppression_threshold"] };
      }),
    ),
  ]);
  const overall = new Map(surveyIds.map((id) => [id, overallItem(items.get(id) ?? [])?.ids ?? []]));
  const WINDOW = "__window";
  // Every distinct window once, for every survey: agencies mostly share the statutory quarters.
  const windows = new Map<string, { key: string; start: string; end: string }>();
  if (perAgency.some((p) => !p.tiles)) windows.set(WINDOW, { key: WINDOW, start: window.from, end: window.to });
  for (const p of perAgency) for (const q of p.inside) windows.set(q.key, { key: q.key, start: q.start, end: q.end });
  const rows = await countsBySurveyPeriods(surveyIds, [...overall.values()].flat(), [...windows.values()]);
  const out = new Map<number, { satisfied: number; n: number; hidden: boolean }>();
  for (const { surveyId: id, inside, tiles, threshold } of perAgency) {
    const counts = (key: string) =>
      rows
        .filter(
          (r) => r.survey_id === id && (tiles && key === WINDOW ? inside.some((q) => q.key === r.key) : r.key === key),
        )
        .reduce(addCounts, ZERO);
    const r = l5Rate(counts(WINDOW));
    const quarterHidden = inside.length > 1 && inside.some((q) => tooSmall(l5Rate(counts(q.key)).n, threshold));
    const hidden = quarterHidden || tooSmall(r.n, threshold);
    // A hidden headline carries nothing, as the dashboard's (HIDDEN_RATE).
    out.set(id, hidden ? { satisfied: 0, n: 0, hidden } : { satisfied: r.satisfied, n: r.n, hidden });
  }
  return out;
}

export async function getLeague(user: StaffUser, year: number, kind: PeriodKind, lang: Lang, now = new Date()) {
  // Every agency's whole figures: never for a unit's staff, whom the route refuses as well.
  if (!unitScope(user).all) throw new Response("Forbidden", { status: 403 });
  // The province's own settings (the account's agency) for the table's rule; each agency's headline
  // is hidden by its own threshold above, as its dashboard hides it.
  const settings = await getSettings(user.agencyId);
  const threshold = settings["satisfaction.suppression_threshold"];
  // Every agency over the same days: the statutory window (NĐ 09/2019), not one agency's edits.
  const w = defaultWindow(year, kind);
  const window = { from: w.start, to: w.end };
  const list = await agencies(lang, settings["satisfaction.target"]);
  const [headlines, feedbackBy] = await Promise.all([
    satisfactionOf(list, window, { year, kind }),
    // One grouped query for every agency's cases; an agency with none in the window is all zeros.
    feedbackFiguresByAgency({ ...window, now }),
  ]);
  const noCases = { handledOnTime: 0, handled: 0, overdue: 0 };
  const perAgency = await Promise.all(
    list.map(async (a) => {
      const feedback = feedbackBy.get(a.id) ?? noCases;
      const rate = a.formB ? headlines.get(a.formB) : undefined;
      const satisfaction: RateInput = {
        agencyId: a.id,
        name: a.name,
        numerator: rate?.satisfied ?? 0,
        n: rate?.n ?? 0,
        target: a.target,
        hidden: !!rate?.hidden,
      };
      const onTime: RateInput = {
        agencyId: a.id,
        name: a.name,
        numerator: feedback.handledOnTime,
        n: feedback.handled,
        target: null,
      };
      return { satisfaction, onTime, grade: await gradeOf(a, window, { year, kind }, feedback) };
    }),
  );
  return {
    year,
    kind,
    from: w.start,
    to: w.end,
    threshold,
    satisfaction: rateLeague(
      perAgency.map((p) => p.satisfaction),
      threshold,
    ),
    // Feedback counts are cases, not people's evaluations: not suppressed (docs/rules/league.md).
    feedback: rateLeague(
      perAgency.map((p) => p.onTime),
      1,
    ),
    tt01: gradeLeague(perAgency.map((p) => p.grade)),
  };
}

export type League = Awaited<ReturnType<typeof getLeague>>;
