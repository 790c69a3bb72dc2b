// The holiday calendar: public holidays and swapped days ("off") and weekend days made working
// days ("work"). Working-day deadlines (feedback, dialogue notices) are counted from it.
import { recordAudit, type Actor } from "~/models/audit.server";
import { db } from "~/utils/db.server";

export interface HolidayRow {
  date: string;
  name_vi: string;
  name_en: string;
  kind: "off" | "work";
}

/** Days from `fromDate` to `toDate`, both included ("YYYY-MM-DD"), in date order. */
export async function listHolidays(fromDate: string, toDate: string): Promise<HolidayRow[]> {
  return db()
    .selectFrom("holiday")
    .select(["date", "name_vi", "name_en", "kind"])
    .where("date", ">=", fromDate)
    .where("date", "<=", toDate)
    .orderBy("date")
    .execute();
}

/** The whole calendar grouped by year, newest year first, days in order within a year. */
export async function holidaysByYear(): Promise<{ year: string; days: HolidayRow[] }[]> {
  const rows = await db().selectFrom("holiday").select(["date", "name_vi", "name_en", "kind"]).orderBy("date").execute();
  const years = new Map<string, HolidayRow[]>();
  for (const r of rows) {
    const y = r.date.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), r]);
  }
  return [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, days]) => ({ year, days }));
}

export async function getHoliday(date: string): Promise<HolidayRow | undefined> {
  return db().selectFrom("holiday").select(["date", "name_vi", "name_en", "kind"]).where("date", "=", date).executeTakeFirst();
}

/** Adds a day, or changes the day first saved as `original` (its date may move). */
export async function saveHoliday(
  day: { date: string; nameVi: string; nameEn: string; kind: "off" | "work" },
  original: string | null,
  actor: Actor,
  request: Request,
): Promise<{ ok: true } | { ok: false; error: "dateTaken" | "notFound" }> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const input: HolidayRow = { date: day.date, name_vi: day.nameVi, name_en: day.nameEn, kind: day.kind };
      const clash = await trx.selectFrom("holiday").select("date").where("date", "=", input.date).executeTakeFirst();
      if (clash && clash.date !== original) return { ok: false, error: "dateTaken" } as const;
      if (original) {
        const res = await trx.deleteFrom("holiday").where("date", "=", original).executeTakeFirst();
        if (!Number(res.numDeletedRows)) return { ok: false, error: "notFound" } as const;
      }
      await trx.insertInto("holiday").values(input).execute();
      await recordAudit(
        request,
        { actor, action: original ? "holiday.update" : "holiday.create", entity: "holiday", entityId: input.date, details: { ...input, ...(original && original !== input.date ? { movedFrom: original } : {}) } },
        trx,
      );
      return { ok: true } as const;
    });
}

export async function deleteHoliday(date: string, actor: Actor, request: Request): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const row = await trx.deleteFrom("holiday").where("date", "=", date).returning(["name_vi", "kind"]).executeTakeFirst();
      if (!row) return false;
      await recordAudit(request, { actor, action: "holiday.delete", entity: "holiday", entityId: date, details: row }, trx);
      return true;
    });
}
