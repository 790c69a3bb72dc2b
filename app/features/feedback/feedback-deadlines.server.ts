// A holiday change moves the limits of every open feedback case (docs/rules/holidays.md): run
// inside the holiday change's transaction, with the calendars before and after it, so the new
// day and the moved limits land together or not at all. Each moved case gets an entry in its
// history and in the audit log.
import { sql, type Kysely } from "kysely";
import { shiftCaseDeadlines, type DeadlineChange } from "~/features/feedback/feedback-deadline-shift";
import { OPEN_STATUSES } from "~/features/feedback/feedback-workflow";
import { vnDay } from "~/kernel/time/clock";
import { calendarFrom, type WorkCalendar } from "~/kernel/time/working-days";
import type { Client } from "~/kernel/http/client";
import { recordAudit, type Actor } from "~/kernel/audit.server";
import type { Database } from "../../../db/types";

export interface MovedCase {
  /** The case's agency: a national change moves every agency's cases, and each agency's staff
   * are shown their own only. Absent on entries written before agencies had own calendars. */
  agencyId?: number;
  id: number;
  code: string;
  changes: DeadlineChange[];
}

/** Each agency's working calendar as one transaction sees it: the national days and its own. */
export type CalendarOf = (agencyId: number) => WorkCalendar;

export interface CalendarChange {
  action: "holiday.create" | "holiday.update" | "holiday.delete";
  date: string;
  movedFrom?: string;
}

export async function moveOpenDeadlines(
  trx: Kysely<Database>,
  before: CalendarOf,
  after: CalendarOf,
  who: { actor: Actor & { name?: string }; client: Client | null; change: CalendarChange; now?: Date },
  /** An agency's own day moves that agency's cases only; a national day moves every agency's. */
  agencyId: number | null = null,
): Promise<MovedCase[]> {
  const now = who.now ?? new Date();
  // Locked in id order: a staff step on a case waits for the move (and then reads the new
  // calendar), and two moves never lock in opposite orders.
  const rows = await trx
    .selectFrom("feedback")
    .select([
      "agency_id",
      "id",
      "code",
      "status",
      "base_date",
      "refuse_due",
      "info_due",
      "transfer_due",
      "answer_due",
      "publish_due",
      "due_date",
      "approved_at",
      "rated_at",
      "reopened_count",
    ])
    .where("status", "in", [...OPEN_STATUSES])
    .$if(agencyId !== null, (q) => q.where("agency_id", "=", agencyId!))
    .orderBy("id")
    .forUpdate()
    .execute();
  const moved: MovedCase[] = [];
  for (const r of rows) {
    const changes = shiftCaseDeadlines(
      {
        ...r,
        // A reopened case's answer limit runs from the day of the unsatisfied rating.
        answer_base: r.reopened_count > 0 && r.rated_at ? vnDay(r.rated_at) : r.base_date,
        approved_day: r.approved_at ? vnDay(r.approved_at) : null,
      },
      before(r.agency_id),
      after(r.agency_id),
    );
    if (!changes.length) continue;
    const set = Object.fromEntries(changes.map((c) => [c.field, c.to]));
    await trx
      .updateTable("feedback")
      .set({ ...set, updated_at: now })
      .where("agency_id", "=", r.agency_id)
      .where("id", "=", r.id)
      .execute();
    const details = { calendar: who.change, changes };
    await trx
      .insertInto("feedback_event")
      .values({
        // A national change moves every agency's open cases; each entry is its case's.
        agency_id: r.agency_id,
        feedback_id: r.id,
        at: now,
        action: "deadlines_moved",
        from_status: r.status,
        to_status: r.status,
        actor_id: who.actor.id,
        actor_name: who.actor.name ?? null,
        details: JSON.stringify(details),
      })
      .execute();
    await recordAudit(
      who.client,
      {
        agencyId: r.agency_id,
        actor: who.actor,
        action: "feedback.deadlines_moved",
        entity: "feedback",
        entityId: r.id,
        details,
      },
      trx,
    );
    moved.push({ agencyId: r.agency_id, id: r.id, code: r.code, changes });
  }
  return moved;
}

/** Every agency's calendar as this transaction sees it. */
export async function calendars(trx: Kysely<Database>): Promise<CalendarOf> {
  const [national, own] = await Promise.all([
    trx.selectFrom("holiday").select(["date", "kind"]).execute(),
    trx.selectFrom("agency_holiday").select(["agency_id", "date", "kind"]).execute(),
  ]);
  const byAgency = new Map<number, WorkCalendar>();
  return (agencyId) => {
    let cal = byAgency.get(agencyId);
    if (!cal) {
      cal = calendarFrom(
        national,
        own.filter((o) => o.agency_id === agencyId),
      );
      byAgency.set(agencyId, cal);
    }
    return cal;
  };
}

/** Holiday changes one at a time: each reads the calendar "before" after the previous one landed. */
export async function lockCalendar(trx: Kysely<Database>) {
  await sql`select pg_advisory_xact_lock(${HOLIDAY_LOCK}::bigint)`.execute(trx);
}
const HOLIDAY_LOCK = 7_210_015;
