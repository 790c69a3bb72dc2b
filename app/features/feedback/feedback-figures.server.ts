// Feedback figures for the dashboard and the periodic reports: counts over the feedback
// received in a period, and the QĐ 766 satisfaction-with-handling rate with its terms and n.
// Which event feeds which count: docs/rules/feedback-figures.md.
import { sql } from "kysely";
import { handlingSatisfaction, type HandlingRate } from "~/features/feedback/feedback-figures";
import { nextDay, vnDay, vnDayStart } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";

export interface FeedbackFiguresInput {
  /** First and last day of the period, inclusive, as Ho Chi Minh calendar dates (or instants). */
  from: string | Date;
  to: string | Date;
  unitId?: number;
  /** Whose cases: required, so no caller can count another agency's cases by forgetting it
   * (docs/rules/agencies.md). */
  agencyId: number;
  /** "Today" for open cases already past their limit; defaults to now. */
  now?: Date;
}

export interface FeedbackFigures {
  from: string;
  to: string;
  received: number;
  byKind: { phan_anh: number; kien_nghi: number };
  byClass: { competent: number; conduct: number; transferred: number; refused: number; unclassified: number };
  /** Cases whose handling ended (refused, transferred, or answer published) and that are not
   * open again: a case reopened by an unsatisfied rating is pending until answered again. */
  handled: number;
  /** handled − handledLate: what TT 01 indicator 8 reads (feedback handled on time). */
  handledOnTime: number;
  handledLate: number;
  /** Not yet handled, and of those, already past the department's limit. */
  pending: number;
  overdue: number;
  rated: number;
  ratedSatisfied: number;
  satisfaction: HandlingRate;
}

const asDay = (v: string | Date) => (typeof v === "string" ? v : vnDay(v));

export async function feedbackFigures(input: FeedbackFiguresInput): Promise<FeedbackFigures> {
  return (await figuresQuery(input, false))[0].figures;
}

/** feedbackFigures for every agency at once, one grouped query (the provincial league): an
 * agency with no case in the period is absent from the map (its figures are all zero). */
export async function feedbackFiguresByAgency(
  input: Omit<FeedbackFiguresInput, "agencyId" | "unitId">,
): Promise<Map<number, FeedbackFigures>> {
  return new Map((await figuresQuery(input, true)).map((r) => [r.agencyId!, r.figures]));
}

/** One agency's figures (agencyId given), or every agency's grouped by agency (byAgency). */
async function figuresQuery(
  input: Omit<FeedbackFiguresInput, "agencyId"> & { agencyId?: number },
  byAgency: boolean,
): Promise<{ agencyId: number | null; figures: FeedbackFigures }[]> {
  const from = asDay(input.from);
  const to = asDay(input.to);
  const today = vnDay(input.now ?? new Date());
  // The period's days run midnight to midnight in Viet Nam.
  const start = vnDayStart(from);
  const end = vnDayStart(nextDay(to));
  const overdue = sql<boolean>`(f.handled_at is null and f.due_date is not null and f.due_date < ${today}::date)`;
  const c = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})`;
  let q = db()
    .selectFrom("feedback as f")
    .select([
      sql<number>`count(*)`.as("received"),
      c(sql`f.kind = 'phan_anh'`).as("phan_anh"),
      c(sql`f.kind = 'kien_nghi'`).as("kien_nghi"),
      c(sql`f.class = 'competent'`).as("competent"),
      c(sql`f.class = 'conduct'`).as("conduct"),
      c(sql`f.class = 'transferred'`).as("transferred"),
      c(sql`f.status = 'refused'`).as("refused"),
      c(sql`f.class is null and f.status <> 'refused'`).as("unclassified"),
      c(sql`f.handled_at is not null`).as("handled"),
      c(sql`f.handled_at is not null and f.late`).as("handled_late"),
      c(sql`f.handled_at is null`).as("pending"),
      c(overdue).as("overdue"),
      c(sql`f.late or ${overdue}`).as("late_any"),
      // The sender's unsatisfied rating of a published answer. The reopening it causes is the
      // same event and feeds no other term.
      c(sql`f.unsatisfied_count > 0`).as("unsatisfied"),
      // A case staff marked as the same matter raised again by a dissatisfied sender: its own event.
      c(sql`f.repeat_of is not null`).as("repeated"),
      c(sql`f.rating is not null or f.unsatisfied_count > 0`).as("rated"),
      c(sql`f.rating = 'satisfied'`).as("rated_satisfied"),
    ])
    .where("f.received_at", ">=", start)
    .where("f.received_at", "<", end);
  if (input.unitId !== undefined) q = q.where("f.unit_id", "=", input.unitId);
  if (input.agencyId !== undefined) q = q.where("f.agency_id", "=", input.agencyId);
  const rows = byAgency
    ? await q.select("f.agency_id").groupBy("f.agency_id").execute()
    : [await q.select(sql<null>`null`.as("agency_id")).executeTakeFirstOrThrow()];
  return rows.map((r) => ({ agencyId: r.agency_id, figures: toFigures(r, from, to) }));
}

function toFigures(r: Record<string, unknown>, from: string, to: string): FeedbackFigures {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    from,
    to,
    received: n(r.received),
    byKind: { phan_anh: n(r.phan_anh), kien_nghi: n(r.kien_nghi) },
    byClass: {
      competent: n(r.competent),
      conduct: n(r.conduct),
      transferred: n(r.transferred),
      refused: n(r.refused),
      unclassified: n(r.unclassified),
    },
    handled: n(r.handled),
    handledOnTime: n(r.handled) - n(r.handled_late),
    handledLate: n(r.handled_late),
    pending: n(r.pending),
    overdue: n(r.overdue),
    rated: n(r.rated),
    ratedSatisfied: n(r.rated_satisfied),
    // "Handled late" for the rate includes open cases already past their limit: a case nobody
    // answered in time must not count in the department's favour.
    satisfaction: handlingSatisfaction({
      total: n(r.received),
      unsatisfied: n(r.unsatisfied),
      late: n(r.late_any),
      repeated: n(r.repeated),
    }),
  };
}
