// Saving and deleting one day, the same steps for the national calendar and for an agency's own:
// only where the rows live differs (the shared table, or one agency's rows of agency_holiday).
// Both run inside a calendar change (holidays.server.ts), which locks the calendar, moves the
// open deadlines and audits what these steps return.
import type { Kysely } from "kysely";
import type { CalendarChange } from "~/features/feedback/feedback-deadlines.server";
import type { Database } from "../../../db/types";

type Trx = Kysely<Database>;

export interface DayInput {
  date: string;
  name_vi: string;
  name_en: string;
  kind: "off" | "work";
}

/** Where one calendar's days are kept. */
export interface DayStore {
  taken(trx: Trx, date: string): Promise<boolean>;
  /** Removes the day; what was removed, or undefined when there was none. */
  remove(trx: Trx, date: string): Promise<{ name_vi: string; kind: "off" | "work" } | undefined>;
  /** Writes the day; returns the fields the audit entry records. */
  insert(trx: Trx, day: DayInput): Promise<Record<string, unknown>>;
}

/** The shared calendar. A day the admin saves is confirmed (checked against the announcement). */
export const nationalDays: DayStore = {
  taken: async (trx, date) =>
    !!(await trx.selectFrom("holiday").select("date").where("date", "=", date).executeTakeFirst()),
  remove: (trx, date) =>
    trx.deleteFrom("holiday").where("date", "=", date).returning(["name_vi", "kind"]).executeTakeFirst(),
  insert: async (trx, day) => {
    const row = { ...day, confirmed: true };
    await trx.insertInto("holiday").values(row).execute();
    return row;
  },
};

/** One agency's own days; every query is held to that agency's rows. */
export function agencyDays(agencyId: number, createdBy: number): DayStore {
  return {
    taken: async (trx, date) =>
      !!(await trx
        .selectFrom("agency_holiday")
        .select("date")
        .where("agency_id", "=", agencyId)
        .where("date", "=", date)
        .executeTakeFirst()),
    remove: (trx, date) =>
      trx
        .deleteFrom("agency_holiday")
        .where("agency_id", "=", agencyId)
        .where("date", "=", date)
        .returning(["name_vi", "kind"])
        .executeTakeFirst(),
    insert: async (trx, day) => {
      await trx
        .insertInto("agency_holiday")
        .values({ agency_id: agencyId, ...day, created_by: createdBy })
        .execute();
      // The agency is recorded by the calendar change itself, the author by the audit entry.
      return { ...day };
    },
  };
}

export type DayStepResult =
  | { ok: true; change: CalendarChange; details: Record<string, unknown> }
  | { ok: false; error: "dateTaken" | "notFound" };

/** Adds a day, or replaces the one first saved as `original` (its date may move). */
export async function writeDay(
  trx: Trx,
  store: DayStore,
  day: DayInput,
  original: string | null,
): Promise<DayStepResult> {
  // Keeping its own date is no clash for the day being edited.
  if (day.date !== original && (await store.taken(trx, day.date))) return { ok: false, error: "dateTaken" };
  if (original && !(await store.remove(trx, original))) return { ok: false, error: "notFound" };
  const written = await store.insert(trx, day);
  const movedFrom = original && original !== day.date ? original : undefined;
  return {
    ok: true,
    change: {
      action: original ? "holiday.update" : "holiday.create",
      date: day.date,
      ...(movedFrom ? { movedFrom } : {}),
    },
    details: { ...written, ...(movedFrom ? { movedFrom } : {}) },
  };
}

export async function removeDay(trx: Trx, store: DayStore, date: string): Promise<DayStepResult> {
  const row = await store.remove(trx, date);
  if (!row) return { ok: false, error: "notFound" };
  return { ok: true, change: { action: "holiday.delete", date }, details: row };
}
