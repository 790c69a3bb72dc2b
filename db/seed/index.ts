// Demo data so a newcomer sees a living portal. Written only into an empty database (no units
// yet), under an advisory lock so two instances starting together do not both write it.
import { sql } from "kysely";
import type { DB } from "../client";
import { hashPassword } from "../../app/features/accounts/password.server";
import { seedFeedback } from "./feedback";
import { seedDialogue } from "./dialogue";
import { demoHolidays } from "./holidays";
import { demoProcedures } from "./procedures";
import { demoStaff } from "./staff";
import { seedDemoResponses } from "./responses";
import { sendDemoPeriod } from "./sent-period";
import { seedSurveys } from "./survey";
import { demoUnits } from "./units";

const SEED_LOCK = 7_210_001;

async function seedFoundation(trx: DB) {
  const ids = new Map<string, number>();
  for (const [i, u] of demoUnits.entries()) {
    const row = await trx
      .insertInto("unit")
      .values({
        code: u.code,
        name_vi: u.name_vi,
        name_en: u.name_en,
        kind: u.kind,
        parent_id: u.parent ? ids.get(u.parent)! : null,
        sort_order: i,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(u.code, row.id);
  }
  await trx
    .insertInto("procedure")
    .values(
      demoProcedures.map((p) => ({
        code: p.code,
        name_vi: p.name_vi,
        name_en: p.name_en,
        field_vi: p.field_vi,
        field_en: p.field_en,
        unit_id: ids.get(p.unit) ?? null,
      })),
    )
    .execute();
  await trx
    .insertInto("holiday")
    .values(demoHolidays)
    .onConflict((oc) => oc.column("date").doNothing())
    .execute();
}

async function seedStaff(trx: DB) {
  const units = await trx.selectFrom("unit").select(["id", "code"]).execute();
  const unitId = (code: string | null) => units.find((u) => u.code === code)?.id ?? null;
  for (const s of demoStaff) {
    await trx
      .insertInto("staff_user")
      .values({
        email: s.email,
        name: s.name,
        role: s.role,
        unit_id: unitId(s.unit),
        password_hash: await hashPassword(s.password),
      })
      .execute();
  }
}

export interface SeedOptions {
  /** Responses per survey kind; the demo writes a year of them ({ B: 2600, A: 700 }). Tests that
   * check another part of the demo pass fewer: the answers are most of the seed's time. */
  responses?: Record<string, number>;
}

/** Returns true when it wrote the demo data, false when the database already had data. */
export async function seedDemo(db: DB, opts: SeedOptions = {}): Promise<boolean> {
  const wrote = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const { n } = await trx
      .selectFrom("unit")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) return false;
    // Each feature's demo data, in the order they depend on each other.
    await seedFoundation(trx);
    await seedStaff(trx);
    await seedSurveys(trx);
    await seedFeedback(trx);
    await seedDialogue(trx);
    await seedDemoResponses(trx, { perSurvey: opts.responses });
    return true;
  });
  // After the data is committed: sending folds the rollups and copies them, as the Office would.
  if (wrote) await sendDemoPeriod(db);
  return wrote;
}
