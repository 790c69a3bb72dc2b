// The holiday calendar: public holidays and swapped days ("off") and weekend days made working
// days ("work"). The national calendar is shared and kept by the installation's admin; each
// agency adds its own days on top (docs/rules/holidays.md "An agency's own days"). Working-day
// deadlines (feedback) are counted from the national days and the agency's own, and a change
// moves the limits of the open feedback cases it concerns: every agency's for a national day,
// that agency's for an own day.
import { sql, type Kysely } from "kysely";
import { holidayCoverage, type HolidayCoverage } from "~/features/admin/holiday-coverage";
import { vnDay } from "~/kernel/time/clock";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import {
  calendars,
  lockCalendar,
  moveOpenDeadlines,
  type CalendarChange,
  type MovedCase,
} from "~/features/feedback/feedback-deadlines.server";
import { db } from "~/kernel/db/db.server";
import { agencyDays, nationalDays, removeDay, writeDay, type DayInput } from "~/features/admin/calendar-days.server";
import { DEFAULT_AGENCY_ID } from "~/kernel/agency/agency.server";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../../db/types";

/** The national calendar is kept by the installation's admin: the admin of the default agency
 * (docs/rules/holidays.md). Every other agency's admin keeps its own days only. */
export const keepsNationalCalendar = (agencyId: number) => agencyId === DEFAULT_AGENCY_ID;

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

type CalendarError = "dateTaken" | "notFound" | "nationalDay";
const dayInput = (day: { date: string; nameVi: string; nameEn: string; kind: "off" | "work" }): DayInput => ({
  date: day.date,
  name_vi: day.nameVi,
  name_en: day.nameEn,
  kind: day.kind,
});
export type CalendarResult = { ok: true; changeId: string; moved: MovedCase[] } | { ok: false; error: CalendarError };

/** Runs one change of the calendar: serialised with any other, then the limits of every open
 * feedback case are counted again on the new calendar (docs/rules/holidays.md), and the change is
 * audited with the cases it moved. The audit entry's id lets the page show what moved. */
async function changeCalendar(
  actor: StaffActor & { name?: string },
  client: Client | null,
  /** null: the national calendar; else the agency whose own day changes. */
  agencyId: number | null,
  apply: (
    trx: Kysely<Database>,
  ) => Promise<
    { ok: true; change: CalendarChange; details: Record<string, unknown> } | { ok: false; error: CalendarError }
  >,
): Promise<CalendarResult> {
  const entity = agencyId === null ? "holiday" : "agency_holiday";
  return db()
    .transaction()
    .execute(async (trx) => {
      await lockCalendar(trx);
      const before = await calendars(trx);
      const done = await apply(trx);
      if (!done.ok) return done;
      const after = await calendars(trx);
      const moved = await moveOpenDeadlines(trx, before, after, { actor, client, change: done.change }, agencyId);
      await recordAudit(
        client,
        {
          agencyId: actor.agencyId,
          actor,
          action: done.change.action,
          entity,
          entityId: done.change.date,
          details: {
            ...done.details,
            ...(agencyId === null ? {} : { agencyId }),
            moved: moved.map((m) => ({ agencyId: m.agencyId, id: m.id, code: m.code, changes: m.changes })),
          },
        },
        trx,
      );
      // The calendar lock is held, so no other change of this kind and day can land meanwhile:
      // the newest such entry is this one.
      const entry = await trx
        .selectFrom("audit_log")
        .select("id")
        .where("entity", "=", entity)
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
  return changeCalendar(actor, client, null, (trx) => writeDay(trx, nationalDays, dayInput(day), original));
}

export async function deleteHoliday(
  date: string,
  actor: StaffActor & { name?: string },
  client: Client | null,
): Promise<CalendarResult> {
  return changeCalendar(actor, client, null, (trx) => removeDay(trx, nationalDays, date));
}

export interface CalendarChangeNotice {
  action: string;
  date: string;
  moved: MovedCase[];
}

/** What a calendar change moved, read back from its audit entry for the page after it, as the
 * given agency's staff may see it: a national change with that agency's moved cases only (an entry
 * from before own calendars names no agency: its cases were the default agency's), an own change
 * of that agency only. */
export async function calendarChangeNotice(changeId: string, agencyId: number): Promise<CalendarChangeNotice | null> {
  if (!/^\d{1,18}$/.test(changeId)) return null;
  const row = await db()
    .selectFrom("audit_log")
    .select(["action", "entity", "entity_id", "details"])
    .where("id", "=", changeId)
    .where("entity", "in", ["holiday", "agency_holiday"])
    .executeTakeFirst();
  if (!row || !row.entity_id) return null;
  const details = (row.details ?? {}) as { moved?: MovedCase[]; agencyId?: number };
  if (row.entity === "agency_holiday" && details.agencyId !== agencyId) return null;
  const moved = (Array.isArray(details.moved) ? details.moved : []).filter(
    (m) => (m.agencyId ?? DEFAULT_AGENCY_ID) === agencyId,
  );
  return { action: row.action, date: row.entity_id, moved };
}

/** An agency's own days, in date order. */
export async function ownHolidays(agencyId: number): Promise<Omit<HolidayRow, "confirmed">[]> {
  return db()
    .selectFrom("agency_holiday")
    .select(["date", "name_vi", "name_en", "kind"])
    .where("agency_id", "=", agencyId)
    .orderBy("date")
    .execute();
}

export async function getOwnHoliday(agencyId: number, date: string) {
  return db()
    .selectFrom("agency_holiday")
    .select(["date", "name_vi", "name_en", "kind"])
    .where("agency_id", "=", agencyId)
    .where("date", "=", date)
    .executeTakeFirst();
}

/** Adds one of the agency's own days, or changes the one first saved as `original`. A date the
 * national calendar already has is refused: the national day stands for every agency. */
export async function saveOwnHoliday(
  agencyId: number,
  day: { date: string; nameVi: string; nameEn: string; kind: "off" | "work" },
  original: string | null,
  actor: StaffActor & { name?: string },
  client: Client | null,
): Promise<CalendarResult> {
  return changeCalendar(actor, client, agencyId, async (trx) => {
    if (await nationalDays.taken(trx, day.date)) return { ok: false, error: "nationalDay" } as const;
    return writeDay(trx, agencyDays(agencyId, actor.id), dayInput(day), original);
  });
}

export async function deleteOwnHoliday(
  agencyId: number,
  date: string,
  actor: StaffActor & { name?: string },
  client: Client | null,
): Promise<CalendarResult> {
  return changeCalendar(actor, client, agencyId, (trx) => removeDay(trx, agencyDays(agencyId, actor.id), date));
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
