// Start-up and shutdown of the portal process, called by server.js through the built entry.
import { currentDatabase, setDatabase } from "../../db/client";
import { DataDirLockedError } from "../../db/lock";
import { openDatabase } from "../../db/open";
import { env, type Env } from "./env.server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parses the environment and opens the database. A PostgreSQL server that is still starting
 * gets up to 30 s; a locked embedded directory or a bad setting fails at once. */
export async function startPortal(): Promise<Env> {
  const e = env();
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await openDatabase({ databaseUrl: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seedDemo: e.SEED_DEMO });
      return e;
    } catch (err) {
      if (err instanceof DataDirLockedError || !e.DATABASE_URL || Date.now() > deadline) throw err;
      console.error(`[db] PostgreSQL not reachable yet (${(err as Error).message}); retrying in 2 s`);
      await sleep(2000);
    }
  }
}

export async function stopPortal(): Promise<void> {
  const handle = currentDatabase();
  setDatabase(null);
  await handle?.close();
}
