// The demo sends (freezes) its last closed report period the way the Office would, through the report
// service, so a fresh demo's public results page (/ket-qua) and report document show real, frozen
// figures instead of an empty list.
import type { PeriodKind } from "../../app/features/reports/report-periods";
import { defaultWindow, PERIOD_KINDS } from "../../app/features/reports/report-periods";
import { sendPeriodReport } from "../../app/features/reports/report-send.server";
import { vnDay } from "../../app/kernel/time/clock";
import { currentDatabase, setDatabase, type DB } from "../client";

/** The closed report period (window ended before `today`) that ended last; of two ending the same
 * day, the longer one (the 9-month report over the third quarter), as it covers more answers. */
export function lastClosedPeriod(today: string): { year: number; kind: PeriodKind } {
  const year = Number(today.slice(0, 4));
  const closed = [year, year - 1]
    .flatMap((y) => PERIOD_KINDS.map((kind) => defaultWindow(y, kind)))
    .filter((w) => w.end < today)
    .sort((a, b) => (a.end === b.end ? a.start.localeCompare(b.start) : b.end.localeCompare(a.end)));
  return { year: closed[0].year, kind: closed[0].kind };
}

/** Sends the last closed period as the demo Office account. The report services read the
 * process-wide database; a seed run before it is published (server start, the CLI) lends them
 * this one for the call and puts the previous one back. */
export async function sendDemoPeriod(db: DB, now = new Date()) {
  const office = await db
    .selectFrom("staff_user")
    .select(["id", "email", "name", "role", "unit_id"])
    .where("role", "=", "office")
    .orderBy("id")
    .executeTakeFirst();
  if (!office) return null;
  const { year, kind } = lastClosedPeriod(vnDay(now));
  const previous = currentDatabase();
  const lend = previous?.db !== db;
  if (lend) setDatabase({ db, kind: "postgres", pool: null as never, close: async () => {} });
  try {
    const user = {
      id: office.id,
      email: office.email,
      name: office.name,
      role: office.role,
      unitId: office.unit_id,
      agencyId: 1,
      mustChangePassword: false,
      sessionId: "demo-seed",
    };
    return await sendPeriodReport({ ip: "demo-seed" }, user, year, kind);
  } finally {
    if (lend) setDatabase(previous);
  }
}
