// Sent reports (chốt số liệu): the Office freezes a period's figures; the report then reads the
// frozen counts and shows what changed since beside them (docs/rules/report-periods.md).
import { sql } from "kysely";
import { vnDay, vnDayRange } from "~/kernel/time/clock";
import type { PeriodKind } from "~/features/reports/report-periods";
import { db } from "~/kernel/db/db.server";
import { dialogueFigures, type DialogueFigures } from "~/features/dialogue/dialogue-figures.server";
import { feedbackFigures, type FeedbackFigures } from "~/features/feedback/feedback-figures.server";
import { copyWindowToSnapshot } from "./dashboard.server";
import { foldPendingRollups } from "./rollup.server";

export interface Snapshot {
  id: number;
  periodId: number;
  start: string;
  end: string;
  readThrough: string;
  sentAt: Date;
  sentBy: number | null;
  /** The department's feedback handling and dialogue as sent; null when sent before they were frozen. */
  feedback: FeedbackFigures | null;
  dialogue: DialogueFigures | null;
}

type SnapshotRow = {
  id: number;
  period_id: number;
  start_date: string;
  end_date: string;
  read_through: string;
  sent_at: Date;
  sent_by: number | null;
  feedback: unknown;
  dialogue: unknown;
};

// jsonb comes back parsed from pg and PGlite; a string (a driver that does not parse) is parsed here.
const jsonOf = <T>(v: unknown): T | null =>
  v === null || v === undefined ? null : ((typeof v === "string" ? JSON.parse(v) : v) as T);

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  periodId: r.period_id,
  start: r.start_date,
  end: r.end_date,
  readThrough: r.read_through,
  sentAt: r.sent_at,
  sentBy: r.sent_by,
  feedback: jsonOf<FeedbackFigures>(r.feedback),
  dialogue: jsonOf<DialogueFigures>(r.dialogue),
});

/** The agency's sent report of a period: another agency's period id has none. */
export async function snapshotOf(agencyId: number, periodId: number): Promise<Snapshot | null> {
  const r = await db()
    .selectFrom("report_snapshot")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
  return r ? toSnapshot(r) : null;
}

/** The agency's sent reports among the given periods, keyed "KIND/YEAR". */
export async function sentSnapshots(
  agencyId: number,
  keys: { year: number; kind: PeriodKind }[],
): Promise<Map<string, Snapshot>> {
  if (!keys.length) return new Map();
  const rows = await db()
    .selectFrom("report_snapshot as s")
    .innerJoin("report_period as p", (j) =>
      j.onRef("p.agency_id", "=", "s.agency_id").onRef("p.id", "=", "s.period_id"),
    )
    .selectAll("s")
    .select(["p.year", "p.kind"])
    .where("s.agency_id", "=", agencyId)
    .where("p.year", "in", [...new Set(keys.map((k) => k.year))])
    .execute();
  return new Map(rows.map((r) => [`${r.kind}/${r.year}`, toSnapshot(r)]));
}

/** Sent periods whose window holds the local day: a form dated that day changes their figures. */
export async function sentPeriodsOn(agencyId: number, day: string): Promise<{ year: number; kind: PeriodKind }[]> {
  return db()
    .selectFrom("report_snapshot as s")
    .innerJoin("report_period as p", (j) =>
      j.onRef("p.agency_id", "=", "s.agency_id").onRef("p.id", "=", "s.period_id"),
    )
    .select(["p.year", "p.kind"])
    .where("s.agency_id", "=", agencyId)
    .where("s.start_date", "<=", day)
    .where("s.end_date", ">=", day)
    .orderBy("p.year")
    .orderBy("p.kind")
    .execute();
}

/** Freezes one of the agency's periods' figures as they are now. Null when it was already sent
 * (or the agency has no such period). */
export async function sendReport(
  agencyId: number,
  periodId: number,
  userId: number,
  now = new Date(),
): Promise<Snapshot | null> {
  const period = await db()
    .selectFrom("report_period")
    .selectAll()
    .where("agency_id", "=", agencyId)
    .where("id", "=", periodId)
    .executeTakeFirst();
  if (!period) return null;
  // Everything stored before this moment goes into the rollups first, then into the copy.
  await foldPendingRollups();
  const today = vnDay(now);
  const readThrough =
    today < period.end_date ? (today < period.start_date ? period.start_date : today) : period.end_date;
  // The department's feedback handling and dialogue, read now and frozen with the counts.
  const [feedback, dialogue] = await Promise.all([
    feedbackFigures({ agencyId: period.agency_id, from: period.start_date, to: period.end_date, now }),
    dialogueFigures({ agencyId: period.agency_id, year: period.year, today }),
  ]);
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("report_snapshot")
        .values({
          agency_id: agencyId,
          period_id: periodId,
          start_date: period.start_date,
          end_date: period.end_date,
          read_through: readThrough,
          sent_at: now,
          sent_by: userId,
          feedback: JSON.stringify(feedback),
          dialogue: JSON.stringify(dialogue),
        })
        .onConflict((oc) => oc.columns(["agency_id", "period_id"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await copyWindowToSnapshot(trx, agencyId, row.id, period.start_date, period.end_date);
      return toSnapshot(row);
    });
}

/** Responses dated inside a sent window but stored after it was sent: the entries behind the
 * change (late responses, back-dated paper forms), in the reader's unit scope. */
export async function entriesSince(
  s: Snapshot,
  f: { surveyId: number; unitId?: number | null },
): Promise<{ entries: number; paper: number }> {
  const { from, to } = vnDayRange(s.start, s.end);
  const r = await sql<{ entries: number; paper: number }>`
    select count(*)::int as entries, count(*) filter (where channel = 'paper')::int as paper
    from response
    where survey_id = ${f.surveyId} and submitted_at >= ${from} and submitted_at < ${to} and created_at > ${s.sentAt}
      and not flagged ${f.unitId ? sql`and unit_id = ${f.unitId}` : sql``}`.execute(db());
  return r.rows[0] ?? { entries: 0, paper: 0 };
}
