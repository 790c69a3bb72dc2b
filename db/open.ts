// Opens the process-wide database from the parsed environment: connect, migrate, seed the demo
// data into an empty database, then publish the handle. A failure leaves nothing cached, so the
// next attempt starts clean.
import { connect, setDatabase, type DatabaseHandle } from "./client";
import { migrateToLatest } from "./migrate";
import { seedDemo } from "./seed/index";

export interface OpenOptions {
  databaseUrl?: string;
  pgliteDir: string;
  seedDemo: boolean;
  log?: (msg: string) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const handle = await connect(opts.databaseUrl ? { url: opts.databaseUrl } : { pgliteDir: opts.pgliteDir });
  try {
    await migrateToLatest(handle.db);
    if (opts.seedDemo && (await seedDemo(handle.db))) log("[db] demo data written into the empty database");
  } catch (e) {
    await handle.close().catch(() => {});
    throw e;
  }
  setDatabase(handle);
  log(`[db] ${handle.kind === "postgres" ? "PostgreSQL" : `embedded PostgreSQL in ${opts.pgliteDir}`} ready`);
  return handle;
}
