// An isolated database for one test file: its own schema on the server named by DATABASE_URL,
// or its own in-memory embedded PostgreSQL started from a migrated template. Dropped afterwards.
import fs from "node:fs";
import crypto from "node:crypto";
import pg from "pg";
import { connect, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

export interface TestDatabase extends DatabaseHandle {
  dispose(): Promise<void>;
}

export async function createTestDatabase(templatePath?: string, runId = ""): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${runId || "x"}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = await connect({ url, schema, poolMax: 20 });
    await migrateRacingOtherFiles(handle, schema);
    return {
      ...handle,
      async dispose() {
        await handle.close();
        // Inside a test run the global teardown drops every schema of the run at once; a caller
        // outside one (no run id) drops its own.
        if (runId) return;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const loadDataDir = templatePath ? new Blob([fs.readFileSync(templatePath)]) : undefined;
  const handle = await connect({ pgliteDir: "memory://", loadDataDir, lock: false });
  // The template was migrated to the latest migration, and its cached file is named by a hash of
  // every migration (test/support/global-setup.ts): migrating it again found nothing to do, at
  // about 0.4 s of CPU per test file. Without one the schema is built here from scratch.
  if (!loadDataDir) await migrateToLatest(handle.db);
  return { ...handle, dispose: () => handle.close() };
}

/** Kysely's migrator first checks that its own tables exist by introspecting EVERY schema on the
 * server, outside its lock (kysely/dist/esm/migration/migrator.js, getTables), and that query
 * fails when another test file drops a table or a column at that moment (foundation.test.ts
 * migrates its schema down and up): "relation … does not exist", or, from the introspection's
 * pg_get_serial_sequence() on a column dropped under it, "column … of relation … does not exist"
 * (seen once in CI on staff-audit.test.ts). Such a failure names no migration (Kysely had not
 * started one); only that failure is retried. */
async function migrateRacingOtherFiles(handle: DatabaseHandle, schema: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(handle.db, schema);
      return;
    } catch (e) {
      const raced =
        e instanceof Error &&
        e.message.startsWith("Migration  failed:") &&
        /(relation "[^"]+"|column "[^"]+" of relation "[^"]+") does not exist/.test(e.message) &&
        !e.message.includes(`"${schema}.`);
      if (!raced || attempt === 5) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}
