// How many active units and procedures an agency has (the home page's counts).
import { db } from "~/kernel/db/db.server";

export async function catalogCounts(agencyId: number) {
  const row = await db()
    .selectNoFrom((eb) => [
      eb
        .selectFrom("unit")
        .where("agency_id", "=", agencyId)
        .where("active", "=", true)
        .select(eb.fn.countAll<number>().as("n"))
        .as("units"),
      eb
        .selectFrom("procedure")
        .where("agency_id", "=", agencyId)
        .where("active", "=", true)
        .select(eb.fn.countAll<number>().as("n"))
        .as("procedures"),
    ])
    .executeTakeFirstOrThrow();
  return { units: Number(row.units), procedures: Number(row.procedures) };
}
