// Start-up and shutdown of the portal process, called by server.js through the built entry.
import { ensureFirstAdmin } from "~/features/accounts/staff.server";
import { currentDatabase, setDatabase } from "../../db/client";
import { DataDirLockedError } from "../../db/lock";
import { openDatabase } from "../../db/open";
import { demoStaff } from "../../db/seed/staff";
import { db } from "./db/db.server";
import { env, type Env } from "./env.server";
import {
  startRetentionSchedule,
  startRollupSchedule,
  stopRetentionSchedule,
  stopRollupSchedule,
} from "./schedule.server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parses the environment and opens the database. A PostgreSQL server that is still starting
 * gets up to 30 s; a locked embedded directory or a bad setting fails at once. */
export async function startPortal(): Promise<Env> {
  const e = env();
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seedDemo: e.SEED_DEMO });
      await ensureFirstAdmin(e.ADMIN_EMAIL, e.ADMIN_PASSWORD, (m) => console.log(m));
      if (e.SEED_DEMO) await printDemoAccounts();
      // Erase expired personal data now and daily; not awaited, so listening does not wait.
      startRetentionSchedule();
      startRollupSchedule();
      return e;
    } catch (err) {
      if (err instanceof DataDirLockedError || !e.DATABASE_URL || Date.now() > deadline) throw err;
      console.error(`[db] PostgreSQL not reachable yet (${(err as Error).message}); retrying in 2 s`);
      await sleep(2000);
    }
  }
}

async function printDemoAccounts() {
  const present = await db()
    .selectFrom("staff_user")
    .select("email")
    .where(
      "email",
      "in",
      demoStaff.map((s) => s.email),
    )
    .execute();
  if (!present.length) return;
  console.log("[demo] DEMO ONLY accounts (never on a real deployment; set SEED_DEMO=false):");
  for (const s of demoStaff.filter((d) => present.some((p) => p.email === d.email))) {
    console.log(`[demo]   ${s.role.padEnd(8)} ${s.email}  ${s.password}`);
  }
}

export async function stopPortal(): Promise<void> {
  await Promise.all([stopRetentionSchedule(), stopRollupSchedule()]);
  const handle = currentDatabase();
  setDatabase(null);
  await handle?.close();
}
