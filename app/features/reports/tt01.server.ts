// Form A and the agency's own figures graded under TT 01/2018/TT-VPCP for a report period
// (docs/rules/tt01.md): the nine indicators with their sources, the partial or full total, the
// grade only when all nine are known; beside it the satisfaction and integrity figures that are
// not indicators, and the register of late dossiers.
import { sql } from "kysely";
import { addCounts, l5Rate, ZERO, type Counts } from "~/features/reports/dashboard-figures";
import type { PeriodKind } from "~/features/reports/report-periods";
import { rate, suppress, type Rate } from "~/features/reports/stats";
import {
  agencyTotal,
  CITIZEN_ITEMS,
  feedbackIndicator,
  INDICATOR_NOS,
  INDICATOR_SOURCE,
  scoreFromCounts,
  type IndicatorNo,
  type IndicatorSource,
} from "~/features/reports/tt01";
import { unitScope, type StaffUser } from "~/features/accounts/auth.server";
import { db } from "~/kernel/db/db.server";
import { feedbackFigures } from "~/features/feedback/feedback-figures.server";
import { getSettings } from "~/features/admin/settings.server";
import { countsBy, surveyItems, type DashboardFilter, type ItemMeta } from "./dashboard.server";
import { lateRegisterFigures } from "./late-dossier.server";
import { foldPendingRollups } from "./rollup.server";
import { staffScores } from "./tt01-scores.server";

export interface IndicatorRow {
  no: IndicatorNo;
  source: IndicatorSource;
  score: number | null;
  /** Dossiers scored (citizen indicators) or feedback cases due (indicator 8). */
  n: number | null;
  onTime?: number;
  note?: string;
}

/** A figure beside the grade: a share with its n and interval, hidden under the threshold. */
export interface SideFigure {
  key: "info" | "overall" | "cost" | "apology";
  rate: Rate;
  suppressed: boolean;
}

const side = (key: SideFigure["key"], r: Rate, threshold: number): SideFigure => {
  const hidden = suppress(r, threshold).suppressed;
  return { key, rate: hidden ? { ...r, satisfied: 0, rate: null, ci: null } : r, suppressed: hidden };
};

const idsOf = (items: ItemMeta[], code: string) => items.find((i) => i.code === code)?.ids ?? [];

/** Form A late answers and what they said about the apology. Counted from the raw answers of
 * this one survey in the window (by the response's version-and-time index): the rollups count
 * each item alone and cannot tie the apology answer to the late answer of the same dossier. */
async function lateAnswers(f: DashboardFilter, items: ItemMeta[]) {
  const timeIds = idsOf(items, "A_TIME");
  const apologyIds = idsOf(items, "A_APOLOGY");
  if (!timeIds.length) return { late: 0, apologyYes: 0, apologyNo: 0, hashes: [] as string[] };
  const rows = await sql<{ dossier_hash: string | null; apology: number | null }>`
    select r.dossier_hash, ap.value as apology
    from response r
    join answer t on t.response_id = r.id and t.item_id = any(${timeIds}::int[]) and t.value = 0
    left join answer ap on ap.response_id = r.id and ap.item_id = any(${apologyIds.length ? apologyIds : [-1]}::int[])
    where r.survey_version_id in (select id from survey_version where survey_id = ${f.surveyId})
      and r.submitted_at >= (${f.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      ${f.includeFlagged ? sql`` : sql`and not r.flagged`}
      ${f.unitId ? sql`and r.unit_id = ${f.unitId}` : sql``}
      ${f.procedureId ? sql`and r.procedure_id = ${f.procedureId}` : sql``}
      ${f.channel ? sql`and r.channel = ${f.channel}` : sql``}
      ${f.versionId ? sql`and r.survey_version_id = ${f.versionId}` : sql``}`.execute(db());
  return {
    late: rows.rows.length,
    apologyYes: rows.rows.filter((r) => r.apology === 1).length,
    apologyNo: rows.rows.filter((r) => r.apology === 0).length,
    hashes: rows.rows.map((r) => r.dossier_hash).filter((h): h is string => !!h),
  };
}

