// The provincial league table's figures (docs/rules/league.md): for each agency of the province,
// the period's satisfaction headline, feedback handled on time and TT 01 grade, each computed by
// the same functions as the agency's own dashboard and report, scoped to the agency through its
// own surveys and its own feedback cases. Aggregates only: nothing here reads a name, a comment or
// a single answer.
import type { Lang } from "~/kernel/i18n/i18n";
import { db } from "~/kernel/db/db.server";
import { getSettings } from "~/features/admin/settings.server";
import type { StaffUser } from "~/features/accounts/auth.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { getDashboard } from "~/features/reports/dashboard-view.server";
import { countsBy, surveyItems } from "~/features/reports/dashboard.server";
import { addCounts, ZERO } from "~/features/reports/dashboard-figures";
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
  for (const s of await staffScores(period, a.id)) scores[s.indicator as IndicatorNo] = s.score_tenths / 10;
  const t = agencyTotal(scores);
  return { agencyId: a.id, name: a.name, total: t.total, grade: t.grade, missing: t.missing };
}

export async function getLeague(user: StaffUser, year: number, kind: PeriodKind, lang: Lang, now = new Date()) {
  const settings = await getSettings();
  const threshold = settings["satisfaction.suppression_threshold"];
  // Every agency over the same days: the statutory window (NĐ 09/2019), not one agency's edits.
  const w = defaultWindow(year, kind);
  const window = { from: w.start, to: w.end };
  const list = await agencies(lang, settings["satisfaction.target"]);
  const perAgency = await Promise.all(
    list.map(async (a) => {
      const [dash, feedback] = await Promise.all([
        a.formB
          ? getDashboard({ ...user, agencyId: a.id }, { surveyId: a.formB, ...window }, { year, kind }, lang)
          : null,
        feedbackFigures({ ...window, agencyId: a.id, now }),
      ]);
      const rate = dash?.headline.rate;
      const satisfaction: RateInput = {
        agencyId: a.id,
        name: a.name,
        numerator: rate?.satisfied ?? 0,
        n: rate?.n ?? 0,
        target: a.target,
        // The dashboard's own suppression (a hidden quarter inside a cumulative period) holds here.
        hidden: !!dash?.headline.suppressed,
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
