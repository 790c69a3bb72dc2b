// The holiday calendar: public holidays and swapped days ("off") and weekend days made working
// days ("work"). Working-day deadlines (feedback, dialogue notices) are counted from it, and a
// change moves the limits of open feedback cases with it.
import { sql, type Kysely } from "kysely";
import { holidayCoverage, type HolidayCoverage } from "~/features/admin/holiday-coverage";
import { vnDay } from "~/kernel/time/clock";
import { calendarFrom } from "~/kernel/time/working-days";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import {
  calendarRows,
  lockCalendar,
  moveOpenDeadlines,
  type CalendarChange,
  type MovedCase,
} from "~/features/feedback/feedback-deadlines.server";
import { db } from "~/kernel/db/db.server";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../../db/types";

export interface HolidayRow {
  date: string;
  name_vi: string;
  name_en: string;
  kind: "off" | "work";
  /** False for a day shipped from the statute and not yet checked by the admin. */
  confirmed: boolean;
}

/** Days from `fromDate` to `toDate`, both included ("YYYY-MM-DD"), in date order. */
export async function listHolidays(fromDate: string, toDate: string): Promise<HolidayRow[]> {
  return db()
    .selectFrom("holiday")
    .select(["date", "name_vi", "name_en", "kind", "confirmed"])
    .where("date", ">=", fromDate)
    .where("date", "<=", toDate)
    .orderBy("date")
    .execute();
}

/** The whole calendar grouped by year, newest year first, days in order within a year. */
export async function holidaysByYear(): Promise<{ year: string; days: HolidayRow[] }[]> {
  const rows = await db()
    .selectFrom("holiday")
    .select(["date", "name_vi", "name_en", "kind", "confirmed"])
    .orderBy("date")
    .execute();
  const years = new Map<string, HolidayRow[]>();
  for (const r of rows) {
    const y = r.date.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), r]);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, days]) => ({ year, days }));
}

export async function getHoliday(date: string): Promise<HolidayRow | undefined> {
  return db()
    .selectFrom("holiday")
    .select(["date", "name_vi", "name_en", "kind", "confirmed"])
    .where("date", "=", date)
    .executeTakeFirst();
}

/** The admin checked a shipped day against the government's announcement. Nothing moves. */
export async function confirmHoliday(date: string, actor: StaffActor, client: Client | null): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("holiday")
        .set({ confirmed: true })
        .where("date", "=", date)
        .where("confirmed", "=", false)
        .executeTakeFirst();
      if (!Number(res.numUpdatedRows)) return false;
      await recordAudit(
        client,
        { agencyId: actor.agencyId, actor, action: "holiday.confirm", entity: "holiday", entityId: date },
        trx,
      );
      return true;
    });
}

export type CalendarResult =
  { ok: true; changeId: string; moved: MovedCase[] } | { ok: false; error: "dateTaken" | "notFound" };

/** Runs one change of the calendar: serialised with any other, then the limits of every open
 * feedback case are counted again on the new calendar (docs/rules/holidays.md), and the change is
 * audited with the cases it moved. The audit entry's id lets the page show what moved. */
async function changeCalendar(
  actor: StaffActor & { name?: string },
  client: Client | null,
  apply: (
    trx: Kysely<Database>,
  ) => Promise<
    | { ok: true; change: CalendarChange; details: Record<string, unknown> }
    | { ok: false; error: "dateTaken" | "notFound" }
  >,
): Promise<CalendarResult> {
  return db()
    .transaction()
    .execute(async (trx) => {
      await lockCalendar(trx);
      const before = calendarFrom(await calendarRows(trx));
      const done = await apply(trx);
      if (!done.ok) return done;
      const after = calendarFrom(await calendarRows(trx));
      const moved = await moveOpenDeadlines(trx, before, after, { actor, client, change: done.change });
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: done.change.action,
          entity: "holiday",
          entityId: done.change.date,
          details: { ...done.details, moved: moved.map((m) => ({ id: m.id, code: m.code, changes: m.changes })) },
        },
        trx,
      );
      // The calendar lock is held, so no other change of this kind and day can land meanwhile:
      // the newest such entry is this one.
      const entry = await trx
        .selectFrom("audit_log")
        .select("id")
        .where("entity", "=", "holiday")
        .where("entity_id", "=", done.change.date)
        .where("action", "=", done.change.action)
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      return { ok: true, changeId: String(entry.id), moved } as const;
    });
}