export async function getTt01(user: StaffUser, f: DashboardFilter, period: { year: number; kind: PeriodKind }) {
  const scope = unitScope(user);
  const scoped: DashboardFilter = scope.all ? f : { ...f, unitId: scope.unitId ?? -1 };
  // Another agency's survey reads as one with no answers (docs/rules/agencies.md).
  const own = await db()
    .selectFrom("survey")
    .select("id")
    .where("agency_id", "=", user.agencyId)
    .where("id", "=", f.surveyId)
    .executeTakeFirst();
  const filter: DashboardFilter = own ? scoped : { ...scoped, surveyId: -1 };
  await foldPendingRollups();
  const [items, rows, settings] = await Promise.all([
    surveyItems(filter.surveyId),
    countsBy(filter, null, "none", { byItem: true }),
    getSettings(user.agencyId),
  ]);
  const threshold = settings["satisfaction.suppression_threshold"];
  const byItem = new Map<number, Counts>(rows.map((r) => [r.item_id!, r]));
  const counts = (code: string) => idsOf(items, code).reduce((acc, id) => addCounts(acc, byItem.get(id) ?? ZERO), ZERO);
  const feedbackUnit = scope.all ? (filter.unitId ?? undefined) : (scope.unitId ?? -1);
  const [late, feedback, scores, register] = await Promise.all([
    lateAnswers(filter, items),
    feedbackFigures({ agencyId: user.agencyId, from: filter.from, to: filter.to, unitId: feedbackUnit }),
    // Staff enter indicators 2, 5, 6, 9 for the whole department: a narrower view lacks them.
    scope.all && !filter.unitId ? staffScores(user.agencyId, period) : Promise.resolve([]),
    lateRegisterFigures(user, filter),
  ]);

  const indicators: IndicatorRow[] = INDICATOR_NOS.map((no) => ({
    no,
    source: INDICATOR_SOURCE[no],
    score: null,
    n: null,
  }));
  const row = (no: IndicatorNo) => indicators[no - 1];
  let dossiers = 0;
  for (const [code, no] of Object.entries(CITIZEN_ITEMS)) {
    const s = scoreFromCounts(counts(code));
    Object.assign(row(no), { score: s.score, n: s.dossiers });
    dossiers = Math.max(dossiers, s.dossiers);
  }
  // Indicator 8: cases handled plus open ones past their limit are due; the rest are on time or not.
  const due = feedback.handled + feedback.overdue;
  Object.assign(row(8), {
    score: feedbackIndicator(feedback.handledOnTime, due),
    n: due,
    onTime: feedback.handledOnTime,
  });
  for (const s of scores) Object.assign(row(s.indicator as IndicatorNo), { score: s.score_tenths / 10, note: s.note });

  const total = agencyTotal(Object.fromEntries(indicators.map((i) => [i.no, i.score])));
  const cost = counts("A_COST");
  const figures: SideFigure[] = [
    side("info", l5Rate(counts("A_INFO")), threshold),
    side("overall", l5Rate(counts("A_OVERALL")), threshold),
    // The share that paid something unofficial (the "yes" answers).
    side("cost", rate(cost.c1, cost.c0 + cost.c1), threshold),
    // Of late dossiers whose person answered the apology item, the share that got a letter.
    side("apology", rate(late.apologyYes, late.apologyYes + late.apologyNo), threshold),
  ];
  const lateWithCode = late.hashes.length;
  const shown = lateWithCode >= threshold;
  const [matched, units] = await Promise.all([
    shown ? register.matchHashes(filter.surveyId, late.hashes) : null,
    db().selectFrom("unit").select(["id", "name_vi", "name_en"]).where("agency_id", "=", user.agencyId).execute(),
  ]);
  return {
    indicators,
    total,
    dossiers,
    figures,
    lateAnswers: late.late,
    register: register.figures,
    // How many "late" answers name a dossier that is in the register; hidden under the threshold
    // so a small count cannot point at one person's answer.
    match: { lateWithCode, inRegister: matched },
    threshold,
    /** The staff-entered indicators apply to the whole department only. */
    unitScoped: !scope.all || !!filter.unitId,
    unitNames: Object.fromEntries(units.map((u) => [String(u.id), { vi: u.name_vi, en: u.name_en }])),
  };
}

export type Tt01 = Awaited<ReturnType<typeof getTt01>>;