/** Adds a day, or changes the day first saved as `original` (its date may move). A day the admin
 * saves is confirmed. */
export async function saveHoliday(
  day: { date: string; nameVi: string; nameEn: string; kind: "off" | "work" },
  original: string | null,
  actor: StaffActor & { name?: string },
  client: Client | null,
): Promise<CalendarResult> {
  return changeCalendar(actor, client, async (trx) => {
    const input = { date: day.date, name_vi: day.nameVi, name_en: day.nameEn, kind: day.kind, confirmed: true };
    const clash = await trx.selectFrom("holiday").select("date").where("date", "=", input.date).executeTakeFirst();
    if (clash && clash.date !== original) return { ok: false, error: "dateTaken" } as const;
    if (original) {
      const res = await trx.deleteFrom("holiday").where("date", "=", original).executeTakeFirst();
      if (!Number(res.numDeletedRows)) return { ok: false, error: "notFound" } as const;
    }
    await trx.insertInto("holiday").values(input).execute();
    const movedFrom = original && original !== input.date ? original : undefined;
    return {
      ok: true,
      change: {
        action: original ? "holiday.update" : "holiday.create",
        date: input.date,
        ...(movedFrom ? { movedFrom } : {}),
      },
      details: { ...input, ...(movedFrom ? { movedFrom } : {}) },
    } as const;
  });
}

export async function deleteHoliday(
  date: string,
  actor: StaffActor & { name?: string },
  client: Client | null,
): Promise<CalendarResult> {
  return changeCalendar(actor, client, async (trx) => {
    const row = await trx
      .deleteFrom("holiday")
      .where("date", "=", date)
      .returning(["name_vi", "kind"])
      .executeTakeFirst();
    if (!row) return { ok: false, error: "notFound" } as const;
    return { ok: true, change: { action: "holiday.delete", date }, details: row } as const;
  });
}

export interface CalendarChangeNotice {
  action: string;
  date: string;
  moved: MovedCase[];
}

/** What a calendar change moved, read back from its audit entry for the page after it. */
export async function calendarChangeNotice(changeId: string): Promise<CalendarChangeNotice | null> {
  if (!/^\d{1,18}$/.test(changeId)) return null;
  const row = await db()
    .selectFrom("audit_log")
    .select(["action", "entity_id", "details"])
    .where("id", "=", changeId)
    .where("entity", "=", "holiday")
    .executeTakeFirst();
  if (!row || !row.entity_id) return null;
  const details = (row.details ?? {}) as { moved?: MovedCase[] };
  return { action: row.action, date: row.entity_id, moved: Array.isArray(details.moved) ? details.moved : [] };
}

export interface HolidayWarning extends HolidayCoverage {
  /** Days in the window shipped from the statute and not yet confirmed by the admin. */
  unconfirmed: string[];
}

/** What the dashboard warns about, for the coming 60 days from `now`; null when all is well. */
export async function holidayWarning(now = new Date()): Promise<HolidayWarning | null> {
  const today = vnDay(now);
  const first = Number(today.slice(0, 4));
  const years = await db()
    .selectFrom("holiday")
    .select(sql<string>`to_char(date, 'YYYY')`.as("year"))
    .where("date", ">=", `${first}-01-01`)
    .where("date", "<=", `${first + 1}-12-31`)
    .groupBy(sql`to_char(date, 'YYYY')`)
    .execute();
  const coverage = holidayCoverage(
    today,
    years.map((y) => y.year),
  );
  const unconfirmed = await db()
    .selectFrom("holiday")
    .select("date")
    .where("confirmed", "=", false)
    .where("date", ">=", coverage.from)
    .where("date", "<=", coverage.to)
    .orderBy("date")
    .execute();
  if (!coverage.missingYears.length && !unconfirmed.length) return null;
  return { ...coverage, unconfirmed: unconfirmed.map((u) => u.date) };
}
